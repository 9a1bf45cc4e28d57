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
  private readonly listeners: ((now: Date) => void)[] = [];

  /** Process managers re-check deadlines when time is moved by hand. */
  onAdvance(listener: (now: Date) => void): void {
    this.listeners.push(listener);
  }

  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
    this.listeners.forEach((listener) => listener(this.now()));
  }

  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    this.current += ms;
    this.listeners.forEach((listener) => listener(this.now()));
    return this.now();
  }
}

/** A system clock that can be pushed forward (dev mode only): real time plus an offset. */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  private readonly listeners: ((now: Date) => void)[] = [];

  onAdvance(listener: (now: Date) => void): void {
    this.listeners.push(listener);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    this.offsetMs += ms;
    this.listeners.forEach((listener) => listener(this.now()));
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock that dev mode may push forward; production clocks are not adjustable. */
export interface AdjustableClock extends Clock {
  advance(ms: number): Date;
  onAdvance(listener: (now: Date) => void): void;
}

export const isAdjustable = (clock: Clock): clock is AdjustableClock =>
  typeof (clock as Partial<AdjustableClock>).advance === 'function';
