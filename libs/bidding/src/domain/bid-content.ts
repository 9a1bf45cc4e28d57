import { refuse } from '@tenderledger/domain-kit';
import type { CriterionId, LotId } from './ids';
import type { TenderFacts } from './tender-facts';

/** A priced lot. Money is integer pence so sums and comparisons are exact. */
export type LotOffer = {
  readonly lotId: LotId;
  /** Annual price in whole pence (a positive integer). */
  readonly price: number;
  /** The bidder's preference among its lots (1 = most wanted), for tenders that award by stated preference. */
  readonly preference?: number;
};

export type QualityResponse = {
  readonly criterionId: CriterionId;
  readonly response: string;
};

/** What stays sealed until opening. The decider only ever sees it at opening, never at submission. */
export type BidContent = {
  readonly lots: readonly LotOffer[];
  readonly qualityResponses: readonly QualityResponse[];
  readonly socialValueCommitments: readonly string[];
};

export type BidContentProblemCode =
  | 'CONTENT_MALFORMED'
  | 'NO_LOTS'
  | 'LOT_NOT_IN_TENDER'
  | 'LOT_NOT_IN_BID'
  | 'LOT_NOT_PRICED'
  | 'LOT_PRICED_TWICE'
  | 'PRICE_NOT_POSITIVE_INTEGER'
  | 'PREFERENCE_INVALID'
  | 'CRITERION_UNKNOWN'
  | 'CRITERION_UNANSWERED'
  | 'CRITERION_ANSWERED_TWICE'
  | 'RESPONSE_EMPTY'
  | 'SOCIAL_VALUE_EMPTY';

/** One thing wrong with a bid's content; `path` names the field so the edge can answer 400/422 precisely. */
export type BidContentProblem = {
  readonly code: BidContentProblemCode;
  readonly path: string;
  readonly message: string;
};

/** The lots a content prices, in its order: what the application declares on SubmitBid. */
export const lotIdsOf = (content: BidContent): LotId[] => content.lots.map((lot) => lot.lotId);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/**
 * Checks content against the tender before it is sealed (the application calls this before
 * encrypting, because after that nobody can look until opening) and again at opening.
 * Content may come from parsed JSON, so shapes are checked at run time too.
 * `bidLotIds`: the lots the bid declared publicly; when given, the content must price exactly those.
 */
export function validateBidContent(
  content: BidContent,
  tender: Pick<TenderFacts, 'lotIds' | 'criteriaIds'>,
  bidLotIds?: readonly LotId[],
): BidContentProblem[] {
  const raw: unknown = content;
  if (
    !isRecord(raw) ||
    !Array.isArray(raw['lots']) ||
    !Array.isArray(raw['qualityResponses']) ||
    !Array.isArray(raw['socialValueCommitments'])
  ) {
    return [problem('CONTENT_MALFORMED', '', 'Bid content must have lots, qualityResponses and socialValueCommitments lists.')];
  }
  return [...lotProblems(content.lots, tender.lotIds, bidLotIds), ...criteriaProblems(content.qualityResponses, tender.criteriaIds), ...socialValueProblems(content.socialValueCommitments)];
}

/** For the application: refuse (422 BID_CONTENT_INVALID, problems in details) instead of listing. */
export function assertValidBidContent(
  content: BidContent,
  tender: Pick<TenderFacts, 'lotIds' | 'criteriaIds'>,
  bidLotIds?: readonly LotId[],
): void {
  const problems = validateBidContent(content, tender, bidLotIds);
  if (problems.length > 0) {
    refuse('BID_CONTENT_INVALID', `The bid content is not complete: ${problems.map((p) => p.message).join(' ')}`, { problems });
  }
}

