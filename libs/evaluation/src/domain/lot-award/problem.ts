/**
 * Validates the public input and builds the canonical problem every rule works on: indices instead of
 * ids, bidders in tie-break order (so "earlier index" = "preferred on a tie"), and each lot's bids
 * sorted best first. Canonical ordering is what makes the output independent of input entry order.
 */
import { LotAwardInputError } from './errors';
import { scaleScores } from './exact-score';
import type { AwardRule, BidderId, BidderSpec, LotAwardInput, LotId, LotSpec } from './types';

export interface CanonicalLot {
  readonly id: LotId;
  readonly name: string;
}

export interface CanonicalBidder {
  readonly id: BidderId;
  readonly name: string;
  /** Effective limit: min(lotLimit, own maximum). */
  readonly limit: number;
  /** True when the bidder's own maximum is below the tender's limit (explanations say so). */
  readonly ownMaximumBinds: boolean;
  /** Lot index → preference position (0 = most preferred); complete over all lots. */
  readonly preferenceRank: readonly number[];
}

export interface CanonicalBid {
  readonly bidder: number;
  readonly lot: number;
  readonly score: number;
  /** score × 10^scoreDecimals, exact. */
  readonly scaled: bigint;
  readonly rankInLot: number | undefined;
  /** 0-based position within the lot's ordering. */
  readonly position: number;
}

export interface Problem {
  readonly rule: AwardRule;
  readonly lotLimit: number;
  readonly lots: readonly CanonicalLot[];
  /** In tie-break order. */
  readonly bidders: readonly CanonicalBidder[];
  /** bidsByLot[lot] best first: score desc, then rankInLot asc (absent last), then tie-break order. */
  readonly bidsByLot: readonly (readonly CanonicalBid[])[];
  readonly scoreDecimals: number;
}

const RULES: readonly AwardRule[] = ['maximise-lots-then-score', 'bidder-preference'];

function requireId(id: unknown, what: string): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) throw new LotAwardInputError('invalid-id', `${what} must be a non-empty string`);
}

