import { settle, type TestPlatform } from './platform';

/**
 * A small procurement history built through the API, whose turnover figures were computed by hand
 * (test/e2e/statistics.e2e.spec.ts asserts them; the web UI's browser test shows them):
 * - Meadow's APMS contract is re-procured in two lots (PSR competitive, published 1 Sep 2026). North: Riverside
 *   (small) and CareCorp, whose quality fails the pass mark, so Riverside is the only qualifying bid; South: the
 *   Valley GP Federation alone, as a consortium (a single-bid lot). Decided 21 Dec 2026; CareCorp's challenge is
 *   dismissed on 7 Jan 2027; concluded 15 Jan 2027: the provider changes (Meadow keeps nothing).
 * - Riverside's GMS contract is renewed by PSR direct award C (decided 21 Dec 2026, concluded 6 Jan 2027).
 * - Hilltop's PMS contract is renewed without competition on 20 Jan 2027 (contract option).
 * - A London GMS contract held by CareCorp runs throughout (for the region filter).
 */
export const ICB = 'org-icb-north';
export const REGION = 'North East and Yorkshire';
export const TENDER = 'tender-meadow-2027';
export const OLD = 'contract-apms-meadow';
export const GMS = 'contract-gms-riverside';
export const PMS = 'contract-pms-hilltop';
export const LONDON = 'contract-gms-london';
export const EVAL = `/api/tenders/${TENDER}/evaluation`;
export const AWARD = `/api/tenders/${TENDER}/award`;
export const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 4_000, maxScore: 5, passMark: 2 },
  { id: 'access', name: 'Improving access', kind: 'quality', weightBasisPoints: 2_000, maxScore: 5 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];
export const ANNA = { evaluatorId: 'anna.shah', name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB };
export const ASSESSMENT = {
  'quality-and-innovation': 'CQC good; patient survey above the ICB average.',
  value: 'Price unchanged in real terms; within the budget.',
  'integration-collaboration-and-service-sustainability': 'Active member of the primary care network.',
  'improving-access-reducing-health-inequalities-and-facilitating-choice': 'Extended hours and a branch surgery in the most deprived ward.',
  'social-value': 'Local employment and apprenticeships.',
};

/** The platform's clock when the history starts: the tender is published at this moment. */
export const TURNOVER_HISTORY_START = '2026-09-01T09:00:00.000Z';

/** Dev tokens for everyone who acts in the history, plus an auditor who reads it. */
export async function turnoverHistoryTokens(p: TestPlatform): Promise<Record<string, string>> {
  return {
    admin: await p.token('admin', 'org-platform'),
    icb: await p.token('commissioner', ICB, 'jane.commissioner'),
    riverside: await p.token('bidder', 'org-riverside'),
    fed: await p.token('bidder', 'org-valley-fed'),
    carecorp: await p.token('bidder', 'org-carecorp'),
    anna: await p.token('evaluator', ICB, ANNA.evaluatorId),
    auditor: await p.token('auditor', 'org-nao'),
  };
}

/**
 * Builds the history through the API on a platform started at TURNOVER_HISTORY_START; the clock ends
 * on 20 January 2027. Returns the bid id of each bidder (riverside, carecorp, fed).
 */
