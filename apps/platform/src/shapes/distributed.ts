import 'reflect-metadata';
import { Logger, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { SystemClock, type Clock } from '@tenderledger/domain-kit';
import {
  commandsController,
  DevClockFlushInterceptor,
  commandsTopic,
  CommandClient,
  DistributedProjectionRunner,
  distributionConfigFromEnv,
  ensureTopics,
  kafkaAnswers,
  KafkaEventFeed,
  routeCommands,
  ScopedDeadlineTicker,
  SERVICE_TICKS,
  SharedDevClock,
  type ContextService,
  type DistributionConfig,
  type ListenerFeed,
} from '@tenderledger/distribution';
import { describeEventStore, openEventStore, type SqlExecutor } from '@tenderledger/event-store';
import { SQL_PROJECTIONS_ROLE } from '@tenderledger/projections';
import { createPlatformApp } from '../bootstrap';
import { HEALTH_CHECKS, type HealthCheck } from '../http/health.controller';
import { platformConfigFromEnv, type PlatformConfig } from '../infrastructure/platform-config';
import { PinoLoggerService } from '../infrastructure/pino-logger';
import { resolveSealingKey } from '../infrastructure/sealing-key';
import type { SealingKey } from '@tenderledger/bidding';

/** One process of the distributed shape: what it composes and what it is responsible for. */
export interface DistributedRole {
  /** 'gateway', 'projector' or the context service it is. */
  readonly name: 'gateway' | 'projector' | ContextService;
  /** The modules to compose (contexts for their controllers, handlers and read models). */
  readonly contexts: (needs: { sealingKey: () => SealingKey }) => NonNullable<DynamicModule['imports']>;
  /** The context whose commands run here (its handlers; all others are sent over Kafka). */
  readonly owns?: ContextService;
  /** The HTTP edge: API routes, API docs, dev tokens. Only the gateway. */
  readonly httpEdge: boolean;
  /** Whether this process writes the SQL projections (the projector) or follows another that does. */
  readonly sqlProjections: 'write' | 'follow' | 'none';
  readonly defaultPort: number;
}

export interface DistributedProcess {
  readonly app: INestApplication;
  readonly config: PlatformConfig;
  readonly distribution: DistributionConfig;
  close(): Promise<void>;
}

/** Builds one process of the distributed shape on PostgreSQL and Kafka. */
export async function createDistributedProcess(role: DistributedRole, env: NodeJS.ProcessEnv = process.env, logger?: PinoLoggerService): Promise<DistributedProcess> {
  // JWT by default in the distributed shape (DESIGN §10); dev only when configured.
  const config = platformConfigFromEnv({ PORT: String(role.defaultPort), AUTH_MODE: 'jwt', ...env, EVENT_STORE: env.EVENT_STORE ?? 'postgres' });
  if (config.eventStore.kind !== 'postgres') throw new Error(`the distributed shape runs on PostgreSQL (EVENT_STORE=postgres), not ${config.eventStore.kind}`);
  const distribution = distributionConfigFromEnv(role.name, env);
  const log = new Logger(role.name);

  await ensureTopics(distribution);
  const store = await openEventStore(config.eventStore);
  const sql = (store as unknown as { executor: SqlExecutor }).executor;

  let clock: Clock = new SystemClock();
  let devClock: SharedDevClock | null = null;
  if (env.DEV_CLOCK === 'shared') {
    devClock = new SharedDevClock(sql);
    await devClock.init(env.DEV_CLOCK_START);
    clock = devClock;
    log.warn(`DEV_CLOCK=shared: this process reads its clock from tl_dev_clock (now ${clock.now().toISOString()}); never with real data`);
  }

  const service = role.owns;
  const feed: ListenerFeed = service ? (distribution.reactionsFeed === 'kafka' ? 'kafka' : 'store') : role.name === 'projector' ? 'store' : 'none';
  const runner = new DistributedProjectionRunner(store, feed);
  const ticker = new ScopedDeadlineTicker(clock, config.tickIntervalMs, (name, error) => log.error(`${name} failed: ${(error as Error)?.message}`, (error as Error)?.stack), new Set(service ? SERVICE_TICKS[service] : []));

  // Connected before the app starts: the first tick's process managers may send commands.
  const client = role.name === 'projector' ? null : new CommandClient(distribution);
  await client?.connect();
  const events = feed === 'kafka' ? new KafkaEventFeed(distribution, sql, runner) : null;

  const checks: HealthCheck[] = [
    { name: 'kafka', check: () => kafkaAnswers(distribution) },
    ...(client ? [{ name: 'commands', check: async () => void (client.ready || fail('the command client is not connected')) }] : []),
    ...(events ? [{ name: 'reactions', check: async () => void (events.ready || runner.listenerCount === 0 || fail('the event consumer has not joined its group')) }] : []),
  ];
  @Module({})
  class DistributionModule {}
  const distributionModule: DynamicModule = {
    module: DistributionModule,
    global: true,
    controllers: service ? [commandsController(commandsTopic(distribution.prefix, service), service, distribution.commandTimeoutMs)] : [],
    providers: [
      { provide: HEALTH_CHECKS, useValue: checks },
      ...(role.sqlProjections === 'follow' ? [{ provide: SQL_PROJECTIONS_ROLE, useValue: 'follow' }] : []),
    ],
    exports: [HEALTH_CHECKS, ...(role.sqlProjections === 'follow' ? [SQL_PROJECTIONS_ROLE] : [])],
  };

  const sealingKey = (): SealingKey => resolveSealingKey(env, { durableStore: true });
  const { app } = await createPlatformApp({
    config,
    store,
    clock,
    runner,
    ticker,
    logger: logger ?? false,
    contexts: role.contexts({ sealingKey }),
    imports: [distributionModule],
    httpEdge: role.httpEdge,
    beforeInit: (nest) => {
      if (devClock && role.httpEdge) nest.useGlobalInterceptors(new DevClockFlushInterceptor(devClock));
      if (client) routeCommands(nest.get(CommandBus), new Set(service ? [service] : []), client);
      if (!service) return;
      nest.connectMicroservice<MicroserviceOptions>({
        transport: Transport.KAFKA,
        options: {
          client: { clientId: `${distribution.prefix}-${distribution.instanceId}`, brokers: distribution.brokers, retry: { retries: 8, initialRetryTime: 300 } },
          // One group per service: each command runs on exactly one of its instances.
          consumer: { groupId: `${distribution.prefix}-${service}`, sessionTimeout: 10_000, heartbeatInterval: 1_000 },
          // Earliest for a new group (no command sent before a rebalance is skipped); stale ones are refused by age.
          subscribe: { fromBeginning: true },
          producer: { createPartitioner: Partitioners.DefaultPartitioner },
          postfixId: '',
        },
      });
    },
  });
  await app.startAllMicroservices();
  // Only a service with process managers listening (tendering, award) needs the relay's topics.
  if (runner.listenerCount > 0) await events?.start();
  if (devClock) devClock.follow(role.name, distribution.instanceId, Number(env.DEV_CLOCK_POLL_MS ?? 200), service && SERVICE_TICKS[service].length > 0 ? () => ticker.tick() : undefined);

  log.log(
    `${role.name} ready (instance ${distribution.instanceId}): store ${describeEventStore(config.eventStore)}, Kafka ${distribution.brokers.join(',')} prefix ${distribution.prefix}, ` +
      `commands ${service ? `owned: ${service}` : 'none owned'}, process managers fed from ${feed === 'kafka' && runner.listenerCount === 0 ? 'nowhere (none here)' : feed}, ticks [${service ? SERVICE_TICKS[service].join(', ') : ''}]`,
  );

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      devClock?.stop();
      // Stop taking work first (the consumers commit what they finished), then the app and the store.
      await events?.stop();
      await app.close();
      await client?.close();
    })());
  return { app, config, distribution, close };
}

