import type { AwardEvent, DirectAwardConcluded, DirectAwardDecided } from '@tenderledger/award';
import type { BidEvent } from '@tenderledger/bidding';
import type { StoredEvent } from '@tenderledger/event-store';
import type { OrganisationRegistered } from '@tenderledger/registry';
import { initialTenderState, type TenderEvent } from '@tenderledger/tendering';
import { buildRelease, ocidOf, type OrganisationFacts, type ReleaseMoment } from './build-release';
import type { ReleaseTag } from './codes';
import { buildDirectAwardRelease, directAwardProcessId, type DirectAwardFacts } from './direct-award-release';
import type { OcdsDirectAwardRelease, OcdsRelease } from './ocds-types';
import { emptyFacts, evolveFactsWithAward, evolveFactsWithBid, evolveFactsWithTender, isPublished, type TenderFacts } from './tender-facts';

const TENDER_TYPES = ['TenderDrafted', 'DraftAmended', 'LotsDefined', 'LotSplitProposed', 'LotSplitProposalAccepted', 'LotSplitProposalRejected', 'NoSplitReasonRecorded', 'LotLimitSet', 'TenderPublished', 'ClarificationAsked', 'ClarificationAnswered', 'TenderAmended', 'TenderCancelled', 'SubmissionsClosed'] as const;
// BidOpened is not read: its content (prices, answers) is never public here.
const BID_TYPES = ['BidSubmitted', 'BidResubmitted', 'BidWithdrawn', 'BidOpeningFailed', 'BidExcludedAtOpening'] as const;
const AWARD_TYPES = ['AwardDecided', 'AwardCancelled', 'AwardReassigned', 'LotLeftUnawarded', 'ContractConcluded'] as const;
const ORGANISATION_TYPES = ['OrganisationRegistered'] as const;
// A direct award's challenges are not public, so only the decision, its cancellation and conclusion are read.
const DIRECT_AWARD_TYPES = ['DirectAwardDecided', 'DirectAwardCancelled', 'DirectAwardConcluded'] as const;

/** Every event type the OCDS export reads. */
export const OCDS_EVENT_TYPES: readonly string[] = [...TENDER_TYPES, ...BID_TYPES, ...AWARD_TYPES, ...ORGANISATION_TYPES, ...DIRECT_AWARD_TYPES];

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
  DirectAwardDecided: 'award',
  DirectAwardCancelled: 'awardUpdate',
  DirectAwardConcluded: 'contract',
};

/** What the export keeps per tender between events: its public facts and the ids of the releases already made. */
export type OcdsTenderEntry = {
  readonly facts: TenderFacts;
  readonly releaseIds: readonly string[];
  readonly amendmentReleaseIds: readonly string[];
};

/** The same for a direct award, keyed by its decision id. */
export type OcdsDirectAwardEntry = { readonly facts: DirectAwardFacts; readonly releaseIds: readonly string[] };

/** The folded state. The fold replaces entries (never mutates them), so a store can see what changed. */
export interface OcdsState {
  readonly tenders: Map<string, OcdsTenderEntry>;
  readonly organisations: Map<string, OrganisationFacts>;
  readonly directAwards: Map<string, OcdsDirectAwardEntry>;
}

/**
 * A release and where it was made: the global position of its moment (releases are ordered by it).
 * `processId` is the tender id, or `direct-award-{decisionId}` for a direct award (its ocid's suffix).
 */
export type OcdsReleaseMade =
  | { readonly kind: 'tender'; readonly processId: string; readonly position: number; readonly release: OcdsRelease }
  | { readonly kind: 'direct-award'; readonly processId: string; readonly position: number; readonly release: OcdsDirectAwardRelease };

/**
 * Folds one event into the state and returns the release it makes, if it is a moment of a
 * published tender. Each release is frozen at its moment, so a later event never rewrites what
 * was published earlier. Pure: the in-memory and the SQL read models share it.
 */
