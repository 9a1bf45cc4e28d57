import { collect } from '../../libs/event-store/src/testing/contract';
import { codelistProblems, OCDS_DIR, ocdsAvailable, packageValidators } from '../../libs/projections/src/ocds/testing/ocds-standard';
import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * PSR direct awards over HTTP with a fixed clock: direct award C keeps the incumbent and, after its
 * standstill, the register shows a renewal without competition; a most-suitable-provider award held by
 * a representation is concluded after the further 5 working days and registers a new contract; and a
 * contract whose end date has passed is expired by the process manager. Then an auditor reads and
 * replays both decisions (GET /api/audit/direct-awards/:id) and each is its own OCDS contracting process.
 */
const ICB = 'org-icb-north';
const GMS = 'contract-gms-riverside';
const OLD_PMS = 'contract-pms-old';
const REASONS = 'The provider is satisfying the existing contract and is likely to satisfy the new one.';
type Entry = { globalPosition: number; occurredAt: string; streamId: string; type: string; actor: { userId: string; role: string; organisationId: string | null }; summary: string; reason: string | null };

if (!ocdsAvailable()) console.warn(`SKIPPED: direct award OCDS validation — ${OCDS_DIR} is absent (set OCDS_SCHEMA_DIR).`);

const ASSESSMENT = {
  'quality-and-innovation': 'CQC good; patient survey above the ICB average.',
  value: 'Price unchanged in real terms; within the budget.',
  'integration-collaboration-and-service-sustainability': 'Active member of the primary care network.',
  'improving-access-reducing-health-inequalities-and-facilitating-choice': 'Extended hours and a branch surgery in the most deprived ward.',
  'social-value': 'Local employment and apprenticeships.',
};

