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
import { PlatformModule, type PlatformModuleOptions } from './platform.module';
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
  /** Distributed shape: the composition root's runner, ticker and extra modules (see PlatformModuleOptions). */
  readonly runner?: PlatformModuleOptions['runner'];
  readonly ticker?: PlatformModuleOptions['ticker'];
  readonly imports?: PlatformModuleOptions['imports'];
  /**
   * False for a context service of the distributed shape: it answers /health and /metrics over HTTP,
   * but its context routes are not served (404) and there are no API docs: the gateway is the edge.
   */
  readonly httpEdge?: boolean;
  /** Runs before the app initialises (e.g. connecting a Kafka microservice transport). */
  readonly beforeInit?: (app: INestApplication) => void;
}

/** Builds the whole platform (used by main.ts and by the e2e tests alike). */
export async function createPlatformApp(options: CreatePlatformOptions): Promise<PlatformApp> {
  const store = options.store ?? (await openEventStore(options.config.eventStore));
  const clock = options.clock ?? new OffsetClock();
  const metrics = new PlatformMetrics();
  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.register({ config: options.config, store, idempotency: store.idempotencyStore(), clock, ids: options.ids, metrics, runner: options.runner, ticker: options.ticker, imports: options.imports, contexts: options.contexts ?? platformContexts({ sealingKey: resolveSealingKey(process.env, options.store ? {} : { dataDir: options.config.eventStore.dataDir, durableStore: options.config.eventStore.kind === 'postgres' }) }) }),
    { logger: options.logger ?? false, bodyParser: false, abortOnError: false },
  );
  app.useBodyParser('json', { limit: options.config.bodyLimit });
  app.useBodyParser('text', { limit: options.config.bodyLimit, type: ['text/csv', 'text/plain'] });
  app.use('/api', rateLimit(options.config.rateLimit));
  if (options.httpEdge === false) app.use('/api', notServedHere);
  app.use(correlationIds);
  app.use(requestMetrics(metrics));
  mountWebUi(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter({ onRefusal: (code) => metrics.refusals.inc({ code }) }));
  registerProjectionGauges(metrics.registry, app.get(PROJECTION_RUNNER), store);

  if (options.httpEdge !== false) setUpApiDocs(app);
  options.beforeInit?.(app);

  // The store is ours to close when the app stops (main.ts closes the app on SIGINT/SIGTERM).
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await store.close();
  };
  await app.init();
  return { app, store, clock };
}

/** A context service of the distributed shape serves no API routes: the gateway is the only edge. */
function notServedHere(_request: unknown, response: { status(code: number): { json(body: unknown): void } }): void {
  response.status(404).json({ statusCode: 404, code: 'NOT_THE_GATEWAY', message: 'This is an internal service; the API is served by the gateway.' });
}

function setUpApiDocs(app: INestApplication): void {
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
}
