import type { StoredEvent } from '@tenderledger/event-store';
import { draftTender, history, publish, TWO_LOTS } from '../../../tendering/src/domain/tender.fixtures';
import type { TenderCommand } from '@tenderledger/tendering';
import { ocdsConfigFromEnv } from './ocds-config';
import { recordPackage, releasePackage } from './ocds-packages';
import { OcdsProjection } from './ocds-projection';
import { codelistProblems, OCDS_DIR, ocdsAvailable, packageValidators, describeIfOcds } from './testing/ocds-standard';

if (!ocdsAvailable()) console.warn(`SKIPPED: OCDS projection validation — ${OCDS_DIR} is absent.`);

const stored = (events: { type: string; data: unknown }[]): StoredEvent[] =>
  events.map((event, i) => ({ ...event, eventId: `e${i}`, schemaVersion: 1, streamId: 's', streamVersion: i + 1, globalPosition: i + 1, occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', actor: { userId: 'u', role: 'commissioner', organisationId: 'icb' }, correlationId: 'c', causationId: null, hash: 'h' }) as StoredEvent);

const cancel: TenderCommand = { type: 'CancelTender', data: { tenderId: draftTender().data.tenderId, commissionerId: draftTender().data.commissionerId, reason: 'Funding withdrawn.', now: '2026-01-10T09:00:00.000Z' } } as TenderCommand;

describeIfOcds('OcdsProjection from tender events', () => {
  const config = ocdsConfigFromEnv({ OCDS_PREFIX: 'ocds-test00' });
  const { releasePackage: validRelease, recordPackage: validRecord } = packageValidators();

  it('a cancelled tender: a tender release then a tenderCancellation with every lot cancelled, all valid', () => {
    const projection = new OcdsProjection(config.prefix);
    const events = history(draftTender(), { type: 'DefineLots', data: { tenderId: draftTender().data.tenderId, commissionerId: draftTender().data.commissionerId, lots: TWO_LOTS } } as TenderCommand, publish(), cancel);
    stored(events).forEach((e) => projection.apply(e));
    const releases = projection.releasesOf('tender-1');
    expect(releases.map((r) => r.tag)).toEqual([['tender'], ['tenderCancellation']]);
    expect(releases[1]!.tender.status).toBe('cancelled');
    expect(releases[1]!.tender.lots.map((l) => l.status)).toEqual(['cancelled', 'cancelled']);
    expect(releases[0]!.ocid).toBe('ocds-test00-tender-1');
    expect(releases[0]!.tender.awardCriteria).toBe('qualityOnly'); // the five PSR key criteria, no price
    const pack = releasePackage(config, 'tender-1', releases);
    expect(validRelease(pack)).toEqual([]);
    expect(validRecord(recordPackage(config, 'tender-1', releases[0]!.ocid, releases))).toEqual([]);
    for (const release of releases) expect(codelistProblems(release)).toEqual([]);
  });

  it('a tender cancelled while still a draft publishes nothing', () => {
    const projection = new OcdsProjection(config.prefix);
    stored(history(draftTender(), cancel)).forEach((e) => projection.apply(e));
    expect(projection.releasesOf('tender-1')).toEqual([]);
  });

  it('ocids map back to tenders only under this publisher’s prefix', () => {
    const projection = new OcdsProjection('ocds-test00');
    expect(projection.tenderIdOf('ocds-test00-tender-1')).toBe('tender-1');
    expect(projection.tenderIdOf('ocds-other-tender-1')).toBeNull();
  });
});
