import type { StoredEvent } from '@tenderledger/event-store';
import { concludeDirect, decideDirect, directChallenge, directHistory, directOutcome } from '../../../award/src/domain/direct/direct-award.fixtures';
import { ocdsConfigFromEnv } from './ocds-config';
import { recordPackage, releasePackage } from './ocds-packages';
import { OcdsProjection } from './ocds-projection';
import { codelistProblems, OCDS_DIR, ocdsAvailable, packageValidators, describeIfOcds } from './testing/ocds-standard';

if (!ocdsAvailable()) console.warn(`SKIPPED: direct award OCDS validation — ${OCDS_DIR} is absent.`);

const stored = (events: { type: string; data: unknown }[]): StoredEvent[] =>
  events.map((event, i) => ({ ...event, eventId: `e${i}`, schemaVersion: 1, streamId: 'direct-award-da-2026-017', streamVersion: i + 1, globalPosition: i + 1, occurredAt: '2026-12-21T10:00:00.000Z', recordedAt: '2026-12-21T10:00:00.000Z', actor: { userId: 'u', role: 'commissioner', organisationId: 'org-icb' }, correlationId: 'c', causationId: null, hash: 'h' }) as StoredEvent);

describeIfOcds('OcdsProjection from direct award events', () => {
  const config = ocdsConfigFromEnv({ OCDS_PREFIX: 'ocds-test00' });
  const { releasePackage: validRelease, recordPackage: validRecord } = packageValidators();

  const releasesAfter = (events: { type: string; data: unknown }[]) => {
    const projection = new OcdsProjection(config.prefix);
    stored(events).forEach((e) => projection.apply(e));
    const releases = projection.directAwardReleasesOf('da-2026-017');
    expect(validRelease(releasePackage(config, 'direct-award-da-2026-017', releases))).toEqual([]);
    expect(validRecord(recordPackage(config, 'direct-award-da-2026-017', releases[0]!.ocid, releases))).toEqual([]);
    for (const release of releases) expect(codelistProblems(release)).toEqual([]);
    return { projection, releases };
  };

  it('an upheld challenge cancels the decision: an award release, then an awardUpdate with the award and the process cancelled', () => {
    const { projection, releases } = releasesAfter(directHistory(decideDirect('psr-direct-award-c'), directChallenge(), directOutcome({ outcome: 'upheld', reasons: 'The assessment of value was not recorded.' })));
    expect(releases.map((r) => r.tag)).toEqual([['award'], ['awardUpdate']]);
    expect(releases[0]!.ocid).toBe('ocds-test00-direct-award-da-2026-017');
    expect(releases.map((r) => r.awards[0]!.status)).toEqual(['pending', 'cancelled']);
    expect(releases[1]!.tender.status).toBe('cancelled');
    expect(releases[1]!.contracts).toBeUndefined();
    // A direct award is never mixed with a tender of the same id.
    expect(projection.releasesOf('da-2026-017')).toEqual([]);
  });

  it('direct award A: no key criteria recorded, so none are claimed; concluded at once, without standstill', () => {
    const { releases } = releasesAfter(directHistory(decideDirect('psr-direct-award-a', { keyCriteriaAssessment: undefined, incumbent: undefined }), concludeDirect('2026-12-21T10:00:00.000Z')));
    expect(releases.map((r) => r.tag)).toEqual([['award'], ['contract']]);
    expect(releases[1]!.tender).toMatchObject({ procurementMethod: 'direct', procurementMethodDetails: 'Provider Selection Regime direct award process A', status: 'complete' });
    expect(releases[1]!.tender.awardCriteriaDetails).toBeUndefined();
    expect(releases[1]!.contracts).toEqual([expect.objectContaining({ status: 'active', value: { amount: 1_250_000, currency: 'GBP' }, period: expect.objectContaining({ startDate: expect.stringMatching(/^2027-0[34]-/) }) })]);
  });
});
