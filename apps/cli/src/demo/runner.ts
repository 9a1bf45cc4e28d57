import { Progress } from '../progress';
import { isoDate } from './calendar';
import { DemoClient, type Json } from './client';
import { winnerOf } from './expectations';
import type { DemoPlan, PlannedBid, PlannedDirectAward, PlannedTender, RegisterAction, Step } from './plan-types';
import { Prng } from './prng';
import { registerCsvChunks } from './register';

const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 4_000, maxScore: 5, passMark: 2 },
  { id: 'access', name: 'Improving access', kind: 'quality', weightBasisPoints: 2_000, maxScore: 5 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];
const KEY_CRITERIA = {
  'quality-and-innovation': 'CQC rating good; patient survey above the ICB average.',
  value: 'Price unchanged in real terms; within the primary care allocation.',
  'integration-collaboration-and-service-sustainability': 'Active member of its primary care network.',
  'improving-access-reducing-health-inequalities-and-facilitating-choice': 'Extended hours and a branch surgery in the most deprived ward.',
  'social-value': 'Local employment and apprenticeships.',
};
const DECISION_MAKERS = [{ name: 'Director of Primary Care', role: 'ICB Director of Primary Care' }, { name: 'Head of Contracting', role: 'Head of Primary Care Contracting' }];
const INDEPENDENT = 'demo-clinical-panel';

export interface DemoReport {
  organisations: number;
  contracts: number;
  registerActions: number;
  tenders: number;
  lots: number;
  bids: number;
  lotsAwarded: number;
  directAwards: number;
  challenges: number;
  clockMoves: number;
  requests: number;
}

/** Runs the plan's steps in order against a platform whose clock stands at the plan's start. */
export class DemoRunner {
  private readonly contractIds = new Map<string, string>();
  private readonly lotIds = new Map<string, string[]>();
  private readonly bidIds = new Map<string, string>();
  private readonly challengeIds = new Map<string, string>();
  private now: number;
  readonly report: DemoReport = { organisations: 0, contracts: 0, registerActions: 0, tenders: 0, lots: 0, bids: 0, lotsAwarded: 0, directAwards: 0, challenges: 0, clockMoves: 0, requests: 0 };

  constructor(
    private readonly plan: DemoPlan,
    private readonly client: DemoClient,
  ) {
    this.now = plan.start;
  }

  async run(): Promise<DemoReport> {
    const progress = new Progress('writing the demo history', this.plan.steps.length, 'steps');
    let done = 0;
    for (const step of this.plan.steps) {
      if (step.at > this.now) {
        await this.client.moveClock(await this.admin(), step.at);
        this.now = step.at;
        this.report.clockMoves++;
      }
      try {
        await this.perform(step);
      } catch (error) {
        throw new Error(`at ${new Date(step.at).toISOString()}, ${step.kind}: ${(error as Error).message}`);
      }
      progress.update(++done, this.summary());
    }
    this.report.requests = this.client.requests;
    progress.finish(done, this.summary());
    return this.report;
  }

  private summary(): string {
    const r = this.report;
    return `— ${isoDate(this.now)}: ${r.organisations} organisations, ${r.contracts} contracts, ${r.tenders} tenders, ${r.bids} bids, ${r.lotsAwarded} lots awarded, ${r.directAwards} direct awards`;
  }

  private admin(): Promise<string> {
    return this.client.token('admin', 'demo-nhs-england', 'demo.admin');
  }

  private commissioner(icbId: string): Promise<string> {
    return this.client.token('commissioner', icbId, `${icbId}.procurement`);
  }

  private bidder(organisationId: string): Promise<string> {
    return this.client.token('bidder', organisationId, `${organisationId}.bids`);
  }

  private contractId(reference: string): string {
    const id = this.contractIds.get(reference);
    if (!id) throw new Error(`contract ${reference} is not on the register`);
    return id;
  }

