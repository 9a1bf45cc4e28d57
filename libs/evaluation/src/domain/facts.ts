import type { Bidder, LotOffer } from '@tenderledger/bidding';
import type { AwardCriterion } from '@tenderledger/tendering';
import type { BidId, LotId, OrganisationId } from './ids';

// What the evaluation needs from the tender and bid streams. The application layer loads these
// facts and puts them on OpenEvaluation; EvaluationOpened records them, so the ranking can be
// recomputed from this stream alone without reading any other.

/** Only the parts of an award criterion that scoring uses; an AwardCriterion from tendering fits. */
export type EvaluationCriterion = Pick<AwardCriterion, 'id' | 'name' | 'kind' | 'weightBasisPoints' | 'maxScore' | 'passMark'>;

/**
 * How price points are computed, stated on the tender. Both give the lowest price the full weight.
 * - 'lowest-price-ratio': weight × lowest ÷ price.
 * - 'proportional-difference': weight × (1 − (price − lowest) ÷ lowest), never below 0
 *   (a bid at twice the lowest price or more gets no price points).
 */
export type PriceFormula = 'lowest-price-ratio' | 'proportional-difference';
export const PRICE_FORMULAS: readonly PriceFormula[] = ['lowest-price-ratio', 'proportional-difference'];

/**
 * How bids with equal total points are ordered, stated on the tender. Whatever the rule, a last key
 * (the bid id) makes the order total, so two people ranking the same events always agree.
 */
export type TieBreakRule =
  | 'highest-quality-then-lowest-price-then-earliest-submission'
  | 'lowest-price-then-highest-quality-then-earliest-submission';
export const TIE_BREAK_RULES: readonly TieBreakRule[] = [
  'highest-quality-then-lowest-price-then-earliest-submission',
  'lowest-price-then-highest-quality-then-earliest-submission',
];

/**
 * How lots are awarded across the rankings, stated on the tender: the lot award optimiser's rule
 * (same values as lot-award's AwardRule, so it is passed through unchanged; a spec checks they agree).
 */
export type AwardRule = 'maximise-lots-then-score' | 'bidder-preference';
export const AWARD_RULES: readonly AwardRule[] = ['maximise-lots-then-score', 'bidder-preference'];

/**
 * Scores run from 0 to each quality criterion's `maxScore` (the tender's scale: 5 for 0–5,
 * 100 for 0–100) in steps of `step` (1 = whole numbers, 0.5 = halves).
 */
export type ScoringScale = { readonly step: number };

export type EvaluatedLot = { readonly lotId: LotId; readonly title: string };

/** A bid that was opened and found complete at opening, with its prices as opened (integer pence a year). */
export type EvaluatedBid = {
  readonly bidId: BidId;
  readonly bidder: Bidder;
  readonly lots: readonly LotOffer[];
  /** Time of the (latest) submission: the last tie-break key before the bid id. */
  readonly submittedAt: string;
  /** The bidder's registered name (consortium name or organisation name), for sentences; ids are used without it. */
  readonly bidderName?: string;
};

export type TenderFactsForEvaluation = {
  readonly criteria: readonly EvaluationCriterion[];
  readonly lots: readonly EvaluatedLot[];
  /** The most lots one bidder may be awarded (for the lot award optimiser). */
  readonly lotLimit: number;
  readonly scoringScale: ScoringScale;
  readonly priceFormula: PriceFormula;
  readonly tieBreakRule: TieBreakRule;
  /**
   * A price is flagged abnormally low when it is below the lot's median price by more than this,
   * in basis points (2,000 = more than 20% below the median).
   */
  readonly abnormallyLowThresholdBasisPoints: number;
  readonly awardRule: AwardRule;
};

/** Quality criteria are scored by evaluators; the price criterion is computed by the formula. */
export const isScoredByEvaluators = (criterion: EvaluationCriterion): boolean => criterion.kind !== 'price';

export const qualityCriteria = (criteria: readonly EvaluationCriterion[]): EvaluationCriterion[] => criteria.filter(isScoredByEvaluators);

/** The price criterion, if the tender has one (PSR tenders may weigh value as a scored key criterion instead). */
export const priceCriterionOf = (criteria: readonly EvaluationCriterion[]): EvaluationCriterion | undefined =>
  criteria.find((criterion) => criterion.kind === 'price');

/** Every organisation party to a bid: the bidder, or a consortium's lead and members (for conflict checks). */
export const partiesOf = (bid: Pick<EvaluatedBid, 'bidder'>): OrganisationId[] =>
  bid.bidder.kind === 'organisation' ? [bid.bidder.organisationId] : [bid.bidder.leadOrganisationId, ...bid.bidder.memberOrganisationIds];

/** A readable name for messages: the consortium's name or the organisation id. */
export const bidderName = (bid: Pick<EvaluatedBid, 'bidder' | 'bidderName'>): string =>
  bid.bidderName ?? (bid.bidder.kind === 'organisation' ? bid.bidder.organisationId : bid.bidder.name);

/** The organisation that acts for the bid (a consortium's lead): the lot limit applies to it. */
export const actingOrganisationOf = (bid: Pick<EvaluatedBid, 'bidder'>): OrganisationId =>
  bid.bidder.kind === 'organisation' ? bid.bidder.organisationId : bid.bidder.leadOrganisationId;