export function foldOcds(state: OcdsState, stored: StoredEvent, prefix: string): OcdsReleaseMade | null {
  if (stored.type === 'OrganisationRegistered') {
    const data = stored.data as OrganisationRegistered['data'];
    state.organisations.set(data.organisationId, { name: data.name, odsCode: data.odsCode });
    return null;
  }
  if ((DIRECT_AWARD_TYPES as readonly string[]).includes(stored.type)) return foldDirectAward(state, stored, prefix);
  const tenderId = (stored.data as { tenderId?: string }).tenderId;
  if (typeof tenderId !== 'string') return null;
  const known = state.tenders.get(tenderId) ?? { facts: emptyFacts(initialTenderState()), releaseIds: [], amendmentReleaseIds: [] };
  const facts = evolve(known.facts, stored);
  const tag = MOMENT_OF[stored.type];
  const tender = facts.tender;
  // Drafts are never published, so a tender cancelled before publication has no OCDS history.
  if (!tag || !isPublished(tender)) {
    state.tenders.set(tenderId, { ...known, facts });
    return null;
  }
  const ocid = ocidOf(prefix, tenderId);
  const releaseId = `${ocid}-${tag}-${stored.globalPosition}`;
  const amendmentReleaseIds = tag === 'tenderAmendment' ? [...known.amendmentReleaseIds, releaseId] : known.amendmentReleaseIds;
  const releaseIds = [...known.releaseIds, releaseId];
  const moment: ReleaseMoment = { tag, date: momentDate(stored), position: stored.globalPosition };
  const release = buildRelease(facts, tender, state.organisations, { ocid, releaseId, moment, releaseIds, amendmentReleaseIds });
  state.tenders.set(tenderId, { facts, releaseIds, amendmentReleaseIds });
  return { kind: 'tender', processId: tenderId, position: stored.globalPosition, release };
}

/** Every direct award event the export reads is a moment: the decision is published when it is taken. */
function foldDirectAward(state: OcdsState, stored: StoredEvent, prefix: string): OcdsReleaseMade | null {
  const data = stored.data as { decisionId?: string };
  if (typeof data.decisionId !== 'string') return null;
  const known = state.directAwards.get(data.decisionId);
  const facts = evolveDirectAwardFacts(known?.facts ?? null, stored);
  if (!facts) return null; // a cancellation or conclusion without its decision: nothing was published
  const processId = directAwardProcessId(data.decisionId);
  const ocid = ocidOf(prefix, processId);
  const tag = MOMENT_OF[stored.type]!;
  const releaseId = `${ocid}-${tag}-${stored.globalPosition}`;
  const releaseIds = [...(known?.releaseIds ?? []), releaseId];
  const moment: ReleaseMoment = { tag, date: momentDate(stored), position: stored.globalPosition };
  const release = buildDirectAwardRelease(facts, state.organisations, { ocid, releaseId, moment, releaseIds, amendmentReleaseIds: [] });
  state.directAwards.set(data.decisionId, { facts, releaseIds });
  return { kind: 'direct-award', processId, position: stored.globalPosition, release };
}

function evolveDirectAwardFacts(facts: DirectAwardFacts | null, stored: StoredEvent): DirectAwardFacts | null {
  if (stored.type === 'DirectAwardDecided') return { decision: stored.data as DirectAwardDecided['data'], status: 'decided', concludedAt: null };
  if (!facts) return null;
  if (stored.type === 'DirectAwardCancelled') return { ...facts, status: 'cancelled' };
  return { ...facts, status: 'concluded', concludedAt: (stored.data as DirectAwardConcluded['data']).concludedAt };
}

function evolve(facts: TenderFacts, stored: StoredEvent): TenderFacts {
  const event = { type: stored.type, data: stored.data };
  if ((TENDER_TYPES as readonly string[]).includes(stored.type)) return evolveFactsWithTender(facts, event as TenderEvent);
  if ((BID_TYPES as readonly string[]).includes(stored.type)) return evolveFactsWithBid(facts, event as BidEvent);
  return evolveFactsWithAward(facts, event as AwardEvent);
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
