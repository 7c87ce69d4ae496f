/**
 * A batch review as a workbook (issue 15): its table (one row per document) and every finding (the
 * columns of the audit CSV), one worksheet each. Text goes in as text cells, never as formulas (a
 * file name or message beginning with `=` stays words); number columns hold numbers.
 */
import type { CsvKind, CsvValue } from '../../domain/csv.js';
import { exceljs } from '../xlsx/exceljs.js';

/** One worksheet: its name, header, how each column is written, and its rows. */
export interface SheetData {
  name: string;
  header: readonly string[];
  kinds: readonly CsvKind[];
  rows: ReadonlyArray<readonly CsvValue[]>;
  /** Column widths in characters (default 14). */
  widths?: readonly number[];
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

function cell(v: CsvValue, kind: CsvKind): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'number' && (typeof v === 'number' ? Number.isFinite(v) : PLAIN_NUMBER.test(v))) return Number(v);
  return String(v);
}

/** The workbook of the given sheets (header row bold and frozen, a filter over each table). */
export async function renderSheetsXlsx(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const ExcelJS = exceljs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fiscus';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.header.map((h, i) => ({ header: h, width: s.widths?.[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v, i) => cell(v, s.kinds[i] ?? 'text')));
    if (s.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.header.length } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
