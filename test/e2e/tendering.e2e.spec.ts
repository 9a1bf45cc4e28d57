import { DEADLINE_TICKER, type DeadlineTicker } from '@tenderledger/domain-kit';
import { collect } from '../../libs/event-store/src/testing/contract';
import { expectRefusal, startTestPlatform, type TestPlatform } from '../support/platform';

// The whole tendering flow over HTTP, on the embedded store and a fixed clock starting 2026-03-02 09:00Z.

const TENDER = 'tender-riverside';
const OTHER = 'tender-valley';
const CONTRACT = 'contract-hilltop-pms';

const services = [
  {
    id: 'core-gms',
    name: 'Core general practice',
    population: 84_000,
    annualValuePence: 840_000_000,
    localities: [
      { id: 'north', name: 'North', population: 30_000 },
      { id: 'south', name: 'South', population: 24_000 },
      { id: 'east', name: 'East', population: 18_000 },
      { id: 'west', name: 'West', population: 12_000 },
    ],
  },
  { id: 'extended-access', name: 'Extended access', population: 84_000, annualValuePence: 60_000_000 },
];

const timeline = { clarificationDeadline: '2026-03-20T12:00:00Z', submissionDeadline: '2026-04-06T12:00:00Z', plannedAwardDate: '2026-05-01T12:00:00Z' };

const draftBody = (overrides: Record<string, unknown> = {}) => ({
  tenderId: TENDER,
  title: 'Riverside primary care re-procurement',
  description: 'Core general practice and extended access for 84,000 registered patients.',
  procedureProfileId: 'psr-competitive',
  contractType: 'APMS',
  replacesContractId: CONTRACT,
  services,
  population: 84_000,
  estimatedAnnualValuePence: 900_000_000,
  contractTerm: { startDate: '2026-07-01', months: 60 },
  timeline,
  region: 'North East and Yorkshire',
  ...overrides,
});

