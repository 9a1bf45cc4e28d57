import { isAdjustable, type Clock } from '../clock';

export type TickHandler = (now: Date) => Promise<void>;

/**
 * Time-driven process managers (deadline passed → close submissions and open bids; standstill
 * over → conclude) run on every tick: at start (so a restart catches up), every `intervalMs`,
 * and whenever dev mode moves the clock. Ticks never overlap.
 */
export class DeadlineTicker {
  private readonly handlers: { name: string; run: TickHandler }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly onError: (name: string, error: unknown) => void,
  ) {
    if (isAdjustable(clock)) clock.onAdvance(() => void this.tick());
  }

  register(name: string, run: TickHandler): void {
    this.handlers.push({ name, run });
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs every handler once; a tick asked for while one runs is run right after it. */
  tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const now = this.clock.now();
        for (const handler of this.handlers) {
          try {
            await handler.run(now);
          } catch (error) {
            this.onError(handler.name, error);
          }
        }
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
