import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import { SqlProjectionsModule } from '../runtime/sql-projections.module';
import { StatisticsController } from './http/statistics.controller';
import { TurnoverFactsSqlProjection } from './turnover-facts.sql-projection';
import { TurnoverReader } from './turnover-reader';

/** The turnover statistics: their facts as a checkpointed SQL projection in the events' database, and the HTTP route. */
@Module({
  imports: [SqlProjectionsModule],
  controllers: [StatisticsController],
  providers: [TurnoverFactsSqlProjection, TurnoverReader],
  exports: [TurnoverReader],
})
export class StatisticsModule implements OnModuleInit {
  constructor(
    @Inject(SqlProjectionRunner) private readonly sqlRunner: SqlProjectionRunner,
    @Inject(TurnoverFactsSqlProjection) private readonly facts: TurnoverFactsSqlProjection,
  ) {}

  onModuleInit(): void {
    this.sqlRunner.register(this.facts);
  }
}
