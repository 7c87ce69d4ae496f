/**
 * Open data use case (issue 15 item 5): a document's Fiscal Data Package (a ZIP) and each of its tables
 * as plain CSV, for the command line (`fiscus export`), the API (`export.fdp`, `export.csv`) and the
 * public portal's downloads. What they are: reports/fdp/package.ts and docs/open-data.md.
 */
import type { BudgetDocument } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { fdpZip, tableCsv, tableCsvFileName } from '../reports/fdp/package.js';
import { outlineOf, tableIdOf, tableViewOf } from '../reports/view/index.js';
import type { TableView } from '../reports/view/types.js';
import type { ImportOptions } from './import-document.js';
import { importFileIsolated, parsePool } from './isolation/pool.js';

export const OPEN_DATA_FORMATS = ['fdp', 'csv'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export const OPEN_DATA_TYPES: Record<OpenDataFormat, string> = { fdp: 'application/zip', csv: 'text/csv; charset=utf-8' };

/** A file to hand out: its bytes or text, its media type and the name to save it under. */
export interface OpenDataFile {
  body: string | Uint8Array;
  contentType: string;
  /** A readable name (Chinese), for `filename*`. */
  fileName: string;
}

/** A document's name in file names: unit, year and kind. */
const baseOf = (doc: BudgetDocument) => `${doc.unit.name}-${doc.year}年${doc.kind}`.replace(/[\\/:*?"<>|\s]+/g, '');

const fdpName = (doc: BudgetDocument) => `${baseOf(doc)}-财政数据包.zip`;

/** The document's Fiscal Data Package as a ZIP, made here (the command line). */
export async function fdpFile(doc: BudgetDocument): Promise<OpenDataFile> {
  return { body: await fdpZip(doc), contentType: OPEN_DATA_TYPES.fdp, fileName: fdpName(doc) };
}

/** The document's Fiscal Data Package as a ZIP, made in a parser thread (a server: it takes the CPU). */
export async function fdpFileIsolated(doc: BudgetDocument): Promise<OpenDataFile> {
  return { body: await parsePool().render(doc, null, 'fdp'), contentType: OPEN_DATA_TYPES.fdp, fileName: fdpName(doc) };
}

/** "t1 收支总表、t2 收入总表…": the tables a document offers, for messages. */
export function tableChoices(doc: BudgetDocument): string {
  return doc.tables.length === 0 ? '（本文档没有表格）' : doc.tables.map((t) => `${tableIdOf(doc, t)} ${t.title.text}`).join('、');
}

/**
 * The view of a document's table named by `table`: its id (`t7`) or the number it prints (`7`).
 * NOT_FOUND, naming the document's tables, when it has none such.
 */
export function tableViewNamed(doc: BudgetDocument, table: string): TableView {
  const byId = doc.tables.find((t) => tableIdOf(doc, t) === table);
  const byNo = /^\d{1,3}$/.test(table) ? doc.tables.filter((t) => t.no === Number(table)) : [];
  const t = byId ?? (byNo.length === 1 ? byNo[0] : undefined);
  if (!t) throw new FiscusError('NOT_FOUND', `本文档没有表格 ${JSON.stringify(table.slice(0, 40))}（可选：${tableChoices(doc)}）`, { field: 'table' });
  return tableViewOf(doc, t, outlineOf(doc));
}

/** One table as plain CSV with a byte-order mark (spreadsheets read the Chinese), as the document prints it. */
export function tableCsvFile(doc: BudgetDocument, table: string): OpenDataFile {
  const v = tableViewNamed(doc, table);
  return { body: tableCsv(v, { bom: true }), contentType: OPEN_DATA_TYPES.csv, fileName: `${baseOf(doc)}-${tableCsvFileName(v)}` };
}

export interface ExportOptions {
  format: OpenDataFormat;
  /** For `csv`: the table (id or printed number). */
  table?: string;
  import?: ImportOptions;
}

/**
 * Imports a file (in a parser thread) and exports it: the Fiscal Data Package, or one table as CSV
 * (`table` required: INPUT_INVALID naming the document's tables when it is missing).
 */
export async function exportFile(path: string, opts: ExportOptions): Promise<OpenDataFile> {
  const doc = await importFileIsolated(path, opts.import ?? {});
  if (opts.format === 'fdp') return fdpFile(doc);
  if (opts.table === undefined) {
    throw new FiscusError('INPUT_INVALID', `--format csv 须用 --table 指定一张表格（${tableChoices(doc)}）；全部表格见 --format fdp (expected --table <id> for --format csv, found none)`, {
      file: path,
    });
  }
  return tableCsvFile(doc, opts.table);
}
