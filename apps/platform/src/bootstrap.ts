import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { OffsetClock, PROJECTION_RUNNER, type Clock, type IdGenerator } from '@tenderledger/domain-kit';
import { registerProjectionGauges } from '@tenderledger/projections';
import { openEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { correlationIds, createValidationPipe, ErrorFilter, rateLimit } from '@tenderledger/http-kit';
import type { DynamicModule } from '@nestjs/common';
import { PlatformModule } from './platform.module';
import { PlatformMetrics } from './infrastructure/metrics';
import type { PlatformConfig } from './infrastructure/platform-config';
import { requestMetrics } from './http/request-metrics.middleware';
import { mountWebUi } from './http/web-ui';
import { platformContexts } from './contexts';
import { resolveSealingKey } from './infrastructure/sealing-key';

export interface PlatformApp {
  readonly app: INestApplication;
  readonly store: SqlEventStore;
  readonly clock: Clock;
}

export interface CreatePlatformOptions {
  readonly config: PlatformConfig;
  /** Tests pass an in-memory store and a fixed clock; otherwise both come from the config. */
  readonly store?: SqlEventStore;
  /** The contexts to compose; defaults to every context of the platform. */
  readonly contexts?: DynamicModule['imports'];
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: LoggerService | false;
}

/** Builds the whole platform (used by main.ts and by the e2e tests alike). */
export async function createPlatformApp(options: CreatePlatformOptions): Promise<PlatformApp> {
  const store = options.store ?? (await openEventStore(options.config.eventStore));
  const clock = options.clock ?? new OffsetClock();
  const metrics = new PlatformMetrics();
  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.register({ config: options.config, store, idempotency: store.idempotencyStore(), clock, ids: options.ids, metrics, contexts: options.contexts ?? platformContexts({ sealingKey: resolveSealingKey(process.env, options.store ? {} : { dataDir: options.config.eventStore.dataDir, durableStore: options.config.eventStore.kind === 'postgres' }) }) }),
    { logger: options.logger ?? false, bodyParser: false, abortOnError: false },
  );
  app.useBodyParser('json', { limit: options.config.bodyLimit });
  app.useBodyParser('text', { limit: options.config.bodyLimit, type: ['text/csv', 'text/plain'] });
  app.use('/api', rateLimit(options.config.rateLimit));
  app.use(correlationIds);
  app.use(requestMetrics(metrics));
  mountWebUi(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter({ onRefusal: (code) => metrics.refusals.inc({ code }) }));
  registerProjectionGauges(metrics.registry, app.get(PROJECTION_RUNNER), store);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TenderLedger API')
      .setDescription('Event-sourced procurement and tendering for public-sector health commissioning. Every command becomes events; every refusal carries a stable code.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  // The store is ours to close when the app stops (main.ts closes the app on SIGINT/SIGTERM).
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await store.close();
  };
  await app.init();
  return { app, store, clock };
}
