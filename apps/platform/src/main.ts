import { describeEventStore } from '@tenderledger/event-store';
import { createPlatformApp } from './bootstrap';
import { platformConfigFromEnv } from './infrastructure/platform-config';
import { PinoLoggerService } from './infrastructure/pino-logger';

async function main(): Promise<void> {
  const config = platformConfigFromEnv();
  const logger = PinoLoggerService.create(config.logLevel);
  const started = Date.now();
  const { app } = await createPlatformApp({ config, logger });
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  logger.pino.info({ url, store: describeEventStore(config.eventStore), startupMs: Date.now() - started }, 'TenderLedger platform listening');
  if (config.auth.mode === 'dev') {
    const banner = '!'.repeat(78);
    logger.pino.warn({ authMode: 'dev' }, 'AUTH_MODE=dev: local tokens are issued on request and the clock can be moved; never use this mode with real data');
    process.stderr.write(`\n${banner}\n!! DEV AUTH IS ON (AUTH_MODE=dev): anyone can mint a token for any role. Not for real data.\n${banner}\n\n`);
  }
  process.stdout.write(`TenderLedger platform: ${url}  (API docs ${url}/docs, health ${url}/health)\nevent store: ${describeEventStore(config.eventStore)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`TenderLedger platform failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
