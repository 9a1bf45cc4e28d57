import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@tenderledger/auth';
import { CLOCK, EVENT_STORE, ID_GENERATOR, uuidv7Generator, type Clock, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { PlatformMetrics } from './infrastructure/metrics';
import type { PlatformConfig } from './infrastructure/platform-config';

export const PLATFORM_CONFIG = Symbol.for('tenderledger.PlatformConfig');

export interface PlatformModuleOptions {
  readonly config: PlatformConfig;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids?: IdGenerator;
  readonly metrics: PlatformMetrics;
}

/** The composition root of the one-process shape: every context on one store, in-process bus. */
@Module({})
export class PlatformModule {
  static register(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [CqrsModule.forRoot(), AuthModule.register(options.config.auth)],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: CLOCK, useValue: options.clock },
        { provide: ID_GENERATOR, useValue: options.ids ?? uuidv7Generator },
        { provide: PLATFORM_CONFIG, useValue: options.config },
        { provide: PlatformMetrics, useValue: options.metrics },
      ],
      exports: [EVENT_STORE, CLOCK, ID_GENERATOR, PLATFORM_CONFIG, PlatformMetrics],
    };
  }
}