export async function buildTurnoverHistory(p: TestPlatform, t: Record<string, string>): Promise<{ bids: Record<string, string> }> {
  const bid: Record<string, string> = {};
  const org = (body: object) => p.as(t.admin).post('/api/organisations').send(body).expect(201);
  await org({ organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: REGION } });
  for (const [id, name, list] of [['org-meadow', 'Meadow Health Centre', 5_200], ['org-riverside', 'Riverside Medical Practice', 8_400], ['org-hilltop', 'Hilltop Surgery', 12_500], ['org-brook', 'Brook Lane Practice', 6_100]] as const) {
    await org({ organisationId: id, name, kind: 'practice', listSize: list });
  }
  await org({ organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
  await org({ organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 });
  const contract = (body: object) => p.as(t.icb).post('/api/contracts').send({ commissionerId: ICB, region: REGION, listSize: 8_000, ...body }).expect(201);
  await contract({ contractId: OLD, reference: 'APMS-MEADOW-01', contractType: 'APMS', holderId: 'org-meadow', listSize: 72_000, annualValuePence: 720_000_000, startDate: '2017-04-01', endDate: '2027-03-31' });
  await contract({ contractId: GMS, reference: 'GMS-A81001', contractType: 'GMS', holderId: 'org-riverside', annualValuePence: 125_000_000, startDate: '2012-04-01', endDate: '2027-03-31' });
  await contract({ contractId: PMS, reference: 'PMS-HILLTOP', contractType: 'PMS', holderId: 'org-hilltop', annualValuePence: 60_000_000, startDate: '2016-04-01', endDate: '2027-03-31' });
  await contract({ contractId: LONDON, reference: 'GMS-LONDON-1', contractType: 'GMS', region: 'London', holderId: 'org-carecorp', annualValuePence: 90_000_000, startDate: '2020-01-01', endDate: '2030-12-31' });

  // The tender: two locality lots, published on 1 September 2026 with a deadline 59 days later.
  await p.as(t.icb).post('/api/tenders').send({
    tenderId: TENDER, title: 'Meadow primary care re-procurement 2027', description: 'Core general practice for 72,000 patients in two locality lots.',
    procedureProfileId: 'psr-competitive', contractType: 'APMS', replacesContractId: OLD,
    services: [{ id: 'core', name: 'Core general practice', population: 72_000, annualValuePence: 720_000_000, localities: [{ id: 'north', name: 'North', population: 40_000 }, { id: 'south', name: 'South', population: 32_000 }] }],
    population: 72_000, estimatedAnnualValuePence: 720_000_000, contractTerm: { startDate: '2027-04-01', months: 60 }, criteria: CRITERIA,
    timeline: { clarificationDeadline: '2026-10-01T12:00:00.000Z', submissionDeadline: '2026-10-30T12:00:00.000Z', plannedAwardDate: '2026-12-21T12:00:00.000Z' },
    region: REGION,
  }).expect(201);
  const lot = (id: string, locality: string, population: number) => ({ id, title: `${locality} locality`, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
  await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot('lot-north', 'north', 40_000), lot('lot-south', 'south', 32_000)] }).expect(200);
  await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);

  p.clock.set('2026-10-05T09:00:00.000Z');
  const submit = async (who: string, bidder: object, lotId: string, price: number) => {
    const content = { lots: [{ lotId, price }], qualityResponses: CRITERIA.filter((c) => c.kind !== 'price').map((c) => ({ criterionId: c.id, response: `Our answer on ${c.name}.` })), socialValueCommitments: ['Local apprenticeships'] };
    const res = await p.as(t[who]!).post('/api/bids').send({ tenderId: TENDER, bidder, content });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    bid[who] = res.body.bidId;
  };
  await submit('riverside', { kind: 'organisation' }, 'lot-north', 360_000_000);
  await submit('carecorp', { kind: 'organisation' }, 'lot-north', 300_000_000);
  await submit('fed', { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, 'lot-south', 320_000_000);
  p.clock.set('2026-10-30T12:00:01.000Z');
  await settle(p);

  p.clock.set('2026-11-09T10:00:00.000Z');
  await p.as(t.icb).post(EVAL).send({ priceFormula: 'proportional-difference' }).expect(201);
  await p.as(t.icb).post(`${EVAL}/panel`).send({ evaluators: [ANNA] }).expect(201);
  await p.as(t.anna).post(`${EVAL}/conflicts`).send({ none: true }).expect(201);
  await p.as(t.icb).post(`${EVAL}/assignments`).send({ evaluatorId: ANNA.evaluatorId, bidIds: [bid.riverside, bid.carecorp, bid.fed] }).expect(201);
  // CareCorp's quality (1) is below the pass mark (2): Riverside is North's only qualifying bid.
  for (const [who, quality, access] of [['riverside', 4, 3], ['carecorp', 1, 3], ['fed', 5, 5]] as const) {
    const scores = [{ criterionId: 'quality', score: quality, justification: 'Evidence in section 3.' }, { criterionId: 'access', score: access, justification: 'Evidence in section 4.' }];
    await p.as(t.anna).post(`${EVAL}/scores`).send({ bidId: bid[who], scores }).expect(201);
    for (const [criterionId, consensusScore] of [['quality', quality], ['access', access]] as const) {
      await p.as(t.icb).post(`${EVAL}/moderation`).send({ bidId: bid[who], criterionId, consensusScore, rationale: `Panel consensus on ${who}.` }).expect(201);
    }
  }
  await p.as(t.icb).post(`${EVAL}/complete`).send({}).expect(200);

  p.clock.set('2026-12-21T10:00:00.000Z');
  const decision = { decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'The evaluation’s lot award recommendation.' };
  const award = await p.as(t.icb).post(`${AWARD}/decision`).send(decision);
  expect(award.status).toBe(201);
  expect(award.body.lots.map((l: { winner: { bidderId: string } }) => l.winner.bidderId)).toEqual(['org-riverside', 'org-valley-fed']);
  await p.as(t.icb).post('/api/direct-awards').send({
    decisionId: 'da-c-riverside', route: 'psr-direct-award-c', provider: { organisationId: 'org-riverside', name: 'Riverside Medical Practice' }, incumbent: { organisationId: 'org-riverside', contractId: GMS },
    keyCriteriaAssessment: ASSESSMENT, decisionMakers: decision.decisionMakers, conflicts: [], reasons: 'Satisfying the existing contract and likely to satisfy the new one.',
    contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 130_000_000 },
  }).expect(201);

  p.clock.set('2026-12-30T11:00:00.000Z');
  const challenge = await p.as(t.carecorp).post(`${AWARD}/challenges`).send({ kind: 'challenge', grounds: 'The quality pass mark was applied to an unpublished question.' });
  expect(challenge.status).toBe(201);
  p.clock.set('2027-01-06T00:00:00.000Z');
  await settle(p); // direct award C concludes: the GMS contract is renewed without competition
  p.clock.set('2027-01-07T10:00:00.000Z');
  await p.as(t.icb).post(`${AWARD}/challenges/${challenge.body.id}/outcome`).send({ outcome: 'dismissed', reasons: 'The question was published in section 4.' }).expect(200);
  p.clock.set('2027-01-15T08:00:00.000Z');
  await settle(p);
  await settle(p); // the register follows the conclusions

  p.clock.set('2027-01-20T10:00:00.000Z');
  await p.as(t.icb).post(`/api/contracts/${PMS}/renewal`).send({ newEndDate: '2032-03-31', reason: 'Contract option exercised.', route: 'contract-option' }).expect(200);
  await settle(p);
  const register = (await p.as(t.icb).get('/api/contracts').expect(200)).body as { contractId: string }[];
  expect(register).toHaveLength(6); // the four, plus a successor per lot
  return { bids: bid };
}
