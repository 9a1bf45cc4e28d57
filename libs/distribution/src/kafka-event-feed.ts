import { Logger } from '@nestjs/common';
import type { SqlExecutor } from '@tenderledger/event-store';
import { IdempotentEventConsumer, topicFor, type MessagingLogger } from '@tenderledger/messaging';
import type { DistributionConfig } from './distribution-config';
import type { DistributedProjectionRunner } from './distributed-runner';
import { CONTEXT_SERVICES } from './topology';

/**
 * Feeds a service's process managers from the relay's topics (DESIGN §6), through libs/messaging's
 * IdempotentEventConsumer: one consumer group per service, so each event reaches one instance of it;
 * each event id is marked consumed in the same transaction that ran the reaction, so a redelivery
 * (at-least-once) is skipped. Before reacting, the read models are let catch up to the event's
 * position (the process managers consult them). The reactions are idempotent against their target
 * streams and catch their own refusals; one that keeps failing is recorded by the consumer and skipped.
 */
export class KafkaEventFeed {
  private readonly consumer: IdempotentEventConsumer;
  private started = false;

  constructor(config: DistributionConfig, sql: SqlExecutor, runner: DistributedProjectionRunner) {
    this.consumer = new IdempotentEventConsumer({
      brokers: config.brokers,
      name: `${config.prefix}-${config.service}-reactions`,
      topics: CONTEXT_SERVICES.map((context) => topicFor(context, config.prefix)),
      sql,
      clientId: `${config.prefix}-${config.instanceId}-reactions`,
      // From the beginning for a new group: a service started after events were published still hears them.
      fromBeginning: true,
      handler: (event) => runner.deliver(event),
      logger: nestLogger(new Logger('Reactions')),
    });
  }

  get ready(): boolean {
    return this.started;
  }

  stats(): ReturnType<IdempotentEventConsumer['stats']> {
    return this.consumer.stats();
  }

  async start(): Promise<void> {
    await this.consumer.start();
    this.started = true;
  }

  /** Finishes the event in hand, commits its offset and leaves the group. */
  async stop(): Promise<void> {
    this.started = false;
    await this.consumer.stop();
  }
}

function nestLogger(logger: Logger): MessagingLogger {
  const line = (fields: Record<string, unknown>, message: string): string => `${message} ${JSON.stringify(fields)}`;
  return {
    debug: (fields, message) => logger.debug(line(fields, message)),
    info: (fields, message) => logger.log(line(fields, message)),
    warn: (fields, message) => logger.warn(line(fields, message)),
    error: (fields, message) => logger.error(line(fields, message)),
  };
}
