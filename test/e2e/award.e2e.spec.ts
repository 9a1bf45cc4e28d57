import { contractDecider, type ContractEvent, type ContractState } from '@tenderledger/registry';
import { handleCommand, englandAndWales, type CommandContext } from '@tenderledger/domain-kit';
import {
  asBidId,
  asCriterionId,
  asEvaluatorId,
  asLotId,
  asOrganisationId,
  asTenderId,
  evaluationDecider,
  evaluationStreamId,
  type EvaluatedBid,
  type EvaluationCommand,
  type EvaluationCriterion,
} from '@tenderledger/evaluation';
import { collect } from '../../libs/event-store/src/testing/contract';
import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * A PSR competitive award from decision to the register, over HTTP with a fixed clock. The evaluation
 * HTTP layer is built in parallel, so its stream is written here through the evaluation decider itself.
 * The award notice goes out on Monday 21 December 2026: the standstill runs over the Christmas bank
 * holidays; a representation on one lot holds it while the other lot concludes; dismissed, the held lot
 * waits a further 5 working days and is concluded by the process manager; the register shows the change.
 */
const ICB = 'org-icb-north';
const TENDER = 'tender-riverside-2027';
const OLD_CONTRACT = 'contract-apms-riv';
const NORTH = 'lot-north';
const SOUTH = 'lot-south';
const DECIDED_AT = '2026-12-21T10:00:00.000Z';
const STANDSTILL_END = '2027-01-06T00:00:00.000Z';

type Summary = { bidderId: string; outcome: string; reasons: string[] };
type LotView = { lotId: string; status: string; winner: { bidderId: string } | null; standstill: { endsAt: string; lastWorkingDay: string } | null; assessmentSummaries: Summary[]; ranking?: unknown[] };

