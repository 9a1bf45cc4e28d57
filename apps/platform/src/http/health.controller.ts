import { Public } from '@tenderledger/auth';
import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The event store answers.', schema: { example: { status: 'ok', store: 'pglite', headPosition: 0 } } })
  @ApiServiceUnavailableResponse({ description: 'The event store does not answer.' })
  async health(): Promise<{ status: 'ok'; store: string; headPosition: number }> {
    try {
      await this.store.ping();
      return { status: 'ok', store: this.store.kind, headPosition: await this.store.headPosition() };
    } catch (error) {
      throw new ServiceUnavailableException({ statusCode: 503, code: 'STORE_UNREACHABLE', message: `The event store (${this.store.kind}) does not answer: ${(error as Error).message}` });
    }
  }
}
