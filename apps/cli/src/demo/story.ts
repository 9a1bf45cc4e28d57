import { addDays, addMonths, at, dayAfter, isoDate, weekday } from './calendar';
import { planOrganisations, type Company, type Federation, type Organisations, type Practice } from './organisations';
import type { DemoPlan, PlannedBid, PlannedContract, PlannedDirectAward, PlannedLot, PlannedTender, RegisterAction, Step, TimedStep } from './plan-types';
import { Prng } from './prng';
import { apmsContract, commissionerOf, coreContract } from './register';
import type { Scale } from './scale';

/** The story runs from the first working Monday of 2021 to early November 2026 (before today, so `npm start` carries on from it). */
export const STORY_START = at('2021-01-04', '09:00');
export const STORY_END = at('2026-11-06', '17:00');
export const STORY_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
export const DEFAULT_SEED = 20_210_104;

/** Spreads a yearly rate (possibly fractional) over the years: the counts add up to rate × years. */
const countIn = (rate: number, yearIndex: number): number => Math.floor(rate * (yearIndex + 1)) - Math.floor(rate * yearIndex);
const two = (n: number): string => String(n).padStart(2, '0');
const dayIn = (r: Prng, year: number, fromMonth: number, toMonth: number, time: string): number => weekday(at(`${year}-${two(r.int(fromMonth, toMonth))}-${two(r.int(2, 26))}`, time));

/** Builds the whole history from the seed: pure, the same plan for the same seed and scale. */
export function buildPlan(seed: number, scale: Scale): DemoPlan {
  const root = new Prng(seed);
  const organisations = planOrganisations(root.fork('organisations'), scale);
  const r = root.fork('story');
  const story = new StoryBuilder(r, organisations);
  STORY_YEARS.forEach((year, i) => {
    for (let k = 0; k < countIn(scale.tendersPerYear, i); k++) story.tender(year);
    const directAwards = countIn(scale.directAwardsPerYear, i);
    // About one in five direct awards goes to the most suitable provider; the rest keep the incumbent (direct award C).
    const mostSuitable = Math.min(directAwards, countIn(scale.directAwardsPerYear / 5, i));
    for (let k = 0; k < directAwards - mostSuitable; k++) story.directAwardC(year);
    for (let k = 0; k < mostSuitable; k++) story.mostSuitableProvider(year);
    for (let k = 0; k < countIn(scale.extensionsPerYear, i); k++) story.extension(year);
    for (let k = 0; k < countIn(scale.renewalsPerYear, i); k++) story.renewal(year);
    for (let k = 0; k < countIn(scale.terminationsPerYear, i); k++) story.termination(year);
    for (let k = 0; k < countIn(scale.buyOutsPerYear, i); k++) story.buyOut(year);
  });
  return story.finish(seed, scale);
}

class StoryBuilder {
  private readonly contracts = new Map<string, PlannedContract>();
  private readonly shaped = new Map<string, { type: PlannedContract['contractType']; endDate: string }>();
  private readonly used = new Set<string>();
  private readonly pool: Practice[];
  private readonly federationMembers: Set<string>;
  private readonly actions: (RegisterAction & { at: number })[] = [];
  private readonly tenders: PlannedTender[] = [];
  private readonly directAwards: PlannedDirectAward[] = [];
  private readonly steps: TimedStep[] = [];
  private tenderCount = 0;

  constructor(
    private readonly r: Prng,
    private readonly orgs: Organisations,
  ) {
    this.pool = r.shuffled(orgs.practices);
    this.federationMembers = new Set(orgs.federations.flatMap((f) => f.members));
  }

  /** A practice whose core contract the story has not yet claimed, shaped as the story needs it. */
  private claim(type: PlannedContract['contractType'], endDate: string, icbId?: string): Practice | null {
    const practice = this.pool.find((p) => !this.used.has(p.id) && (!icbId || p.icbId === icbId));
    if (!practice) return null;
    this.used.add(practice.id);
    this.shaped.set(practice.id, { type, endDate });
    return practice;
  }

  private action(at: number, action: RegisterAction): void {
    this.actions.push({ ...action, at });
    this.steps.push({ at, kind: 'register-action', action });
  }

  extension(year: number): void {
    const endDate = `${year}-${this.r.pick(['06-30', '09-30', '12-31'])}`;
    const practice = this.claim('PMS', endDate);
    if (!practice) return;
    const at = weekday(at11(addMonths(endDate, -3)));
    const months = this.r.pick([12, 24]);
    this.action(at, { kind: 'extension', reference: `PMS-${practice.odsCode}`, newEndDate: addMonths(endDate, months), reason: `Extended by ${months} months under the contract's option while the ICB reviews local primary care estates.` });
  }

