import { Controller, Inject, Logger, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError } from '@tenderledger/domain-kit';
import { COMMAND_OWNERS, type ContextService } from './topology';
import { encode, fromWireCommand, toWireError, type WireCommand, type WireReply } from './wire';

/**
 * The Kafka edge of a context service: one @MessagePattern on `<prefix>.<service>.commands`.
 * It never throws: every failure becomes an error reply (Nest's Kafka transport would otherwise
 * retry a throwing handler and hold the partition), so the caller rethrows the same class.
 */
export function commandsController(topic: string, service: ContextService, staleAfterMs: number): Type<unknown> {
  @Controller()
  class CommandsController {
    private readonly logger = new Logger(`Commands:${service}`);

    constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

    @MessagePattern(topic)
    async handle(@Payload() wire: WireCommand, @Ctx() kafka: KafkaContext): Promise<WireReply> {
      const started = Date.now();
      try {
        // Its caller gave up long ago (e.g. a group resuming from old offsets): running it now would surprise everyone.
        const sentAt = Number(kafka.getMessage().timestamp);
        if (Number.isFinite(sentAt) && started - sentAt > staleAfterMs) {
          this.logger.warn(`${wire?.type} sent ${started - sentAt} ms ago not run: its caller has given up (correlationId=${wire?.correlationId})`);
          return { ok: false, error: { kind: 'internal', name: 'StaleCommand', message: 'the command arrived after its caller stopped waiting' } };
        }
        if (COMMAND_OWNERS[wire?.type] !== service) throw new Error(`${wire?.type} is not a command of ${service}`);
        const result: unknown = await this.bus.execute(fromWireCommand(wire) as never);
        this.logger.log(`${wire.type} done in ${Date.now() - started} ms correlationId=${wire.correlationId}`);
        return { ok: true, body: encode(result ?? null) };
      } catch (error) {
        if (error instanceof DomainError) this.logger.log(`${wire?.type} refused ${error.code} correlationId=${wire?.correlationId}`);
        else this.logger.error(`${wire?.type} failed correlationId=${wire?.correlationId}: ${(error as Error)?.message}`, (error as Error)?.stack);
        return { ok: false, error: toWireError(error) };
      }
    }
  }
  return CommandsController;
}
