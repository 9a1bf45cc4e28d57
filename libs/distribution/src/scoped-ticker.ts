import { DeadlineTicker, type Clock, type TickHandler } from '@tenderledger/domain-kit';

/**
 * A DeadlineTicker that runs only the named jobs. A service composes other contexts' modules for
 * their read models (tendering imports the registry's), and with them their tick jobs: those run
 * in their own service, not here. The gateway and the projector allow none.
 */
export class ScopedDeadlineTicker extends DeadlineTicker {
  constructor(
    clock: Clock,
    intervalMs: number,
    onError: (name: string, error: unknown) => void,
    private readonly allowed: ReadonlySet<string>,
  ) {
    super(clock, intervalMs, onError);
  }

  override register(name: string, run: TickHandler): void {
    if (this.allowed.has(name)) super.register(name, run);
  }
}