  renewal(year: number): void {
    const type = this.r.pick(['PMS', 'GMS'] as const);
    const practice = this.claim(type, `${year + 1}-03-31`);
    if (!practice) return;
    const at = dayIn(this.r, year, 9, 10, '11:00');
    this.action(at, { kind: 'renewal', reference: `${type}-${practice.odsCode}`, newEndDate: `${year + 6}-03-31`, annualValuePence: Math.round(practice.listSize * 13_000 * 1.03), reason: 'Renewed for five years under the renewal option in the contract: performance and patient survey satisfactory.' });
  }

  termination(year: number): void {
    const practice = this.claim('GMS', `${year + this.r.int(4, 9)}-03-31`);
    if (!practice) return;
    const at = dayIn(this.r, year, 2, 9, '11:30');
    this.action(at, { kind: 'termination', reference: `GMS-${practice.odsCode}`, effectiveDate: addMonths(isoDate(at), 3), reason: this.r.pick(['The partners are retiring; the list is dispersed to neighbouring practices.', 'Merger with a neighbouring practice under one contract.', 'Contract handed back by the partners after a failed recruitment campaign.']) });
  }

  buyOut(year: number): void {
    const practice = this.claim('PMS', `${year + this.r.int(2, 5)}-03-31`);
    if (!practice) return;
    const at = dayIn(this.r, year, 3, 9, '14:00');
    this.action(at, {
      kind: 'buy-out',
      reference: `PMS-${practice.odsCode}`,
      effectiveDate: addMonths(isoDate(at), 2),
      amountPence: Math.round(practice.listSize * 13_000 * 0.25),
      fund: year >= 2024 ? 'central-buy-out-fund' : 'commissioner-budget',
      reason: 'Bought out so that the ICB can re-shape services for the neighbourhood.',
    });
  }

  directAwardC(year: number): void {
    const type = this.r.pick(['PMS', 'APMS'] as const);
    const practice = this.claim(type, `${year + 1}-03-31`);
    if (!practice) return;
    const decideAt = dayIn(this.r, year, 6, 9, '10:00');
    const award: PlannedDirectAward = {
      id: `demo-da-${year}-${practice.odsCode.toLowerCase()}`,
      icbId: practice.icbId,
      route: 'psr-direct-award-c',
      providerId: practice.id,
      providerName: practice.name,
      incumbentReference: `${type}-${practice.odsCode}`,
      decideAt,
      concludeBy: addDays(decideAt, 28),
      contract: { startDate: `${year + 1}-04-01`, endDate: `${year + 6}-03-31`, annualValuePence: Math.round(practice.listSize * 13_000 * 1.04) },
      representation: null,
    };
    this.directAwards.push(award);
    this.steps.push({ at: decideAt, kind: 'direct-award', award }, { at: award.concludeBy, kind: 'direct-award-concluded', award });
  }

  mostSuitableProvider(year: number): void {
    const federation = this.r.pick(this.orgs.federations);
    const decideAt = dayIn(this.r, year, 5, 8, '10:00');
    const complainant = this.orgs.practices.find((p) => p.icbId === federation.icbId && !this.federationMembers.has(p.id));
    const represented = this.directAwards.every((d) => d.representation === null) && complainant !== undefined;
    const lodgeAt = weekday(addDays(decideAt, 3) + 3_600_000);
    const award: PlannedDirectAward = {
      id: `demo-msp-${year}-${two(this.directAwards.length + 1)}-${federation.id.replace('demo-', '')}`,
      icbId: federation.icbId,
      route: 'psr-most-suitable-provider',
      providerId: federation.id,
      providerName: federation.name,
      incumbentReference: null,
      decideAt,
      concludeBy: addDays(decideAt, 35),
      contract: { startDate: `${year + 1}-04-01`, endDate: `${year + 4}-03-31`, annualValuePence: this.r.int(40, 90) * 1_000_000 },
      representation: represented ? { byId: complainant.id, lodgeAt, outcomeAt: weekday(addDays(lodgeAt, 5)) } : null,
    };
    this.directAwards.push(award);
    this.steps.push({ at: decideAt, kind: 'direct-award', award }, { at: award.concludeBy, kind: 'direct-award-concluded', award });
    if (award.representation) {
      this.steps.push({ at: award.representation.lodgeAt, kind: 'direct-award-representation', award }, { at: award.representation.outcomeAt, kind: 'direct-award-representation-outcome', award });
    }
  }

