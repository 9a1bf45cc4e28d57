import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import type { ContractEvent } from '../domain/contract/events';
import type { ContractType } from '../domain/contract/commands';

export interface ContractView {
  readonly contractId: string;
  readonly reference: string;
  readonly contractType: ContractType;
  readonly holderId: string;
  readonly commissionerId: string;
  readonly region: string;
  readonly listSize: number;
  readonly annualValuePence: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly services: string[];
  readonly status: 'active' | 'ended';
  readonly markedForReprocurement: boolean;
  /** What happened to it, in order: the register's own short history. */
  readonly history: { readonly type: string; readonly on: string; readonly reason?: string }[];
}

/** Read model: the contract register as it stands now. */
export class ContractRegister implements Projection {
  readonly name = 'contract-register';
  readonly handles = [
    'ContractRegistered',
    'ContractMarkedForReprocurement',
    'ContractExtended',
    'ContractRenewedWithoutCompetition',
    'ContractTerminated',
    'ContractBoughtOut',
    'ContractExpired',
    'ContractAwarded',
  ] as const;
  private readonly byId = new Map<string, ContractView>();
  private readonly byReference = new Map<string, string>();

  apply(stored: StoredEvent): void {
    const event = { type: stored.type, data: stored.data } as ContractEvent;
    const on = stored.occurredAt.slice(0, 10);
    if (event.type === 'ContractRegistered') {
      const d = event.data;
      this.byId.set(d.contractId, {
        contractId: d.contractId,
        reference: d.reference,
        contractType: d.contractType,
        holderId: d.holderId,
        commissionerId: d.commissionerId,
        region: d.region,
        listSize: d.listSize,
        annualValuePence: d.annualValuePence,
        startDate: d.startDate,
        endDate: d.endDate,
        services: d.services,
        status: 'active',
        markedForReprocurement: false,
        history: [{ type: event.type, on }],
      });
      this.byReference.set(d.reference.toLowerCase(), d.contractId);
      return;
    }
    const current = this.byId.get(event.data.contractId);
    if (!current) return;
    const history = [...current.history, { type: event.type, on, ...('reason' in event.data ? { reason: String(event.data.reason) } : {}) }];
    switch (event.type) {
      case 'ContractMarkedForReprocurement':
        return this.put({ ...current, markedForReprocurement: true, history });
      case 'ContractExtended':
        return this.put({ ...current, endDate: event.data.newEndDate, history });
      case 'ContractRenewedWithoutCompetition':
        return this.put({ ...current, endDate: event.data.newEndDate, annualValuePence: event.data.newAnnualValuePence, history });
      case 'ContractTerminated':
      case 'ContractBoughtOut':
      case 'ContractExpired':
        return this.put({ ...current, status: 'ended', history });
      case 'ContractAwarded':
        return this.put(
          event.data.successorContractId
            ? { ...current, status: 'ended', history }
            : { ...current, holderId: event.data.newHolderId, startDate: event.data.newStartDate, endDate: event.data.newEndDate, annualValuePence: event.data.newAnnualValuePence, markedForReprocurement: false, history },
        );
    }
  }

  private put(view: ContractView): void {
    this.byId.set(view.contractId, view);
  }

  get(id: string): ContractView | undefined {
    return this.byId.get(id);
  }

  hasReference(reference: string): boolean {
    return this.byReference.has(reference.toLowerCase());
  }

  list(filter: { commissionerId?: string; status?: string; region?: string } = {}): ContractView[] {
    return [...this.byId.values()]
      .filter((c) => (!filter.commissionerId || c.commissionerId === filter.commissionerId) && (!filter.status || c.status === filter.status) && (!filter.region || c.region === filter.region))
      .sort((a, b) => a.reference.localeCompare(b.reference));
  }
}
