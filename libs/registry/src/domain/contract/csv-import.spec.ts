import { DomainError } from '@tenderledger/domain-kit';
import { contractId, organisationId } from '../ids';
import { contractDecider } from './decider';
import { poundsToPence, rowToRegisterContract, validateContractCsv } from './csv-import';

const HEADER = 'reference,contract_type,holder_id,commissioner_id,region,list_size,annual_value,start_date,end_date,services';
const GOOD = 'APMS-NE-0042,APMS,org-riverside,org-icb,North East and Yorkshire,8250,1250000.50,2021-04-01,2026-03-31,essential;extended-access';
const GOOD_2 = 'GMS-L-0007,gms,org-hill,org-icb,London,12000,£980000,2004-04-01,2034-03-31,';
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('validateContractCsv', () => {
  it('reads good rows into typed values: pence, contract type, services', () => {
    const report = validateContractCsv(csv(HEADER, GOOD, GOOD_2));
    expect(report.errors).toEqual([]);
    expect(report.rows).toEqual([
      {
        line: 2,
        reference: 'APMS-NE-0042',
        contractType: 'APMS',
        holder: { kind: 'id', id: 'org-riverside' },
        commissionerId: 'org-icb',
        region: 'North East and Yorkshire',
        listSize: 8250,
        annualValuePence: 125_000_050,
        startDate: '2021-04-01',
        endDate: '2026-03-31',
        services: ['essential', 'extended-access'],
      },
      expect.objectContaining({ line: 3, contractType: 'GMS', annualValuePence: 98_000_000, services: [] }),
    ]);
  });

  it('reads columns in any order, and quoted fields with commas', () => {
    const report = validateContractCsv(
      csv(
        'Region,reference,contract_type,holder_id,commissioner_id,list_size,annual_value,start_date,end_date',
        '"North East, and Yorkshire","PMS ""A""",PMS,org-a,org-icb,100,1.5,2020-01-01,2021-01-01',
      ),
    );
    expect(report.errors).toEqual([]);
    expect(report.rows[0]).toMatchObject({ region: 'North East, and Yorkshire', reference: 'PMS "A"', annualValuePence: 150 });
  });

  it('accepts holders named by ODS code, for the application to resolve', () => {
    const report = validateContractCsv(
      csv(
        'reference,contract_type,holder_id,holder_ods_code,commissioner_id,region,list_size,annual_value,start_date,end_date',
        'R1,GMS,,a81001,org-icb,London,100,1,2020-01-01,2021-01-01',
      ),
    );
    expect(report.errors).toEqual([]);
    expect(report.rows[0]!.holder).toEqual({ kind: 'ods', odsCode: 'A81001' });
  });

  it('reports a bad row among good ones, by line and column, and keeps the good ones', () => {
    const bad = 'PMS-1,PMS,org-a,org-icb,London,lots,12.345,2021-02-30,2020-01-32,';
    const report = validateContractCsv(csv(HEADER, GOOD, bad, GOOD_2));
    expect(report.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(report.errors).toEqual([
      { line: 3, column: 'list_size', code: 'CONTRACT_LIST_SIZE_INVALID', message: expect.stringMatching(/whole number/) },
      { line: 3, column: 'annual_value', code: 'CONTRACT_VALUE_INVALID', message: expect.stringMatching(/1250000.50/) },
      { line: 3, column: 'start_date', code: 'CONTRACT_DATES_INVALID', message: expect.stringMatching(/start date/) },
      { line: 3, column: 'end_date', code: 'CONTRACT_DATES_INVALID', message: expect.stringMatching(/end date/) },
    ]);
  });

  it.each([
    ['end before start', 'R,GMS,org-a,org-icb,London,1,1,2021-01-01,2020-01-01,', 'end_date', 'CONTRACT_DATES_INVALID'],
    ['a day-first date', 'R,GMS,org-a,org-icb,London,1,1,01/04/2021,2030-01-01,', 'start_date', 'CONTRACT_DATES_INVALID'],
    ['an unknown type', 'R,SPMS,org-a,org-icb,London,1,1,2021-01-01,2030-01-01,', 'contract_type', 'CONTRACT_TYPE_UNKNOWN'],
    ['a negative list size', 'R,GMS,org-a,org-icb,London,-1,1,2021-01-01,2030-01-01,', 'list_size', 'CONTRACT_LIST_SIZE_INVALID'],
    ['a misplaced thousands separator', 'R,GMS,org-a,org-icb,London,1,"10,00",2021-01-01,2030-01-01,', 'annual_value', 'CONTRACT_VALUE_INVALID'],
    ['a zero value', 'R,GMS,org-a,org-icb,London,1,0.00,2021-01-01,2030-01-01,', 'annual_value', 'CONTRACT_VALUE_INVALID'],
    ['no reference', ',GMS,org-a,org-icb,London,1,1,2021-01-01,2030-01-01,', 'reference', 'CONTRACT_REFERENCE_REQUIRED'],
    ['no holder', 'R,GMS,,org-icb,London,1,1,2021-01-01,2030-01-01,', 'holder_id', 'CONTRACT_HOLDER_REQUIRED'],
    ['no commissioner', 'R,GMS,org-a,,London,1,1,2021-01-01,2030-01-01,', 'commissioner_id', 'CONTRACT_COMMISSIONER_REQUIRED'],
    ['holder is commissioner', 'R,GMS,org-icb,org-icb,London,1,1,2021-01-01,2030-01-01,', 'holder_id', 'CONTRACT_PARTIES_SAME'],
    ['no region', 'R,GMS,org-a,org-icb, ,1,1,2021-01-01,2030-01-01,', 'region', 'CONTRACT_REGION_REQUIRED'],
  ])('reports %s', (_name, row, column, code) => {
    const report = validateContractCsv(csv(HEADER, row));
    expect(report.rows).toEqual([]);
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, column, code })]);
  });

  it('reports both holder columns filled in one row', () => {
    const report = validateContractCsv(
      csv(
        'reference,contract_type,holder_id,holder_ods_code,commissioner_id,region,list_size,annual_value,start_date,end_date',
        'R1,GMS,org-a,A81001,org-icb,London,100,1,2020-01-01,2021-01-01',
      ),
    );
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, column: 'holder_id', code: 'CSV_HOLDER_AMBIGUOUS' })]);
  });

  it('reports references used twice in the file (case-insensitively), naming the first line', () => {
    const report = validateContractCsv(csv(HEADER, GOOD, GOOD_2, GOOD.replace('APMS-NE-0042', 'apms-ne-0042')));
    expect(report.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(report.errors).toEqual([
      { line: 4, column: 'reference', code: 'CSV_REFERENCE_DUPLICATED', message: 'The reference "apms-ne-0042" is already used on line 2.' },
    ]);
  });

  it('reports holders and commissioners that are not registered, when told which are', () => {
    const known = new Set(['org-riverside']);
    const report = validateContractCsv(csv(HEADER, GOOD, GOOD_2), { knownOrganisationIds: known });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 2, column: 'commissioner_id', code: 'CONTRACT_COMMISSIONER_UNKNOWN' }),
      expect.objectContaining({ line: 3, column: 'holder_id', code: 'CONTRACT_HOLDER_UNKNOWN', message: 'No organisation with id org-hill is registered.' }),
      expect.objectContaining({ line: 3, column: 'commissioner_id', code: 'CONTRACT_COMMISSIONER_UNKNOWN' }),
    ]);
  });

  it('reports missing and duplicated columns and reads no rows', () => {
    const report = validateContractCsv(csv('reference,contract_type,region,region,list_size,annual_value,start_date', 'R,GMS,London,London,1,1,2021-01-01'));
    expect(report.rows).toEqual([]);
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 1, column: 'region', code: 'CSV_COLUMN_DUPLICATED' }),
      expect.objectContaining({ line: 1, column: 'commissioner_id', code: 'CSV_COLUMN_MISSING' }),
      expect.objectContaining({ line: 1, column: 'end_date', code: 'CSV_COLUMN_MISSING' }),
      expect.objectContaining({ line: 1, column: 'holder_id', code: 'CSV_COLUMN_MISSING', message: expect.stringMatching(/holder_ods_code/) }),
    ]);
  });

  it('reports an unknown column but still checks the rows', () => {
    const report = validateContractCsv(csv(`${HEADER},notes`, `${GOOD},hello`, 'X,GMS,org-a,org-icb,London,1,1,2021-01-01,2020-01-01,,'));
    expect(report.rows).toHaveLength(1);
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 1, column: 'notes', code: 'CSV_COLUMN_UNKNOWN' }),
      expect.objectContaining({ line: 3, column: 'end_date', code: 'CONTRACT_DATES_INVALID' }),
    ]);
  });

  it('reports a row with the wrong number of fields', () => {
    const report = validateContractCsv(csv(HEADER, 'R,GMS,org-a'));
    expect(report.errors).toEqual([expect.objectContaining({ line: 2, code: 'CSV_ROW_FIELD_COUNT', message: 'This row has 3 fields but the header has 10.' })]);
  });

  it('numbers lines physically when a quoted field spans lines', () => {
    const report = validateContractCsv(csv(HEADER, GOOD.replace('North East and Yorkshire', '"North East\nand Yorkshire"'), 'R,GMS,org-a,org-icb,London,1,x,2021-01-01,2030-01-01,'));
    expect(report.errors).toEqual([expect.objectContaining({ line: 4, column: 'annual_value' })]);
  });

  it('reports a broken quote with its line, after the rows read before it', () => {
    const report = validateContractCsv(csv(HEADER, 'R,GMS,org-a,org-icb,London,1,x,2021-01-01,2030-01-01,', `${GOOD.replace('APMS-NE-0042', '"APMS')}`));
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 2, code: 'CONTRACT_VALUE_INVALID' }),
      expect.objectContaining({ line: 3, code: 'CSV_QUOTE_UNTERMINATED' }),
    ]);
  });

  it('skips blank and all-empty rows', () => {
    const report = validateContractCsv(csv(HEADER, '', GOOD, ',,,,,,,,,'));
    expect(report).toEqual({ rows: [expect.objectContaining({ line: 3 })], errors: [] });
  });

  it('reports an empty file, a file with only a header, and too many rows', () => {
    expect(validateContractCsv('').errors).toEqual([expect.objectContaining({ line: 1, code: 'CSV_EMPTY' })]);
    expect(validateContractCsv(csv(HEADER)).errors).toEqual([expect.objectContaining({ line: 2, code: 'CSV_NO_ROWS' })]);
    expect(validateContractCsv(csv(HEADER, GOOD, GOOD_2), { maxRows: 1 }).errors).toEqual([
      expect.objectContaining({ line: 3, code: 'CSV_TOO_MANY_ROWS' }),
    ]);
  });
});

