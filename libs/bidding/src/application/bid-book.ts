import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import type { TenderDrafted } from '@tenderledger/tendering';
import { BID_EVENT_TYPES, asOrganisationId, bidDecider, type BidEvent, type ExistingBid, type OrganisationId } from '../domain';

/**
 * Read model: every bid by id and by tender, folded with the bid decider's own evolve so status
 * rules cannot drift. Before opening it holds only what the events hold (ciphertext, commitment),
 * never plaintext; after opening it keeps the revealed content for authorised reads. Readers get
 * bids through `bidEnvelope`/`canRead`, so `sealed` never leaves it. It also remembers each
 * tender's commissioner (from the tendering context's published TenderDrafted) for access checks.
 */
export class BidBook implements Projection {
  readonly name = 'bid-book';
  readonly handles = [...BID_EVENT_TYPES, 'TenderDrafted'] as const;
  private readonly byId = new Map<string, ExistingBid>();
  private readonly byTender = new Map<string, Set<string>>();
  private readonly commissioners = new Map<string, OrganisationId>();

  apply(stored: StoredEvent): void {
    if (stored.type === 'TenderDrafted') {
      const { tenderId, commissionerId } = stored.data as TenderDrafted['data'];
      this.commissioners.set(tenderId, asOrganisationId(commissionerId));
      return;
    }
    if (!BID_TYPES.has(stored.type)) return; // the runner filters by `handles`; a replay by hand may not
    const event = { type: stored.type, data: stored.data } as BidEvent;
    const current = this.byId.get(event.data.bidId) ?? bidDecider.initialState();
    const next = bidDecider.evolve(current, event);
    if (next.status === 'none') return;
    this.byId.set(next.bidId, next);
    const bids = this.byTender.get(next.tenderId) ?? new Set<string>();
    this.byTender.set(next.tenderId, bids.add(next.bidId));
  }

  get(bidId: string): ExistingBid | undefined {
    return this.byId.get(bidId);
  }

  all(): ExistingBid[] {
    return [...this.byId.values()].sort(bySubmission);
  }

  forTender(tenderId: string): ExistingBid[] {
    return [...(this.byTender.get(tenderId) ?? [])].map((id) => this.byId.get(id)!).sort(bySubmission);
  }

  /** Tenders with a bid still to open (submitted, or a failed opening that may be retried). */
  tendersAwaitingOpening(): string[] {
    return [...this.byTender.keys()].filter((tenderId) => this.forTender(tenderId).some(awaitsOpening));
  }

  commissionerOf(tenderId: string): OrganisationId | undefined {
    return this.commissioners.get(tenderId);
  }
}

const BID_TYPES: ReadonlySet<string> = new Set(BID_EVENT_TYPES);

export const awaitsOpening = (bid: ExistingBid): boolean => bid.status === 'submitted' || bid.status === 'openingFailed';

const bySubmission = (a: ExistingBid, b: ExistingBid): number => a.submittedAt.localeCompare(b.submittedAt) || a.bidId.localeCompare(b.bidId);
