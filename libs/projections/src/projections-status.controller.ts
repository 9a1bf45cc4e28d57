import { Controller, Get, HttpCode, Inject, NotFoundException, Optional, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tenderledger/auth';
import { EVENT_STORE, PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from './runtime/projection-runner';
import { projectionStatuses, type ProjectionStatus } from './runtime/projection-status';
import { SqlProjectionRunner, type RebuildProgress } from './runtime/sql-projection-runner';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('api/projections')
export class ProjectionsStatusController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(SqlProjectionRunner) private readonly sqlRunner?: SqlProjectionRunner,
  ) {}

  @Get()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Each registered projection: its position, and how far behind the store it is in events (bounded count) and seconds; rebuilds of SQL projections with their progress.' })
  @ApiOkResponse({ description: '{ headPosition, projections: [{ name, kind, position, lagEvents, lagEventsAtLeast, lagSeconds, rebuild?, … }], rebuilds: [{ id, name, state, processed, total, … }] }' })
  @ApiForbiddenResponse({ description: 'ROLE_NOT_ALLOWED' })
  async list(): Promise<{ headPosition: number; projections: (ProjectionStatus & { rebuild?: RebuildProgress })[]; rebuilds: RebuildProgress[] }> {
    const statuses = await projectionStatuses(this.runner, this.store);
    const rebuilds = this.sqlRunner?.rebuildStatus() ?? [];
    const projections = statuses.map((status) => {
      const rebuild = rebuilds.find((r) => r.name === status.name);
      return rebuild ? { ...status, rebuild } : status;
    });
    return { headPosition: statuses[0]?.headPosition ?? (await this.store.headPosition()), projections, rebuilds };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Rebuilds a SQL projection from position 0 into fresh tables while the current ones keep serving, then swaps them in. Progress on GET /api/projections.' })
  @ApiAcceptedResponse({ description: '{ rebuildId, name } — a rebuild already running for the projection is joined, not restarted' })
  @ApiNotFoundResponse({ description: 'PROJECTION_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'ROLE_NOT_ALLOWED' })
  rebuild(@Param('name') name: string): { rebuildId: string; name: string } {
    if (!this.sqlRunner?.names.includes(name)) {
      throw new NotFoundException({ statusCode: 404, code: 'PROJECTION_NOT_FOUND', message: `There is no rebuildable (SQL) projection ${name}.`, name });
    }
    const { id } = this.sqlRunner.startRebuild(name);
    return { rebuildId: id, name };
  }
}
