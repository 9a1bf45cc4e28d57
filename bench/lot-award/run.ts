/**
 * Lot award optimisation bench (DESIGN §12: "optimal, < 1 s on 50 lots × 200 bids").
 *
 *   node scripts/build.cjs && node dist/bench/lot-award/run.js
 *
 * 1. Optimality: random small cases (≤ 5 lots, ≤ 4 bidders) solved by the optimiser and by exhaustive
 *    search; every result must be identical (same winners, so same lots awarded and total score).
 * 2. Time: generated 50-lot cases of increasing density; median of several runs, budget 1 s.
 * Seeded PRNG so every run benches the same cases. Exits 1 if a result differs or the budget is missed.
 */
import { performance } from 'node:perf_hooks';
import { bruteForceOptimum } from '../../libs/evaluation/src/domain/lot-award/brute-force';
import { optimiseLotAwards, type LotAwardInput, type LotBid } from '../../libs/evaluation/src/domain/lot-award';

const BUDGET_MS = 1000;
const SMALL_CASES = Number(process.env.LOT_AWARD_SMALL_CASES ?? 2000);
const ROUNDS = Number(process.env.LOT_AWARD_ROUNDS ?? 7);

/** mulberry32: tiny, seeded, good enough for generating fixtures. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random: () => number, n: number): number => Math.floor(random() * n);
const cents = (random: () => number, max: number): number => pick(random, max + 1) / 100;

function generate(seed: number, lots: number, bidders: number, lotsPerBidder: number, lotLimit: number, maxCents = 10_000): LotAwardInput {
  const random = prng(seed);
  const lotIds = Array.from({ length: lots }, (_, i) => `L${i + 1}`);
  const bids: LotBid[] = [];
  for (let b = 0; b < bidders; b++) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(lotsPerBidder, lots)) chosen.add(pick(random, lots));
    for (const lot of chosen) bids.push({ bidderId: `B${b + 1}`, lotId: lotIds[lot], score: cents(random, maxCents) });
  }
  const ownMax = Array.from({ length: bidders }, (_, b) => ({ id: `B${b + 1}`, maxLots: random() < 0.2 ? 1 : undefined }));
  return { lots: lotIds, bids, lotLimit, bidders: ownMax };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(fn: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}

let failed = false;

// ── 1. optimality against exhaustive search ──
{
  const random = prng(20240601);
  let optimiserMs = 0;
  let bruteMs = 0;
  let equal = 0;
  let ties = 0;
  for (let i = 0; i < SMALL_CASES; i++) {
    const lots = 1 + pick(random, 5);
    const bidders = 1 + pick(random, 4);
    const tieHeavy = i % 2 === 1; // half the cases on a 0–0.05 scale, so equal totals (the tie-break) are common
    const input = generate(pick(random, 2 ** 31), lots, bidders, 1 + pick(random, lots), 1 + pick(random, 3), tieHeavy ? 5 : 10_000);
    const fast = time(() => optimiseLotAwards(input));
    const slow = time(() => bruteForceOptimum(input));
    optimiserMs += fast.ms;
    bruteMs += slow.ms;
    const same =
      fast.result.lotsAwarded === slow.result.lotsAwarded &&
      Math.abs(fast.result.totalScore - slow.result.totalScore) < 1e-6 &&
      fast.result.lots.every((l) => (l.status === 'awarded' ? l.bidderId : null) === slow.result.winners.get(l.lotId));
    if (same) equal++;
    else console.error('MISMATCH', JSON.stringify(input));
    if (tieHeavy) ties++;
  }
  failed ||= equal !== SMALL_CASES;
  console.log('\nLot award — optimiser vs exhaustive search (≤ 5 lots, ≤ 4 bidders)');
  console.table([
    {
      cases: SMALL_CASES,
      'tie-heavy cases': ties,
      'identical results': `${equal}/${SMALL_CASES}`,
      'optimiser total ms': optimiserMs.toFixed(1),
      'exhaustive total ms': bruteMs.toFixed(1),
      'optimiser µs/case': ((optimiserMs / SMALL_CASES) * 1000).toFixed(1),
      'exhaustive µs/case': ((bruteMs / SMALL_CASES) * 1000).toFixed(1),
    },
  ]);
}

// ── 2. time on 50-lot cases ──
{
  const shapes = [
    { name: '50 lots × 200 bids (40 bidders × 5 lots, L=2)', input: generate(1, 50, 40, 5, 2) },
    { name: '50 lots × 200 bids (200 bidders × 1 lot, L=1)', input: generate(2, 50, 200, 1, 1) },
    { name: '50 lots × 1,000 bids (200 bidders × 5 lots, L=1)', input: generate(3, 50, 200, 5, 1) },
    { name: '50 lots × 10,000 bids (200 bidders × all lots, L=1)', input: generate(4, 50, 200, 50, 1) },
    { name: '50 lots × 10,000 bids, scores 0–0.05 (ties), L=1', input: generate(5, 50, 200, 50, 1, 5) },
  ];
  const rows = shapes.map(({ name, input }) => {
    for (const rule of ['maximise-lots-then-score', 'bidder-preference'] as const) optimiseLotAwards({ ...input, rule }); // warm-up
    const runs = Array.from({ length: ROUNDS }, () => time(() => optimiseLotAwards(input)));
    const pref = Array.from({ length: ROUNDS }, () => time(() => optimiseLotAwards({ ...input, rule: 'bidder-preference' })).ms);
    const ms = median(runs.map((r) => r.ms));
    const within = ms < BUDGET_MS;
    failed ||= !within;
    const outcome = runs[0].result;
    return {
      case: name,
      'bid entries': input.bids.length,
      'lots awarded': `${outcome.lotsAwarded}/${input.lots.length}`,
      'total score': outcome.totalScore.toFixed(2),
      'maximise median ms': ms.toFixed(2),
      'max ms': Math.max(...runs.map((r) => r.ms)).toFixed(2),
      'preference median ms': median(pref).toFixed(2),
      [`< ${BUDGET_MS} ms`]: within ? 'yes' : 'NO',
    };
  });
  console.log(`\nLot award — time (median of ${ROUNDS} runs)`);
  console.table(rows);
}

if (failed) {
  console.error('lot award bench: FAILED (mismatch with exhaustive search or budget missed)');
  process.exitCode = 1;
}