  private perform(step: Step): Promise<void> {
    switch (step.kind) {
      case 'register-organisations':
        return this.registerOrganisations();
      case 'import-register':
        return this.importRegister();
      case 'register-action':
        return this.registerAction(step.action);
      case 'tender-publish':
        return this.publish(step.tender);
      case 'tender-bid':
        return this.bid(step.tender, step.bid);
      case 'tender-evaluate':
        return this.evaluate(step.tender);
      case 'tender-complete':
        return this.complete(step.tender);
      case 'tender-decide':
        return this.decide(step.tender);
      case 'tender-challenge':
        return this.challenge(step.tender);
      case 'tender-challenge-outcome':
        return this.challengeOutcome(step.tender);
      case 'tender-concluded':
        return this.concluded(step.tender);
      case 'direct-award':
        return this.directAward(step.award);
      case 'direct-award-representation':
        return this.representation(step.award);
      case 'direct-award-representation-outcome':
        return this.representationOutcome(step.award);
      case 'direct-award-concluded':
        return this.directAwardConcluded(step.award);
      case 'end':
        return Promise.resolve();
    }
  }

  private async registerOrganisations(): Promise<void> {
    const admin = await this.admin();
    const o = this.plan.organisations;
    const bodies: Json[] = [
      ...o.commissioners.map((c) => ({ organisationId: c.id, name: c.name, kind: 'commissioner', commissioner: { type: 'ICB', region: c.region } })),
      ...o.practices.map((p) => ({ organisationId: p.id, name: p.name, kind: 'practice', odsCode: p.odsCode, listSize: p.listSize })),
      ...o.federations.map((f) => ({ organisationId: f.id, name: f.name, kind: 'federation', members: f.members, staff: f.staff })),
      ...o.companies.map((c) => ({ organisationId: c.id, name: c.name, kind: 'company', staff: c.staff })),
    ];
    // Four at a time: each organisation is its own stream, so the order between them does not matter.
    const progress = new Progress('registering organisations', bodies.length, 'organisations');
    for (let i = 0; i < bodies.length; i += 4) {
      await Promise.all(bodies.slice(i, i + 4).map((body) => this.client.post(admin, '/api/organisations', body, [201])));
      this.report.organisations = Math.min(bodies.length, i + 4);
      progress.update(this.report.organisations);
    }
    progress.finish(this.report.organisations);
  }

  private async importRegister(): Promise<void> {
    for (const icb of this.plan.organisations.commissioners) {
      const token = await this.commissioner(icb.id);
      for (const csv of registerCsvChunks(this.plan.contracts.filter((c) => c.commissionerId === icb.id), this.plan.scale.importChunk)) {
        const result = await this.client.csv<{ imported: number }>(token, '/api/contracts/import', csv);
        this.report.contracts += result.imported;
      }
    }
    const register = await this.client.get<{ contractId: string; reference: string }[]>(await this.admin(), '/api/contracts');
    for (const row of register) this.contractIds.set(row.reference, row.contractId);
  }

  private async registerAction(action: RegisterAction): Promise<void> {
    const contract = this.plan.contracts.find((c) => c.reference === action.reference)!;
    const token = await this.commissioner(contract.commissionerId);
    const path = `/api/contracts/${this.contractId(action.reference)}`;
    const { kind: _kind, reference: _reference, ...body } = action;
    if (action.kind === 'renewal') await this.client.post(token, `${path}/renewal`, { ...body, route: 'contract-option' }, [200]);
    else await this.client.post(token, `${path}/${action.kind}`, body, [200]);
    this.report.registerActions++;
  }

