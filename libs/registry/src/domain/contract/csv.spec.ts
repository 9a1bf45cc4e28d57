import { parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields with LF or CRLF line ends, numbering records by their first line', () => {
    expect(parseCsv('a,b\n1,2\r\n3,4\r\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 3, fields: ['3', '4'] },
      ],
      error: null,
    });
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const { records, error } = parseCsv('name,notes\n"Smith, Jones & Partners","said ""hello""\r\nthen left"\nlast,""\n');
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, fields: ['name', 'notes'] },
      { line: 2, fields: ['Smith, Jones & Partners', 'said "hello"\r\nthen left'] },
      { line: 4, fields: ['last', ''] },
    ]);
  });

  it('keeps empty fields, a last line without a line end, and drops a byte-order mark and blank lines', () => {
    expect(parseCsv('\uFEFFa,,c\n\n\n1,2,').records).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 4, fields: ['1', '2', ''] },
    ]);
  });

  it('tolerates spaces around a quoted field', () => {
    expect(parseCsv('a, "b" ,c').records).toEqual([{ line: 1, fields: ['a', 'b', 'c'] }]);
  });

  it('reports an unterminated quote at the line where its record starts', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      records: [{ line: 1, fields: ['a', 'b'] }],
      error: expect.objectContaining({ line: 2, code: 'CSV_QUOTE_UNTERMINATED' }),
    });
  });

  it('reports a quote inside an unquoted field, or text after a closing quote', () => {
    expect(parseCsv('a,b\n1,2"3\n').error).toEqual(expect.objectContaining({ line: 2, code: 'CSV_QUOTE_MISPLACED' }));
    expect(parseCsv('a,b\n1,"2"3\n').error).toEqual(expect.objectContaining({ line: 2, code: 'CSV_QUOTE_MISPLACED' }));
  });
});
