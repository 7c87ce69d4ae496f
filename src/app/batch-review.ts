/**
 * The reviewer's desk over batch audits (issue 15 item 1): the same batches, queue and results as
 * `POST /api/v1/audits` (batch-audit.ts), seen as a review table: one row per document with its unit,
 * year, kind, coverage, errors, warnings and status; filtered, sorted and searched on the server (so
 * that a page without script and an export give the same rows); each document's findings and
 * original file; the table and all findings as XLSX and CSV. Every server answers from the database.
 */
import { FiscusError } from '../domain/errors.js';
import { csvText, type CsvKind, type CsvValue } from '../domain/csv.js';
import { DocumentKind } from '../domain/model.js';
import { AUDIT_CSV_HEADER, AUDIT_CSV_KINDS, auditCsvHead, auditCsvDocument, auditFindingRecords, renderSheetsXlsx, type AuditEntry, type AuditedDocument } from '../reports/audit/index.js';
import * as repo from '../storage/batch-audit-repo.js';
import { batchAuditStatus, submitBatchAudit, type BatchAuditStatus } from './batch-audit.js';
export { recentBatchAudits } from './batch-audit.js';
import { batchDocumentsOf, type SkippedFile } from './batch-upload.js';
import type { Limits } from './limits.js';
import { failsAt, formatRecall, type FailOn } from './validate.js';
import { connectionOf, type Workspace } from './workspace.js';

export type ReviewStatus = 'pending' | 'unreadable' | 'failing' | 'warnings' | 'passed';

/** The status of a document as the table shows it. */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待检查',
  unreadable: '无法读取',
  failing: '未通过',
  warnings: '通过（有警告）',
  passed: '通过',
};

/** One document of the review table (a pending or unreadable one has no unit, year, kind or counts). */
export interface ReviewRow {
  /** Its index in the batch (upload order, from 0). */
  idx: number;
  file: string;
  status: ReviewStatus;
  unit: string | null;
  year: number | null;
  kind: string | null;
  format: string | null;
  /** Amount recall (held ÷ printed); null when not measurable or not read. */
  recall: number | null;
  /** Tables recognised, and the standard tables of its kind not found. */
  tables: number | null;
  missingTables: number | null;
  error: number | null;
  warning: number | null;
  info: number | null;
  /** Why an unreadable document could not be read (its code and sentence). */
  problem: { code: string; message: string } | null;
}

