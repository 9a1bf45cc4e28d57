import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import type { TenderChange, TenderEvent, TenderEventType } from '../domain/events';
import type { NoticeKind, Regime } from '../domain/procedure-profiles';
import { evolveTender, initialTenderState, type Tender, type TenderStatus } from '../domain/state';

/** What publication fixed, as published (the notice and its content hash). */
export type PublicationRecord = {
  readonly regime: Regime;
  readonly notices: readonly NoticeKind[];
  readonly tenderPeriodDays: number;
  readonly minimumTenderPeriodDays: number;
  readonly contentHash: string;
};

export type AmendmentRecord = { readonly at: string; readonly reason: string; readonly changes: readonly TenderChange[] };

/**
 * One tender as the catalogue holds it: the decider's own fold (so the two never disagree) plus the
 * history a notice shows. Clarifications keep their asker here; views decide who may see it.
 */
export type CatalogueEntry = {
  readonly tender: Tender;
  readonly publication: PublicationRecord | null;
  readonly amendments: readonly AmendmentRecord[];
  readonly updatedAt: string;
};

const TENDER_EVENT_TYPES = [
  'TenderDrafted',
  'DraftAmended',
  'LotsDefined',
  'LotSplitProposed',
  'LotSplitProposalAccepted',
  'LotSplitProposalRejected',
  'NoSplitReasonRecorded',
  'LotLimitSet',
  'TenderPublished',
  'ClarificationAsked',
  'ClarificationAnswered',
  'TenderAmended',
  'TenderCancelled',
  'SubmissionsClosed',
] as const satisfies readonly TenderEventType[];

// Fails to compile when an event type is added to the domain but not read here.
type Missing = Exclude<TenderEventType, (typeof TENDER_EVENT_TYPES)[number]>;
const everyTypeRead: Missing extends never ? true : never = true;
void everyTypeRead;

/** Read model: every tender, its status, deadlines, lots and clarifications, for notices and process managers. */
export class TenderCatalogue implements Projection {
  readonly name = 'tender-catalogue';
  readonly handles = TENDER_EVENT_TYPES;
  private readonly byId = new Map<string, CatalogueEntry>();

  apply(stored: StoredEvent): void {
    const event = { type: stored.type, data: stored.data } as TenderEvent;
    const current = this.byId.get(event.data.tenderId);
    const state = evolveTender(current?.tender ?? initialTenderState(), event);
    if (state.status === 'none') return; // an event for a tender never drafted: nothing to show
    this.byId.set(state.tenderId, {
      tender: state,
      publication: event.type === 'TenderPublished' ? publicationOf(event.data) : (current?.publication ?? null),
      amendments:
        event.type === 'TenderAmended'
          ? [...(current?.amendments ?? []), { at: event.data.amendedAt, reason: event.data.reason, changes: event.data.changes }]
          : (current?.amendments ?? []),
      updatedAt: stored.occurredAt,
    });
  }

  get(id: string): CatalogueEntry | undefined {
    return this.byId.get(id);
  }

  list(filter: { status?: TenderStatus; commissionerId?: string } = {}): CatalogueEntry[] {
    return [...this.byId.values()]
      .filter(({ tender }) => (!filter.status || tender.status === filter.status) && (!filter.commissionerId || tender.commissionerId === filter.commissionerId))
      .sort((a, b) => a.tender.terms.title.localeCompare(b.tender.terms.title) || a.tender.tenderId.localeCompare(b.tender.tenderId));
  }

  /** Published tenders whose submission deadline has come: the close-submissions process manager's work list. */
  dueForClosing(now: Date): Tender[] {
    return [...this.byId.values()]
      .map((entry) => entry.tender)
      .filter((tender) => tender.status === 'published' && new Date(tender.terms.timeline.submissionDeadline).getTime() <= now.getTime());
  }
}

function publicationOf(data: Extract<TenderEvent, { type: 'TenderPublished' }>['data']): PublicationRecord {
  return {
    regime: data.regime,
    notices: data.notices,
    tenderPeriodDays: data.tenderPeriodDays,
    minimumTenderPeriodDays: data.minimumTenderPeriodDays,
    contentHash: data.contentHash,
  };
}
