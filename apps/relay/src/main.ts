// The relay process (DESIGN §6): tails the PostgreSQL event store's global order and publishes
// every event to Kafka, one topic per context, checkpoint stored after each acknowledged batch.
//
//   EVENT_STORE=postgres DATABASE_URL=… KAFKA_BROKERS=… node dist/apps/relay/src/main.js
//
// SIGTERM/SIGINT: the batch in flight is finished and checkpointed, then everything disconnects.
import type { Server } from 'node:http';
import pino from 'pino';
import { openPostgresEventStore } from '@tenderledger/event-store';
import { EventRelay, KafkaEventPublisher } from '@tenderledger/messaging';
import { relayConfigFromEnv, RelayConfigError, type RelayConfig } from './relay-config';
import { startHealthServer } from './health-server';

const PROGRESS_LOG_INTERVAL_MS = 10_000;

async function main(config: RelayConfig, logger: pino.Logger): Promise<void> {
  const { store } = await openPostgresEventStore({ connectionString: config.databaseUrl, poolSize: 4 });
  const publisher = new KafkaEventPublisher({ brokers: config.brokers, clientId: `tenderledger-relay-${config.name}`, logger });
  const relay = new EventRelay(store, publisher, {
    name: config.name,
    topicPrefix: config.topicPrefix,
    pageSize: config.pageSize,
    pollIntervalMs: config.pollIntervalMs,
    partitions: config.partitions,
    replicationFactor: config.replicationFactor,
    logger,
  });
  await relay.start();
  const server: Server | null = config.port ? await startHealthServer(config.port, { relay, store, publisher }) : null;
  logger.info(
    { relay: config.name, brokers: config.brokers, topicPrefix: config.topicPrefix, partitions: config.partitions, health: config.port ? `http://0.0.0.0:${config.port}/health` : null },
    'relay started',
  );

  let lastPublished = -1;
  const progressTimer = setInterval(() => {
    const status = relay.status();
    if (status.published === lastPublished) return;
    lastPublished = status.published;
    logger.info({ relay: status.name, state: status.state, position: status.position, published: status.published }, 'relay progress');
  }, PROGRESS_LOG_INTERVAL_MS);
  progressTimer.unref();

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'relay shutting down: finishing the batch in flight');
    // A broker that is down can hold the batch in flight for as long as kafkajs retries; the
    // checkpoint then stays where the last acknowledged batch left it, which is safe.
    const forced = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'relay did not stop in time; exiting (the unacknowledged batch is re-sent at the next start)');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forced.unref();
    void (async () => {
      clearInterval(progressTimer);
      await relay.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await store.close();
      logger.info({ position: relay.status().position, published: relay.status().published }, 'relay stopped cleanly');
      process.exit(0);
    })().catch((error: unknown) => {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'relay shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'tenderledger-relay' } });
let config: RelayConfig;
try {
  config = relayConfigFromEnv();
} catch (error) {
  logger.fatal({ error: (error as Error).message }, error instanceof RelayConfigError ? 'relay configuration is invalid' : 'relay could not read its configuration');
  process.exit(1);
}
main(config, logger).catch((error: unknown) => {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, 'relay failed to start');
  process.exit(1);
});
