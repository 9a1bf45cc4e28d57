/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes (which may hold
 * commas, line breaks and doubled quotes), records ending in CRLF or LF. A leading byte-order
 * mark is dropped (spreadsheets write one) and so are blank lines. Spaces around a quoted field
 * are tolerated. Dependency-free so that it can live in the pure domain.
 */
export interface CsvRecord {
  /** The physical line the record starts on, counting from 1 (a quoted line break makes records span lines). */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvSyntaxError {
  readonly line: number;
  readonly code: 'CSV_QUOTE_UNTERMINATED' | 'CSV_QUOTE_MISPLACED';
  readonly message: string;
}

/** On a syntax error reading stops there (nothing after it can be trusted); the records before it are kept. */
export interface CsvParseResult {
  readonly records: CsvRecord[];
  readonly error: CsvSyntaxError | null;
}

export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let wasQuoted = false; // the current field opened with a quote: after the closing one only spaces may follow
  let line = 1;
  let recordLine = 1;
  const misplaced = (): CsvParseResult => ({
    records,
    error: {
      line,
      code: 'CSV_QUOTE_MISPLACED',
      message: 'A double quote may only open a field or, doubled, stand inside a quoted field.',
    },
  });
  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !wasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (inQuotes) {
      if (ch === '"' && next === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n' || (ch === '\r' && next !== '\n')) line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && next === '\n') i++;
      line++;
      recordLine = line;
    } else if (ch === '"') {
      if (wasQuoted || field.trim() !== '') return misplaced();
      field = '';
      inQuotes = true;
      wasQuoted = true;
    } else if (wasQuoted) {
      if (ch.trim() !== '') return misplaced();
    } else {
      field += ch;
    }
    i++;
  }
  if (inQuotes) {
    return { records, error: { line: recordLine, code: 'CSV_QUOTE_UNTERMINATED', message: 'A quoted field is never closed.' } };
  }
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return { records, error: null };
}
