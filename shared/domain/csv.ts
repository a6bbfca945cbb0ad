import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula or DDE command (`=`, `+`, `-`, `@`, tab, CR, and their
 * full-width forms, which some spreadsheets fold) is written with a leading apostrophe, which spreadsheets
 * show as text (OWASP "CSV injection"). Numbers stay numbers, so a negative one is still a number.
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}

/**
 * Semicolon-separated with a UTF-8 BOM and CRLF, as German spreadsheet programs expect; every text cell
 * inert, numbers as numbers.
 */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  const body = stringify(
    rows.map((row) => row.map((value) => (typeof value === 'string' ? inertCell(value) : value))),
    {
      delimiter: ';',
      record_delimiter: '\r\n',
      quoted_match: /[\r\n";]/,
      cast: { boolean: (value) => (value ? 'true' : 'false'), number: (value) => String(value) },
    },
  );
  return `\uFEFF${body}`;
}
