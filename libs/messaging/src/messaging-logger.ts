/** The few log calls messaging makes; a pino Logger fits it as is (structured fields, then a message). */
export interface MessagingLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const nothing = (): void => undefined;

/** For tests and benches that want no log lines. */
export const silentLogger: MessagingLogger = { debug: nothing, info: nothing, warn: nothing, error: nothing };

/** Aborts a wait early (stop requested); resolves either way. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const errorFields = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) };