async function eventually<T>(check: () => Promise<T>, timeoutMs = 3_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('award over HTTP: decision, standstill over Christmas, challenge, conclusion, register', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};
  let criteria: EvaluationCriterion[] = [];

  const lotOf = (body: { lots: LotView[] }, lotId: string): LotView => body.lots.find((lot) => lot.lotId === lotId)!;
  const awardEvents = async () => collect(p.store.readStream(`award-${TENDER}`));
  const contractOf = async (id: string) => {
    const events = await collect(p.store.readStream(`contract-${id}`));
    const state = events.reduce<ContractState>((s, e) => contractDecider.evolve(s, { type: e.type, data: e.data } as ContractEvent), contractDecider.initialState());
    return { events, state };
  };

  beforeAll(async () => {
    p = await startTestPlatform('2026-09-01T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.otherIcb = await p.token('commissioner', 'org-icb-south');
    t.riverside = await p.token('bidder', 'org-riverside');
    t.valley = await p.token('bidder', 'org-valley');
    t.hilltop = await p.token('bidder', 'org-hilltop');
    t.stranger = await p.token('bidder', 'org-stranger');
    t.auditor = await p.token('auditor', 'org-nao');
  });
  afterAll(() => p.close());

  it('sets up the register, a tender replacing the incumbent’s contract, and closes submissions', async () => {
    const org = (body: object) => p.as(t.admin).post('/api/organisations').send(body).expect(201);
    await org({ organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    await org({ organisationId: 'org-riverside', name: 'Riverside Medical Practice', kind: 'practice', listSize: 8_400 });
    await org({ organisationId: 'org-valley', name: 'Valley Health', kind: 'practice', listSize: 6_000 });
    await org({ organisationId: 'org-hilltop', name: 'Hilltop Surgery', kind: 'practice', listSize: 12_500 });
    await p.as(t.icb).post('/api/contracts').send({
      contractId: OLD_CONTRACT, reference: 'APMS-RIV-01', contractType: 'APMS', holderId: 'org-hilltop', commissionerId: ICB,
      region: 'North East and Yorkshire', listSize: 30_000, annualValuePence: 90_000_000, startDate: '2017-04-01', endDate: '2027-03-31',
    }).expect(201);

    const draft = await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER,
      title: 'Riverside primary care 2027',
      description: 'Core general practice for two localities.',
      procedureProfileId: 'psr-competitive',
      contractType: 'APMS',
      replacesContractId: OLD_CONTRACT,
      services: [{ id: 'core', name: 'Core general practice', population: 30_000, annualValuePence: 90_000_000, localities: [{ id: 'north', name: 'North', population: 18_000 }, { id: 'south', name: 'South', population: 12_000 }] }],
      population: 30_000,
      estimatedAnnualValuePence: 90_000_000,
      contractTerm: { startDate: '2027-04-01', months: 60 },
      timeline: { clarificationDeadline: '2026-10-01T12:00:00.000Z', submissionDeadline: '2026-11-02T12:00:00.000Z', plannedAwardDate: '2026-12-21T12:00:00.000Z' },
      region: 'North East and Yorkshire',
    });
    expect(draft.status).toBe(201);
    criteria = draft.body.criteria;
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({
      lots: [
        { id: NORTH, title: 'North locality', description: 'Core practice, north.', scope: [{ serviceLineId: 'core', localityIds: ['north'] }], population: 18_000, estimatedAnnualValuePence: 54_000_000 },
        { id: SOUTH, title: 'South locality', description: 'Core practice, south.', scope: [{ serviceLineId: 'core', localityIds: ['south'] }], population: 12_000, estimatedAnnualValuePence: 36_000_000 },
      ],
    }).expect(200);
    await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);
    p.clock.set('2026-11-02T12:00:01.000Z');
    await settle(p);
    await eventually(async () => expect((await p.as(t.icb).get(`/api/tenders/${TENDER}`)).body.status).toBe('submissions-closed'));
  });

  // Riverside bids north only; Valley and Hilltop (the incumbent) bid both. Lot limit 1.
  const bids: EvaluatedBid[] = [
    { bidId: asBidId('bid-riverside'), bidder: { kind: 'organisation', organisationId: asOrganisationId('org-riverside') }, lots: [{ lotId: asLotId(NORTH), price: 40_000_000 }], submittedAt: '2026-10-20T10:00:00.000Z' },
    { bidId: asBidId('bid-valley'), bidder: { kind: 'organisation', organisationId: asOrganisationId('org-valley') }, lots: [{ lotId: asLotId(NORTH), price: 45_000_000 }, { lotId: asLotId(SOUTH), price: 35_000_000 }], submittedAt: '2026-10-21T10:00:00.000Z' },
    { bidId: asBidId('bid-hilltop'), bidder: { kind: 'organisation', organisationId: asOrganisationId('org-hilltop') }, lots: [{ lotId: asLotId(NORTH), price: 50_000_000 }, { lotId: asLotId(SOUTH), price: 38_000_000 }], submittedAt: '2026-10-22T10:00:00.000Z' },
  ];
  const consensus: Record<string, number> = { 'bid-riverside': 5, 'bid-valley': 4, 'bid-hilltop': 3 };

  async function evaluate(...commands: EvaluationCommand[]): Promise<void> {
    const context: CommandContext = { actor: { userId: 'jane.commissioner', role: 'commissioner', organisationId: ICB }, correlationId: `evaluation-${TENDER}`, causationId: null, now: p.clock.now() };
    for (const command of commands) await handleCommand(p.store, evaluationStreamId(asTenderId(TENDER)), evaluationDecider, command, context);
  }

  it('refuses the decision until the evaluation is completed, then records it through the evaluation decider', async () => {
    p.clock.set('2026-11-10T09:00:00.000Z');
    const now = p.clock.now().toISOString();
    const tenderId = asTenderId(TENDER);
    const commissionerId = asOrganisationId(ICB);
    const evaluatorId = asEvaluatorId('user-eva');
    await evaluate(
      {
        type: 'OpenEvaluation',
        data: {
          tenderId, commissionerId, now, bids,
          tender: {
            criteria: criteria.map(({ id, name, kind, weightBasisPoints, maxScore, passMark }) => ({ id, name, kind, weightBasisPoints, maxScore, passMark })),
            lots: [{ lotId: asLotId(NORTH), title: 'North locality' }, { lotId: asLotId(SOUTH), title: 'South locality' }],
            lotLimit: 1, scoringScale: { step: 1 }, priceFormula: 'lowest-price-ratio',
            tieBreakRule: 'highest-quality-then-lowest-price-then-earliest-submission', abnormallyLowThresholdBasisPoints: 2_000, awardRule: 'maximise-lots-then-score',
          },
        },
      },
      { type: 'AppointPanel', data: { tenderId, commissionerId, now, evaluators: [{ evaluatorId, name: 'Eva Shah', role: 'commissioner-staff', organisationId: commissionerId }] } },
      { type: 'DeclareNoConflicts', data: { tenderId, evaluatorId, now } },
      { type: 'AssignBids', data: { tenderId, commissionerId, evaluatorId, bidIds: bids.map((b) => b.bidId), now } },
      ...bids.map((bid): EvaluationCommand => ({
        type: 'SubmitScores',
        data: { tenderId, evaluatorId, bidId: bid.bidId, now, scores: criteria.map((c) => ({ criterionId: asCriterionId(c.id), score: consensus[bid.bidId]!, justification: 'Evidence in the response.' })) },
      })),
      ...bids.flatMap((bid) =>
        criteria.map((c): EvaluationCommand => ({ type: 'ModerateScore', data: { tenderId, commissionerId, bidId: bid.bidId, criterionId: asCriterionId(c.id), consensusScore: consensus[bid.bidId]!, rationale: 'Panel agreed.', now } })),
      ),
    );
    const decision = { decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'Highest-scoring compliant bids within the lot limit of one.' };
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/decision`).send(decision), 409, 'AWARD_EVALUATION_NOT_COMPLETED');
    await evaluate({ type: 'CompleteEvaluation', data: { tenderId, commissionerId, now } });
    await expectRefusal(p, () => p.as(t.valley).get(`/api/tenders/${TENDER}/award`), 404, 'AWARD_NOT_DECIDED');
  });

  it('decides the award on Monday 21 December 2026: the PSR standstill skips the Christmas bank holidays', async () => {
    p.clock.set(DECIDED_AT);
    const decision = { decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'Highest-scoring compliant bids within the lot limit of one.' };
    await expectRefusal(p, () => p.as(t.otherIcb).post(`/api/tenders/${TENDER}/award/decision`).send(decision), 403, 'AWARD_NOT_YOUR_TENDER');
    await expectRefusal(p, () => p.as(t.valley).post(`/api/tenders/${TENDER}/award/decision`).send(decision), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/decision`).send({ ...decision, decisionMakers: [] }), 400, 'VALIDATION_FAILED');

    const res = await p.as(t.icb).post(`/api/tenders/${TENDER}/award/decision`).send(decision);
    expect(res.status).toBe(201);
    // By hand: PSR counts from the day after the notice. Christmas Day (Fri 25) and Boxing Day's
    // substitute (Mon 28), then New Year's Day (Fri 1 Jan) are bank holidays; weekends do not count:
    // 22, 23, 24, 29, 30, 31 December, 4, 5 January → the standstill ends at the end of Tue 5 January.
    const counted = ['2026-12-22', '2026-12-23', '2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05'];
    for (const day of ['2026-12-25', '2026-12-28', '2027-01-01']) expect(englandAndWales.isWorkingDay(day)).toBe(false);
    for (const day of counted) expect(englandAndWales.isWorkingDay(day)).toBe(true);
    expect(res.body.standstillEndsAt).toBe(STANDSTILL_END);
    expect(res.body.contractTerm).toEqual({ startDate: '2027-04-01', endDate: '2032-03-31' });
    for (const lotId of [NORTH, SOUTH]) expect(lotOf(res.body, lotId).standstill).toMatchObject({ noticeDate: '2026-12-21', lastWorkingDay: '2027-01-05', endsAt: STANDSTILL_END, counting: 'day-after-notice' });
    expect(lotOf(res.body, NORTH).winner!.bidderId).toBe('org-riverside');
    expect(lotOf(res.body, SOUTH).winner!.bidderId).toBe('org-valley');
    expect(lotOf(res.body, NORTH).ranking).toHaveLength(3);
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/decision`).send(decision), 409, 'AWARD_ALREADY_DECIDED');
  });

  it('shows each bidder only its own assessment summary; the commissioner and auditors see every one', async () => {
    const seen = async (token: string) => (await p.as(token).get(`/api/tenders/${TENDER}/award`).expect(200)).body as { lots: LotView[] };
    const valley = await seen(t.valley);
    expect(lotOf(valley, NORTH).assessmentSummaries).toEqual([expect.objectContaining({ bidderId: 'org-valley', outcome: 'not-awarded' })]);
    expect(lotOf(valley, SOUTH).assessmentSummaries).toEqual([expect.objectContaining({ bidderId: 'org-valley', outcome: 'awarded' })]);
    expect(lotOf(valley, NORTH).ranking).toBeUndefined();
    const riverside = await seen(t.riverside);
    expect(lotOf(riverside, NORTH).assessmentSummaries.map((s) => s.bidderId)).toEqual(['org-riverside']);
    expect(lotOf(riverside, SOUTH).assessmentSummaries).toEqual([]);
    expect(JSON.stringify(riverside)).not.toMatch(/org-hilltop.*outcome|bid-hilltop/);
    for (const token of [t.icb, t.auditor]) {
      const full = await seen(token);
      expect(lotOf(full, NORTH).assessmentSummaries.map((s) => s.bidderId)).toEqual(['org-riverside', 'org-valley', 'org-hilltop']);
      expect(lotOf(full, NORTH).ranking).toHaveLength(3);
    }
  });

  it('refuses conclusion during the standstill; a representation on lot north suspends it past the standstill end', async () => {
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/conclude`).send({}), 409, 'STANDSTILL_NOT_OVER');
    p.clock.set('2026-12-23T12:00:00.000Z');
    const grounds = { kind: 'representation', lotId: NORTH, grounds: 'Our access plan was scored against an unpublished requirement.' };
    await expectRefusal(p, () => p.as(t.stranger).post(`/api/tenders/${TENDER}/award/challenges`).send(grounds), 403, 'AWARD_NOT_A_BIDDER');
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/challenges`).send(grounds), 403, 'ROLE_NOT_ALLOWED');
    const lodged = await p.as(t.valley).post(`/api/tenders/${TENDER}/award/challenges`).send(grounds);
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ kind: 'representation', by: 'org-valley', against: [{ lotId: NORTH, bidId: 'bid-riverside' }], decision: null });
    t.challenge = lodged.body.id;
    expect((await p.as(t.hilltop).get(`/api/tenders/${TENDER}/award`)).body.challenges).toEqual([]);
    expect((await p.as(t.icb).get(`/api/tenders/${TENDER}/award`)).body.challenges).toHaveLength(1);

    // After the standstill end the process manager concludes lot south; lot north stays suspended.
    p.clock.set('2027-01-06T09:00:00.000Z');
    await settle(p);
    const award = (await p.as(t.icb).get(`/api/tenders/${TENDER}/award`)).body;
    expect(lotOf(award, SOUTH).status).toBe('concluded');
    expect(lotOf(award, NORTH).status).toBe('pending');
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/conclude`).send({}), 409, 'AWARD_SUSPENDED_BY_CHALLENGE');
    const concluded = (await awardEvents()).filter((e) => e.type === 'ContractConcluded');
    expect(concluded.map((e) => (e.data as { lotId: string }).lotId)).toEqual([SOUTH]);
    expect(concluded[0]!.actor).toEqual({ userId: 'process-manager:conclude-contracts', role: 'system', organisationId: null });
  });

  it('dismisses the representation: PSR adds 5 working days, then the process manager concludes lot north', async () => {
    p.clock.set('2027-01-06T15:00:00.000Z');
    const outcome = { outcome: 'dismissed', reasons: 'The access plan was scored as published.' };
    await expectRefusal(p, () => p.as(t.otherIcb).post(`/api/tenders/${TENDER}/award/challenges/${t.challenge}/outcome`).send(outcome), 403, 'AWARD_NOT_YOUR_TENDER');
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/challenges/nope/outcome`).send(outcome), 404, 'CHALLENGE_NOT_FOUND');
    const res = await p.as(t.icb).post(`/api/tenders/${TENDER}/award/challenges/${t.challenge}/outcome`).send(outcome);
    expect(res.status).toBe(200);
    // 5 working days from the day after Wed 6 January: 7, 8, 11, 12, 13 → ends at the end of Wed 13 January.
    expect(lotOf(res.body, NORTH).standstill).toMatchObject({ lastWorkingDay: '2027-01-13', endsAt: '2027-01-14T00:00:00.000Z' });
    expect(res.body.standstillEndsAt).toBe('2027-01-14T00:00:00.000Z');
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/challenges/${t.challenge}/outcome`).send(outcome), 409, 'CHALLENGE_ALREADY_DECIDED');

    p.clock.set('2027-01-13T23:59:00.000Z');
    await settle(p);
    expect(lotOf((await p.as(t.icb).get(`/api/tenders/${TENDER}/award`)).body, NORTH).status).toBe('pending');
    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/award/conclude`).send({}), 409, 'STANDSTILL_NOT_OVER');

    p.clock.set('2027-01-14T00:00:00.000Z');
    await settle(p);
    const award = (await p.as(t.icb).get(`/api/tenders/${TENDER}/award`)).body;
    expect(award.lots.map((lot: LotView) => lot.status)).toEqual(['concluded', 'concluded']);
    expect(award.standstillEndsAt).toBeNull();
    const north = (await awardEvents()).filter((e) => e.type === 'ContractConcluded').map((e) => e.data as { lotId: string; concludedAt: string });
    expect(north).toEqual([expect.objectContaining({ lotId: SOUTH }), expect.objectContaining({ lotId: NORTH, concludedAt: '2027-01-14T00:00:00.000Z' })]);
  });

  it('updates the register: the replaced contract ends as replaced and the successors are held by the new providers', async () => {
    await settle(p);
    // Lot south concluded first: it records the outcome on the replaced contract.
    const old = await contractOf(OLD_CONTRACT);
    expect(old.state).toMatchObject({ status: 'ended', endedBy: 'replaced', endedOn: '2027-04-01' });
    const awarded = old.events.filter((e) => e.type === 'ContractAwarded');
    expect(awarded).toHaveLength(1);
    expect(awarded[0]!.data).toMatchObject({ tenderId: TENDER, holderId: 'org-hilltop', newHolderId: 'org-valley', incumbentRetained: false, successorContractId: `${TENDER}.${SOUTH}` });
    expect(awarded[0]!.actor.userId).toBe('process-manager:register-after-award');

    const register = await eventually(async () => {
      const view = (await p.as(t.icb).get(`/api/contracts/${OLD_CONTRACT}`)).body;
      expect(view.status).toBe('ended');
      return view;
    });
    expect(register.history.at(-1).type).toBe('ContractAwarded');

    const south = await eventually(async () => (await p.as(t.icb).get(`/api/contracts/${TENDER}.${SOUTH}`).expect(200)).body);
    expect(south).toMatchObject({ holderId: 'org-valley', commissionerId: ICB, contractType: 'APMS', status: 'active', startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 35_000_000, listSize: 12_000 });
    const north = await eventually(async () => (await p.as(t.icb).get(`/api/contracts/${TENDER}.${NORTH}`).expect(200)).body);
    expect(north).toMatchObject({ holderId: 'org-riverside', status: 'active', annualValuePence: 40_000_000, listSize: 18_000 });
    // Both successors point back to the contract they replace.
    for (const lot of [SOUTH, NORTH]) {
      const [registered] = (await contractOf(`${TENDER}.${lot}`)).events;
      expect(registered!.data).toMatchObject({ predecessor: { contractId: OLD_CONTRACT, tenderId: TENDER } });
    }
  });

  it('replays at restart without touching the register again', async () => {
    const before = await p.eventCount();
    const { RegisterAfterAward } = await import('@tenderledger/award');
    const reaction = p.platform.app.get(RegisterAfterAward);
    for (const event of (await awardEvents()).filter((e) => e.type === 'ContractConcluded')) await reaction.onEvent(event);
    expect(await p.eventCount()).toBe(before);
  });
});