  private async publish(tender: PlannedTender): Promise<void> {
    const token = await this.commissioner(tender.icbId);
    const base = `/api/tenders/${tender.id}`;
    await this.client.post(token, '/api/tenders', {
      tenderId: tender.id,
      title: tender.title,
      description: `Core general practice for ${tender.population.toLocaleString('en-GB')} registered patients${tender.split ? ` in ${tender.lots.length} locality lots that practices and federations can bid for one by one` : ''}.`,
      procedureProfileId: tender.procedureProfileId,
      contractType: tender.contractType,
      replacesContractId: this.contractId(tender.replaces),
      services: [{ id: 'core', name: 'Core general practice', population: tender.population, annualValuePence: tender.annualValuePence, ...(tender.split ? { localities: tender.lots.map((l) => ({ id: l.localityId, name: l.title.replace(' locality', ''), population: l.population })) } : {}) }],
      population: tender.population,
      estimatedAnnualValuePence: tender.annualValuePence,
      contractTerm: { startDate: tender.termStart, months: tender.termMonths },
      criteria: CRITERIA,
      timeline: { clarificationDeadline: new Date(tender.clarificationDeadline).toISOString(), submissionDeadline: new Date(tender.deadline).toISOString(), plannedAwardDate: new Date(tender.decideAt).toISOString() },
      region: tender.region,
    }, [201]);
    if (tender.split) {
      const lots = tender.lots.map((l) => ({ id: l.id, title: l.title, description: `Core general practice, ${l.title}.`, scope: [{ serviceLineId: 'core', localityIds: [l.localityId] }], population: l.population, estimatedAnnualValuePence: l.annualValuePence }));
      await this.client.put(token, `${base}/lots`, { lots });
      this.lotIds.set(tender.id, lots.map((l) => l.id));
    } else {
      const view = await this.client.post<{ lots: { id: string }[] }>(token, `${base}/no-split-reason`, { reason: `One contract for ${tender.population.toLocaleString('en-GB')} patients on one site: splitting would leave a lot too small to staff safely.` }, [200]);
      this.lotIds.set(tender.id, view.lots.map((l) => l.id));
    }
    await this.client.post(token, `${base}/publish`, {}, [200]);
    this.report.tenders++;
    this.report.lots += tender.lots.length;
  }

  private lotId(tender: PlannedTender, lotIndex: number): string {
    return this.lotIds.get(tender.id)![lotIndex]!;
  }

  private async bid(tender: PlannedTender, bid: PlannedBid): Promise<void> {
    const token = await this.bidder(bid.bidderId);
    const receipt = await this.client.post<{ bidId: string }>(token, '/api/bids', {
      tenderId: tender.id,
      bidder: bid.consortium ? { kind: 'consortium', name: bid.consortium.name, memberOrganisationIds: bid.consortium.members } : { kind: 'organisation' },
      content: {
        lots: bid.prices.map((p) => ({ lotId: this.lotId(tender, p.lotIndex), price: p.pricePence })),
        qualityResponses: CRITERIA.filter((c) => c.kind !== 'price').map((c) => ({ criterionId: c.id, response: `${bid.bidderName}: our approach to ${c.name.toLowerCase()}.` })),
        socialValueCommitments: ['Local apprenticeships', 'Living wage for every employee'],
      },
    }, [201]);
    this.bidIds.set(`${tender.id}/${bid.key}`, receipt.bidId);
    this.report.bids++;
  }

  private bidId(tender: PlannedTender, key: string): string {
    return this.bidIds.get(`${tender.id}/${key}`)!;
  }

  private evaluators(tender: PlannedTender): { evaluatorId: string; name: string; role: string; organisationId: string }[] {
    return [
      { evaluatorId: `${tender.icbId}.evaluator`, name: 'ICB primary care lead', role: 'commissioner-staff', organisationId: tender.icbId },
      { evaluatorId: `${INDEPENDENT}.gp`, name: 'Independent GP adviser', role: 'independent-clinician', organisationId: INDEPENDENT },
    ];
  }

