import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Structured JSON logs (one line per record) for Nest's own messages and ours. */
export class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Logger) {}

  static create(level: string, service = 'tenderledger-platform', instance?: string): PinoLoggerService {
    return new PinoLoggerService(pino({ level, base: { service, ...(instance ? { instance } : {}) } }));
  }

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}