  tender(year: number): void {
    const r = this.r;
    const icb = this.orgs.commissioners[this.tenderCount % this.orgs.commissioners.length]!;
    const number = ++this.tenderCount;
    const federations = this.orgs.federations.filter((f) => f.icbId === icb.id);
    const holderKind = r.weighted([['company', 35], ['federation', federations.length ? 30 : 0], ['practice', 35]] as const);
    const soloPractices = this.orgs.practices.filter((p) => p.icbId === icb.id && !this.federationMembers.has(p.id));
    const holder: Practice | Federation | Company =
      holderKind === 'company' ? r.pick(this.orgs.companies) : holderKind === 'federation' ? r.pick(federations) : r.pick(soloPractices.filter((p) => !p.small).length ? soloPractices.filter((p) => !p.small) : soloPractices);
    const population = Math.round((holderKind === 'practice' ? r.int(12_000, 24_000) : r.int(18_000, 60_000)) / 100) * 100;
    const endDate = `${year + 1}-03-31`;
    const reference = `APMS-${icb.id.replace('demo-', '').toUpperCase()}-${year}-${two(number)}`;
    const contract = apmsContract(r, reference, holder.id, icb, population, endDate);
    this.contracts.set(reference, contract);

    const split = population >= 20_000;
    const lotCount = split ? Math.min(4, Math.max(2, Math.round(population / 15_000))) : 1;
    const weights = Array.from({ length: lotCount }, () => r.int(2, 5));
    const total = weights.reduce((a, b) => a + b, 0);
    const names = ['North', 'South', 'East', 'West'];
    let left = population;
    const lots: PlannedLot[] = weights.map((w, i) => {
      const lotPopulation = i === lotCount - 1 ? left : Math.round((population * w) / total / 100) * 100;
      left -= lotPopulation;
      const localityId = split ? names[i]!.toLowerCase() : 'whole';
      return { id: split ? `lot-${localityId}` : '', title: split ? `${names[i]} locality` : 'Whole contract', localityId, population: lotPopulation, annualValuePence: Math.round((contract.annualValuePence * lotPopulation) / population) };
    });

    const publishAt = dayIn(r, year, 2, 6, '09:30');
    const deadline = at(isoDate(addDays(publishAt, 42)), '12:00');
    const decideAt = weekday(at(isoDate(addDays(deadline, 35)), '10:00'));
    const bids = this.bidsFor(holder, holderKind, lots, federations, soloPractices, publishAt, deadline);
    const winners = lots.map((_, lotIndex) => {
      const covering = bids.filter((b) => b.prices.some((p) => p.lotIndex === lotIndex));
      return r.weighted(covering.map((b) => [b.key, b.bidderId === holder.id ? 3 : b.consortium ? 3 : b.bidderId.startsWith('demo-company') ? 2 : 4] as const));
    });
    const scored = this.scoreAndPrice(bids, winners, lots);
    const losers = scored.filter((b) => !winners.includes(b.key));
    const lodgeAt = weekday(addDays(decideAt, 3) + 3_600_000);
    const challenge = losers.length && r.chance(0.3) ? { bidKey: r.pick(losers).key, lodgeAt, outcomeAt: weekday(addDays(lodgeAt, 5)) } : null;

    const tender: PlannedTender = {
      id: `demo-tender-${year}-${two(number)}`,
      title: `${icb.name.replace('NHS ', '').replace(' Integrated Care Board', '')} primary care re-procurement ${year + 1} (${reference})`,
      icbId: icb.id,
      region: icb.region,
      procedureProfileId: r.chance(0.7) ? 'psr-competitive' : 'pa23-open',
      contractType: 'APMS',
      replaces: reference,
      incumbentId: holder.id,
      population,
      annualValuePence: contract.annualValuePence,
      lots,
      split,
      publishAt,
      clarificationDeadline: at(isoDate(addDays(publishAt, 14)), '12:00'),
      deadline,
      evaluateAt: weekday(at(isoDate(addDays(deadline, 5)), '10:00')),
      completeAt: weekday(at(isoDate(addDays(deadline, 16)), '15:00')),
      decideAt,
      concludeBy: addDays(decideAt, 32),
      termStart: dayAfter(endDate),
      termMonths: 60,
      bids: scored,
      winners,
      challenge,
    };
    this.tenders.push(tender);
    this.steps.push(
      { at: tender.publishAt, kind: 'tender-publish', tender },
      ...scored.map((bid) => ({ at: bid.submitAt, kind: 'tender-bid' as const, tender, bid })),
      { at: tender.evaluateAt, kind: 'tender-evaluate', tender },
      { at: tender.completeAt, kind: 'tender-complete', tender },
      { at: tender.decideAt, kind: 'tender-decide', tender },
      { at: tender.concludeBy, kind: 'tender-concluded', tender },
    );
    if (challenge) this.steps.push({ at: challenge.lodgeAt, kind: 'tender-challenge', tender }, { at: challenge.outcomeAt, kind: 'tender-challenge-outcome', tender });
  }