  private async evaluate(tender: PlannedTender): Promise<void> {
    const token = await this.commissioner(tender.icbId);
    const base = `/api/tenders/${tender.id}/evaluation`;
    // The dev clock route answered after the opening process manager ran: every bid is open now.
    await this.client.post(token, base, { priceFormula: 'proportional-difference' }, [201]);
    const panel = this.evaluators(tender);
    await this.client.post(token, `${base}/panel`, { evaluators: panel }, [201]);
    const bidIds = tender.bids.map((b) => this.bidId(tender, b.key));
    const jitter = new Prng(tender.bids.length * 7919 + tender.publishAt / 60_000);
    for (const member of panel) {
      const evaluator = await this.client.token('evaluator', member.organisationId, member.evaluatorId);
      await this.client.post(evaluator, `${base}/conflicts`, { none: true }, [201]);
      await this.client.post(token, `${base}/assignments`, { evaluatorId: member.evaluatorId, bidIds }, [201]);
      for (const bid of tender.bids) {
        const near = (score: number): number => Math.max(0, Math.min(5, score + jitter.pick([-1, 0, 0, 1])));
        const why = `Evidence in ${bid.bidderName}'s response, section ${jitter.int(2, 6)}.`;
        await this.client.post(evaluator, `${base}/scores`, { bidId: this.bidId(tender, bid.key), scores: [{ criterionId: 'quality', score: near(bid.quality), justification: why }, { criterionId: 'access', score: near(bid.access), justification: why }] }, [201]);
      }
    }
  }

  private async complete(tender: PlannedTender): Promise<void> {
    const token = await this.commissioner(tender.icbId);
    const base = `/api/tenders/${tender.id}/evaluation`;
    for (const bid of tender.bids) {
      for (const [criterionId, consensusScore] of [['quality', bid.quality], ['access', bid.access]] as const) {
        await this.client.post(token, `${base}/moderation`, { bidId: this.bidId(tender, bid.key), criterionId, consensusScore, rationale: `Panel consensus on ${bid.bidderName} after discussion.` }, [201]);
      }
    }
    const completed = await this.client.post<{ recommendation: { lots: { lotId: string; bidId: string }[] } }>(token, `${base}/complete`, {}, [200]);
    this.checkWinners(tender, completed.recommendation.lots.map((l) => ({ lotId: l.lotId, bidId: l.bidId })), 'the evaluation recommended');
  }

  /** The plan priced and scored every lot for one winner: if the platform ranked otherwise, say so and stop. */
  private checkWinners(tender: PlannedTender, got: { lotId: string; bidId: string }[], what: string): void {
    tender.lots.forEach((_, i) => {
      const lotId = this.lotId(tender, i);
      const expected = this.bidId(tender, tender.winners[i]!);
      const actual = got.find((l) => l.lotId === lotId)?.bidId;
      if (actual !== expected) throw new Error(`${what} bid ${actual} on ${tender.id} ${lotId}, the plan expected ${expected} (${winnerOf(tender, i).bidderId})`);
    });
  }

  private async decide(tender: PlannedTender): Promise<void> {
    const token = await this.commissioner(tender.icbId);
    const decided = await this.client.post<{ lots: { lotId: string; winner: { bidId: string } | null }[] }>(token, `/api/tenders/${tender.id}/award/decision`, { decisionMakers: DECISION_MAKERS, reasons: 'The evaluation’s lot award recommendation: the highest-scoring compliant bid on every lot.' }, [201]);
    this.checkWinners(tender, decided.lots.map((l) => ({ lotId: l.lotId, bidId: l.winner?.bidId ?? '' })), 'the award decision chose');
  }

  private async challenge(tender: PlannedTender): Promise<void> {
    const challenger = tender.bids.find((b) => b.key === tender.challenge!.bidKey)!;
    const token = await this.bidder(challenger.bidderId);
    const kind = tender.procedureProfileId.startsWith('psr') ? 'representation' : 'challenge';
    const lodged = await this.client.post<{ id: string }>(token, `/api/tenders/${tender.id}/award/challenges`, { kind, grounds: 'The access criterion was scored against a question the specification did not publish.' }, [201]);
    this.challengeIds.set(tender.id, lodged.id);
    this.report.challenges++;
  }

