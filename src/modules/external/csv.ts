// Reading status imports with csv-parse (RFC 4180: quoted cells with "" escapes, commas and line
// breaks inside quotes, CRLF or LF, a UTF-8 BOM). This file only maps its errors to the record
// that broke, so the import can name the row.
import { CsvError as ParseError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

export class CsvError extends Error {
  constructor(
    /** 1-based record (the header is record 1). */
    public readonly record: number,
    public readonly problem: 'unclosed_quote' | 'text_after_quote' | 'malformed',
  ) {
    super(`CSV record ${record}: ${problem}`);
    this.name = 'CsvError';
  }
}

/** Records as arrays of cells; rows may differ in length (the import checks them one by one). */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (5"寸) is text, as people type it.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    const record = (err as ParseError & { records?: number }).records ?? 0;
    const problem =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'unclosed_quote'
        : err.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'text_after_quote'
          : 'malformed';
    throw new CsvError(record + 1, problem);
  }
}

/** Quotes a cell when it needs it (used by the docs' examples and the property test). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