  /** Who bids: usually the incumbent, often a local federation (as a consortium), sometimes a company and a small practice or two. */
  private bidsFor(holder: Practice | Federation | Company, holderKind: string, lots: readonly PlannedLot[], federations: readonly Federation[], solo: readonly Practice[], publishAt: number, deadline: number): Omit<PlannedBid, 'quality' | 'access'>[] {
    const r = this.r;
    const all = lots.map((_, i) => i);
    const some = (): number[] => r.shuffled(all).slice(0, r.int(1, lots.length)).sort();
    const bidders: { id: string; name: string; consortium: PlannedBid['consortium']; lots: number[] }[] = [];
    const asBidder = (org: Practice | Federation | Company, lotIndexes: number[]) =>
      bidders.push({ id: org.id, name: org.name, consortium: 'members' in org ? { name: org.name, members: org.members } : null, lots: lotIndexes });
    if (r.chance(0.75)) asBidder(holder, all);
    const federation = federations.filter((f) => f.id !== holder.id);
    if (federation.length && r.chance(0.65)) asBidder(r.pick(federation), some());
    const companies = this.orgs.companies.filter((c) => c.id !== holder.id);
    if (r.chance(holderKind === 'company' ? 0.3 : 0.5)) asBidder(r.pick(companies), all);
    // Small practices bid for the lot next to them: what lotting is meant to make possible.
    const practices = r.shuffled(solo.filter((p) => p.id !== holder.id && p.small)).slice(0, lots.length > 1 ? r.int(0, 2) : r.int(0, 1));
    for (const practice of practices) asBidder(practice, [r.int(0, lots.length - 1)]);
    if (bidders.length === 0) asBidder(r.pick(companies), all);
    // Every lot gets at least one bid: a lot nobody bid for goes into the broadest bid.
    for (const lotIndex of all) if (!bidders.some((b) => b.lots.includes(lotIndex))) bidders[0]!.lots.push(lotIndex);
    const span = Math.floor((deadline - publishAt) / 86_400_000) - 4;
    return bidders.map((b, i) => ({
      key: `${b.id}#${i}`,
      bidderId: b.id,
      bidderName: b.name,
      consortium: b.consortium,
      prices: [...b.lots].sort((x, y) => x - y).map((lotIndex) => ({ lotIndex, pricePence: 0 })),
      submitAt: at(isoDate(addDays(publishAt, 3 + r.int(0, span))), `${two(9 + (i % 8))}:${two(r.int(0, 59))}`),
    }));
  }

  /**
   * Scores and prices that make the planned winner of each lot rank first there, whatever the
   * formulas' rounding: every winner has the top quality score (4 of 5) and the lowest price on its
   * lot; the others score 3 or 4 (now and then 1, below the pass mark of 2) and price 8–25% higher.
   */
  private scoreAndPrice(bids: Omit<PlannedBid, 'quality' | 'access'>[], winners: readonly string[], lots: readonly PlannedLot[]): PlannedBid[] {
    const r = this.r;
    const winnerPrice = lots.map((lot) => Math.round((lot.annualValuePence * (0.88 + r.next() * 0.1)) / 100_000) * 100_000);
    return bids.map((bid) => {
      const wins = winners.includes(bid.key);
      const weak = !wins && bid.prices.every((p) => bids.filter((b) => b.prices.some((q) => q.lotIndex === p.lotIndex)).length > 1) && r.chance(0.15);
      return {
        ...bid,
        quality: wins ? 4 : weak ? 1 : r.pick([3, 4]),
        access: weak ? 2 : 4,
        prices: bid.prices.map(({ lotIndex }) => ({
          lotIndex,
          pricePence: winners[lotIndex] === bid.key ? winnerPrice[lotIndex]! : Math.round((winnerPrice[lotIndex]! * (1.08 + r.next() * 0.17)) / 100_000) * 100_000,
        })),
      };
    });
  }

  finish(seed: number, scale: Scale): DemoPlan {
    // The rest of the register: every practice's core contract (the story's shaped as it needs).
    const shapes = this.r.fork('register');
    const core = this.orgs.practices.map((p) => coreContract(shapes, p, commissionerOf(this.orgs, p.icbId), this.shaped.get(p.id) ?? null));
    const contracts = [...core, ...this.contracts.values()];
    const all: TimedStep[] = [
      { at: STORY_START, kind: 'register-organisations' },
      { at: STORY_START + 3_600_000, kind: 'import-register' },
      ...this.steps,
      { at: STORY_END, kind: 'end' },
    ];
    const steps = all.map((step, seq) => ({ ...step, seq }) as Step).sort((a, b) => a.at - b.at || a.seq - b.seq);
    const late = steps.find((step) => step.at > STORY_END);
    if (late) throw new Error(`the plan has a ${late.kind} step after the story's end (${new Date(late.at).toISOString()})`);
    return { seed, scale, start: STORY_START, end: STORY_END, organisations: this.orgs, contracts, actions: this.actions, tenders: this.tenders, directAwards: this.directAwards, steps };
  }
}

const at11 = (date: string): number => at(date, '11:00');
