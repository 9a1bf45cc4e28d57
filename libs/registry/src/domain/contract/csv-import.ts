import { refuse } from '@tenderledger/domain-kit';
import type { IsoDate } from '../calendar';
import type { ContractId, OrganisationId } from '../ids';
import { CONTRACT_TYPES, type ContractTerms, type ContractType, type RegisterContract } from './commands';
import { parseCsv, type CsvRecord } from './csv';
import { termsProblems, type TermsField } from './terms';

/**
 * Bulk import of the contract register from CSV (POST /api/contracts/import). This only reads
 * and checks the file; the application refuses the whole import if any error is reported
 * (nothing half-imported), resolves holder ODS codes and checks that organisations exist.
 *
 * Columns (header row, any order, names case-insensitive): reference, contract_type,
 * holder_id or holder_ods_code (or both columns, one filled per row), commissioner_id, region,
 * list_size (whole patients), annual_value (pounds, up to 2 decimals, optional "£", no
 * thousands separators), start_date and end_date (YYYY-MM-DD), services (optional,
 * separated by ";").
 */
const REQUIRED_COLUMNS = [
  'reference',
  'contract_type',
  'commissioner_id',
  'region',
  'list_size',
  'annual_value',
  'start_date',
  'end_date',
] as const;
const HOLDER_COLUMNS = ['holder_id', 'holder_ods_code'] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...HOLDER_COLUMNS, 'services'];

export const DEFAULT_MAX_IMPORT_ROWS = 10_000;

export type ContractHolderRef =
  | { readonly kind: 'id'; readonly id: OrganisationId }
  | { readonly kind: 'ods'; readonly odsCode: string };

export interface ValidContractRow {
  readonly line: number;
  readonly reference: string;
  readonly contractType: ContractType;
  readonly holder: ContractHolderRef;
  readonly commissionerId: OrganisationId;
  readonly region: string;
  readonly listSize: number;
  readonly annualValuePence: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly services: string[];
}

/** `line` counts the header as line 1; `column` names the CSV column when one is at fault. */
export interface ImportError {
  readonly line: number;
  readonly column?: string;
  readonly code: string;
  readonly message: string;
}

export interface ContractImportReport {
  readonly rows: ValidContractRow[];
  readonly errors: ImportError[];
}

export interface ContractImportOptions {
  /** When given, holders (by id) and commissioners not in the set are reported per row. */
  readonly knownOrganisationIds?: ReadonlySet<string>;
  readonly maxRows?: number;
}

export function validateContractCsv(text: string, options: ContractImportOptions = {}): ContractImportReport {
  const { records, error } = parseCsv(text);
  const errors: ImportError[] = [];
  const rows: ValidContractRow[] = [];
  const [header, ...data] = records;
  if (!header) {
    errors.push(error ?? { line: 1, code: 'CSV_EMPTY', message: 'The file is empty: it needs a header row and one row per contract.' });
    return { rows, errors };
  }

  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const headerErrors = checkHeader(columns);
  errors.push(...headerErrors);
  // Without every column once, no row can be read with confidence; unknown extra columns are only reported.
  if (headerErrors.some((e) => e.code !== 'CSV_COLUMN_UNKNOWN')) return { rows, errors: withSyntaxError(errors, error) };

  const maxRows = options.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  const firstLineOfReference = new Map<string, number>();
  let count = 0;
  for (const record of data) {
    if (record.fields.every((value) => value.trim() === '')) continue; // a spreadsheet's trailing ",,,," row
    if (++count > maxRows) {
      errors.push({ line: record.line, code: 'CSV_TOO_MANY_ROWS', message: `One import takes at most ${maxRows} contracts; split the file.` });
      break;
    }
    if (record.fields.length !== columns.length) {
      errors.push({
        line: record.line,
        code: 'CSV_ROW_FIELD_COUNT',
        message: `This row has ${record.fields.length} fields but the header has ${columns.length}.`,
      });
      continue;
    }
    const result = readRow(record, columns, options.knownOrganisationIds);
    const reference = result.reference.toLowerCase();
    const firstLine = firstLineOfReference.get(reference);
    if (reference !== '' && firstLine !== undefined) {
      result.errors.push({
        line: record.line,
        column: 'reference',
        code: 'CSV_REFERENCE_DUPLICATED',
        message: `The reference "${result.reference}" is already used on line ${firstLine}.`,
      });
    } else if (reference !== '') {
      firstLineOfReference.set(reference, record.line);
    }
    if (result.errors.length > 0) errors.push(...result.errors);
    else if (result.row) rows.push(result.row);
  }
  if (count === 0 && !error) errors.push({ line: 2, code: 'CSV_NO_ROWS', message: 'The file has a header row but no contracts.' });
  return { rows, errors: withSyntaxError(errors, error) };
}

/** Maps a checked row to the command that registers it; an ODS holder must be resolved to an id first. */
export function rowToRegisterContract(
  row: ValidContractRow,
  ids: { readonly contractId: ContractId; readonly holderId?: OrganisationId },
  now: string,
): RegisterContract {
  const holderId = row.holder.kind === 'id' ? row.holder.id : ids.holderId;
  if (holderId === undefined) {
    return refuse('CONTRACT_HOLDER_UNRESOLVED', `The holder with ODS code ${row.holder.kind === 'ods' ? row.holder.odsCode : ''} must be resolved to an organisation first.`);
  }
  return {
    type: 'RegisterContract',
    data: {
      contractId: ids.contractId,
      reference: row.reference,
      contractType: row.contractType,
      holderId,
      commissionerId: row.commissionerId,
      region: row.region,
      listSize: row.listSize,
      annualValuePence: row.annualValuePence,
      startDate: row.startDate,
      endDate: row.endDate,
      services: row.services,
      now,
    },
  };
}