function isNonNegativeInteger(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/** Code-unit order: locale-independent, so every machine sorts alike. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildProblem(input: LotAwardInput): Problem {
  const rule = input.rule ?? 'maximise-lots-then-score';
  if (!RULES.includes(rule)) throw new LotAwardInputError('unknown-rule', `unknown award rule "${String(rule)}"`);
  if (!Number.isInteger(input.lotLimit) || input.lotLimit < 1) {
    throw new LotAwardInputError('invalid-lot-limit', `the lot limit must be a whole number of at least 1, got ${input.lotLimit}`);
  }

  const lots = input.lots.map((lot): CanonicalLot => {
    const spec: LotSpec = typeof lot === 'string' ? { id: lot } : lot;
    requireId(spec.id, 'a lot id');
    return { id: spec.id, name: spec.name ?? spec.id };
  });
  const lotIndex = new Map<LotId, number>();
  lots.forEach((lot, i) => {
    if (lotIndex.has(lot.id)) throw new LotAwardInputError('duplicate-lot', `lot "${lot.id}" is listed twice`);
    lotIndex.set(lot.id, i);
  });
  const lotOf = (id: LotId): number => {
    const i = lotIndex.get(id);
    if (i === undefined) throw new LotAwardInputError('unknown-lot', `lot "${id}" is not a lot of this tender`);
    return i;
  };

  const specs = new Map<BidderId, BidderSpec>();
  for (const spec of input.bidders ?? []) {
    requireId(spec.id, 'a bidder id');
    if (specs.has(spec.id)) throw new LotAwardInputError('duplicate-bidder', `bidder "${spec.id}" is listed twice`);
    specs.set(spec.id, spec);
  }
  for (const bid of input.bids) {
    requireId(bid.bidderId, 'a bid\'s bidder id');
    requireId(bid.lotId, 'a bid\'s lot id');
    if (!specs.has(bid.bidderId)) specs.set(bid.bidderId, { id: bid.bidderId });
  }

  const tieBreak = input.tieBreak ?? [];
  const tiePosition = new Map<BidderId, number>();
  tieBreak.forEach((id, i) => {
    if (tiePosition.has(id)) throw new LotAwardInputError('invalid-tie-break', `bidder "${id}" appears twice in the tie-break order`);
    tiePosition.set(id, i);
  });
  const bidderIds = [...specs.keys()].sort((a, b) => {
    const pa = tiePosition.get(a) ?? Infinity;
    const pb = tiePosition.get(b) ?? Infinity;
    return pa !== pb ? pa - pb : compareIds(a, b);
  });

  const bidders = bidderIds.map((id): CanonicalBidder => {
    const spec = specs.get(id) as BidderSpec;
    const own = spec.maxLots;
    if (own !== undefined && !isNonNegativeInteger(own)) {
      throw new LotAwardInputError('invalid-bidder-maximum', `bidder "${id}" states a maximum of ${own} lots; it must be a whole number ≥ 0`);
    }
    const limit = own === undefined ? input.lotLimit : Math.min(own, input.lotLimit);
    return {
      id,
      name: spec.name ?? id,
      limit,
      ownMaximumBinds: own !== undefined && own < input.lotLimit,
      preferenceRank: preferenceRanks(id, spec.preference ?? [], lots.length, lotOf),
    };
  });
  const bidderIndex = new Map(bidders.map((b, i) => [b.id, i] as const));

  const { decimals, scaled } = scaleScores(
    input.bids.map((bid) => {
      if (typeof bid.score !== 'number' || !Number.isFinite(bid.score)) {
        throw new LotAwardInputError('invalid-score', `the score of "${bid.bidderId}" on lot "${bid.lotId}" must be a finite number`);
      }
      return bid.score;
    }),
  );

  const unsorted: Omit<CanonicalBid, 'position'>[][] = lots.map(() => []);
  const seen = new Set<string>();
  input.bids.forEach((bid, i) => {
    const lot = lotOf(bid.lotId);
    const key = `${bid.bidderId}\u0000${bid.lotId}`;
    if (seen.has(key)) throw new LotAwardInputError('duplicate-bid', `bidder "${bid.bidderId}" has two bids on lot "${bid.lotId}"`);
    seen.add(key);
    if (bid.rankInLot !== undefined && !(Number.isInteger(bid.rankInLot) && bid.rankInLot >= 1)) {
      throw new LotAwardInputError('invalid-rank', `the rank of "${bid.bidderId}" on lot "${bid.lotId}" must be a whole number ≥ 1`);
    }
    unsorted[lot].push({ bidder: bidderIndex.get(bid.bidderId) as number, lot, score: bid.score, scaled: scaled[i], rankInLot: bid.rankInLot });
  });

  const bidsByLot = unsorted.map((bids, lot) => {
    bids.sort(compareBids);
    checkRanksAgreeWithScores(bids, lots[lot].id, bidders);
    return bids.map((bid, position): CanonicalBid => ({ ...bid, position }));
  });

  return { rule, lotLimit: input.lotLimit, lots, bidders, bidsByLot, scoreDecimals: decimals };
}

function compareBids(a: Omit<CanonicalBid, 'position'>, b: Omit<CanonicalBid, 'position'>): number {
  if (a.scaled !== b.scaled) return a.scaled > b.scaled ? -1 : 1;
  const ra = a.rankInLot ?? Infinity;
  const rb = b.rankInLot ?? Infinity;
  if (ra !== rb) return ra - rb;
  return a.bidder - b.bidder;
}

/** A stated rank must not put a lower score ahead of (or level with) a higher one: that is an upstream bug. */
function checkRanksAgreeWithScores(sorted: readonly Omit<CanonicalBid, 'position'>[], lotId: LotId, bidders: readonly CanonicalBidder[]): void {
  let worstAbove: Omit<CanonicalBid, 'position'> | undefined; // largest stated rank among strictly higher scores
  let groupStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i].scaled !== sorted[i - 1].scaled) {
      for (let k = groupStart; k < i; k++) {
        const rank = sorted[k].rankInLot;
        if (rank !== undefined && (worstAbove === undefined || rank > (worstAbove.rankInLot as number))) worstAbove = sorted[k];
      }
      groupStart = i;
    }
    const rank = sorted[i].rankInLot;
    if (rank !== undefined && worstAbove !== undefined && (worstAbove.rankInLot as number) >= rank) {
      throw new LotAwardInputError(
        'inconsistent-rank',
        `on lot "${lotId}", "${bidders[sorted[i].bidder].id}" is ranked ${rank} but "${bidders[worstAbove.bidder].id}" scores higher and is ranked ${worstAbove.rankInLot}`,
      );
    }
  }
}

function preferenceRanks(bidder: BidderId, stated: readonly LotId[], lotCount: number, lotOf: (id: LotId) => number): number[] {
  const ranks = new Array<number>(lotCount).fill(-1);
  stated.forEach((id, position) => {
    const lot = lotOf(id);
    if (ranks[lot] !== -1) throw new LotAwardInputError('invalid-preference', `bidder "${bidder}" lists lot "${id}" twice in its preference`);
    ranks[lot] = position;
  });
  // Unlisted lots follow in tender lot order.
  let next = stated.length;
  for (let lot = 0; lot < lotCount; lot++) if (ranks[lot] === -1) ranks[lot] = next++;
  return ranks;
}