describe('direct awards over HTTP: PSR C renewal, most suitable provider, contract expiry', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};

  const decision = (route: string, provider: { organisationId: string; name: string }, extra: object = {}) => ({
    route,
    provider,
    keyCriteriaAssessment: ASSESSMENT,
    decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }, { name: 'Sam Patel', role: 'Head of Contracting' }],
    conflicts: [{ decisionMaker: 'Sam Patel', interest: 'Registered patient at Riverside Medical Practice.', handling: 'Took no part in the value assessment.' }],
    reasons: REASONS,
    contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 130_000_000 },
    ...extra,
  });
  const contract = async (id: string) => (await p.as(t.icb).get(`/api/contracts/${id}`).expect(200)).body;

  beforeAll(async () => {
    p = await startTestPlatform('2026-12-01T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.riverside = await p.token('bidder', 'org-riverside');
    t.hillside = await p.token('bidder', 'org-hillside');
    t.auditor = await p.token('auditor', 'org-nao');
    const org = (body: object) => p.as(t.admin).post('/api/organisations').send(body).expect(201);
    await org({ organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    await org({ organisationId: 'org-riverside', name: 'Riverside Medical Practice', kind: 'practice', listSize: 8_400 });
    await org({ organisationId: 'org-hillside', name: 'Hillside Surgery', kind: 'practice', listSize: 5_000 });
    const register = (body: object) => p.as(t.icb).post('/api/contracts').send({ commissionerId: ICB, region: 'North East and Yorkshire', contractType: 'GMS', ...body }).expect(201);
    await register({ contractId: GMS, reference: 'GMS-A81001', holderId: 'org-riverside', listSize: 8_400, annualValuePence: 125_000_000, startDate: '2012-04-01', endDate: '2027-03-31' });
    await register({ contractId: OLD_PMS, reference: 'PMS-B82002', contractType: 'PMS', holderId: 'org-hillside', listSize: 5_000, annualValuePence: 60_000_000, startDate: '2016-01-01', endDate: '2026-12-31' });
  });
  afterAll(() => p.close());

  it('refuses direct award C to anyone but the incumbent, appending nothing', async () => {
    p.clock.set('2026-12-21T10:00:00.000Z');
    const incumbent = { organisationId: 'org-riverside', contractId: GMS };
    await expectRefusal(p, () => p.as(t.icb).post('/api/direct-awards').send(decision('psr-direct-award-c', { organisationId: 'org-hillside', name: 'Hillside Surgery' }, { incumbent })), 422, 'DIRECT_AWARD_C_MUST_KEEP_INCUMBENT');
    await expectRefusal(p, () => p.as(t.icb).post('/api/direct-awards').send(decision('psr-direct-award-c', { organisationId: 'org-riverside', name: 'Riverside' })), 422, 'DIRECT_AWARD_INCUMBENT_REQUIRED');
    await expectRefusal(p, () => p.as(t.icb).post('/api/direct-awards').send(decision('psr-direct-award-c', { organisationId: 'org-riverside', name: 'Riverside' }, { incumbent, keyCriteriaAssessment: { value: 'Fine.' } })), 422, 'DIRECT_AWARD_KEY_CRITERIA_MISSING');
    await expectRefusal(p, () => p.as(t.icb).post('/api/direct-awards').send(decision('psr-direct-award-z', { organisationId: 'org-riverside', name: 'Riverside' }, { incumbent })), 400, 'VALIDATION_FAILED');
    await expectRefusal(p, () => p.as(t.riverside).post('/api/direct-awards').send(decision('psr-direct-award-c', { organisationId: 'org-riverside', name: 'Riverside' }, { incumbent })), 403, 'ROLE_NOT_ALLOWED');
  });

  it('decides direct award C for the incumbent with the route profile’s PSR standstill', async () => {
    const res = await p.as(t.icb).post('/api/direct-awards').send(decision('psr-direct-award-c', { organisationId: 'org-riverside', name: 'Riverside Medical Practice' }, { decisionId: 'da-c-riverside', incumbent: { organisationId: 'org-riverside', contractId: GMS } }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      decisionId: 'da-c-riverside', route: 'psr-direct-award-c', awardProcess: 'direct-award-c', status: 'decided', incumbentRetained: true,
      standstill: { noticeDate: '2026-12-21', lastWorkingDay: '2027-01-05', endsAt: '2027-01-06T00:00:00.000Z' },
    });
    expect(res.body.keyCriteriaAssessment).toHaveLength(5);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ decisionMaker: 'Sam Patel' })]);
    const events = await collect(p.store.readStream('direct-award-da-c-riverside'));
    expect(events.map((e) => e.type)).toEqual(['DirectAwardDecided', 'IntentionNoticePublished', 'DirectAwardStandstillStarted']);
    expect((await p.as(t.auditor).get('/api/direct-awards')).body.map((d: { decisionId: string }) => d.decisionId)).toEqual(['da-c-riverside']);
  });

  it('decides a most-suitable-provider award; a representation holds it beyond the standstill', async () => {
    const res = await p.as(t.icb).post('/api/direct-awards').send(decision('psr-most-suitable-provider', { organisationId: 'org-hillside', name: 'Hillside Surgery' }, { decisionId: 'da-msp-hillside', contract: { startDate: '2027-02-01', endDate: '2030-01-31', annualValuePence: 40_000_000 } }));
    expect(res.status).toBe(201);
    expect(res.body.incumbentRetained).toBeNull();
    p.clock.set('2026-12-30T11:00:00.000Z');
    const lodged = await p.as(t.riverside).post('/api/direct-awards/da-msp-hillside/challenges').send({ kind: 'representation', grounds: 'We were not considered for the extended-access service.' });
    expect(lodged.status).toBe(201);
    t.challenge = lodged.body.id;
    expect((await p.as(t.hillside).get('/api/direct-awards/da-msp-hillside')).body.challenges).toEqual([]);
    expect((await p.as(t.icb).get('/api/direct-awards/da-msp-hillside')).body.challenges).toHaveLength(1);
  });

  it('expires a contract once its end date has passed, by the process manager', async () => {
    p.clock.set('2026-12-31T23:00:00.000Z');
    await settle(p);
    expect((await contract(OLD_PMS)).status).toBe('active'); // it runs to the end of 31 December
    p.clock.set('2027-01-01T00:00:00.000Z');
    await settle(p);
    const expired = await contract(OLD_PMS);
    expect(expired.status).toBe('ended');
    expect(expired.history.at(-1)).toMatchObject({ type: 'ContractExpired' });
    const [event] = (await collect(p.store.readStream(`contract-${OLD_PMS}`))).filter((e) => e.type === 'ContractExpired');
    expect(event!.data).toMatchObject({ expiredOn: '2026-12-31' });
    expect(event!.actor).toEqual({ userId: 'process-manager:expire-contracts', role: 'system', organisationId: null });
    const count = await p.eventCount();
    await settle(p);
    expect(await p.eventCount()).toBe(count);
  });

  it('concludes direct award C after its standstill: the register shows a renewal without competition', async () => {
    p.clock.set('2027-01-05T16:00:00.000Z');
    await settle(p);
    expect((await p.as(t.icb).get('/api/direct-awards/da-c-riverside')).body.status).toBe('decided');
    p.clock.set('2027-01-06T00:00:00.000Z');
    await settle(p);
    expect((await p.as(t.icb).get('/api/direct-awards/da-c-riverside')).body.status).toBe('concluded');
    expect((await p.as(t.icb).get('/api/direct-awards/da-msp-hillside')).body.status).toBe('decided'); // still held by the representation

    await settle(p);
    const renewed = await contract(GMS);
    expect(renewed).toMatchObject({ holderId: 'org-riverside', status: 'active', endDate: '2032-03-31', annualValuePence: 130_000_000 });
    expect(renewed.history.at(-1)).toMatchObject({ type: 'ContractRenewedWithoutCompetition' });
    const [event] = (await collect(p.store.readStream(`contract-${GMS}`))).filter((e) => e.type === 'ContractRenewedWithoutCompetition');
    expect(event!.data).toMatchObject({ route: 'psr-direct-award-c', previousEndDate: '2027-03-31', newEndDate: '2032-03-31' });
    expect(event!.actor.userId).toBe('process-manager:register-after-award');
  });

  it('dismisses the representation; the most-suitable-provider award concludes after 5 more working days and registers a new contract', async () => {
    p.clock.set('2027-01-07T10:00:00.000Z');
    const res = await p.as(t.icb).post(`/api/direct-awards/da-msp-hillside/challenges/${t.challenge}/outcome`).send({ outcome: 'dismissed', reasons: 'Extended access was never in scope.' });
    expect(res.status).toBe(200);
    // From the day after Thu 7 January: 8, 11, 12, 13, 14 → ends at the end of Thu 14 January.
    expect(res.body.standstill).toMatchObject({ lastWorkingDay: '2027-01-14', endsAt: '2027-01-15T00:00:00.000Z' });
    p.clock.set('2027-01-15T00:00:00.000Z');
    await settle(p);
    expect((await p.as(t.icb).get('/api/direct-awards/da-msp-hillside')).body.status).toBe('concluded');
    await settle(p);
    const created = await contract('da-msp-hillside.contract');
    expect(created).toMatchObject({ holderId: 'org-hillside', commissionerId: ICB, reference: 'psr-most-suitable-provider/da-msp-hillside', status: 'active', startDate: '2027-02-01', endDate: '2030-01-31', region: 'North East and Yorkshire' });
  });
  it('audit: every decision of the most-suitable-provider award in order, with who, what and why', async () => {
    const res = await p.as(t.auditor).get('/api/audit/direct-awards/da-msp-hillside');
    expect(res.status).toBe(200);
    const timeline: Entry[] = res.body.timeline;
    expect(timeline.map((e) => e.type)).toEqual([
      'DirectAwardDecided', 'IntentionNoticePublished', 'DirectAwardStandstillStarted',
      'DirectAwardChallengeLodged', 'DirectAwardChallengeDismissed', 'DirectAwardStandstillExtended',
      'DirectAwardConcluded', 'ContractRegistered',
    ]);
    const positions = timeline.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const [decided, , , lodged, dismissed, , concluded, registered] = timeline;
    expect(decided!.actor).toEqual({ userId: 'jane.commissioner', role: 'commissioner', organisationId: ICB });
    expect(decided!.reason).toBe(REASONS);
    expect(decided!.summary).toContain('most-suitable-provider award (psr-most-suitable-provider) to Hillside Surgery');
    expect(decided!.summary).toContain('key criteria assessed: quality-and-innovation, value, integration-collaboration-and-service-sustainability');
    expect(decided!.summary).toContain('decision-makers: Dr Ada Okafor (ICB Director of Primary Care), Sam Patel (Head of Contracting)');
    expect(decided!.summary).toContain('conflicts declared: Sam Patel: Registered patient at Riverside Medical Practice.; Took no part in the value assessment.');
    expect(lodged).toMatchObject({ actor: { organisationId: 'org-riverside', role: 'bidder' }, reason: 'We were not considered for the extended-access service.', occurredAt: '2026-12-30T11:00:00.000Z' });
    expect(dismissed).toMatchObject({ actor: { organisationId: ICB }, reason: 'Extended access was never in scope.' });
    expect(concluded!.actor.userId).toMatch(/^process-manager:/);
    expect(registered).toMatchObject({ streamId: 'contract-da-msp-hillside.contract', actor: { userId: 'process-manager:register-after-award' } });
    // The commissioner that decided reads its own trail too.
    expect((await p.as(t.icb).get('/api/audit/direct-awards/da-msp-hillside')).body.timeline).toHaveLength(8);
  });

  it('audit: a renewal shows the register event it caused, not the incumbent contract’s older history', async () => {
    const res = await p.as(t.admin).get('/api/audit/direct-awards/da-c-riverside').expect(200);
    const types = (res.body.timeline as Entry[]).map((e) => `${e.streamId}:${e.type}`);
    expect(types).toEqual([
      'direct-award-da-c-riverside:DirectAwardDecided', 'direct-award-da-c-riverside:IntentionNoticePublished', 'direct-award-da-c-riverside:DirectAwardStandstillStarted',
      'direct-award-da-c-riverside:DirectAwardConcluded', `contract-${GMS}:ContractRenewedWithoutCompetition`,
    ]);
  });

  it('audit asOf: before the decision nothing was decided; during the representation the challenge was open; then it was dismissed', async () => {
    const { body: now } = await p.as(t.auditor).get('/api/audit/direct-awards/da-msp-hillside').expect(200);
    const timeline: Entry[] = now.timeline;
    const before = await p.as(t.auditor).get('/api/audit/direct-awards/da-msp-hillside').query({ asOf: '2026-12-21T09:59:59Z' }).expect(200);
    expect(before.body).toMatchObject({ timeline: [], directAward: null });
    const lodged = timeline.find((e) => e.type === 'DirectAwardChallengeLodged')!;
    const during = await p.as(t.auditor).get('/api/audit/direct-awards/da-msp-hillside').query({ asOf: String(lodged.globalPosition) }).expect(200);
    expect(during.body.timeline.map((e: Entry) => e.type).at(-1)).toBe('DirectAwardChallengeLodged');
    expect(during.body.directAward).toMatchObject({ status: 'decided', decisionId: 'da-msp-hillside', decision: { reasons: REASONS } });
    expect(Object.values(during.body.directAward.challenges)).toEqual([expect.objectContaining({ by: 'org-riverside', decision: null })]);
    const after = await p.as(t.auditor).get('/api/audit/direct-awards/da-msp-hillside').query({ asOf: '2027-01-15T00:00:00Z' }).expect(200);
    expect(after.body.directAward.status).toBe('concluded');
    expect(Object.values(after.body.directAward.challenges)).toEqual([expect.objectContaining({ decision: expect.objectContaining({ outcome: 'dismissed' }) })]);
  });

  it('audit access: refused to a bidder and to another commissioner; unknown decision and bad asOf named', async () => {
    const other = await p.token('commissioner', 'org-icb-south');
    await expectRefusal(p, () => p.as(t.riverside).get('/api/audit/direct-awards/da-msp-hillside'), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(other).get('/api/audit/direct-awards/da-msp-hillside'), 403, 'AUDIT_NOT_YOUR_DIRECT_AWARD');
    await expectRefusal(p, () => p.as(t.auditor).get('/api/audit/direct-awards/da-nope'), 404, 'AUDIT_DIRECT_AWARD_NOT_FOUND');
    await expectRefusal(p, () => p.as(t.auditor).get('/api/audit/direct-awards/da-msp-hillside?asOf=yesterday'), 400, 'AUDIT_AS_OF_INVALID');
  });

  (ocdsAvailable() ? it : it.skip)('OCDS: each direct award is a contracting process with valid releases and record', async () => {
    const validators = packageValidators();
    const releases = await p.as(t.hillside).get('/api/ocds/releases?directAwardId=da-c-riverside');
    expect(releases.status).toBe(200);
    expect(validators.releasePackage(releases.body)).toEqual([]);
    for (const release of releases.body.releases) expect(codelistProblems(release)).toEqual([]);
    const [decided, concluded] = releases.body.releases;
    expect(releases.body.releases.map((r: { tag: string[] }) => r.tag)).toEqual([['award'], ['contract']]);
    expect(decided.ocid).toBe('ocds-tl0000-direct-award-da-c-riverside');
    expect(decided.tender).toMatchObject({
      id: 'da-c-riverside', procurementMethod: 'direct', procurementMethodDetails: 'Provider Selection Regime direct award process C',
      procurementMethodRationale: REASONS, value: { amount: 1_300_000, currency: 'GBP' },
    });
    expect(decided.awards).toEqual([expect.objectContaining({ status: 'pending', suppliers: [{ id: 'org-riverside', name: 'Riverside Medical Practice' }], value: { amount: 1_300_000, currency: 'GBP' } })]);
    expect(decided.contracts).toBeUndefined();
    expect(decided.parties).toEqual([expect.objectContaining({ id: ICB, roles: ['buyer', 'procuringEntity'] }), expect.objectContaining({ id: 'org-riverside', roles: ['supplier'] })]);
    expect(concluded.awards[0].status).toBe('active');
    expect(concluded.contracts).toEqual([expect.objectContaining({ awardID: decided.awards[0].id, status: 'active', dateSigned: '2027-01-06T00:00:00.000Z', value: { amount: 1_300_000, currency: 'GBP' } })]);

    const record = await p.as(t.auditor).get(`/api/ocds/records/${decided.ocid}`);
    expect(record.status).toBe(200);
    expect(validators.recordPackage(record.body)).toEqual([]);
    const compiled = record.body.records[0].compiledRelease;
    expect(codelistProblems(compiled)).toEqual([]);
    expect(compiled).toMatchObject({ tag: ['compiled'], tender: { procurementMethod: 'direct', procurementMethodRationale: REASONS }, awards: [{ status: 'active' }], contracts: [{ status: 'active' }] });
    expect(record.body.packages).toEqual([expect.stringContaining('/api/ocds/releases?directAwardId=da-c-riverside')]);

    const msp = (await p.as(t.auditor).get('/api/ocds/releases?directAwardId=da-msp-hillside').expect(200)).body;
    expect(validators.releasePackage(msp)).toEqual([]);
    expect(msp.releases.at(-1).tender).toMatchObject({ procurementMethod: 'direct', procurementMethodDetails: 'Provider Selection Regime most suitable provider process' });
    expect(msp.releases.at(-1).awards[0].suppliers).toEqual([{ id: 'org-hillside', name: 'Hillside Surgery' }]);
    // The representation is not public data.
    expect(JSON.stringify(msp)).not.toContain('extended-access');
  });
});
