import { CODELIST_FILES, OCDS_CODES } from './codes';
import { codelist, OCDS_DIR, ocdsAvailable, describeIfOcds } from './testing/ocds-standard';

if (!ocdsAvailable()) console.warn(`SKIPPED: OCDS codelist checks — ${OCDS_DIR} is absent.`);

describeIfOcds('hard-coded OCDS codes are in the standard’s CSVs', () => {
  for (const [list, codes] of Object.entries(OCDS_CODES) as [keyof typeof OCDS_CODES, readonly string[]][]) {
    it(`${list}: ${codes.join(', ')}`, () => {
      const known = codelist(CODELIST_FILES[list]);
      expect(codes.filter((code) => !known.has(code))).toEqual([]);
    });
  }
});
