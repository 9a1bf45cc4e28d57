import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '../runtime/projection-runner';
import { OCDS_CONFIG, ocdsConfigFromEnv, type OcdsConfig } from './ocds-config';
import { OcdsController } from './ocds.controller';
import { OcdsProjection } from './ocds-projection';

/** OCDS export: an in-memory projection over the tender, bid, award and registry events, and its two routes. */
@Module({
  controllers: [OcdsController],
  providers: [
    { provide: OCDS_CONFIG, useFactory: (): OcdsConfig => ocdsConfigFromEnv() },
    { provide: OcdsProjection, useFactory: (config: OcdsConfig) => new OcdsProjection(config.prefix), inject: [OCDS_CONFIG] },
  ],
  exports: [OcdsProjection, OCDS_CONFIG],
})
export class OcdsModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(OcdsProjection) private readonly projection: OcdsProjection,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.projection);
  }
}
