import { WEIGHTS_TOTAL_BASIS_POINTS } from './weights';
import { AWARD_RULES, PRICE_FORMULAS, TIE_BREAK_RULES, isScoredByEvaluators, partiesOf, type EvaluatedBid, type TenderFactsForEvaluation } from './facts';
import { isBlank, isInstant } from './guards';

// OpenEvaluation's facts come from other streams through the application layer (and possibly from
// JSON), so they are checked here once; everything after relies on them.

/** The first thing wrong with the tender's facts, as a sentence, or null. */
export function tenderFactsProblem(tender: TenderFactsForEvaluation): string | null {
  const { criteria, lots, scoringScale } = tender;
  if (!Array.isArray(criteria) || criteria.length === 0) return 'The tender has no award criteria to evaluate against.';
  const ids = new Set<string>();
  for (const c of criteria) {
    if (isBlank(c.id) || ids.has(c.id)) return `Award criterion "${String(c.id)}" is missing an id or is listed twice.`;
    ids.add(c.id);
    if (!Number.isSafeInteger(c.weightBasisPoints) || c.weightBasisPoints < 0) return `Award criterion "${c.id}" needs a weight in whole basis points.`;
    if (!(c.maxScore > 0)) return `Award criterion "${c.id}" needs a maximum score above 0.`;
    if (c.passMark !== null && !(c.passMark >= 0 && c.passMark <= c.maxScore)) return `Award criterion "${c.id}" has a pass mark outside 0 to ${c.maxScore}.`;
  }
  const total = criteria.reduce((sum, c) => sum + c.weightBasisPoints, 0);
  if (total !== WEIGHTS_TOTAL_BASIS_POINTS) return `The criteria weights add up to ${total / 100}%, not 100%.`;
  if (criteria.filter((c) => c.kind === 'price').length > 1) return 'The tender has more than one price criterion; price is scored once.';
  if (!(typeof scoringScale?.step === 'number' && scoringScale.step > 0)) return 'The scoring scale needs a step above 0 (1 for whole numbers).';
  const offScale = criteria.filter(isScoredByEvaluators).find((c) => Math.abs(Math.round(c.maxScore / scoringScale.step) * scoringScale.step - c.maxScore) > 1e-9);
  if (offScale) return `Award criterion "${offScale.id}" has a maximum score of ${offScale.maxScore}, which is not a whole number of steps of ${scoringScale.step}.`;
  if (!Array.isArray(lots) || lots.length === 0) return 'The tender has no lots.';
  if (new Set(lots.map((lot) => lot.lotId)).size !== lots.length) return 'A lot is listed twice.';
  if (!Number.isSafeInteger(tender.lotLimit) || tender.lotLimit < 1 || tender.lotLimit > lots.length)
    return `The lot limit ${tender.lotLimit} must be a whole number from 1 to the ${lots.length} lots.`;
  if (!PRICE_FORMULAS.includes(tender.priceFormula)) return `"${String(tender.priceFormula)}" is not a price formula TenderLedger knows (${PRICE_FORMULAS.join(', ')}).`;
  if (!TIE_BREAK_RULES.includes(tender.tieBreakRule)) return `"${String(tender.tieBreakRule)}" is not a tie-break rule TenderLedger knows.`;
  if (!AWARD_RULES.includes(tender.awardRule)) return `"${String(tender.awardRule)}" is not an award rule TenderLedger knows.`;
  const threshold = tender.abnormallyLowThresholdBasisPoints;
  if (!Number.isSafeInteger(threshold) || threshold < 0 || threshold >= WEIGHTS_TOTAL_BASIS_POINTS)
    return `The abnormally low threshold must be whole basis points from 0 to 9,999 below the median, got ${threshold}.`;
  return null;
}

/** The first thing wrong with the opened bids, as a sentence, or null. */
export function bidsProblem(bids: readonly EvaluatedBid[], tender: TenderFactsForEvaluation): string | null {
  const lotIds = new Set<string>(tender.lots.map((lot) => lot.lotId));
  const seen = new Set<string>();
  for (const bid of bids) {
    if (isBlank(bid.bidId) || seen.has(bid.bidId)) return `Bid "${String(bid.bidId)}" is missing an id or is listed twice.`;
    seen.add(bid.bidId);
    if (!isInstant(bid.submittedAt)) return `Bid ${bid.bidId} has no valid submission time.`;
    if (bid.bidder?.kind !== 'organisation' && bid.bidder?.kind !== 'consortium') return `Bid ${bid.bidId} names no bidder.`;
    if (partiesOf(bid).some(isBlank)) return `Bid ${bid.bidId} does not name every organisation party to it.`;
    if (bid.bidderName !== undefined && isBlank(bid.bidderName)) return `Bid ${bid.bidId} has a blank bidder name.`;
    if (!Array.isArray(bid.lots) || bid.lots.length === 0) return `Bid ${bid.bidId} prices no lot.`;
    const priced = new Set<string>();
    for (const offer of bid.lots) {
      if (!lotIds.has(offer.lotId)) return `Bid ${bid.bidId} prices lot ${offer.lotId}, which is not a lot of this tender.`;
      if (priced.has(offer.lotId)) return `Bid ${bid.bidId} prices lot ${offer.lotId} twice.`;
      priced.add(offer.lotId);
      if (!Number.isSafeInteger(offer.price) || offer.price <= 0) return `Bid ${bid.bidId}'s price for lot ${offer.lotId} is not a whole number of pence above 0.`;
    }
  }
  return null;
}
