/**
 * CSV cells safe to open in a spreadsheet. A text cell beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be read by Excel or LibreOffice as a formula (CSV injection, OWASP): it is
 * written with a leading single quote and quoted. A number column keeps its numbers as numbers, so
 * that `-12.50` in an amount column stays a negative amount; anything else in it is escaped as text.
 */

/** How a column's cells are written: free text (escaped) or numbers (written as they are). */
export type CsvKind = 'text' | 'number';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** One CSV field: escaped against formula injection by its kind, quoted when it must be. */
export function csvField(value: CsvValue, kind: CsvKind = 'text'): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (kind === 'number' && (typeof value === 'number' ? Number.isFinite(value) : PLAIN_NUMBER.test(s))) return s;
  let quote = /[",\r\n]/.test(s);
  if (FORMULA_START.test(s)) {
    s = `'${s}`;
    quote = true;
  }
  return quote ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV text (CRLF after every record) of a header and rows, each column written by its kind
 * (`kinds[i]`; a column without one is text). The header is text.
 */
export function csvText(header: readonly string[], kinds: readonly CsvKind[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const line = (cells: readonly CsvValue[], k: (i: number) => CsvKind) => cells.map((c, i) => csvField(c, k(i))).join(',') + '\r\n';
  let out = line(header, () => 'text');
  for (const r of rows) out += line(r, (i) => kinds[i] ?? 'text');
  return out;
}
