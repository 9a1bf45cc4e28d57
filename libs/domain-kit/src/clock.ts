/** Time is an input (DESIGN §2.6): deciders receive it on the command, handlers ask a Clock. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock for tests and for dev mode's "move time forward": it only moves when told. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    this.current += ms;
    return this.now();
  }
}

/** A system clock that can be pushed forward (dev mode only): real time plus an offset. */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock that dev mode may push forward; production clocks are not adjustable. */
export interface AdjustableClock extends Clock {
  advance(ms: number): Date;
}

export const isAdjustable = (clock: Clock): clock is AdjustableClock =>
  typeof (clock as Partial<AdjustableClock>).advance === 'function';
