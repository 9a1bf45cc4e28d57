import { computeCommitment, type BidContent } from '@tenderledger/bidding';
import { DEADLINE_TICKER, PROJECTION_RUNNER, type DeadlineTicker } from '@tenderledger/domain-kit';
import type { StoredEvent } from '@tenderledger/event-store';
import type { ProjectionRunner } from '@tenderledger/projections';
import { collect } from '../../libs/event-store/src/testing/contract';
import { CRITERIA, LOT_CORE, LOT_EXTENDED, publishTender } from '../../libs/bidding/src/application/testing/published-tender';
import { expectRefusal, startTestPlatform, type TestPlatform } from '../support/platform';

const TENDER = 'tender-valley-2026';
const ICB = 'org-icb-valley';
const DEADLINE = '2026-04-10T12:00:00.000Z';

// Distinctive prices and wording, so the raw events can be searched for them.
const MEADOW_PRICE = 812_345_678;
const MEADOW_REVISED_PRICE = 798_765_432;
const FED_PRICE = 733_221_199;
const SECRET_WORDS = 'Saturday triage hub behind the Meadow pharmacy';

const content = (lots: { lotId: string; price: number }[], answer = SECRET_WORDS): BidContent =>
  ({
    lots,
    qualityResponses: CRITERIA.map((criterionId) => ({ criterionId, response: `${answer} (${criterionId})` })),
    socialValueCommitments: ['Two local apprenticeships a year'],
  }) as unknown as BidContent; // plain JSON as a client sends it; brands are compile-time only

interface Receipt {
  bidId: string;
  tenderId: string;
  commitment: string;
  submittedAt: string;
}

