import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '../runtime/projection-runner';
import { StatisticsController } from './http/statistics.controller';
import { TurnoverStatistics } from './statistics-projection';

/** The turnover statistics: an in-memory projection fed by the runner, and its HTTP route. */
@Module({
  controllers: [StatisticsController],
  providers: [TurnoverStatistics],
  exports: [TurnoverStatistics],
})
export class StatisticsModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(TurnoverStatistics) private readonly statistics: TurnoverStatistics,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.statistics);
  }
}
