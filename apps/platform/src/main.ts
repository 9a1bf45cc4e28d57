import { mkdirSync } from 'node:fs';
import { announceUrl, describeEventStore, FolderLockedError, lockDataFolder, PlatformNeedsSqlStoreError } from '@tenderledger/event-store';
import { createPlatformApp } from './bootstrap';
import { platformConfigFromEnv } from './infrastructure/platform-config';
import { PinoLoggerService } from './infrastructure/pino-logger';

async function main(): Promise<void> {
  const config = platformConfigFromEnv();
  const logger = PinoLoggerService.create(config.logLevel);
  const started = Date.now();
  const dataDir = config.eventStore.kind === 'pglite' ? config.eventStore.dataDir : undefined;
  // PGlite allows one process per data folder: refuse to start rather than corrupt it.
  let release = (): void => undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataFolder(dataDir, { kind: 'platform' });
    process.once('exit', release);
  }
  const { app } = await createPlatformApp({ config, logger });
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  if (dataDir) announceUrl(dataDir, url);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().finally(() => (release(), process.exit(0))));
  }
  logger.pino.info({ url, store: describeEventStore(config.eventStore), startupMs: Date.now() - started }, 'TenderLedger platform listening');
  if (config.auth.mode === 'dev') {
    const banner = '!'.repeat(78);
    logger.pino.warn({ authMode: 'dev' }, 'AUTH_MODE=dev: local tokens are issued on request and the clock can be moved; never use this mode with real data');
    process.stderr.write(`\n${banner}\n!! DEV AUTH IS ON (AUTH_MODE=dev): anyone can mint a token for any role. Not for real data.\n${banner}\n\n`);
  }
  process.stdout.write(`TenderLedger platform: ${url}  (web UI ${url}/, API docs ${url}/docs, health ${url}/health)\nevent store: ${describeEventStore(config.eventStore)}\n`);
}

main().catch((error: unknown) => {
  // Refusals that are configuration, not bugs, are said in one sentence (no stack trace).
  const detail = error instanceof FolderLockedError || error instanceof PlatformNeedsSqlStoreError ? error.message : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`TenderLedger platform failed to start: ${detail}\n`);
  process.exit(1);
});