function checkHeader(columns: string[]): ImportError[] {
  const errors: ImportError[] = [];
  const at = (column: string, code: string, message: string) => errors.push({ line: 1, column, code, message });
  columns.forEach((column, index) => {
    if (!KNOWN_COLUMNS.includes(column)) {
      at(column, 'CSV_COLUMN_UNKNOWN', `The column "${column}" is not one this import reads (expected: ${KNOWN_COLUMNS.join(', ')}).`);
    } else if (columns.indexOf(column) !== index) {
      at(column, 'CSV_COLUMN_DUPLICATED', `The column "${column}" appears more than once.`);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) at(column, 'CSV_COLUMN_MISSING', `The column "${column}" is missing.`);
  }
  if (!HOLDER_COLUMNS.some((column) => columns.includes(column))) {
    at('holder_id', 'CSV_COLUMN_MISSING', 'A column "holder_id" or "holder_ods_code" is needed to name each holder.');
  }
  return errors;
}

interface RowResult {
  readonly reference: string;
  readonly row: ValidContractRow | null;
  readonly errors: ImportError[];
}

function readRow(record: CsvRecord, columns: string[], known: ReadonlySet<string> | undefined): RowResult {
  const cell = (column: string): string => {
    const index = columns.indexOf(column);
    return index < 0 ? '' : record.fields[index]!.trim();
  };
  const errors: ImportError[] = [];
  const faulty = new Set<string>();
  const report = (column: string, code: string, message: string) => {
    if (faulty.has(column)) return; // one error per cell: the first one explains it
    faulty.add(column);
    errors.push({ line: record.line, column, code, message });
  };

  const holderIdCell = cell('holder_id');
  const odsCell = cell('holder_ods_code').toUpperCase();
  if (holderIdCell !== '' && odsCell !== '') {
    report('holder_id', 'CSV_HOLDER_AMBIGUOUS', 'Fill either holder_id or holder_ods_code in a row, not both.');
  }
  const holderColumn = holderIdCell === '' && odsCell !== '' ? 'holder_ods_code' : 'holder_id';

  const listSizeCell = cell('list_size');
  if (!/^\d+$/.test(listSizeCell)) report('list_size', 'CONTRACT_LIST_SIZE_INVALID', 'The list size must be a whole number of patients, e.g. 8250.');
  const annualValuePence = poundsToPence(cell('annual_value'));
  if (annualValuePence === null) {
    report('annual_value', 'CONTRACT_VALUE_INVALID', 'The annual value must be in pounds with up to two decimals, e.g. 1250000.50.');
  }
  const contractType = CONTRACT_TYPES.find((type) => type.toLowerCase() === cell('contract_type').toLowerCase());

  const terms: ContractTerms = {
    reference: cell('reference'),
    contractType: contractType ?? (cell('contract_type') as ContractType), // an unknown type is reported by the terms rules
    holderId: (holderIdCell || odsCell) as OrganisationId,
    commissionerId: cell('commissioner_id') as OrganisationId,
    region: cell('region'),
    listSize: Number(listSizeCell),
    annualValuePence: annualValuePence ?? Number.NaN,
    startDate: cell('start_date'),
    endDate: cell('end_date'),
    services: [...new Set(cell('services').split(';').map((s) => s.trim()).filter((s) => s !== ''))],
  };
  const columnOf: Record<TermsField, string> = {
    reference: 'reference',
    contractType: 'contract_type',
    holderId: holderColumn,
    commissionerId: 'commissioner_id',
    region: 'region',
    listSize: 'list_size',
    annualValuePence: 'annual_value',
    startDate: 'start_date',
    endDate: 'end_date',
    services: 'services',
  };
  for (const problem of termsProblems(terms)) report(columnOf[problem.field], problem.code, problem.message);

  if (known) {
    if (holderColumn === 'holder_id' && holderIdCell !== '' && !known.has(holderIdCell)) {
      report('holder_id', 'CONTRACT_HOLDER_UNKNOWN', `No organisation with id ${holderIdCell} is registered.`);
    }
    if (terms.commissionerId !== '' && !known.has(terms.commissionerId)) {
      report('commissioner_id', 'CONTRACT_COMMISSIONER_UNKNOWN', `No organisation with id ${terms.commissionerId} is registered.`);
    }
  }

  if (errors.length > 0 || !contractType) return { reference: terms.reference, row: null, errors };
  return {
    reference: terms.reference,
    errors,
    row: {
      line: record.line,
      reference: terms.reference,
      contractType,
      holder: holderIdCell !== '' ? { kind: 'id', id: terms.holderId } : { kind: 'ods', odsCode: odsCell },
      commissionerId: terms.commissionerId,
      region: terms.region,
      listSize: terms.listSize,
      annualValuePence: terms.annualValuePence,
      startDate: terms.startDate,
      endDate: terms.endDate,
      services: [...(terms.services ?? [])],
    },
  };
}

/** "1250000.50" → 125000050. String arithmetic, so no binary fraction creeps into money. */
export function poundsToPence(text: string): number | null {
  // Spreadsheets export thousands separators ("1,250,000.50"): accept them only in their proper places.
  const match = /^£?(\d{1,13}|\d{1,3}(?:,\d{3}){1,4})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function withSyntaxError(errors: ImportError[], error: ImportError | null): ImportError[] {
  return error ? [...errors, error].sort((a, b) => a.line - b.line) : errors;
}