  private async challengeOutcome(tender: PlannedTender): Promise<void> {
    const token = await this.commissioner(tender.icbId);
    await this.client.post(token, `/api/tenders/${tender.id}/award/challenges/${this.challengeIds.get(tender.id)}/outcome`, { outcome: 'dismissed', reasons: 'The access question was published in the specification, section 4.' }, [200]);
  }

  private async concluded(tender: PlannedTender): Promise<void> {
    const token = await this.commissioner(tender.icbId);
    // Conclusion is the process manager's (it ran when the clock passed the standstill); the register's reaction follows it.
    await this.client.until(`the award of ${tender.id} to be concluded`, async () => {
      const award = await this.client.get<{ lots: { status: string }[] }>(token, `/api/tenders/${tender.id}/award`);
      return award.lots.every((l) => l.status === 'concluded');
    });
    await this.client.until(`the register to record the award of ${tender.id}`, async () => {
      const old = await this.client.get<{ history: { type: string }[] }>(token, `/api/contracts/${this.contractId(tender.replaces)}`);
      return old.history.some((h) => h.type === 'ContractAwarded');
    });
    this.report.lotsAwarded += tender.lots.length;
  }

  private async directAward(award: PlannedDirectAward): Promise<void> {
    const token = await this.commissioner(award.icbId);
    await this.client.post(token, '/api/direct-awards', {
      decisionId: award.id,
      route: award.route,
      provider: { organisationId: award.providerId, name: award.providerName },
      ...(award.incumbentReference ? { incumbent: { organisationId: award.providerId, contractId: this.contractId(award.incumbentReference) } } : {}),
      keyCriteriaAssessment: KEY_CRITERIA,
      decisionMakers: DECISION_MAKERS,
      conflicts: [],
      reasons: award.route === 'psr-direct-award-c' ? 'The provider is satisfying the existing contract and is likely to satisfy the new one.' : 'The federation is the most suitable provider: it already runs the extended-access hubs in this place.',
      contract: award.contract,
    }, [201]);
    this.report.directAwards++;
  }

  private async representation(award: PlannedDirectAward): Promise<void> {
    const token = await this.bidder(award.representation!.byId);
    const lodged = await this.client.post<{ id: string }>(token, `/api/direct-awards/${award.id}/challenges`, { kind: 'representation', grounds: 'We were not considered although we run the same service next door.' }, [201]);
    this.challengeIds.set(award.id, lodged.id);
    this.report.challenges++;
  }

  private async representationOutcome(award: PlannedDirectAward): Promise<void> {
    const token = await this.commissioner(award.icbId);
    await this.client.post(token, `/api/direct-awards/${award.id}/challenges/${this.challengeIds.get(award.id)}/outcome`, { outcome: 'dismissed', reasons: 'The service was assessed against the published key criteria; the decision stands.' }, [200]);
  }

  private async directAwardConcluded(award: PlannedDirectAward): Promise<void> {
    const token = await this.commissioner(award.icbId);
    await this.client.until(`direct award ${award.id} to be concluded`, async () => (await this.client.get<{ status: string }>(token, `/api/direct-awards/${award.id}`)).status === 'concluded');
    if (award.incumbentReference) {
      const id = this.contractId(award.incumbentReference);
      await this.client.until(`the register to record the renewal of ${award.incumbentReference}`, async () => (await this.client.get<{ history: { type: string }[] }>(token, `/api/contracts/${id}`)).history.some((h) => h.type === 'ContractRenewedWithoutCompetition'));
    } else {
      await this.client.until(`the register to record ${award.id}'s contract`, async () => (await this.client.status(token, `/api/contracts/${award.id}.contract`)) === 200);
    }
  }
}
