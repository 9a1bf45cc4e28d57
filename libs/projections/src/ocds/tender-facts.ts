import type { AwardEvent } from '@tenderledger/award';
import type { Bidder, BidEvent } from '@tenderledger/bidding';
import { evolveTender, type Tender, type TenderEvent, type TenderState } from '@tenderledger/tendering';

/**
 * What OCDS may say about one tender, folded from its events. Only public facts are kept: a bid's
 * sealed envelope, commitment and opened content (prices, answers) never enter this structure, so
 * no release can leak them whatever the mapping does.
 */
export type PublicBid = {
  readonly bidId: string;
  readonly bidder: Bidder;
  readonly lotIds: readonly string[];
  readonly submittedAt: string;
  readonly withdrawn: boolean;
  readonly excludedAtOpening: boolean;
};

export type LotAwardFact = {
  readonly awardId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly bidderId: string;
  readonly bidderName: string;
  readonly valuePence: number;
  readonly decidedAt: string;
  readonly status: 'pending' | 'active' | 'cancelled';
  /** Bids the assessment excluded on this lot (failed compliance or a pass mark). */
  readonly excludedBidIds: readonly string[];
};

export type ContractFact = {
  readonly contractId: string;
  readonly awardId: string;
  readonly lotId: string;
  readonly valuePence: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly concludedAt: string;
};

export type AmendmentFact = { readonly date: string; readonly reason: string; readonly changes: string };

export type TenderFacts = {
  readonly tender: TenderState;
  readonly amendments: readonly AmendmentFact[];
  readonly bids: Readonly<Record<string, PublicBid>>;
  readonly awards: readonly LotAwardFact[];
  readonly unsuccessfulLots: readonly string[];
  readonly contractTerm: { readonly startDate: string; readonly endDate: string } | null;
  readonly contracts: readonly ContractFact[];
};

export const emptyFacts = (tender: TenderState): TenderFacts => ({
  tender,
  amendments: [],
  bids: {},
  awards: [],
  unsuccessfulLots: [],
  contractTerm: null,
  contracts: [],
});

export const isPublished = (state: TenderState): state is Tender => state.status !== 'none' && state.publishedAt !== null;

/** Award ids name the lot and the bid, so a reassigned lot gets a new award beside the cancelled one. */
export const awardIdOf = (lotId: string, bidId: string): string => `award-${lotId}-${bidId}`;

export function evolveFactsWithTender(facts: TenderFacts, event: TenderEvent): TenderFacts {
  const tender = evolveTender(facts.tender, event);
  if (event.type !== 'TenderAmended') return { ...facts, tender };
  const changes = event.data.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join('; ');
  return { ...facts, tender, amendments: [...facts.amendments, { date: event.data.amendedAt, reason: event.data.reason, changes }] };
}

export function evolveFactsWithBid(facts: TenderFacts, event: BidEvent): TenderFacts {
  const current = facts.bids[event.data.bidId];
  const put = (bid: PublicBid): TenderFacts => ({ ...facts, bids: { ...facts.bids, [bid.bidId]: bid } });
  switch (event.type) {
    case 'BidSubmitted': {
      const { bidId, bidder, lotIds, submittedAt } = event.data;
      return put({ bidId, bidder, lotIds, submittedAt, withdrawn: false, excludedAtOpening: false });
    }
    case 'BidResubmitted':
      return current ? put({ ...current, lotIds: event.data.lotIds, submittedAt: event.data.resubmittedAt }) : facts;
    case 'BidWithdrawn':
      return current ? put({ ...current, withdrawn: true }) : facts;
    case 'BidExcludedAtOpening':
    case 'BidOpeningFailed':
      return current ? put({ ...current, excludedAtOpening: true }) : facts;
    case 'BidOpened':
      return facts; // the opened content stays out of OCDS
  }
}

export function evolveFactsWithAward(facts: TenderFacts, event: AwardEvent): TenderFacts {
  const setStatus = (awardId: string, status: LotAwardFact['status']): LotAwardFact[] =>
    facts.awards.map((award) => (award.awardId === awardId ? { ...award, status } : award));
  switch (event.type) {
    case 'AwardDecided': {
      const awards = event.data.lots.map((lot) => ({
        awardId: awardIdOf(lot.lotId, lot.winner.bidId),
        lotId: lot.lotId,
        bidId: lot.winner.bidId,
        bidderId: lot.winner.bidderId,
        bidderName: lot.winner.bidderName,
        valuePence: lot.winner.annualValuePence,
        decidedAt: event.data.decidedAt,
        status: 'pending' as const,
        excludedBidIds: lot.assessmentSummaries.filter((s) => s.outcome === 'excluded').map((s) => s.bidId),
      }));
      return { ...facts, awards: [...facts.awards, ...awards], contractTerm: event.data.contractTerm };
    }
    case 'AwardCancelled':
      return { ...facts, awards: setStatus(awardIdOf(event.data.lotId, event.data.bidId), 'cancelled') };
    case 'AwardReassigned': {
      const { lotId, winner, decidedAt, assessmentSummaries } = event.data;
      const award: LotAwardFact = {
        awardId: awardIdOf(lotId, winner.bidId),
        lotId,
        bidId: winner.bidId,
        bidderId: winner.bidderId,
        bidderName: winner.bidderName,
        valuePence: winner.annualValuePence,
        decidedAt,
        status: 'pending',
        excludedBidIds: assessmentSummaries.filter((s) => s.outcome === 'excluded').map((s) => s.bidId),
      };
      return { ...facts, awards: [...facts.awards, award] };
    }
    case 'LotLeftUnawarded':
      return { ...facts, unsuccessfulLots: [...facts.unsuccessfulLots, event.data.lotId] };
    case 'ContractConcluded': {
      const d = event.data;
      const awardId = awardIdOf(d.lotId, d.winnerBidId);
      const contract: ContractFact = {
        // The register's id for the successor contract (see the award context's register-after-award).
        contractId: `${d.tenderId}.${d.lotId}`,
        awardId,
        lotId: d.lotId,
        valuePence: d.annualValuePence,
        startDate: d.startDate,
        endDate: d.endDate,
        concludedAt: d.concludedAt,
      };
      return { ...facts, awards: setStatus(awardId, 'active'), contracts: [...facts.contracts, contract] };
    }
    default:
      return facts; // standstill and challenges: not part of this OCDS mapping
  }
}
