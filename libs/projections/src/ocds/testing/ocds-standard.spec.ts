import { codelistProblems, OCDS_DIR, ocdsAvailable, packageValidators, parseCsv, patchedReleaseSchema, describeIfOcds } from './ocds-standard';

if (!ocdsAvailable()) console.warn(`SKIPPED: OCDS schema checks — ${OCDS_DIR} is absent.`);

it('parseCsv reads quoted fields with commas, quotes and newlines', () => {
  expect(parseCsv('Code,Description\na,"x, ""y""\nz"\r\nb,plain\n')).toEqual([['Code', 'Description'], ['a', 'x, "y"\nz'], ['b', 'plain']]);
});

describeIfOcds('the validators themselves (so a green e2e means something)', () => {
  const { releasePackage } = packageValidators();
  const release = (extra: Record<string, unknown> = {}) => ({ ocid: 'ocds-tl0000-t', id: 'r1', date: '2026-01-01T00:00:00Z', tag: ['tender'], initiationType: 'tender', ...extra });
  const pack = (releases: unknown[]) => ({ uri: 'https://tenderledger.invalid/p', publishedDate: '2026-01-01T00:00:00Z', publisher: { name: 'TL' }, version: '1.1', releases });

  it('accepts a minimal valid package', () => {
    expect(releasePackage(pack([release()]))).toEqual([]);
  });

  it('the extensions are patched in: lots and bids are typed, so wrong shapes fail', () => {
    expect(patchedReleaseSchema()['properties']).toHaveProperty('bids');
    expect(releasePackage(pack([release({ tender: { id: 't', lots: [{ id: 'l1', status: 'sold' }] } })])).join()).toMatch(/lots/);
    expect(releasePackage(pack([release({ bids: { statistics: [{ id: 's1', value: 1 }] } })])).join()).toMatch(/measure/);
  });

  it('rejects a closed-codelist value, a bad date and a missing field', () => {
    expect(releasePackage(pack([release({ tag: ['tenderChanged'] })]))).not.toEqual([]);
    expect(releasePackage(pack([release({ date: '1 January 2026' })]))).not.toEqual([]);
    expect(releasePackage({ ...pack([release()]), publisher: {} })).not.toEqual([]);
  });

  it('codelistProblems finds codes missing from the CSVs, open codelists included', () => {
    const problems = codelistProblems(release({ parties: [{ id: 'p', roles: ['buyer', 'incumbent'] }], bids: { statistics: [{ id: 's', measure: 'disqualifiedBids', value: 1 }] } }));
    expect(problems).toEqual(['$.parties[0].roles: "incumbent" is not in partyRole.csv', '$.bids.statistics[0].measure: "disqualifiedBids" is not in bidStatistics.csv']);
  });
});