describe('poundsToPence', () => {
  it.each([
    ['1250000.50', 125_000_050],
    ['0.1', 10],
    ['£12', 1_200],
    [' 7.05 ', 705],
    ['9999999999999.99', 999_999_999_999_999],
    ['1,000', 100_000],
    ['£1,250,000.50', 125_000_050],
  ])('reads %s as %d pence', (text, pence) => expect(poundsToPence(text)).toBe(pence));

  it.each(['', '1.234', '-5', '1e3', '1,00', '10,0000', ',100', '.50', '12.', '10000000000000'])('rejects %j', (text) => expect(poundsToPence(text)).toBeNull());
});

describe('rowToRegisterContract', () => {
  const [row] = validateContractCsv(csv(HEADER, GOOD)).rows;
  const NOW = '2026-03-02T10:00:00.000Z';

  it('maps a row to a RegisterContract the decider accepts', () => {
    const command = rowToRegisterContract(row!, { contractId: contractId('contract-9') }, NOW);
    expect(command.data).toMatchObject({ contractId: 'contract-9', holderId: 'org-riverside', annualValuePence: 125_000_050, now: NOW });
    expect(contractDecider.decide(command, contractDecider.initialState())).toEqual([
      expect.objectContaining({ type: 'ContractRegistered', data: expect.objectContaining({ reference: 'APMS-NE-0042', services: ['essential', 'extended-access'] }) }),
    ]);
  });

  it('uses the resolved holder id for an ODS row, and refuses an unresolved one', () => {
    const odsRow = { ...row!, holder: { kind: 'ods' as const, odsCode: 'A81001' } };
    expect(rowToRegisterContract(odsRow, { contractId: contractId('c'), holderId: organisationId('org-x') }, NOW).data.holderId).toBe('org-x');
    expect(() => rowToRegisterContract(odsRow, { contractId: contractId('c') }, NOW)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_HOLDER_UNRESOLVED', message: expect.stringMatching(/A81001/) }) as unknown as DomainError,
    );
  });
});