describe('bidding over HTTP: sealed bids, consortia, withdrawal, resubmission, opening', () => {
  let p: TestPlatform;
  let icb: string;
  let otherIcb: string;
  let auditor: string;
  let meadow: string;
  let federation: string;
  let riverside: string;
  let carecorp: string;
  const receipts = {} as Record<'meadow' | 'federation' | 'carecorp' | 'meadowRevised', Receipt>;

  const rawEvents = async (streamId: string): Promise<StoredEvent[]> => collect(p.store.readStream(streamId));
  const allRawJson = async (): Promise<string> => JSON.stringify(await collect(p.store.readAll()));

  beforeAll(async () => {
    p = await startTestPlatform('2026-03-02T09:00:00.000Z');
    const admin = await p.token('admin', 'org-platform');
    icb = await p.token('commissioner', ICB, 'jane.commissioner');
    otherIcb = await p.token('commissioner', 'org-icb-elsewhere');
    auditor = await p.token('auditor', 'org-nhse-audit');
    meadow = await p.token('bidder', 'org-meadow', 'mo.meadow');
    federation = await p.token('bidder', 'org-valley-fed', 'fay.federation');
    riverside = await p.token('bidder', 'org-riverside');
    carecorp = await p.token('bidder', 'org-carecorp');
    const orgs = [
      { organisationId: ICB, name: 'Valley ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } },
      { organisationId: 'org-meadow', name: 'Meadow Practice', kind: 'practice', listSize: 4000 },
      { organisationId: 'org-riverside', name: 'Riverside Medical Practice', kind: 'practice', listSize: 8400 },
      { organisationId: 'org-hilltop', name: 'Hilltop Surgery', kind: 'practice', listSize: 12500 },
      { organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-riverside', 'org-hilltop'] },
      { organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 },
      { organisationId: 'org-latecomer', name: 'Latecomer Practice', kind: 'practice', listSize: 3000 },
    ];
    for (const org of orgs) await p.as(admin).post('/api/organisations').send(org).expect(201);
    // /api/tenders is being built alongside; the tender is published through the tendering decider.
    const position = await publishTender(p.store, { tenderId: TENDER, commissionerId: ICB, publishAt: p.clock.now().toISOString(), submissionDeadline: DEADLINE });
    await p.platform.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(position);
  });
  afterAll(() => p.close());

  it('takes three sealed bids (one from a consortium) and answers each with a receipt, never the content', async () => {
    const first = await p.as(meadow).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: content([{ lotId: LOT_CORE, price: MEADOW_PRICE }]) });
    expect(first.status).toBe(201);
    expect(Object.keys(first.body).sort()).toEqual(['bidId', 'commitment', 'submittedAt', 'tenderId']);
    expect(first.body).toMatchObject({ tenderId: TENDER, submittedAt: '2026-03-02T09:00:00.000Z' });
    expect(first.body.commitment).toMatch(/^[0-9a-f]{64}$/);
    receipts.meadow = first.body;

    p.clock.advance(60 * 60_000);
    const consortium = await p.as(federation).post('/api/bids').send({
      tenderId: TENDER,
      bidder: { kind: 'consortium', name: 'Valley GP Federation consortium', memberOrganisationIds: ['org-riverside', 'org-hilltop'] },
      content: content([{ lotId: LOT_CORE, price: FED_PRICE }, { lotId: LOT_EXTENDED, price: 55_000_000 }], 'Federation-wide same-day access'),
    });
    expect(consortium.status).toBe(201);
    receipts.federation = consortium.body;

    const sendCompany = () =>
      p.as(carecorp).post('/api/bids').set('Idempotency-Key', 'carecorp-bid-1').send({ bidId: 'bid-carecorp', tenderId: TENDER, bidder: { kind: 'organisation' }, content: content([{ lotId: LOT_EXTENDED, price: 49_000_000 }], 'CareCorp digital-first') });
    const company = await sendCompany();
    expect(company.status).toBe(201);
    expect(company.body.bidId).toBe('bid-carecorp');
    receipts.carecorp = company.body;
    // A retry after a lost answer gets the same receipt and appends nothing.
    const before = await p.eventCount();
    const retry = await sendCompany();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(company.body);
    expect(await p.eventCount()).toBe(before);

    const [submitted] = await rawEvents(`bid-${receipts.federation.bidId}`);
    expect(submitted).toMatchObject({ type: 'BidSubmitted', actor: { userId: 'fay.federation', role: 'bidder', organisationId: 'org-valley-fed' } });
    expect(submitted!.data).toMatchObject({ commitment: receipts.federation.commitment, lotIds: [LOT_CORE, LOT_EXTENDED], bidder: { kind: 'consortium', leadOrganisationId: 'org-valley-fed', memberOrganisationIds: ['org-riverside', 'org-hilltop'] } });
  });

  it('stores no plaintext: no price or response text appears anywhere in the event store before opening', async () => {
    const raw = await allRawJson();
    for (const secret of [String(MEADOW_PRICE), String(FED_PRICE), SECRET_WORDS, 'Federation-wide same-day access']) expect(raw).not.toContain(secret);
    const [submitted] = await rawEvents(`bid-${receipts.meadow.bidId}`);
    expect(Object.keys(submitted!.data as object)).not.toContain('content');
  });

  it('refuses bad bids with a code, appending nothing', async () => {
    const latecomer = await p.token('bidder', 'org-latecomer'); // no bid yet, so each refusal is its own
    const valid = content([{ lotId: LOT_CORE, price: 1_000 }]);
    const incomplete = { ...valid, qualityResponses: valid.qualityResponses.slice(1) };
    const res = await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: incomplete }), 422, 'BID_CONTENT_INVALID');
    expect(res.body.details.problems.map((problem: { code: string }) => problem.code)).toEqual(['CRITERION_UNANSWERED']);
    await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: content([{ lotId: 'lot-nowhere', price: 1 }]) }), 422, 'BID_CONTENT_INVALID');
    await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'consortium', name: 'Ghosts', memberOrganisationIds: ['org-ghost'] }, content: valid }), 422, 'BID_ORGANISATION_UNKNOWN');
    await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'consortium', name: 'Self', memberOrganisationIds: ['org-latecomer'] }, content: valid }), 422, 'BID_CONSORTIUM_INVALID');
    await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: 'tender-nope', bidder: { kind: 'organisation' }, content: valid }), 404, 'BID_TENDER_NOT_FOUND');
    await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ bidId: receipts.meadow.bidId, tenderId: TENDER, bidder: { kind: 'organisation' }, content: valid }), 409, 'BID_ALREADY_SUBMITTED');
    const second = await expectRefusal(p, () => p.as(meadow).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: valid }), 409, 'BID_ALREADY_BIDDING');
    expect(second.body.details.bidId).toBe(receipts.meadow.bidId);
    await expectRefusal(p, () => p.as(icb).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: valid }), 403, 'ROLE_NOT_ALLOWED');
    const bad = await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'team' }, content: { ...valid, lots: [{ lotId: LOT_CORE, price: '12.50' }] } }), 400, 'VALIDATION_FAILED');
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['bidder.kind', 'content.lots.0.price']);
  });

  it('withdraws a bid and resubmits another with new content: a new commitment and receipt', async () => {
    p.clock.advance(24 * 60 * 60_000);
    // Only a party may act; a consortium member that is not the lead meets the decider's rule.
    await expectRefusal(p, () => p.as(meadow).post(`/api/bids/${receipts.federation.bidId}/withdraw`).send({}), 404, 'BID_NOT_FOUND');
    await expectRefusal(p, () => p.as(riverside).post(`/api/bids/${receipts.federation.bidId}/withdraw`).send({}), 422, 'BID_NOT_BIDDER');

    const withdrawn = await p.as(carecorp).post('/api/bids/bid-carecorp/withdraw').send({ reason: 'Could not staff the evening rota.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ bidId: 'bid-carecorp', status: 'withdrawn', withdrawnAt: '2026-03-03T10:00:00.000Z' });
    expect(withdrawn.body).not.toHaveProperty('sealed');
    await expectRefusal(p, () => p.as(carecorp).post('/api/bids/bid-carecorp/withdraw').send({}), 409, 'BID_ALREADY_WITHDRAWN');

    const revised = await p.as(meadow).post(`/api/bids/${receipts.meadow.bidId}/submit`).send({ content: content([{ lotId: LOT_CORE, price: MEADOW_REVISED_PRICE }]) });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ bidId: receipts.meadow.bidId, tenderId: TENDER, submittedAt: '2026-03-03T10:00:00.000Z' });
    expect(revised.body.commitment).not.toBe(receipts.meadow.commitment);
    receipts.meadowRevised = revised.body;
    const stream = await rawEvents(`bid-${receipts.meadow.bidId}`);
    expect(stream.map((e) => e.type)).toEqual(['BidSubmitted', 'BidResubmitted']);
    expect(stream[1]!.data).toMatchObject({ commitment: revised.body.commitment, previousCommitment: receipts.meadow.commitment });
    expect(JSON.stringify(stream)).not.toContain(String(MEADOW_REVISED_PRICE));
  });

  it('keeps bids sealed before opening: the commissioner is refused, bidders see only their own envelopes', async () => {
    await expectRefusal(p, () => p.as(icb).get(`/api/bids/${receipts.meadow.bidId}`), 403, 'BID_SEALED');
    await expectRefusal(p, () => p.as(otherIcb).get(`/api/bids/${receipts.meadow.bidId}`), 404, 'BID_NOT_FOUND');
    await expectRefusal(p, () => p.as(meadow).get(`/api/bids/${receipts.federation.bidId}`), 404, 'BID_NOT_FOUND');
    expect((await p.as(icb).get('/api/bids')).body).toEqual([]);

    const own = await p.as(meadow).get(`/api/bids/${receipts.meadow.bidId}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ status: 'submitted', commitment: receipts.meadowRevised.commitment, lotIds: [LOT_CORE] });
    expect(own.body).not.toHaveProperty('content');
    expect(own.body).not.toHaveProperty('sealed');

    const member = await p.as(riverside).get(`/api/bids/${receipts.federation.bidId}`);
    expect(member.status).toBe(200);
    expect(member.body).not.toHaveProperty('content');

    const mine = await p.as(meadow).get('/api/bids');
    expect(mine.body.map((b: { bidId: string }) => b.bidId)).toEqual([receipts.meadow.bidId]);
    const audited = await p.as(auditor).get(`/api/bids?tenderId=${TENDER}`);
    expect(audited.body).toHaveLength(3);
    expect(JSON.stringify(audited.body)).not.toMatch(/sealed|ciphertext|content/);
  });

  it('opens the bids when the deadline passes on the clock; the opened content verifies against the receipt', async () => {
    p.clock.set(DEADLINE);
    const opened = await poll(async () => {
      const [a, b] = await Promise.all([p.as(icb).get(`/api/bids/${receipts.meadow.bidId}`), p.as(icb).get(`/api/bids/${receipts.federation.bidId}`)]);
      return a.status === 200 && b.status === 200 && a.body.status === 'opened' && b.body.status === 'opened' ? a : null;
    });
    // Let the tick that opened them finish, so later event counts are stable.
    await p.platform.app.get<DeadlineTicker>(DEADLINE_TICKER).tick();

    expect(opened.body.content.lots).toEqual([{ lotId: LOT_CORE, price: MEADOW_REVISED_PRICE }]);
    expect(computeCommitment(opened.body.content, opened.body.nonce)).toBe(receipts.meadowRevised.commitment);

    for (const receipt of [receipts.meadowRevised, receipts.federation]) {
      const event = (await rawEvents(`bid-${receipt.bidId}`)).find((e) => e.type === 'BidOpened');
      expect(event).toMatchObject({ actor: { userId: 'process-manager:open-bids', role: 'system', organisationId: null }, correlationId: `open-${TENDER}`, occurredAt: DEADLINE });
      const { content: revealed, nonce } = event!.data as { content: BidContent; nonce: string };
      expect(computeCommitment(revealed, nonce)).toBe(receipt.commitment);
    }
    expect((await rawEvents('bid-bid-carecorp')).map((e) => e.type)).toEqual(['BidSubmitted', 'BidWithdrawn']);
    await expectRefusal(p, () => p.as(icb).get('/api/bids/bid-carecorp'), 403, 'BID_SEALED');

    const listed = await p.as(icb).get('/api/bids');
    expect(listed.body.map((b: { bidId: string }) => b.bidId).sort()).toEqual([receipts.meadow.bidId, receipts.federation.bidId].sort());
    const member = await p.as(riverside).get(`/api/bids/${receipts.federation.bidId}`);
    expect(member.body.content.lots.map((l: { price: number }) => l.price)).toEqual([FED_PRICE, 55_000_000]);
    const audited = await p.as(auditor).get(`/api/bids/${receipts.federation.bidId}`);
    expect(audited.body.content).toBeDefined();
    await expectRefusal(p, () => p.as(meadow).get(`/api/bids/${receipts.federation.bidId}`), 404, 'BID_NOT_FOUND');
  });

  it('refuses a late bid, a late resubmission and a late withdrawal, appending nothing', async () => {
    const latecomer = await p.token('bidder', 'org-latecomer');
    await expectRefusal(p, () => p.as(latecomer).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: content([{ lotId: LOT_CORE, price: 1_000 }]) }), 409, 'BID_DEADLINE_PASSED');
    await expectRefusal(p, () => p.as(carecorp).post('/api/bids/bid-carecorp/submit').send({ content: content([{ lotId: LOT_EXTENDED, price: 1_000 }]) }), 409, 'BID_DEADLINE_PASSED');
    await expectRefusal(p, () => p.as(meadow).post(`/api/bids/${receipts.meadow.bidId}/withdraw`).send({}), 409, 'BID_ALREADY_OPENED');
    // Restart-like: another tick opens nothing twice.
    const before = await p.eventCount();
    await p.platform.app.get<DeadlineTicker>(DEADLINE_TICKER).tick();
    expect(await p.eventCount()).toBe(before);
  });
});

/** Polls up to ~3 s (the ticker runs asynchronously after the clock moves). */
async function poll<T>(probe: () => Promise<T | null>, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > until) throw new Error('timed out waiting for the bids to open');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