export const REVIEW_SORTS = ['file', 'errors', 'warnings', 'unit', 'recall'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** What the table shows: filters, search and order (all optional; the default is upload order). */
export interface ReviewQuery {
  kind?: string;
  year?: number;
  /** Only documents with at least one error. */
  hasErrors?: boolean;
  /** Part of the unit's name (or of the file's name, for a document not read). */
  q?: string;
  sort: ReviewSort;
  dir: 'asc' | 'desc';
}

/** The direction a column sorts in when first chosen: most errors and warnings first, lowest recall first, units A→Z. */
export const DEFAULT_DIR: Record<ReviewSort, 'asc' | 'desc'> = { file: 'asc', errors: 'desc', warnings: 'desc', unit: 'asc', recall: 'asc' };

const SORT_LABELS: Record<ReviewSort, string> = { file: '上传顺序', errors: '错误数', warnings: '警告数', unit: '单位', recall: '金额召回率' };

const invalid = (field: string, expected: string, found: string) =>
  new FiscusError('INPUT_INVALID', `查询参数 ${field} 应为${expected}，实为 ${JSON.stringify(found.slice(0, 40))}`, { field }, expected, found.slice(0, 40));

/**
 * The query of a review table from request parameters (`kind`, `year`, `errors=1`, `q`, `sort`,
 * `dir`); empty values mean no filter. INPUT_INVALID naming the parameter for anything else.
 */
export function parseReviewQuery(p: Record<string, string | undefined>): ReviewQuery {
  const sort = p['sort'] || 'file';
  if (!(REVIEW_SORTS as readonly string[]).includes(sort)) throw invalid('sort', `${REVIEW_SORTS.join('、')} 之一`, sort);
  const s = sort as ReviewSort;
  const dir = p['dir'] || DEFAULT_DIR[s];
  if (dir !== 'asc' && dir !== 'desc') throw invalid('dir', ' asc 或 desc', dir);
  const q: ReviewQuery = { sort: s, dir };
  const kind = p['kind'];
  if (kind) {
    if (!DocumentKind.safeParse(kind).success) throw invalid('kind', `${DocumentKind.options.join('、')} 之一`, kind);
    q.kind = kind;
  }
  const year = p['year'];
  if (year) {
    if (!/^\d{4}$/.test(year)) throw invalid('year', '四位年度', year);
    q.year = Number(year);
  }
  const errors = p['errors'];
  if (errors) {
    if (errors !== '1') throw invalid('errors', ' 1（仅显示有错误的文件）', errors);
    q.hasErrors = true;
  }
  const text = (p['q'] ?? '').trim();
  if (text.length > 100) throw invalid('q', '不超过 100 个字的单位名称', text);
  if (text) q.q = text;
  return q;
}

/** The row of a stored result (entry without findings is enough). */
export function reviewRowOf(idx: number, file: string, entry: unknown, failOn: FailOn): ReviewRow {
  const none = { unit: null, year: null, kind: null, format: null, recall: null, tables: null, missingTables: null, error: null, warning: null, info: null, problem: null };
  if (entry === null || entry === undefined) return { idx, file, status: 'pending', ...none };
  const e = entry as AuditEntry;
  if (!e.readable) return { idx, file, status: 'unreadable', ...none, problem: e.error };
  const s = e.summary;
  const status: ReviewStatus = failsAt({ summary: s }, failOn) ? 'failing' : s.error + s.warning > 0 ? 'warnings' : 'passed';
  return {
    idx,
    file,
    status,
    unit: e.unit,
    year: e.year,
    kind: e.kind,
    format: e.format,
    recall: e.coverage.recall,
    tables: e.coverage.tables,
    missingTables: e.coverage.missingTables.length,
    error: s.error,
    warning: s.warning,
    info: s.info,
    problem: null,
  };
}

const zh = new Intl.Collator('zh-CN', { numeric: true });

/** The rows the query keeps, in its order; rows without the sorted value (pending, unreadable) last, ties in upload order. */
export function applyReviewQuery(rows: readonly ReviewRow[], q: ReviewQuery): ReviewRow[] {
  const needle = q.q?.toLowerCase();
  const kept = rows.filter(
    (r) =>
      (q.kind === undefined || r.kind === q.kind) &&
      (q.year === undefined || r.year === q.year) &&
      (!q.hasErrors || (r.error ?? 0) > 0) &&
      (needle === undefined || (r.unit ?? r.file).toLowerCase().includes(needle)),
  );
  const sign = q.dir === 'asc' ? 1 : -1;
  const key = (r: ReviewRow): number | string | null => (q.sort === 'errors' ? r.error : q.sort === 'warnings' ? r.warning : q.sort === 'recall' ? r.recall : q.sort === 'unit' ? r.unit : null);
  return kept.sort((a, b) => {
    if (q.sort !== 'file') {
      const ka = key(a);
      const kb = key(b);
      if (ka === null && kb !== null) return 1;
      if (kb === null && ka !== null) return -1;
      if (ka !== null && kb !== null) {
        const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : zh.compare(String(ka), String(kb));
        if (c !== 0) return sign * c;
      }
      return a.idx - b.idx;
    }
    return sign * (a.idx - b.idx);
  });
}

/** A batch's review table: its status, every row, the rows the query keeps, and the kinds and years present (for the filters). */
export interface ReviewTable {
  status: BatchAuditStatus;
  all: ReviewRow[];
  rows: ReviewRow[];
  query: ReviewQuery;
  kinds: string[];
  years: number[];
  counts: Record<ReviewStatus, number>;
}

/** The review table of a batch (NOT_FOUND when there is none); rows fill in as documents are checked. */
export async function reviewTable(ws: Workspace, batch: string, query: ReviewQuery): Promise<ReviewTable> {
  const status = await batchAuditStatus(ws, batch);
  const results = await repo.selectResultSummaries(connectionOf(ws).db, Number(status.id));
  const all = results.map((r) => reviewRowOf(r.idx, r.name, r.entry, status.failOn));
  const counts: Record<ReviewStatus, number> = { pending: 0, unreadable: 0, failing: 0, warnings: 0, passed: 0 };
  for (const r of all) counts[r.status]++;
  const kinds = [...new Set(all.map((r) => r.kind).filter((k): k is string => k !== null))].sort(zh.compare);
  const years = [...new Set(all.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  return { status, all, rows: applyReviewQuery(all, query), query, kinds, years, counts };
}

/** What an upload of the desk made: the batch's status and the files left out of it. */
export interface ReviewSubmission {
  status: BatchAuditStatus;
  skipped: SkippedFile[];
}

/**
 * Submits the files of the desk's upload (many files, or ZIPs unpacked within the limits) as one batch
 * audit, exactly as `POST /api/v1/audits` does.
 */
export async function submitReview(ws: Workspace, files: readonly repo.BatchDocumentInput[], opts: { createdBy: string | null; failOn?: string; limits: Limits }): Promise<ReviewSubmission> {
  const upload = await batchDocumentsOf(files, opts.limits);
  const status = await submitBatchAudit(ws, upload.documents, { createdBy: opts.createdBy, ...(opts.failOn ? { failOn: opts.failOn } : {}) });
  return { status, skipped: upload.skipped };
}

function docIndex(idx: string): number {
  if (!/^\d{1,6}$/.test(idx)) throw new FiscusError('NOT_FOUND', `本批次没有第 ${idx.slice(0, 20)} 份文件`);
  return Number(idx);
}

/** One document of a batch: its row, its full result (findings included; null while pending), and the batch. */
export async function reviewDocument(ws: Workspace, batch: string, idx: string): Promise<{ status: BatchAuditStatus; row: ReviewRow; entry: AuditEntry | null }> {
  const status = await batchAuditStatus(ws, batch);
  const n = docIndex(idx);
  const d = await repo.selectBatchDocument(connectionOf(ws).db, Number(status.id), n, false);
  if (!d) throw new FiscusError('NOT_FOUND', `批量审核 ${status.id} 没有第 ${n + 1} 份文件`);
  return { status, row: reviewRowOf(d.idx, d.name, d.entry, status.failOn), entry: (d.entry as AuditEntry | null) ?? null };
}

/** The uploaded bytes of one document of a batch, as they were checked. */
export async function reviewSource(ws: Workspace, batch: string, idx: string): Promise<{ name: string; bytes: Uint8Array }> {
  const status = await batchAuditStatus(ws, batch);
  const n = docIndex(idx);
  const d = await repo.selectBatchDocument(connectionOf(ws).db, Number(status.id), n, true);
  if (!d || !d.bytes) throw new FiscusError('NOT_FOUND', `批量审核 ${status.id} 没有第 ${n + 1} 份文件`);
  return { name: d.name, bytes: d.bytes };
}

/** The columns of the review table as exported: header and kind. */
const TABLE_COLUMNS: ReadonlyArray<readonly [string, CsvKind, number]> = [
  ['序号', 'number', 6],
  ['文件', 'text', 40],
  ['单位', 'text', 30],
  ['年度', 'number', 8],
  ['类型', 'text', 10],
  ['状态', 'text', 14],
  ['错误', 'number', 8],
  ['警告', 'number', 8],
  ['提示', 'number', 8],
  ['金额召回率', 'number', 12],
  ['识别表格', 'number', 10],
  ['缺少标准表格', 'number', 12],
  ['无法读取的原因', 'text', 40],
  ['链接', 'text', 40],
];

/** The export's cells of a row (`href`: the link of a document's page). */
function tableRecord(r: ReviewRow, href: (idx: number) => string): CsvValue[] {
  return [
    r.idx + 1,
    r.file,
    r.unit ?? '',
    r.year ?? '',
    r.kind ?? '',
    REVIEW_STATUS_LABELS[r.status],
    r.error ?? '',
    r.warning ?? '',
    r.info ?? '',
    r.recall === null ? '' : formatRecall(r.recall),
    r.tables ?? '',
    r.missingTables ?? '',
    r.problem ? `${r.problem.code}: ${r.problem.message}` : '',
    href(r.idx),
  ];
}

/** Links in an export: each document's page and original file, absolute from `origin`. */
export interface ReviewLinks {
  document: (idx: number) => string;
  source: (idx: number) => string;
}

/** The review table as CSV (BOM, one row per document, in the table's order), escaped against formulas. */
export function reviewTableCsv(t: ReviewTable, links: ReviewLinks): string {
  return (
    '\uFEFF' +
    csvText(
      TABLE_COLUMNS.map(([h]) => h),
      TABLE_COLUMNS.map(([, k]) => k),
      t.rows.map((r) => tableRecord(r, links.document)),
    )
  );
}

/** The full entries of the table's rows, in the table's order (read once, findings included). */
async function entriesOf(ws: Workspace, t: ReviewTable): Promise<{ row: ReviewRow; entry: AuditEntry | null }[]> {
  const full = new Map((await repo.selectResults(connectionOf(ws).db, Number(t.status.id))).map((r) => [r.idx, r.entry as AuditEntry | null]));
  return t.rows.map((row) => ({ row, entry: full.get(row.idx) ?? null }));
}

/** Every finding of the table's documents as CSV: the audit CSV of `fiscus audit` (the same columns and escaping), the links to the original files. */
export async function reviewFindingsCsv(ws: Workspace, t: ReviewTable, links: ReviewLinks): Promise<string> {
  let out = auditCsvHead();
  for (const { row, entry } of await entriesOf(ws, t)) if (entry) out += auditCsvDocument(entry, () => links.source(row.idx));
  return out;
}

/** The table and every finding of its documents as one workbook: 审核总表 and 审核发现. */
export async function reviewXlsx(ws: Workspace, t: ReviewTable, links: ReviewLinks): Promise<Uint8Array> {
  const findings: CsvValue[][] = [];
  for (const { row, entry } of await entriesOf(ws, t)) if (entry) findings.push(...auditFindingRecords(entry, () => links.source(row.idx)));
  return renderSheetsXlsx([
    {
      name: '审核总表',
      header: TABLE_COLUMNS.map(([h]) => h),
      kinds: TABLE_COLUMNS.map(([, k]) => k),
      widths: TABLE_COLUMNS.map(([, , w]) => w),
      rows: t.rows.map((r) => tableRecord(r, links.document)),
    },
    {
      name: '审核发现',
      header: AUDIT_CSV_HEADER,
      kinds: AUDIT_CSV_KINDS,
      widths: AUDIT_CSV_HEADER.map((h) => (h === '说明' || h === '标题' ? 50 : h === '文件' || h === '链接' ? 36 : 12)),
      rows: findings,
    },
  ]);
}

/** The query in words, for the page and the export's name ("按错误数从多到少；类型 部门预算"). */
export function describeQuery(q: ReviewQuery): string {
  const parts = [`按${SORT_LABELS[q.sort]}${q.sort === 'file' ? (q.dir === 'asc' ? '' : '（倒序）') : q.dir === 'desc' ? '从多到少' : '从少到多'}`];
  if (q.sort === 'unit') parts[0] = `按单位名称${q.dir === 'asc' ? '升序' : '降序'}`;
  if (q.kind) parts.push(`类型 ${q.kind}`);
  if (q.year) parts.push(`年度 ${q.year}`);
  if (q.hasErrors) parts.push('仅有错误的文件');
  if (q.q) parts.push(`单位含“${q.q}”`);
  return parts.join('；');
}

/** The report entries, for the front doors (which do not import reports/). */
export type { AuditEntry, AuditedDocument };
