import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import { AuthModule } from '@tenderledger/auth';
import { CLOCK, DEADLINE_TICKER, DeadlineTicker, EVENT_STORE, ID_GENERATOR, PROJECTION_RUNNER, uuidv7Generator, type Clock, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore, IdempotencyStore } from '@tenderledger/event-store';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from '@tenderledger/http-kit';
import { ProjectionRunner } from '@tenderledger/projections';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { WebUiController } from './http/web-ui.controller';
import { PlatformMetrics } from './infrastructure/metrics';
import type { PlatformConfig } from './infrastructure/platform-config';
import { CommittedEvent } from './infrastructure/committed-event';

export const PLATFORM_CONFIG = Symbol.for('tenderledger.PlatformConfig');

export interface PlatformModuleOptions {
  readonly config: PlatformConfig;
  readonly store: EventStore;
  readonly idempotency: IdempotencyStore;
  readonly clock: Clock;
  readonly ids?: IdGenerator;
  readonly metrics: PlatformMetrics;
  /** The bounded contexts' modules (registry, tendering, bidding, …). */
  readonly contexts?: DynamicModule['imports'];
  /**
   * The distributed shape's composition roots bring their own runner (where process managers hear
   * events from), ticker (which deadline jobs run here) and modules (Kafka routing, health checks).
   */
  readonly runner?: ProjectionRunner;
  readonly ticker?: DeadlineTicker;
  readonly imports?: DynamicModule['imports'];
}

/** The composition root of the one-process shape: every context on one store, in-process bus. */
@Module({})
export class PlatformModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DEADLINE_TICKER) private readonly ticker: DeadlineTicker,
    @Inject(EventBus) private readonly eventBus: EventBus,
  ) {}

  static register(options: PlatformModuleOptions): DynamicModule {
    const runner = options.runner ?? new ProjectionRunner(options.store);
    const logger = new Logger('ProcessManagers');
    const ticker =
      options.ticker ??
      new DeadlineTicker(options.clock, options.config.tickIntervalMs, (name, error) => logger.error(`${name} failed: ${(error as Error)?.message}`, (error as Error)?.stack));
    return {
      module: PlatformModule,
      global: true,
      imports: [CqrsModule.forRoot(), AuthModule.register(options.config.auth), ...(options.contexts ?? []), ...(options.imports ?? [])],
      controllers: [HealthController, MetricsController, WebUiController],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: IDEMPOTENCY_STORE, useValue: options.idempotency },
        { provide: CLOCK, useValue: options.clock },
        { provide: ID_GENERATOR, useValue: options.ids ?? uuidv7Generator },
        { provide: PLATFORM_CONFIG, useValue: options.config },
        { provide: PlatformMetrics, useValue: options.metrics },
        { provide: PROJECTION_RUNNER, useValue: runner },
        { provide: DEADLINE_TICKER, useValue: ticker },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [EVENT_STORE, IDEMPOTENCY_STORE, CLOCK, ID_GENERATOR, PLATFORM_CONFIG, PlatformMetrics, PROJECTION_RUNNER, DEADLINE_TICKER],
    };
  }

  /** Contexts registered their projections and tick handlers during init; now feed them. */
  async onApplicationBootstrap(): Promise<void> {
    // The in-process bus carries exactly what was committed (DESIGN §6): fed from the store.
    this.runner.onEvent((event) => this.eventBus.publish(new CommittedEvent(event)));
    await this.runner.start();
    this.logger.log(`read models caught up at position ${this.runner.position}`);
    this.ticker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ticker.stop();
    await this.runner.stop();
  }
}
