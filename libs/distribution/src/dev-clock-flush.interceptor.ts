import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { mergeMap, type Observable } from 'rxjs';
import type { SharedDevClock } from './shared-dev-clock';

/**
 * The dev clock route moves the gateway's clock at once and writes the shared row just after: an
 * answer waits for that write, so whoever moved the clock can count on every service seeing the move
 * within one poll. (Any other answer finds nothing pending: the wait costs a resolved promise.)
 */
export class DevClockFlushInterceptor implements NestInterceptor {
  constructor(private readonly clock: SharedDevClock) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(mergeMap(async (value: unknown) => (await this.clock.flushed(), value)));
  }
}
