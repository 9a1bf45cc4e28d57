import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tenderledger/auth';
import { EVENT_STORE, PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from './runtime/projection-runner';
import { projectionStatuses, type ProjectionStatus } from './runtime/projection-status';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('api/projections')
export class ProjectionsStatusController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Each registered projection: its position, and how far behind the store it is in events (bounded count) and seconds.' })
  @ApiOkResponse({ description: '{ headPosition, projections: [{ name, kind, position, lagEvents, lagEventsAtLeast, lagSeconds, … }] }' })
  @ApiForbiddenResponse({ description: 'ROLE_NOT_ALLOWED' })
  async list(): Promise<{ headPosition: number; projections: ProjectionStatus[] }> {
    const projections = await projectionStatuses(this.runner, this.store);
    return { headPosition: projections[0]?.headPosition ?? (await this.store.headPosition()), projections };
  }
}
