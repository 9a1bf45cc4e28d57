import { compileReleases } from './merge-releases';
import type { JsonObject } from './ocds-types';

const release = (date: string, tag: string, rest: JsonObject): JsonObject => ({ ocid: 'ocds-x-1', id: `r-${date}`, date, tag: [tag], initiationType: 'tender', ...rest });

describe('compileReleases (OCDS merge for the fields TenderLedger emits)', () => {
  it('merges objects, merges arrays of objects by id, replaces other arrays, and takes releases in date order', () => {
    const award = release('2026-03-01T00:00:00Z', 'award', {
      parties: [{ id: 'icb', name: 'North ICB', roles: ['buyer'] }, { id: 'p1', name: 'Riverside', roles: ['tenderer', 'supplier'] }],
      tender: { id: 't', status: 'complete' },
      awards: [{ id: 'a1', status: 'pending', suppliers: [{ id: 'p1', name: 'Riverside' }] }],
    });
    const tender = release('2026-01-01T00:00:00Z', 'tender', {
      parties: [{ id: 'icb', name: 'North ICB', roles: ['buyer', 'procuringEntity'] }],
      tender: { id: 't', title: 'Title', status: 'active', submissionMethod: ['electronicSubmission'], lots: [{ id: 'l1', title: 'North' }, { id: 'l2', title: 'South' }] },
    });
    const update = release('2026-02-01T00:00:00Z', 'tenderUpdate', { tender: { id: 't', lots: [{ id: 'l2', status: 'active' }], submissionMethod: ['written'] } });
    const contract = release('2026-04-01T00:00:00Z', 'contract', { awards: [{ id: 'a1', status: 'active' }], contracts: [{ id: 'c1', awardID: 'a1' }] });

    const compiled = compileReleases([award, contract, update, tender]);

    expect(compiled).toMatchObject({ ocid: 'ocds-x-1', id: 'ocds-x-1-2026-04-01T00:00:00Z', date: '2026-04-01T00:00:00Z', tag: ['compiled'] });
    // Party roles are a plain list: the later release's list replaces the earlier one.
    expect(compiled['parties']).toEqual([{ id: 'icb', name: 'North ICB', roles: ['buyer'] }, { id: 'p1', name: 'Riverside', roles: ['tenderer', 'supplier'] }]);
    expect(compiled['tender']).toEqual({
      id: 't',
      title: 'Title',
      status: 'complete',
      submissionMethod: ['written'],
      lots: [{ id: 'l1', title: 'North' }, { id: 'l2', title: 'South', status: 'active' }],
    });
    expect(compiled['awards']).toEqual([{ id: 'a1', status: 'active', suppliers: [{ id: 'p1', name: 'Riverside' }] }]);
    expect(compiled['contracts']).toEqual([{ id: 'c1', awardID: 'a1' }]);
  });

  it('treats null as removal, as OCDS does', () => {
    const compiled = compileReleases([release('2026-01-01T00:00:00Z', 'tender', { tender: { id: 't', description: 'x' } }), release('2026-01-02T00:00:00Z', 'tenderUpdate', { tender: { id: 't', description: null } })]);
    expect(compiled['tender']).toEqual({ id: 't' });
  });

  it('refuses an empty record', () => {
    expect(() => compileReleases([])).toThrow('at least one release');
  });
});
