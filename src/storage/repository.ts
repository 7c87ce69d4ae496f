/**
 * The budget repository: stores a version of a document (canonical JSON plus its normalised rows,
 * amounts, project forms, cost lines, quarter plans, indicators and findings) and reads it back.
 * Every function takes a drizzle database or transaction, so callers compose them in one transaction.
 */
import { createHash } from 'node:crypto';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { BudgetDocument, Indicator } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import type { Finding, Severity } from '../rules/types.js';
import type { Db } from './connection.js';
import * as s from './schema.js';

/** The largest value of a 4-byte integer column. */
const INT4_MAX = 2_147_483_647;

/** A NUL (PostgreSQL text cannot hold it) or a surrogate without its pair (not UTF-8, and refused by jsonb). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorable(path: string, s: string): FiscusError {
  const m = UNSTORABLE.exec(s)!;
  const what = m[0] === '\u0000' ? 'NUL 字符（\\u0000）' : `不成对的代理项（\\u${m[0].charCodeAt(0).toString(16)}）`;
  const found = JSON.stringify(s.length > 40 ? `${s.slice(Math.max(0, m.index - 20), m.index + 20)}` : s);
  return new FiscusError('INPUT_INVALID', `${path}：应为不含 NUL 字符和不成对代理项的文本，实为 ${found} 中有${what}`, { field: path }, 'Unicode 文本', found);
}

/**
 * Refuses (INPUT_INVALID naming the field) text PostgreSQL cannot store: a NUL, or a lone surrogate
 * (a JSON escape such as "\ud800" parses to one). Checked before writing, not left to a 500.
 */
export function checkStorableText(fields: Record<string, unknown>): void {
  for (const [path, v] of Object.entries(fields)) if (typeof v === 'string' && UNSTORABLE.test(v)) throw unstorable(path, v);
}

/**
 * Walks a document's strings and the integers that go into 4-byte columns; INPUT_INVALID at the first that cannot be stored.
 * `json`, the document's JSON.stringify when the caller has it, spares the walk of the strings when it
 * holds no `\u` escape: JSON.stringify writes every NUL and lone surrogate as one.
 */
export function checkStorable(doc: BudgetDocument, json?: string): void {
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) throw unstorable(path, v);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) throw unstorable(`${path}.${k}`, k);
        walk(x, path ? `${path}.${k}` : k);
      }
    }
  };
  if (json === undefined || json.includes('\\u')) walk(doc, '');
  const int4 = (n: number | null | undefined, path: string) => {
    if (n !== null && n !== undefined && (n > INT4_MAX || n < -INT4_MAX - 1)) {
      throw new FiscusError('INPUT_INVALID', `${path}：应为 ±${INT4_MAX} 以内的整数，实为 ${n}`, { field: path }, `±${INT4_MAX} 以内的整数`, String(n));
    }
  };
  doc.tables.forEach((t, i) => {
    int4(t.no, `tables[${i}].no`);
    t.rows.forEach((r, j) => int4(r.level, `tables[${i}].rows[${j}].level`));
  });
  doc.projectForms.forEach((f, i) => f.costLines.forEach((l, j) => int4(l.no, `projectForms[${i}].costLines[${j}].no`)));
}

/**
 * A PostgreSQL "data exception" (SQLSTATE class 22: a value out of range, text it cannot encode, an
 * impossible date) raised by a write, as INPUT_INVALID (422); anything else is returned unchanged.
 * The checks above catch the known cases with a better message; this keeps the rest from being a 500.
 */
export function asInputError(e: unknown): unknown {
  if (e instanceof FiscusError) return e;
  for (let c: unknown = e, depth = 0; c && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) {
      return new FiscusError('INPUT_INVALID', `应为数据库能存储的值，实为：${(c as Error).message}`, {}, undefined, undefined);
    }
  }
  return e;
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(db: Db, q: SQL): Promise<T[]> {
  const r = (await db.execute(q)) as { rows: T[] };
  return r.rows;
}

