import type { AwardEvent } from '@tenderledger/award';
import type { BidEvent } from '@tenderledger/bidding';
import type { StoredEvent } from '@tenderledger/event-store';
import type { OrganisationRegistered } from '@tenderledger/registry';
import { initialTenderState, type TenderEvent } from '@tenderledger/tendering';
import type { Projection } from '../runtime/projection';
import { buildRelease, ocidOf, type OrganisationFacts, type ReleaseMoment } from './build-release';
import type { ReleaseTag } from './codes';
import type { OcdsRelease } from './ocds-types';
import { emptyFacts, evolveFactsWithAward, evolveFactsWithBid, evolveFactsWithTender, isPublished, type TenderFacts } from './tender-facts';

const TENDER_TYPES = ['TenderDrafted', 'DraftAmended', 'LotsDefined', 'LotSplitProposed', 'LotSplitProposalAccepted', 'LotSplitProposalRejected', 'NoSplitReasonRecorded', 'LotLimitSet', 'TenderPublished', 'ClarificationAsked', 'ClarificationAnswered', 'TenderAmended', 'TenderCancelled', 'SubmissionsClosed'] as const;
// BidOpened is not read: its content (prices, answers) is never public here.
const BID_TYPES = ['BidSubmitted', 'BidResubmitted', 'BidWithdrawn', 'BidOpeningFailed', 'BidExcludedAtOpening'] as const;
const AWARD_TYPES = ['AwardDecided', 'AwardCancelled', 'AwardReassigned', 'LotLeftUnawarded', 'ContractConcluded'] as const;
const ORGANISATION_TYPES = ['OrganisationRegistered'] as const;

/** The release each event starts, if any (the OCDS "moments"); other events only change the facts. */
const MOMENT_OF: Readonly<Record<string, ReleaseTag>> = {
  TenderPublished: 'tender',
  TenderAmended: 'tenderAmendment', // a formal amendment with a reason: releaseTag.csv reserves tenderUpdate for other updates
  SubmissionsClosed: 'tenderUpdate', // adds the bid statistics once the deadline has passed
  TenderCancelled: 'tenderCancellation',
  AwardDecided: 'award',
  AwardCancelled: 'awardUpdate',
  AwardReassigned: 'awardUpdate',
  LotLeftUnawarded: 'awardUpdate',
  ContractConcluded: 'contract',
};

type Entry = { facts: TenderFacts; releases: OcdsRelease[]; amendmentReleaseIds: string[] };

/**
 * OCDS releases per tender, built in memory from the store's global order (rebuilt from position 0
 * at every start, like the other read models). Each release is frozen at its moment, so a later
 * event never rewrites what was published earlier.
 */
export class OcdsProjection implements Projection {
  readonly name = 'ocds';
  readonly handles: readonly string[] = [...TENDER_TYPES, ...BID_TYPES, ...AWARD_TYPES, ...ORGANISATION_TYPES];
  private readonly tenders = new Map<string, Entry>();
  private readonly organisations = new Map<string, OrganisationFacts>();

  constructor(private readonly prefix: string) {}

  apply(stored: StoredEvent): void {
    if (stored.type === 'OrganisationRegistered') {
      const data = stored.data as OrganisationRegistered['data'];
      this.organisations.set(data.organisationId, { name: data.name, odsCode: data.odsCode });
      return;
    }
    const tenderId = (stored.data as { tenderId?: string }).tenderId;
    if (typeof tenderId !== 'string') return;
    const entry = this.tenders.get(tenderId) ?? { facts: emptyFacts(initialTenderState()), releases: [], amendmentReleaseIds: [] };
    entry.facts = this.evolve(entry.facts, stored);
    this.tenders.set(tenderId, entry);
    const tag = MOMENT_OF[stored.type];
    const tender = entry.facts.tender;
    // Drafts are never published, so a tender cancelled before publication has no OCDS history.
    if (!tag || !isPublished(tender)) return;
    const ocid = ocidOf(this.prefix, tenderId);
    const releaseId = `${ocid}-${tag}-${stored.globalPosition}`;
    if (tag === 'tenderAmendment') entry.amendmentReleaseIds.push(releaseId);
    const moment: ReleaseMoment = { tag, date: momentDate(stored), position: stored.globalPosition };
    const releaseIds = [...entry.releases.map((r) => r.id), releaseId];
    entry.releases.push(buildRelease(entry.facts, tender, this.organisations, { ocid, releaseId, moment, releaseIds, amendmentReleaseIds: entry.amendmentReleaseIds }));
  }

  releasesOf(tenderId: string): readonly OcdsRelease[] {
    return this.tenders.get(tenderId)?.releases ?? [];
  }

  /** The tender id behind an ocid of this publisher's prefix, or null. */
  tenderIdOf(ocid: string): string | null {
    const start = `${this.prefix}-`;
    return ocid.startsWith(start) ? ocid.slice(start.length) : null;
  }

  ocidOf(tenderId: string): string {
    return ocidOf(this.prefix, tenderId);
  }

  private evolve(facts: TenderFacts, stored: StoredEvent): TenderFacts {
    const event = { type: stored.type, data: stored.data };
    if ((TENDER_TYPES as readonly string[]).includes(stored.type)) return evolveFactsWithTender(facts, event as TenderEvent);
    if ((BID_TYPES as readonly string[]).includes(stored.type)) return evolveFactsWithBid(facts, event as BidEvent);
    return evolveFactsWithAward(facts, event as AwardEvent);
  }
}

/** The business time the event records (the clock of the decision), falling back to when it was stored. */
function momentDate(stored: StoredEvent): string {
  const data = stored.data as Record<string, unknown>;
  for (const key of ['publishedAt', 'amendedAt', 'closedAt', 'cancelledAt', 'decidedAt', 'concludedAt', 'at']) {
    const value = data[key];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  }
  return stored.occurredAt;
}