const fail = (message: string): never => {
  throw new Error(message);
};

/** main() of every distributed app: build, listen, log, and shut down gracefully on SIGINT/SIGTERM. */
export function runDistributedProcess(role: DistributedRole): void {
  const env = process.env;
  const logger = PinoLoggerService.create(env.LOG_LEVEL ?? 'info', `tenderledger-${role.name}`, env.INSTANCE_ID);
  const started = Date.now();
  createDistributedProcess(role, env, logger)
    .then(async (running) => {
      await running.app.listen(running.config.port, running.config.host);
      const url = await running.app.getUrl();
      logger.pino.info({ url, instance: running.distribution.instanceId, startupMs: Date.now() - started, authMode: running.config.auth.mode }, `TenderLedger ${role.name} listening`);
      if (role.httpEdge && running.config.auth.mode === 'dev') {
        process.stderr.write(`\n!! DEV AUTH IS ON (AUTH_MODE=dev) at the gateway: anyone can mint a token for any role. Not for real data.\n\n`);
      }
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          logger.pino.info({ signal }, `${role.name} shutting down`);
          void running
            .close()
            .catch((error: unknown) => logger.pino.error({ err: error }, 'shutdown failed'))
            .finally(() => process.exit(0));
        });
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`TenderLedger ${role.name} failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    });
}