/** A bigint/numeric column as a safe integer (pg returns int8 and sums as strings). */
export function num(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isSafeInteger(n)) throw new TypeError(`not a safe integer from the database: ${String(v)}`);
  return n;
}

/** A nullable bigint/integer column. */
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

/** A nullable text column (a number or date as String prints it; an object, never expected, as its JSON). */
export function textOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof Date) return String(v);
  return JSON.stringify(v);
}

/** The finding counts stored on a version row. */
const countsOfRow = (x: Record<string, unknown>): Record<Severity, number> => ({ error: num(x.n_error), warning: num(x.n_warning), info: num(x.n_info) });

/**
 * Inserts rows into a table as one JSON value read by jsonb_to_recordset, instead of a VALUES list with
 * a parameter per field: drizzle builds that query and the driver binds each value in JavaScript, most of
 * the time an edit spends storing a document's thousands of rows (and PGlite runs it on the server's
 * thread). The columns are the table's (drizzle's schema), named and typed as declared; a field a row
 * leaves out is NULL.
 */
async function insertRows<T extends PgTable>(db: Db, table: T, values: T['$inferInsert'][]): Promise<void> {
  if (!values.length) return;
  const keys = new Set(values.flatMap((v) => Object.keys(v)));
  const cols = Object.entries(getTableColumns(table)).filter(([k]) => keys.has(k));
  const json = JSON.stringify(values.map((v) => Object.fromEntries(cols.map(([k, c]) => [c.name, (v as Record<string, unknown>)[k] ?? null]))));
  const names = sql.raw(cols.map(([, c]) => `"${c.name}"`).join(', '));
  const types = sql.raw(cols.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  await db.execute(sql`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset(${json}::jsonb) AS x(${types})`);
}

function countsOf(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The canonical JSON text of a document and its sha256. */
export function canonical(doc: BudgetDocument): { json: string; sha256: string } {
  const json = JSON.stringify(doc);
  return { json, sha256: createHash('sha256').update(json).digest('hex') };
}

export interface StoreVersionInput {
  doc: BudgetDocument;
  findings: Finding[];
  author: string | null;
  note: string | null;
  /**
   * For edits: the document id and the version the edit was based on. The store is refused with
   * CONFLICT unless that version is still the latest.
   */
  edit?: { documentId: number; baseVersion: number };
}

export interface StoredRef {
  documentId: number;
  n: number;
  created: boolean;
  /** Findings of the stored version by severity. */
  counts: Record<Severity, number>;
}

/** The refusal of an edit based on a version that is no longer the latest. */
function staleEdit(edit: { documentId: number; baseVersion: number }, latest: number): FiscusError {
  return new FiscusError('CONFLICT', `预算 ${edit.documentId} 已有更新的版本 ${latest}，本次修改基于版本 ${edit.baseVersion}；请在最新版本上重新修改`);
}

/**
 * Refuses at once (CONFLICT, as storeVersion would) an edit whose base is older than the latest version,
 * before its base is loaded and its checks are run: a read, without a lock (a version once superseded
 * stays so), so storeVersion still decides in its transaction. An unknown document, and a base beyond the
 * latest (no such version), are left to the caller's reading of the base (NOT_FOUND).
 */
export async function refuseStaleEdit(db: Db, edit: { documentId: number; baseVersion: number }): Promise<void> {
  const [d] = await rows<{ latest_version: unknown }>(db, sql`SELECT latest_version FROM documents WHERE id = ${edit.documentId}`);
  if (d && num(d.latest_version) > edit.baseVersion) throw staleEdit(edit, num(d.latest_version));
}

/**
 * Stores a new version. Without `edit` the document is found (or created) by unit × year × kind.
 * Call inside a transaction: it reads and writes several tables.
 */
export async function storeVersion(db: Db, input: StoreVersionInput): Promise<StoredRef> {
  const { doc, findings } = input;
  const { json, sha256 } = canonical(doc);
  checkStorable(doc, json);
  const now = new Date().toISOString();
  let documentId: number;
  let latest: number;
  let created = false;
  if (input.edit) {
    const [d] = await rows<{ latest_version: unknown }>(db, sql`SELECT latest_version FROM documents WHERE id = ${input.edit.documentId} FOR UPDATE`);
    if (!d) throw new FiscusError('NOT_FOUND', `预算 ${input.edit.documentId} 不存在`);
    latest = num(d.latest_version);
    if (latest !== input.edit.baseVersion) throw staleEdit(input.edit, latest);
    documentId = input.edit.documentId;
  } else {
    const [u] = await rows<{ id: unknown }>(db, sql`INSERT INTO units (name) VALUES (${doc.unit.name}) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`);
    const unitId = num(u!.id);
    const ins = await rows<{ id: unknown }>(
      db,
      sql`INSERT INTO documents (unit_id, year, kind, profile, title, latest_version, created_at, updated_at)
          VALUES (${unitId}, ${doc.year}, ${doc.kind}, ${doc.profile}, ${doc.title?.text ?? null}, 0, ${now}, ${now})
          ON CONFLICT (unit_id, year, kind) DO NOTHING RETURNING id`,
    );
    created = ins.length === 1;
    const [d] = await rows<{ id: unknown; latest_version: unknown }>(
      db,
      sql`SELECT id, latest_version FROM documents WHERE unit_id = ${unitId} AND year = ${doc.year} AND kind = ${doc.kind} FOR UPDATE`,
    );
    documentId = num(d!.id);
    latest = num(d!.latest_version);
  }
  const n = latest + 1;
  const counts = countsOf(findings);
  const [v] = await db
    .insert(s.versions)
    .values({
      documentId,
      n,
      createdAt: now,
      author: input.author,
      note: input.note,
      baseVersion: input.edit?.baseVersion ?? null,
      doc: sql`${json}::jsonb`,
      sha256,
      nError: counts.error,
      nWarning: counts.warning,
      nInfo: counts.info,
    })
    .returning({ id: s.versions.id });
  const versionId = v!.id;
  await insertNormalised(db, versionId, doc, findings);
  await db.execute(sql`UPDATE documents SET latest_version = ${n}, updated_at = ${now}, profile = ${doc.profile}, title = ${doc.title?.text ?? null} WHERE id = ${documentId}`);
  return { documentId, n, created, counts };
}

function indicatorRow(versionId: number, owner: 'form' | 'department', formIdx: number, idx: number, i: Indicator) {
  return {
    versionId,
    owner,
    formIdx,
    idx,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    comparator: i.comparator,
    value: i.value,
    unit: i.unit,
    qualitative: i.qualitative,
    notApplicable: i.notApplicable,
  };
}

async function insertNormalised(db: Db, versionId: number, doc: BudgetDocument, findings: Finding[]): Promise<void> {
  const rowValues: (typeof s.tableRows.$inferInsert)[] = [];
  const amountValues: (typeof s.amounts.$inferInsert)[] = [];
  doc.tables.forEach((t, tableIdx) => {
    t.rows.forEach((r, ord) => {
      rowValues.push({
        versionId,
        tableIdx,
        tableNo: t.no,
        role: t.role,
        ord,
        rowId: r.id,
        side: r.side ?? null,
        kind: r.kind,
        code: r.code ?? null,
        codeSystem: r.codeSystem ?? null,
        level: r.level,
        parent: r.parent ?? null,
        label: r.label,
        unit: r.unit ?? null,
      });
      for (const [columnKey, m] of Object.entries(r.amounts)) {
        if (m) amountValues.push({ versionId, tableIdx, tableNo: t.no, ord, rowId: r.id, columnKey, fen: m.fen });
      }
    });
  });
  await insertRows(db, s.tableRows, rowValues);
  await insertRows(db, s.amounts, amountValues);

  const projectValues: (typeof s.projects.$inferInsert)[] = [];
  const lineValues: (typeof s.costLines.$inferInsert)[] = [];
  const planValues: (typeof s.quarterPlans.$inferInsert)[] = [];
  const indicatorValues: ReturnType<typeof indicatorRow>[] = [];
  doc.projectForms.forEach((f, formIdx) => {
    const a = f.amounts;
    projectValues.push({
      versionId,
      formIdx,
      formId: f.id,
      name: f.name,
      parentProject: f.parentProject,
      total: a.total?.fen ?? null,
      currentYear: a.currentYear?.fen ?? null,
      fiscal: a.fiscal?.fen ?? null,
      other: a.other?.fen ?? null,
      transfer: a.transfer?.fen ?? null,
      purchasedServices: a.purchasedServices?.fen ?? null,
    });
    f.costLines.forEach((l, lineIdx) =>
      lineValues.push({
        versionId,
        formIdx,
        lineIdx,
        no: l.no,
        label: l.label,
        text: l.text,
        amount: l.amount?.fen ?? null,
        quantity: l.quantity ?? null,
        quantityUnit: l.quantityUnit ?? null,
        unitPrice: l.unitPrice?.fen ?? null,
      }),
    );
    f.disbursement.forEach((q, idx) => planValues.push({ versionId, formIdx, idx, quarter: q.quarter, amount: q.amount.fen }));
    f.indicators.forEach((i, idx) => indicatorValues.push(indicatorRow(versionId, 'form', formIdx, idx, i)));
  });
  doc.departmentTargets?.indicators.forEach((i, idx) => indicatorValues.push(indicatorRow(versionId, 'department', -1, idx, i)));
  await insertRows(db, s.projects, projectValues);
  await insertRows(db, s.costLines, lineValues);
  await insertRows(db, s.quarterPlans, planValues);
  await insertRows(db, s.indicators, indicatorValues);
  await insertRows(
    db,
    s.findings,
    findings.map((f, idx) => ({
      versionId,
      idx,
      rule: f.rule,
      severity: f.severity,
      category: f.category,
      title: f.title,
      message: f.message,
      location: f.location,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      unit: f.unit,
    })),
  );
}

export interface BudgetRecord {
  id: number;
  unitName: string;
  year: number;
  kind: string;
  profile: string;
  title: string | null;
  latestVersion: number;
  /** The latest version's row id and the sha256 of its canonical JSON. */
  latestVersionId: number;
  latestSha256: string;
  counts: Record<Severity, number>;
  updatedAt: string;
  organisationId: number | null;
  organisationName: string | null;
  /** The latest version's state (src/domain/workflow.ts). */
  state: string;
  /** The last published version and when it was published. */
  publishedVersion: number | null;
  publishedAt: string | null;
}

/** A timestamp column as an ISO string in UTC, the same from both drivers. */
export const ISO = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The organisation a budget belongs to: the one it was imported for, else the organisation named like
 * its unit (so that budgets loaded before the tree existed are adopted by it), else none (null).
 * `d` and `u` are the query's documents and units aliases.
 */
export const EFFECTIVE_ORG = sql.raw(`COALESCE(d.organisation_id, (SELECT o.id FROM organisations o WHERE o.name = u.name))`);

/** Budgets with their latest version's finding counts; one budget when `id` is given. */
/** Whether the database holds any budget (a document with its latest version): one cheap statement, however many there are. */
export async function anyBudget(db: Db): Promise<boolean> {
  const [r] = await rows<{ present: unknown }>(db, sql`SELECT EXISTS (SELECT 1 FROM documents d JOIN versions v ON v.document_id = d.id AND v.n = d.latest_version) AS present`);
  return r?.present === true;
}

export async function selectBudgets(db: Db, id?: number): Promise<BudgetRecord[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT d.id, u.name AS unit_name, d.year, d.kind, d.profile, d.title, d.latest_version, v.id AS version_id, v.sha256,
               v.n_error, v.n_warning, v.n_info, ${ISO('d.updated_at')} AS updated_at,
               x.org AS organisation_id, (SELECT o.name FROM organisations o WHERE o.id = x.org) AS organisation_name, v.state,
               p.n AS published_version, ${ISO('p.published_at')} AS published_at
        FROM documents d JOIN units u ON u.id = d.unit_id
        JOIN versions v ON v.document_id = d.id AND v.n = d.latest_version
        CROSS JOIN LATERAL (SELECT ${EFFECTIVE_ORG} AS org) x
        LEFT JOIN LATERAL (SELECT q.n, q.published_at FROM versions q WHERE q.document_id = d.id AND q.state = 'published' ORDER BY q.n DESC LIMIT 1) p ON true
        ${id === undefined ? sql`` : sql`WHERE d.id = ${id}`}
        ORDER BY d.year DESC, u.name, d.kind`,
  );
  return r.map((x) => ({
    id: num(x.id),
    unitName: String(x.unit_name),
    year: num(x.year),
    kind: String(x.kind),
    profile: String(x.profile),
    title: textOrNull(x.title),
    latestVersion: num(x.latest_version),
    latestVersionId: num(x.version_id),
    latestSha256: String(x.sha256),
    counts: countsOfRow(x),
    updatedAt: String(x.updated_at),
    organisationId: numOrNull(x.organisation_id),
    organisationName: textOrNull(x.organisation_name),
    state: String(x.state),
    publishedVersion: numOrNull(x.published_version),
    publishedAt: textOrNull(x.published_at),
  }));
}

export interface VersionRecord {
  n: number;
  createdAt: string;
  author: string | null;
  note: string | null;
  baseVersion: number | null;
  sha256: string;
  counts: Record<Severity, number>;
  state: string;
  publishedAt: string | null;
}

/**
 * Versions of a document, oldest first. One row, the versions as one JSON array, rather than a row per
 * version: a budget edited often has hundreds of versions, and decoding each row's fields (PGlite does
 * it in JavaScript) costs more than one JSON.parse of the array.
 */
export async function selectVersions(db: Db, documentId: number): Promise<VersionRecord[]> {
  const [r] = await rows<{ versions: string }>(
    db,
    sql`SELECT coalesce(json_agg(json_build_object('n', n, 'created_at', ${ISO('created_at')}, 'author', author, 'note', note, 'base_version', base_version, 'sha256', sha256,
                                                   'n_error', n_error, 'n_warning', n_warning, 'n_info', n_info, 'state', state, 'published_at', ${ISO('published_at')}) ORDER BY n), '[]')::text AS versions
        FROM versions WHERE document_id = ${documentId}`,
  );
  return (JSON.parse(r?.versions ?? '[]') as Record<string, unknown>[]).map((x) => ({
    n: num(x.n),
    createdAt: String(x.created_at),
    author: textOrNull(x.author),
    note: textOrNull(x.note),
    baseVersion: numOrNull(x.base_version),
    sha256: String(x.sha256),
    counts: countsOfRow(x),
    state: String(x.state),
    publishedAt: textOrNull(x.published_at),
  }));
}

/**
 * The version row id, number and content hash (sha256 of its canonical JSON) of a document's version
 * (latest when `n` is undefined), or undefined.
 */
export async function findVersion(db: Db, documentId: number, n?: number): Promise<{ versionId: number; n: number; sha256: string } | undefined> {
  const r = await rows<{ id: unknown; n: unknown; sha256: unknown }>(
    db,
    n === undefined
      ? sql`SELECT v.id, v.n, v.sha256 FROM versions v JOIN documents d ON d.id = v.document_id AND v.n = d.latest_version WHERE d.id = ${documentId}`
      : sql`SELECT id, n, sha256 FROM versions WHERE document_id = ${documentId} AND n = ${n}`,
  );
  const x = r[0];
  return x ? { versionId: num(x.id), n: num(x.n), sha256: String(x.sha256) } : undefined;
}

/** The canonical JSON of a version as stored (jsonb, so key order is not kept; content is). */
export async function selectDocumentJson(db: Db, versionId: number): Promise<unknown> {
  // ::text then JSON.parse: both drivers then hand back the same plain object.
  const [x] = await rows<{ doc: string }>(db, sql`SELECT doc::text AS doc FROM versions WHERE id = ${versionId}`);
  return x ? JSON.parse(x.doc) : undefined;
}

/** The findings of a version in the order the engine reported them. */
export async function selectFindings(db: Db, versionId: number): Promise<Finding[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`SELECT rule, severity, category, title, message, location::text AS location, expected, actual, difference, unit
        FROM findings WHERE version_id = ${versionId} ORDER BY idx`,
  );
  return r.map((x) => ({
    rule: String(x.rule),
    severity: x.severity as Severity,
    category: x.category as Finding['category'],
    title: String(x.title),
    message: String(x.message),
    location: JSON.parse(String(x.location)) as Finding['location'],
    expected: textOrNull(x.expected),
    actual: textOrNull(x.actual),
    difference: textOrNull(x.difference),
    unit: textOrNull(x.unit),
  }));
}

export type AggregateBy = 'function' | 'econ' | 'department' | 'unit' | 'project' | 'year';

export interface AggregateFilter {
  by: AggregateBy;
  /** For function: 1 类 (3 digits), 2 款 (5), 3 项 (7); for econ: 1 类 (3), 2 款 (5). Default 1. */
  level?: number;
  year?: number;
  /** Document kind as stored (部门预算, 单位预算, 部门决算, 单位决算). */
  kind?: string;
  unitName?: string;
  /** The 主管部门 (organisation id): budgets of the department itself and of its units. */
  departmentId?: number;
  /** Also list the ids of the documents each row adds. */
  withIds?: boolean;
}

/** One aggregate row: one year, one document kind, one group of the dimension. */
export interface AggregateRecord {
  year: number;
  kind: string;
  /** How many documents (latest versions) the row adds. */
  documents: number;
  /** Their ids, ascending (only when asked). */
  documentIds?: number[];
  /** Classification code (function, econ: the code at the asked level), else null. */
  code: string | null;
  /** The row label printed at that code, the project, unit or department name; null when no document prints one. */
  name: string | null;
  level: number | null;
  /** The 主管部门 (department) or the unit's organisation (unit) when the tree knows it. */
  organisationId: number | null;
  fen: number;
}

/** Code lengths of the classification levels. */
export const CODE_LENGTHS: Record<'function' | 'econ', readonly number[]> = { function: [3, 5, 7], econ: [3, 5] };

const SOURCE = {
  function: { role: 'general-budget-function', codeSystem: 'function' },
  econ: { role: 'basic-expenditure-economic', codeSystem: 'econ' },
  project: { role: 'project-expenditure', codeSystem: 'project' },
} as const;

/**
 * The latest version of every document matching the filter, with its effective organisation (the one it
 * was imported for, else the one named like its unit) and that organisation's 主管部门 (itself unless it
 * is a 所属单位), and the first table of `role` in it. Materialised by the callers: a few thousand rows,
 * joined once, so that the planner walks each document's table through the primary key and the
 * amounts_total index rather than re-joining units per row.
 */
function latestDocs(f: AggregateFilter, role: string): SQL {
  const where: SQL[] = [sql`TRUE`];
  if (f.year !== undefined) where.push(sql`d.year = ${f.year}`);
  if (f.kind !== undefined) where.push(sql`d.kind = ${f.kind}`);
  if (f.unitName !== undefined) where.push(sql`u.name = ${f.unitName}`);
  const inner = sql`SELECT d.id AS document_id, d.year, d.kind, v.id AS version_id, u.name AS unit_name,
                           ${EFFECTIVE_ORG} AS org_id,
                           (SELECT min(t.table_idx) FROM table_rows t WHERE t.version_id = v.id AND t.role = ${role}) AS table_idx
                    FROM documents d
                    JOIN units u ON u.id = d.unit_id
                    JOIN versions v ON v.document_id = d.id AND v.n = d.latest_version
                    WHERE ${sql.join(where, sql` AND `)}`;
  const dept = f.departmentId !== undefined ? sql`WHERE (CASE WHEN o.kind = 'unit' THEN o.parent_id ELSE o.id END) = ${f.departmentId}` : sql``;
  return sql`SELECT x.*, (CASE WHEN o.kind = 'unit' THEN o.parent_id ELSE o.id END) AS dept_id
             FROM (${inner}) x LEFT JOIN organisations o ON o.id = x.org_id ${dept}`;
}

/**
 * The classified rows a level adds, per document: of the first table of the role, the `total` column of
 * the rows whose code is the shortest at least `len` digits long under each `len`-digit prefix. A
 * document printing 类 rows gives them; one printing only 项 rows (many do) gives those, added up by
 * their 类; parents and their children are never both added.
 */
function classRows(system: 'function' | 'econ', len: number): SQL {
  const src = SOURCE[system];
  return sql`SELECT y.*
    FROM (SELECT dc.document_id, dc.year, dc.kind, dc.unit_name, dc.org_id, dc.dept_id, left(r.code, ${len}) AS prefix,
                 length(r.code) AS len, r.label, am.fen,
                 min(length(r.code)) OVER (PARTITION BY dc.version_id, left(r.code, ${len})) AS shortest
          FROM docs dc
          JOIN table_rows r ON r.version_id = dc.version_id AND r.table_idx = dc.table_idx
          JOIN amounts am ON am.version_id = r.version_id AND am.table_idx = r.table_idx AND am.ord = r.ord AND am.column_key = 'total'
          WHERE r.role = ${src.role} AND r.code_system = ${src.codeSystem} AND r.code IS NOT NULL AND length(r.code) >= ${len}) y
    WHERE y.len = y.shortest`;
}

/**
 * Sums over the latest version of every matching document, one row per year × document kind × group:
 * budgets and final accounts, and different years, are never added together. By function class (the
 * 一般公共预算支出 function table, `total`) or economic class (the basic-expenditure economic table) at a
 * level; by 主管部门, unit or year (the function table's 类 rows: its 一般公共预算支出 total); by project
 * (the project table's items).
 */
export async function aggregate(db: Db, f: AggregateFilter): Promise<AggregateRecord[]> {
  const classed = f.by === 'function' || f.by === 'econ';
  const lengths = classed ? CODE_LENGTHS[f.by as 'function' | 'econ'] : [3];
  const level = f.level ?? 1;
  const len = lengths[level - 1];
  if (len === undefined) {
    throw new FiscusError('INPUT_INVALID', `按 ${f.by} 汇总的级次应为 1–${lengths.length}，实为 ${level}`, { field: 'level' }, `1–${lengths.length}`, String(level));
  }
  const ids = f.withIds ? sql`array_agg(DISTINCT s.document_id ORDER BY s.document_id)::text` : sql`NULL`;
  let q: SQL;
  if (f.by === 'project') {
    q = sql`WITH docs AS MATERIALIZED (${latestDocs(f, SOURCE.project.role)}),
      s AS (SELECT dc.document_id, dc.year, dc.kind, r.label, am.fen
            FROM docs dc
            JOIN table_rows r ON r.version_id = dc.version_id AND r.table_idx = dc.table_idx
            JOIN amounts am ON am.version_id = r.version_id AND am.table_idx = r.table_idx AND am.ord = r.ord AND am.column_key = 'total'
            WHERE r.role = ${SOURCE.project.role} AND r.kind = 'item')
      SELECT s.year, s.kind, count(DISTINCT s.document_id) AS documents, ${ids} AS ids, NULL AS code, s.label AS name,
             NULL::integer AS level, NULL::integer AS org, sum(s.fen)::text AS fen
      FROM s GROUP BY s.year, s.kind, s.label ORDER BY s.year, s.kind, s.label`;
  } else if (classed) {
    q = sql`WITH docs AS MATERIALIZED (${latestDocs(f, SOURCE[f.by as 'function' | 'econ'].role)}), s AS (${classRows(f.by as 'function' | 'econ', len)})
      SELECT s.year, s.kind, count(DISTINCT s.document_id) AS documents, ${ids} AS ids, s.prefix AS code,
             (array_agg(s.label ORDER BY s.document_id DESC) FILTER (WHERE s.len = ${len}))[1] AS name,
             ${level}::integer AS level, NULL::integer AS org, sum(s.fen)::text AS fen
      FROM s GROUP BY s.year, s.kind, s.prefix ORDER BY s.year, s.kind, s.prefix`;
  } else {
    const group = f.by === 'department' ? sql`s.dept_id` : f.by === 'unit' ? sql`s.unit_name` : null;
    const name = f.by === 'department' ? sql`(SELECT o.name FROM organisations o WHERE o.id = s.dept_id)` : f.by === 'unit' ? sql`s.unit_name` : sql`NULL`;
    const org = f.by === 'department' ? sql`s.dept_id` : f.by === 'unit' ? sql`min(s.org_id)` : sql`NULL::integer`;
    q = sql`WITH docs AS MATERIALIZED (${latestDocs(f, SOURCE.function.role)}), s AS (${classRows('function', 3)})
      SELECT s.year, s.kind, count(DISTINCT s.document_id) AS documents, ${ids} AS ids, NULL AS code, ${name} AS name,
             NULL::integer AS level, ${org} AS org, sum(s.fen)::text AS fen
      FROM s GROUP BY s.year, s.kind${group ? sql`, ${group}` : sql``}
      ORDER BY s.year, s.kind${group ? sql`, ${group}` : sql``}`;
  }
  const r = await rows<Record<string, unknown>>(db, q);
  return r.map((x) => {
    // Sums across budgets of amounts that are each safe may not be: a clear refusal, not a 500.
    const fen = Number(x.fen);
    if (!Number.isSafeInteger(fen)) {
      throw new FiscusError(
        'INPUT_INVALID',
        `按 ${f.by} 汇总的 ${String(x.year)} 年${String(x.kind)} ${String(x.code ?? x.name)} 合计应不超过 ${Number.MAX_SAFE_INTEGER} 分，实为 ${String(x.fen)}；请按年度、单位或主管部门缩小范围`,
        { field: 'by' },
        `不超过 ${Number.MAX_SAFE_INTEGER} 分`,
        String(x.fen),
      );
    }
    const out: AggregateRecord = {
      year: num(x.year),
      kind: String(x.kind),
      documents: num(x.documents),
      code: textOrNull(x.code),
      name: textOrNull(x.name),
      level: numOrNull(x.level),
      organisationId: numOrNull(x.org),
      fen,
    };
    if (f.withIds) out.documentIds = String(x.ids).replace(/[{}]/g, '').split(',').filter(Boolean).map(num);
    return out;
  });
}

/** Row counts of every stored table (for tests and diagnostics). */
export async function countAll(db: Db): Promise<Record<string, number>> {
  const names = ['units', 'documents', 'versions', 'table_rows', 'amounts', 'projects', 'cost_lines', 'quarter_plans', 'indicators', 'findings'];
  const out: Record<string, number> = {};
  for (const n of names) {
    const [x] = await rows<{ c: unknown }>(db, sql.raw(`SELECT count(*) AS c FROM ${n}`));
    out[n] = num(x!.c);
  }
  return out;
}