/** Polls until `check` passes (process managers run asynchronously); fails after ~2 s. */
async function eventually(check: () => Promise<void>, timeoutMs = 2_000): Promise<void> {
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

const fieldsOf = (body: { fields: { field: string }[] }): string[] => body.fields.map((f) => f.field).sort();

describe('tendering over HTTP: draft, lots, publish, clarify, amend, close, cancel', () => {
  let p: TestPlatform;
  let admin: string;
  let icb: string;
  let south: string;
  let riverside: string;
  let hilltop: string;
  let auditor: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await p.token('admin', 'org-platform');
    icb = await p.token('commissioner', 'org-icb-north', 'jane.commissioner');
    south = await p.token('commissioner', 'org-icb-south');
    riverside = await p.token('bidder', 'org-riverside');
    hilltop = await p.token('bidder', 'org-hilltop');
    auditor = await p.token('auditor', 'org-audit');

    const register = (body: object) => p.as(admin).post('/api/organisations').send(body).expect(201);
    await register({ organisationId: 'org-icb-north', name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    await register({ organisationId: 'org-icb-south', name: 'South ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'South West' } });
    await register({ organisationId: 'org-riverside', name: 'Riverside Medical Practice', kind: 'practice', listSize: 8_400 });
    await register({ organisationId: 'org-hilltop', name: 'Hilltop Surgery', kind: 'practice', listSize: 12_500 });
    const contract = { contractType: 'PMS', region: 'North East and Yorkshire', listSize: 12_500, annualValuePence: 180_000_000, startDate: '2019-04-01', endDate: '2027-03-31' };
    await p.as(icb).post('/api/contracts').send({ ...contract, contractId: CONTRACT, reference: 'PMS-A81002', holderId: 'org-hilltop', commissionerId: 'org-icb-north' }).expect(201);
    await p.as(south).post('/api/contracts').send({ ...contract, contractId: 'contract-south', reference: 'GMS-S1', holderId: 'org-riverside', commissionerId: 'org-icb-south' }).expect(201);
  });
  afterAll(() => p.close());

  it('drafts a tender that replaces a register contract, with the PSR key criteria by default', async () => {
    const res = await p.as(icb).post('/api/tenders').send(draftBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ view: 'full', tenderId: TENDER, commissionerId: 'org-icb-north', status: 'draft', replacesContractId: CONTRACT, lots: [] });
    expect(res.body.criteria).toHaveLength(5);
    expect(res.body.criteria.every((c: { kind: string; weightBasisPoints: number }) => c.kind === 'psr-key-criterion' && c.weightBasisPoints === 2_000)).toBe(true);

    const [drafted] = await collect(p.store.readStream(`tender-${TENDER}`));
    expect(drafted!.type).toBe('TenderDrafted');
    expect(drafted!.actor).toEqual({ userId: 'jane.commissioner', role: 'commissioner', organisationId: 'org-icb-north' });

    const minted = await p.as(admin).post('/api/tenders').send(draftBody({ tenderId: undefined, replacesContractId: undefined, commissionerId: 'org-icb-north', title: 'Minted id' }));
    expect(minted.status).toBe(201);
    expect(minted.body.tenderId).toMatch(/^[0-9a-f-]{36}$/);
    await p.as(icb).post(`/api/tenders/${minted.body.tenderId}/cancel`).send({ reason: 'Drafted by mistake.' }).expect(200);
  });

  it('refuses bad drafts with a stable code, appending nothing', async () => {
    await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody()), 409, 'TENDER_ALREADY_EXISTS');
    await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', replacesContractId: 'contract-nope' })), 422, 'TENDER_REPLACED_CONTRACT_UNKNOWN');
    await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', replacesContractId: 'contract-south' })), 422, 'TENDER_REPLACED_CONTRACT_NOT_YOURS');
    await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', commissionerId: 'org-icb-south' })), 403, 'TENDER_NOT_YOURS');
    await expectRefusal(p, () => p.as(riverside).post('/api/tenders').send(draftBody({ tenderId: 't-x' })), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(admin).post('/api/tenders').send(draftBody({ tenderId: 't-x', replacesContractId: undefined, commissionerId: 'org-riverside' })), 422, 'TENDER_COMMISSIONER_NOT_COMMISSIONER');
    const outOfOrder = { ...timeline, clarificationDeadline: '2026-04-10T12:00:00Z' };
    await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', timeline: outOfOrder })), 422, 'TENDER_DEADLINES_OUT_OF_ORDER');

    const bad = await expectRefusal(
      p,
      () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', estimatedAnnualValuePence: 12.5, timeline: { ...timeline, submissionDeadline: 'next Tuesday' } })),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(bad.body)).toEqual(['estimatedAnnualValuePence', 'timeline.submissionDeadline']);
    const weights = await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', criteria: [{ id: 'q', name: 'Quality', kind: 'quality', weightBasisPoints: 10_001, maxScore: 5 }] })), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(weights.body)).toEqual(['criteria.0.weightBasisPoints']);
    const term = await expectRefusal(p, () => p.as(icb).post('/api/tenders').send(draftBody({ tenderId: 't-x', contractTerm: { startDate: '2026-07-01', months: 60, endDate: '2031-06-30' } })), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(term.body)).toEqual(['contractTerm.months']);
  });

  it('proposes a lot split with a reason per lot, accepts it and sets a lot limit', async () => {
    const ceiling = { maxPopulation: 90_000, maxAnnualValuePence: 500_000_000 };
    await expectRefusal(p, () => p.as(south).post(`/api/tenders/${TENDER}/lot-split-proposal`).send({ ceiling }), 403, 'TENDER_NOT_YOURS');
    const proposal = await p.as(icb).post(`/api/tenders/${TENDER}/lot-split-proposal`).send({ ceiling });
    expect(proposal.status).toBe(200);
    expect(proposal.body.ceiling).toEqual(ceiling);
    expect(proposal.body.lots.map((l: { lotId: string; title: string; annualValuePence: number }) => [l.lotId, l.title, l.annualValuePence])).toEqual([
      ['lot-1', 'Core general practice – North and East', 480_000_000],
      ['lot-2', 'Core general practice – South and West', 360_000_000],
      ['lot-3', 'Extended access', 60_000_000],
    ]);
    expect(proposal.body.lots[0].reason).toMatch(/split by locality because .*above the £5,000,000 ceiling/);
    expect(proposal.body.lots[2].reason).toMatch(/one lot for the whole service line/);

    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/publish`), 409, 'TENDER_LOT_SPLIT_PROPOSAL_PENDING');
    const accepted = await p.as(icb).post(`/api/tenders/${TENDER}/lot-split-proposal/accept`).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ lotsOrigin: 'accepted-proposal', pendingProposal: null });
    expect(accepted.body.lots.map((l: { id: string }) => l.id)).toEqual(['lot-1', 'lot-2', 'lot-3']);
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/lot-split-proposal/accept`).send({}), 409, 'TENDER_NO_LOT_SPLIT_PROPOSAL');

    await expectRefusal(p, () => p.as(icb).put(`/api/tenders/${TENDER}/lot-limit`).send({ lotLimit: 4 }), 422, 'TENDER_LOT_LIMIT_INVALID');
    const bad = await expectRefusal(p, () => p.as(icb).put(`/api/tenders/${TENDER}/lot-limit`).send({ lotLimit: 'two' }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(bad.body)).toEqual(['lotLimit']);
    const limited = await p.as(icb).put(`/api/tenders/${TENDER}/lot-limit`).send({ lotLimit: 2 });
    expect(limited.status).toBe(200);
    expect(limited.body.lotLimit).toBe(2);
  });

  it('publishes only for its own commissioner; the replaced contract is marked for re-procurement', async () => {
    await expectRefusal(p, () => p.as(riverside).post(`/api/tenders/${TENDER}/publish`), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(south).post(`/api/tenders/${TENDER}/publish`), 403, 'TENDER_NOT_YOURS');
    await expectRefusal(p, () => p.as(icb).post('/api/tenders/tender-nope/publish'), 404, 'TENDER_NOT_FOUND');

    const published = await p.as(icb).post(`/api/tenders/${TENDER}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: '2026-03-02T09:00:00.000Z', lotLimit: 2 });
    expect(published.body.publication).toMatchObject({ regime: 'provider-selection-regime', tenderPeriodDays: 35, minimumTenderPeriodDays: 30 });
    expect(published.body.publication.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/publish`), 409, 'TENDER_NOT_DRAFT');
    await expectRefusal(p, () => p.as(icb).patch(`/api/tenders/${TENDER}`).send({ title: 'Renamed' }), 409, 'TENDER_NOT_DRAFT');

    await eventually(async () => expect((await p.as(icb).get(`/api/contracts/${CONTRACT}`)).body.markedForReprocurement).toBe(true));
    const contractEvents = await collect(p.store.readStream(`contract-${CONTRACT}`));
    const marked = contractEvents.find((e) => e.type === 'ContractMarkedForReprocurement')!;
    const publishedEvent = (await collect(p.store.readStream(`tender-${TENDER}`))).find((e) => e.type === 'TenderPublished')!;
    expect(marked.data).toMatchObject({ tenderId: TENDER });
    expect(marked.actor.userId).toBe('process-manager:reprocurement-on-publish');
    expect(marked.causationId).toBe(publishedEvent.eventId);
  });

  it('enforces the publish rules on a second tender: weights, lots, no-split reason, tender period', async () => {
    const criteria = [
      { id: 'quality', name: 'Quality', kind: 'quality', weightBasisPoints: 5_000, maxScore: 5, passMark: 2 },
      { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
    ];
    const single = [{ id: 'dermatology', name: 'Community dermatology', population: 20_000, annualValuePence: 45_000_000 }];
    await p.as(icb).post('/api/tenders').send(draftBody({ tenderId: OTHER, title: 'Valley dermatology', replacesContractId: undefined, services: single, population: 20_000, estimatedAnnualValuePence: 45_000_000, criteria })).expect(201);

    const weights = await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${OTHER}/publish`), 422, 'TENDER_WEIGHTS_NOT_100');
    expect(weights.body.details).toEqual({ totalBasisPoints: 9_000 });
    const fixed = await p.as(icb).patch(`/api/tenders/${OTHER}`).send({ criteria: [criteria[0], { ...criteria[1], weightBasisPoints: 5_000 }] });
    expect(fixed.status).toBe(200);
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${OTHER}/publish`), 422, 'TENDER_NO_LOTS');

    await p.as(icb).post(`/api/tenders/${OTHER}/lot-split-proposal`).send({ ceiling: { maxPopulation: 10_000, maxAnnualValuePence: 10_000_000 } }).expect(200);
    const rejected = await p.as(icb).post(`/api/tenders/${OTHER}/lot-split-proposal/reject`).send({ reason: 'One community service; it cannot be split by area.' });
    expect(rejected.body.pendingProposal).toBeNull();

    const wholeLot = { id: 'lot-whole', title: 'Community dermatology', description: 'All of it.', scope: [{ serviceLineId: 'dermatology', localityIds: [] }], population: 20_000, estimatedAnnualValuePence: 45_000_000 };
    await expectRefusal(p, () => p.as(icb).put(`/api/tenders/${OTHER}/lots`).send({ lots: [{ ...wholeLot, scope: [{ serviceLineId: 'cardiology', localityIds: [] }] }] }), 422, 'TENDER_LOTS_INVALID');
    const lotsBad = await expectRefusal(p, () => p.as(icb).put(`/api/tenders/${OTHER}/lots`).send({ lots: [{ ...wholeLot, population: -1 }] }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(lotsBad.body)).toEqual(['lots.0.population']);
    await p.as(icb).put(`/api/tenders/${OTHER}/lots`).send({ lots: [wholeLot] }).expect(200);
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${OTHER}/publish`), 422, 'TENDER_NO_SPLIT_REASON');
    const whole = await p.as(icb).post(`/api/tenders/${OTHER}/no-split-reason`).send({ reason: 'One clinical team delivers the whole service.' });
    expect(whole.body).toMatchObject({ lotsOrigin: 'whole-contract', noSplitReason: 'One clinical team delivers the whole service.' });

    await p.as(icb).patch(`/api/tenders/${OTHER}`).send({ timeline: { clarificationDeadline: '2026-03-10T12:00:00Z', submissionDeadline: '2026-03-20T12:00:00Z', plannedAwardDate: '2026-04-20T12:00:00Z' } }).expect(200);
    const short = await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${OTHER}/publish`), 422, 'TENDER_PERIOD_TOO_SHORT');
    expect(short.body.details).toEqual({ periodDays: 18, minimumDays: 30 });
  });

  it('lists public notices for everyone and drafts only for their commissioner, admins and auditors', async () => {
    const ids = (body: { tenderId: string }[]) => body.map((t) => t.tenderId);
    expect(ids((await p.as(riverside).get('/api/tenders?status=published')).body)).toEqual([TENDER]);
    expect(ids((await p.as(riverside).get('/api/tenders')).body)).toEqual([TENDER]);
    expect(ids((await p.as(south).get('/api/tenders')).body)).toEqual([TENDER]);
    expect(ids((await p.as(icb).get('/api/tenders?status=draft')).body)).toEqual([OTHER]);
    expect(ids((await p.as(auditor).get('/api/tenders?status=draft')).body)).toEqual([OTHER]);
    await expectRefusal(p, () => p.as(riverside).get('/api/tenders?status=open'), 400, 'VALIDATION_FAILED');

    const notice = await p.as(riverside).get(`/api/tenders/${TENDER}`);
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ view: 'public', status: 'published', lotLimit: 2 });
    expect(notice.body).not.toHaveProperty('pendingProposal');
    expect((await p.as(icb).get(`/api/tenders/${TENDER}`)).body.view).toBe('full');
    await expectRefusal(p, () => p.as(riverside).get(`/api/tenders/${OTHER}`), 404, 'TENDER_NOT_FOUND');
    await expectRefusal(p, () => p.as(south).get(`/api/tenders/${OTHER}`), 404, 'TENDER_NOT_FOUND');
  });

  it('runs a clarification round: askers stay hidden from other bidders, see their own as "yours"', async () => {
    const asked = await p.as(riverside).post(`/api/tenders/${TENDER}/clarifications`).send({ question: 'Riverside here: will our nurse practitioners transfer under TUPE?' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ yours: true, answer: null });
    const cid = asked.body.clarificationId as string;
    await p.as(hilltop).post(`/api/tenders/${TENDER}/clarifications`).send({ question: 'Is the estates budget included?' }).expect(201);

    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/clarifications`).send({ question: 'Me?' }), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(riverside).post(`/api/tenders/${OTHER}/clarifications`).send({ question: 'Draft?' }), 404, 'TENDER_NOT_FOUND');
    const empty = await expectRefusal(p, () => p.as(riverside).post(`/api/tenders/${TENDER}/clarifications`).send({ question: '' }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(empty.body)).toEqual(['question']);

    // Before an answer, a bidder sees only its own questions.
    const hilltopBefore = (await p.as(hilltop).get(`/api/tenders/${TENDER}/clarifications`)).body;
    expect(hilltopBefore).toHaveLength(1);
    expect(hilltopBefore[0]).toMatchObject({ question: 'Is the estates budget included?', yours: true });

    await expectRefusal(p, () => p.as(south).post(`/api/tenders/${TENDER}/clarifications/${cid}/answer`).send({ answer: 'No.' }), 403, 'TENDER_NOT_YOURS');
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/clarifications/q-nope/answer`).send({ answer: 'No.' }), 404, 'CLARIFICATION_NOT_FOUND');
    const answered = await p.as(icb).post(`/api/tenders/${TENDER}/clarifications/${cid}/answer`).send({ answer: 'Yes: TUPE is expected to apply.', publishedQuestion: 'Will practice staff transfer under TUPE?' });
    expect(answered.status).toBe(200);
    expect(answered.body).not.toHaveProperty('askedBy');
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/clarifications/${cid}/answer`).send({ answer: 'Again.' }), 409, 'CLARIFICATION_ALREADY_ANSWERED');

    const hilltopAfter = await p.as(hilltop).get(`/api/tenders/${TENDER}/clarifications`);
    const theirs = hilltopAfter.body.find((c: { clarificationId: string }) => c.clarificationId === cid);
    expect(theirs).toEqual({ clarificationId: cid, question: 'Will practice staff transfer under TUPE?', answer: 'Yes: TUPE is expected to apply.', answeredAt: '2026-03-02T09:00:00.000Z' });
    expect(hilltopAfter.text).not.toMatch(/org-riverside|Riverside here/);
    const evaluator = await p.token('evaluator', 'org-panel');
    expect((await p.as(evaluator).get(`/api/tenders/${TENDER}/clarifications`)).body).toEqual([theirs]);

    const own = (await p.as(riverside).get(`/api/tenders/${TENDER}/clarifications`)).body;
    expect(own).toEqual([expect.objectContaining({ clarificationId: cid, yours: true, questionAsAsked: 'Riverside here: will our nurse practitioners transfer under TUPE?' })]);
    expect(JSON.stringify((await p.as(icb).get(`/api/tenders/${TENDER}/clarifications`)).body)).not.toMatch(/org-riverside|org-hilltop/);
    const audited = (await p.as(auditor).get(`/api/tenders/${TENDER}/clarifications`)).body;
    expect(audited.map((c: { askedBy: string }) => c.askedBy).sort()).toEqual(['org-hilltop', 'org-riverside']);
  });

  it('amends a published tender: a reason is required and deadlines only move later', async () => {
    const noReason = await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/amendments`).send({ submissionDeadline: '2026-04-13T12:00:00Z' }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/amendments`).send({ reason: 'Sooner.', submissionDeadline: '2026-04-01T12:00:00Z' }), 422, 'TENDER_DEADLINE_CANNOT_MOVE_EARLIER');
    await expectRefusal(p, () => p.as(south).post(`/api/tenders/${TENDER}/amendments`).send({ reason: 'x', submissionDeadline: '2026-04-13T12:00:00Z' }), 403, 'TENDER_NOT_YOURS');

    const amended = await p.as(icb).post(`/api/tenders/${TENDER}/amendments`).send({ reason: 'Bidders asked for more time after the TUPE clarification.', submissionDeadline: '2026-04-13T12:00:00Z' });
    expect(amended.status).toBe(201);
    expect(amended.body.timeline.submissionDeadline).toBe('2026-04-13T12:00:00Z');
    expect(amended.body.amendments).toEqual([
      { at: '2026-03-02T09:00:00.000Z', reason: 'Bidders asked for more time after the TUPE clarification.', changes: [{ field: 'submissionDeadline', from: '2026-04-06T12:00:00Z', to: '2026-04-13T12:00:00Z' }] },
    ]);
  });

  it('cancels the other tender with a reason', async () => {
    const noReason = await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${OTHER}/cancel`).send({}), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    await expectRefusal(p, () => p.as(south).post(`/api/tenders/${OTHER}/cancel`).send({ reason: 'Mine now.' }), 403, 'TENDER_NOT_YOURS');
    const cancelled = await p.as(icb).post(`/api/tenders/${OTHER}/cancel`).send({ reason: 'The service moves into the integrated community contract.' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'The service moves into the integrated community contract.', by: 'org-icb-north' } });
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${OTHER}/cancel`).send({ reason: 'Again.' }), 409, 'TENDER_CANCELLED');
    expect((await p.as(riverside).get('/api/tenders')).body.map((t: { tenderId: string }) => t.tenderId)).toEqual([TENDER]);
  });

  it('closes submissions when the (amended) deadline passes on the clock, once', async () => {
    const ticker = p.platform.app.get<DeadlineTicker>(DEADLINE_TICKER);
    p.clock.set('2026-04-06T13:00:00.000Z'); // past the original deadline, before the amended one
    await ticker.tick();
    expect((await p.as(riverside).get(`/api/tenders/${TENDER}`)).body.status).toBe('published');
    await expectRefusal(p, () => p.as(riverside).post(`/api/tenders/${TENDER}/clarifications`).send({ question: 'Too late?' }), 409, 'CLARIFICATION_DEADLINE_PASSED');

    p.clock.set('2026-04-13T12:00:00.000Z');
    await eventually(async () => expect((await p.as(riverside).get(`/api/tenders/${TENDER}`)).body).toMatchObject({ status: 'submissions-closed', closedAt: '2026-04-13T12:00:00.000Z' }));

    p.clock.advance(3_600_000);
    await ticker.tick();
    const closed = (await collect(p.store.readStream(`tender-${TENDER}`))).filter((e) => e.type === 'SubmissionsClosed');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.actor).toEqual({ userId: 'process-manager:close-submissions', role: 'system', organisationId: null });
    expect(closed[0]!.correlationId).toBe(`close-${TENDER}`);
    await expectRefusal(p, () => p.as(icb).post(`/api/tenders/${TENDER}/amendments`).send({ reason: 'Later.', plannedAwardDate: '2026-06-01T12:00:00Z' }), 409, 'TENDER_SUBMISSION_DEADLINE_PASSED');
  });
});