function lotProblems(lots: readonly LotOffer[], tenderLots: readonly LotId[], bidLotIds?: readonly LotId[]): BidContentProblem[] {
  const problems: BidContentProblem[] = [];
  if (lots.length === 0) problems.push(problem('NO_LOTS', 'lots', 'A bid must price at least one lot.'));
  const priced = new Set<string>();
  const preferences = new Set<number>();
  lots.forEach((lot: unknown, i) => {
    const path = `lots[${i}]`;
    if (!isRecord(lot) || typeof lot['lotId'] !== 'string') {
      problems.push(problem('CONTENT_MALFORMED', path, `Lot entry ${i + 1} has no lot id.`));
      return;
    }
    const lotId = lot['lotId'];
    if (priced.has(lotId)) problems.push(problem('LOT_PRICED_TWICE', `${path}.lotId`, `Lot ${lotId} is priced more than once.`));
    priced.add(lotId);
    if (!tenderLots.includes(lotId as LotId)) problems.push(problem('LOT_NOT_IN_TENDER', `${path}.lotId`, `Lot ${lotId} is not a lot of this tender.`));
    else if (bidLotIds && !bidLotIds.includes(lotId as LotId)) problems.push(problem('LOT_NOT_IN_BID', `${path}.lotId`, `Lot ${lotId} is not one of the lots this bid declared.`));
    const price = lot['price'];
    if (typeof price !== 'number' || !Number.isSafeInteger(price) || price <= 0) {
      problems.push(problem('PRICE_NOT_POSITIVE_INTEGER', `${path}.price`, `The price for lot ${lotId} must be a whole number of pence greater than zero.`));
    }
    const preference = lot['preference'];
    if (preference !== undefined) {
      if (typeof preference !== 'number' || !Number.isSafeInteger(preference) || preference < 1 || preferences.has(preference)) {
        problems.push(problem('PREFERENCE_INVALID', `${path}.preference`, `The preference for lot ${lotId} must be a distinct whole number from 1.`));
      } else preferences.add(preference);
    }
  });
  for (const lotId of bidLotIds ?? []) {
    if (!priced.has(lotId)) problems.push(problem('LOT_NOT_PRICED', 'lots', `Lot ${lotId} is part of the bid but has no price.`));
  }
  return problems;
}

function criteriaProblems(responses: readonly QualityResponse[], criteria: readonly CriterionId[]): BidContentProblem[] {
  const problems: BidContentProblem[] = [];
  const answered = new Set<string>();
  responses.forEach((entry: unknown, i) => {
    const path = `qualityResponses[${i}]`;
    if (!isRecord(entry) || typeof entry['criterionId'] !== 'string') {
      problems.push(problem('CONTENT_MALFORMED', path, `Quality response ${i + 1} has no criterion id.`));
      return;
    }
    const criterionId = entry['criterionId'];
    if (answered.has(criterionId)) problems.push(problem('CRITERION_ANSWERED_TWICE', `${path}.criterionId`, `Criterion ${criterionId} is answered more than once.`));
    answered.add(criterionId);
    if (!criteria.includes(criterionId as CriterionId)) problems.push(problem('CRITERION_UNKNOWN', `${path}.criterionId`, `Criterion ${criterionId} is not a criterion of this tender.`));
    if (isBlank(entry['response'])) problems.push(problem('RESPONSE_EMPTY', `${path}.response`, `The response to criterion ${criterionId} is empty.`));
  });
  for (const criterionId of criteria) {
    if (!answered.has(criterionId)) problems.push(problem('CRITERION_UNANSWERED', 'qualityResponses', `Criterion ${criterionId} has no response.`));
  }
  return problems;
}

function socialValueProblems(commitments: readonly string[]): BidContentProblem[] {
  return commitments.flatMap((commitment, i) =>
    isBlank(commitment) ? [problem('SOCIAL_VALUE_EMPTY', `socialValueCommitments[${i}]`, `Social value commitment ${i + 1} is empty.`)] : [],
  );
}

const problem = (code: BidContentProblemCode, path: string, message: string): BidContentProblem => ({ code, path, message });
