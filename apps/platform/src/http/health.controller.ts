import { Public } from '@tenderledger/auth';
import { Controller, Get, HttpCode, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';

/** More things /health checks beyond the store (the distributed shape adds Kafka). */
export const HEALTH_CHECKS = Symbol.for('tenderledger.HealthChecks');
export interface HealthCheck {
  readonly name: string;
  /** Resolves when healthy; throws (with a sentence) when not. */
  check(): Promise<void>;
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(HEALTH_CHECKS) private readonly checks: readonly HealthCheck[] = [],
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The event store answers.', schema: { example: { status: 'ok', store: 'pglite', headPosition: 0 } } })
  @ApiServiceUnavailableResponse({ description: 'The event store does not answer.' })
  async health(): Promise<{ status: 'ok'; store: string; headPosition: number; checks?: Record<string, 'ok'> }> {
    let headPosition: number;
    try {
      await this.store.ping();
      headPosition = await this.store.headPosition();
    } catch (error) {
      throw new ServiceUnavailableException({ statusCode: 503, code: 'STORE_UNREACHABLE', message: `The event store (${this.store.kind}) does not answer: ${(error as Error).message}` });
    }
    if (!this.checks?.length) return { status: 'ok', store: this.store.kind, headPosition };
    const results: Record<string, 'ok'> = {};
    for (const check of this.checks) {
      try {
        await check.check();
        results[check.name] = 'ok';
      } catch (error) {
        throw new ServiceUnavailableException({ statusCode: 503, code: `${check.name.toUpperCase()}_UNHEALTHY`, message: `${check.name}: ${(error as Error).message}` });
      }
    }
    return { status: 'ok', store: this.store.kind, headPosition, checks: results };
  }
}
