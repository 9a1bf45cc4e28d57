import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import { SqlProjectionsModule } from '../runtime/sql-projections.module';
import { OCDS_CONFIG, ocdsConfigFromEnv, type OcdsConfig } from './ocds-config';
import { OcdsController } from './ocds.controller';
import { OcdsReleases } from './ocds-releases';
import { OcdsSqlProjection } from './ocds.sql-projection';

/** OCDS export: a checkpointed SQL projection over the tender, bid, award and registry events, and its two routes. */
@Module({
  imports: [SqlProjectionsModule],
  controllers: [OcdsController],
  providers: [
    { provide: OCDS_CONFIG, useFactory: (): OcdsConfig => ocdsConfigFromEnv() },
    { provide: OcdsSqlProjection, useFactory: (config: OcdsConfig) => new OcdsSqlProjection(config.prefix), inject: [OCDS_CONFIG] },
    OcdsReleases,
  ],
  exports: [OcdsReleases, OCDS_CONFIG],
})
export class OcdsModule implements OnModuleInit {
  constructor(
    @Inject(SqlProjectionRunner) private readonly sqlRunner: SqlProjectionRunner,
    @Inject(OcdsSqlProjection) private readonly projection: OcdsSqlProjection,
  ) {}

  onModuleInit(): void {
    this.sqlRunner.register(this.projection);
  }
}
