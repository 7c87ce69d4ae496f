/**
 * The workspace use cases: import a disclosure into storage (validated, versioned), read budgets
 * back, edit project forms as new versions, compare versions and aggregate across units and years.
 * This is the one place that wires importers, rules and storage for the API, the web app and the CLI.
 */
import { BudgetDocument, ProjectForm as ProjectFormSchema, type CostLine, type DocumentKind, type Indicator, type Profile, type ProjectForm, type Table } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { editForm, type FormEdit } from './form-edit.js';
import type { Finding, Severity } from '../rules/types.js';
import { summarize } from '../rules/summary.js';

/** Findings and their counts, for the front doors (which do not import the rules layer). */
export type { Finding, Severity };
export { summarize };
import { openPglite, openPostgres, type Connection, type Db } from '../storage/connection.js';
import { migrate } from '../storage/migrate.js';
import * as repo from '../storage/repository.js';
import { appendAudit } from '../storage/audit-log-repo.js';
import { claimForOrganisation } from '../storage/workflow-repo.js';
import { isState, type State } from '../domain/workflow.js';
import { codes } from '../domain/classification/index.js';

const asState = (s: string): State => (isState(s) ? s : 'draft');
import { parsePool } from './isolation/pool.js';
import { inReadOnlyRequest, readOnce } from './request-reads.js';

/** Where the workspace keeps its data: a PostgreSQL server (`databaseUrl`) or a PGlite folder. */
export interface WorkspaceOptions {
  /** PGlite data folder; absent (and no `databaseUrl`) means an in-memory PGlite database. */
  dataDir?: string;
  /** `postgres://…` — when given, PostgreSQL through `pg` is used and `dataDir` is ignored. */
  databaseUrl?: string;
}

/** Finding counts by severity. */
export type SeverityCounts = Record<Severity, number>;

/** One budget (a document: unit × year × kind) as listed. */
export interface BudgetSummary {
  /** Stable id of the document (decimal string). */
  id: string;
  unitName: string;
  year: number;
  kind: DocumentKind;
  profile: Profile;
  /** Title as printed, when the document has one. */
  title: string | null;
  latestVersion: number;
  /** Findings of the latest version. */
  findings: SeverityCounts;
  /** ISO timestamp of the latest version. */
  updatedAt: string;
  /** The organisation it belongs to (null: none yet; only the 财政局's reviewers see it). */
  organisationId: number | null;
  organisationName: string | null;
  /** The latest version's state in the approval workflow. */
  state: State;
  /** The last published version (what the public sees) and when it was published. */
  publishedVersion: number | null;
  publishedAt: string | null;
}

/** One stored version of a budget. */
export interface VersionInfo {
  n: number;
  createdAt: string;
  author: string | null;
  note: string | null;
  /** The version this one was edited from (null for imports). */
  baseVersion: number | null;
  /** sha256 of the canonical JSON of this version. */
  sha256: string;
  findings: SeverityCounts;
  state: State;
  publishedAt: string | null;
}

/** A budget with its versions. */
export interface BudgetDetail extends BudgetSummary {
  versions: VersionInfo[];
}

export interface ImportToWorkspaceOptions {
  author?: string;
  profile?: Profile;
  note?: string;
  /** Who the audit log names: the user's login, or 'web' / 'api' / 'cli' / 'system' (absent: 'system'). */
  actor?: string | null;
  /**
   * The importing user's organisation: the budget must be (or becomes) its own; FORBIDDEN when it is
   * another organisation's or the document names another organisation's unit. Absent: an import by
   * the system (CLI, the bundled sample), which belongs to the organisation named like its unit.
   */
  organisationId?: number;
}

/** What an import or an edit produced. */
export interface StoredVersion {
  budgetId: string;
  version: number;
  /** True when the import created the budget, false when it added a version to an existing one. */
  created: boolean;
  findings: SeverityCounts;
}

/**
 * A change to one project form (see `FormEdit`): the provenance of what it submits is decided by
 * `editForm` (app/form-edit.ts), for the web and the API alike.
 */
export type ProjectFormPatch = FormEdit;

/** One changed amount between two versions. */
export interface AmountChange {
  /** JSON-pointer-like path into the document, e.g. `tables[6].rows[r12].amounts.total` or `projectForms[f3].costLines[2].amount`. */
  path: string;
  /** Table number (for table cells), else null. */
  table: number | null;
  /** Project form id (for form amounts), else null. */
  form: string | null;
  /** Row id (tables) or line index / field (forms). */
  row: string | null;
  /** Column key or form field. */
  field: string;
  /** Human label: the row label, cost line label or form name. */
  label: string;
  beforeFen: number | null;
  afterFen: number | null;
  /** after − before, empty counting as zero. */
  differenceFen: number;
}

/** A row, cost line, quarter plan or indicator present in only one version. */
export interface ItemChange {
  what: 'row' | 'costLine' | 'disbursement' | 'indicator' | 'projectForm' | 'fact' | 'task';
  path: string;
  table: number | null;
  form: string | null;
  label: string;
}

export interface VersionDiff {
  budgetId: string;
  from: number;
  to: number;
  amounts: AmountChange[];
  added: ItemChange[];
  removed: ItemChange[];
}

export interface AggregateQuery {
  /**
   * function: the function table's \`total\` by function class; econ: the basic-expenditure economic
   * table's \`total\` by economic class; department (主管部门, through the organisation tree), unit or year:
   * the function table's 类 rows added up (its 一般公共预算支出); project: the project table by project name.
   */
  by: repo.AggregateBy;
  /** function: 1 类, 2 款, 3 项; econ: 1 类, 2 款 (default 1). */
  level?: number;
  year?: number;
  /** 部门预算, 单位预算, 部门决算 or 单位决算. */
  kind?: DocumentKind;
  unitName?: string;
  /** A 主管部门's organisation id: its own budgets and its units'. */
  departmentId?: number;
  /** Also list the ids of the documents each row adds. */
  withIds?: boolean;
}

/**
 * One aggregate line: one year, one document kind and one group, summed in SQL over the latest version of
 * each document it counts. Budgets and final accounts, and different years, are never added together.
 */
export interface AggregateRow {
  year: number;
  kind: DocumentKind;
  /** How many documents the line adds, and (when asked) their budget ids. */
  documents: number;
  documentIds?: string[];
  /** Classification code at the asked level (null for other dimensions). */
  code: string | null;
  /** The label printed at the code (else the national name of the code that year), or the project, unit or 主管部门 name; null when unknown (a budget outside the organisation tree). */
  name: string | null;
  /** Classification level (1 = 类, 2 = 款, 3 = 项) for function and econ. */
  level: number | null;
  /** The 主管部门 (by=department) or the unit's organisation (by=unit), when the tree has one. */
  organisationId: number | null;
  fen: number;
}

/** The workspace: every method is one use case; writes are transactions. */
export interface Workspace {
  /**
   * Imports a file's bytes, validates it and stores it as a new version in one transaction.
   * Re-importing the same unit × year × kind adds a version to the same budget.
   * Throws FiscusError INPUT_UNREADABLE / INPUT_INVALID on bad input (nothing is written).
   */
  importDocument(bytes: Uint8Array, fileName: string, opts?: ImportToWorkspaceOptions): Promise<StoredVersion>;
  /** Stores a document already read and checked (in a parser thread: `parsePool().importChecked`), as importDocument does. */
  importChecked(checked: { doc: BudgetDocument; findings: Finding[] }, fileName: string, opts?: ImportToWorkspaceOptions): Promise<StoredVersion>;
  /** Every budget with its latest version and finding counts, by year (newest first) then unit. */
  listBudgets(): Promise<BudgetSummary[]>;
  /** Whether there is any budget (one cheap statement: `fiscus start` asks at every start). */
  hasBudgets(): Promise<boolean>;
  /** One budget with its versions; NOT_FOUND when absent. */
  getBudget(id: string): Promise<BudgetDetail>;
  /** One budget without its versions (one query, whatever the number of versions); NOT_FOUND when absent. */
  getBudgetSummary(id: string): Promise<BudgetSummary>;
  /** Versions of a budget, oldest first; NOT_FOUND when absent. */
  listVersions(id: string): Promise<VersionInfo[]>;
  /** The canonical document of a version (latest by default); NOT_FOUND when absent. */
  getDocument(id: string, version?: number): Promise<BudgetDocument>;
  /**
   * The same document, kept parsed for the next caller and shared with it: deep-frozen, so read it and
   * build a changed copy rather than change it. For the reads of every request (pages, tables, edits).
   */
  sharedDocument(id: string, version?: number): Promise<BudgetDocument>;
  /** The stored findings of a version (latest by default). */
  getFindings(id: string, version?: number): Promise<Finding[]>;
  /** The tables of a version (latest by default). */
  getTables(id: string, version?: number): Promise<Table[]>;
  /**
   * Applies a patch to one project form as a new version based on `baseVersion`, re-running the rules.
   * CONFLICT (nothing written) when `baseVersion` is not the latest; NOT_FOUND for an unknown form.
   */
  editProjectForm(id: string, baseVersion: number, formId: string, patch: ProjectFormPatch, author?: string, actor?: string | null): Promise<StoredVersion>;
  /** Changed amounts and added/removed items from version `a` to version `b`. */
  diffVersions(id: string, a: number, b: number): Promise<VersionDiff>;
  /** Sums over the latest versions, computed in SQL. */
  aggregate(q: AggregateQuery): Promise<AggregateRow[]>;
  /**
   * Stores `change(base)` as a new version based on `baseVersion`, re-running the rules, with one audit
   * entry (`action`, `detail`): the use case of every edit beside the project forms' (app/edit-document.ts).
   * CONFLICT (nothing written) when `baseVersion` is not the latest; the change throws INPUT_INVALID or
   * NOT_FOUND to refuse it.
   */
  editDocument(
    id: string,
    baseVersion: number,
    change: (base: BudgetDocument) => BudgetDocument,
    meta: { note: string; action: string; detail: Record<string, unknown> },
    author?: string,
    actor?: string | null,
  ): Promise<StoredVersion>;
  /** Closes the database and releases the data folder lock. */
  close(): Promise<void>;
}

/**
 * Opens a workspace on PostgreSQL (`databaseUrl`) or PGlite (`dataDir`, locked exclusively; a second
 * process gets FiscusError LOCKED), applying pending migrations.
 */
export async function openWorkspace(opts: WorkspaceOptions = {}): Promise<Workspace> {
  const conn = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  try {
    await migrate(conn);
  } catch (e) {
    await conn.close();
    throw e;
  }
  return new StoredWorkspace(conn);
}

const connections = new WeakMap<Workspace, Connection>();
const closeHooks = new WeakMap<Workspace, (() => Promise<void>)[]>();

/** Runs `fn` when the workspace closes, before its database (e.g. to stop the job queue that uses it). */
export function onWorkspaceClose(ws: Workspace, fn: () => Promise<void>): void {
  const hooks = closeHooks.get(ws) ?? [];
  hooks.push(fn);
  closeHooks.set(ws, hooks);
}

/** A version to store and the audit entry it appends (its target, version and findings added when stored). */
interface VersionMeta extends Omit<repo.StoreVersionInput, 'doc' | 'findings'> {
  audit: { actor: string | null; action: string; detail: Record<string, unknown> };
}

/** The database connection of a workspace opened here (for use cases in other app modules, e.g. follow.ts). */
export function connectionOf(ws: Workspace): Connection {
  const c = connections.get(ws);
  if (!c) throw new FiscusError('INTERNAL', 'not a stored workspace');
  return c;
}

/**
 * The stored record of budget `documentId` (undefined when there is none), read once for a read-only
 * request (request-reads.ts): its permission check and its answer share the read.
 */
export function budgetRecordOf(ws: Workspace, documentId: number): Promise<repo.BudgetRecord | undefined> {
  const db = connectionOf(ws).db;
  return readOnce(db, `budget:${documentId}`, async () => (await repo.selectBudgets(db, documentId))[0]);
}

/** The largest value of a 4-byte integer column (ids of budgets and versions, version numbers). */
export const INT4_MAX = 2_147_483_647;

/** Whether `n` can be a stored id or version number (a positive 4-byte integer). */
export function isStoredNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= INT4_MAX;
}

/** The database id of a budget id (decimal string); NOT_FOUND when it cannot be one (not a positive 4-byte integer). */
export function documentIdOf(id: string): number {
  const n = /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!isStoredNumber(n)) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
  return n;
}

/**
 * Parsed documents of stored versions, the last few used. A version's document never changes once
 * stored, and each is keyed by its version row's id and sha256 as the database gives them, so the
 * cache is derived: every server process on one database keeps the same answers. Entries are
 * deep-frozen (they are shared by every request that reads them); concurrent reads of one version share
 * one read of the database.
 */
class DocumentCache {
  private readonly map = new Map<string, Promise<BudgetDocument>>();
  constructor(private readonly size = 16) {}

  get(v: { versionId: number; sha256: string }, read: () => Promise<BudgetDocument>): Promise<BudgetDocument> {
    const key = `${v.versionId}:${v.sha256}`;
    let hit = this.map.get(key);
    if (hit) this.map.delete(key);
    else {
      hit = read().then(deepFreeze);
      hit.catch(() => this.map.delete(key));
    }
    this.map.set(key, hit);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return hit;
  }
}

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

class StoredWorkspace implements Workspace {
  private closed = false;
  private readonly documents = new DocumentCache();
  /** The edit running for each budget in this workspace (see `editing`), settled when it ends. */
  private readonly edits = new Map<number, Promise<unknown>>();
  constructor(private readonly conn: Connection) {
    connections.set(this, conn);
  }

  private get db(): Db {
    if (this.closed) throw new FiscusError('INTERNAL', 'workspace is closed');
    return this.conn.db;
  }

  private async version(id: string, n?: number): Promise<{ documentId: number; versionId: number; n: number; sha256: string }> {
    const documentId = documentIdOf(id);
    // A version number beyond a 4-byte integer cannot exist (and would overflow the query).
    if (n !== undefined && !isStoredNumber(n)) throw new FiscusError('NOT_FOUND', `预算 ${id} 没有版本 ${n}`);
    // A read-only request has read the budget's record already (its permission check): that names the latest version.
    const b = inReadOnlyRequest() ? await budgetRecordOf(this, documentId) : undefined;
    const v = b && (n === undefined || n === b.latestVersion) ? { versionId: b.latestVersionId, n: b.latestVersion, sha256: b.latestSha256 } : await repo.findVersion(this.db, documentId, n);
    if (!v) throw new FiscusError('NOT_FOUND', n === undefined ? `预算 ${id} 不存在` : `预算 ${id} 没有版本 ${n}`);
    return { documentId, ...v };
  }

  async importDocument(bytes: Uint8Array, fileName: string, opts: ImportToWorkspaceOptions = {}): Promise<StoredVersion> {
    // Parsed in a thread of the parser pool: a hostile file costs that thread, never this process.
    // Read and checked in a thread of the parser pool: a hostile file costs that thread, never this
    // process, and neither the reading nor the rules hold up other requests.
    return this.importChecked(await parsePool().importChecked(bytes, fileName, opts.profile ? { profile: opts.profile } : {}), fileName, opts);
  }

  async importChecked(checked: { doc: BudgetDocument; findings: Finding[] }, fileName: string, opts: ImportToWorkspaceOptions = {}): Promise<StoredVersion> {
    const { doc, findings } = checked;
    const audit = { actor: opts.actor ?? null, action: 'budget.import', detail: { file: fileName, author: opts.author ?? null } };
    return this.store(doc, { author: opts.author ?? null, note: opts.note ?? `导入 ${fileName}`, audit }, findings, opts.organisationId);
  }

  /**
   * Runs the rules on `doc` (unless a thread has: `checked`) and stores it with its findings as a new version, in one transaction.
   * The rules run in a parser thread (they take the CPU for a tenth of a second on a large document, which
   * would hold up every other request on the server's thread). An edit whose base is already stale never
   * gets here: editProjectForm and editDocument refuse it first (repo.refuseStaleEdit), and the transaction
   * refuses one that became stale meanwhile.
   */
  private async store(doc: BudgetDocument, meta: VersionMeta, checked?: Finding[], organisationId?: number): Promise<StoredVersion> {
    const findings = checked ?? (await parsePool().check(doc));
    const { audit, ...version } = meta;
    // A value the database cannot store that the checks did not name is INPUT_INVALID, not a 500.
    const ref = await this.db
      .transaction(async (tx) => {
        const r = await repo.storeVersion(tx, { doc, findings, ...version });
        if (organisationId !== undefined) await claimForOrganisation(tx, r.documentId, doc.unit.name, r.created, organisationId);
        await appendAudit(tx, { ...audit, target: `budget:${r.documentId}`, detail: { ...audit.detail, version: r.n, created: r.created, findings: r.counts } });
        return r;
      })
      .catch((e: unknown) => {
        throw repo.asInputError(e);
      });
    return { budgetId: String(ref.documentId), version: ref.n, created: ref.created, findings: ref.counts };
  }

  async hasBudgets(): Promise<boolean> {
    return repo.anyBudget(this.db);
  }

  async listBudgets(): Promise<BudgetSummary[]> {
    // Unit names sort by pinyin (zh-CN), which the database collation (often C) does not give.
    const zh = ZH;
    return (await repo.selectBudgets(this.db)).map(toSummary).sort((a, b) => b.year - a.year || zh.compare(a.unitName, b.unitName) || zh.compare(a.kind, b.kind));
  }

  async getBudget(id: string): Promise<BudgetDetail> {
    const documentId = documentIdOf(id);
    // Two queries at once (each a round trip to the database), not one after the other.
    const [b, versions] = await Promise.all([budgetRecordOf(this, documentId), repo.selectVersions(this.db, documentId)]);
    if (!b) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
    return { ...toSummary(b), versions: versions.map(toVersionInfo) };
  }

  async getBudgetSummary(id: string): Promise<BudgetSummary> {
    const b = await budgetRecordOf(this, documentIdOf(id));
    if (!b) throw new FiscusError('NOT_FOUND', `预算 ${id} 不存在`);
    return toSummary(b);
  }

  async listVersions(id: string): Promise<VersionInfo[]> {
    return (await this.getBudget(id)).versions;
  }

  async getDocument(id: string, version?: number): Promise<BudgetDocument> {
    const v = await this.version(id, version);
    return BudgetDocument.parse(await repo.selectDocumentJson(this.db, v.versionId));
  }

  async sharedDocument(id: string, version?: number): Promise<BudgetDocument> {
    const v = await this.version(id, version);
    return this.documents.get(v, async () => BudgetDocument.parse(await repo.selectDocumentJson(this.db, v.versionId)));
  }

  async getFindings(id: string, version?: number): Promise<Finding[]> {
    const v = await this.version(id, version);
    return repo.selectFindings(this.db, v.versionId);
  }

  async getTables(id: string, version?: number): Promise<Table[]> {
    return (await this.sharedDocument(id, version)).tables;
  }

  /**
   * Runs the edits of one budget in this workspace one at a time, each refused (CONFLICT) as soon as its
   * base is not the latest. Of edits on one base only one can be stored; run at once, each ran the rules
   * (tens of ms of CPU) only for all but one to be refused as stale. Here an edit asks for the latest
   * version on arrival and again whenever the edit ahead of it ends (the waiting edits ask at once, not
   * one after another), and runs only when none is running. Only a saving: the database still decides
   * (storeVersion's row lock), whatever other workspaces or processes write meanwhile.
   */
  private async editing<T>(documentId: number, baseVersion: number, edit: () => Promise<T>): Promise<T> {
    for (;;) {
      await repo.refuseStaleEdit(this.db, { documentId, baseVersion });
      const running = this.edits.get(documentId);
      if (!running) break;
      await running;
    }
    const run = edit();
    const settled: Promise<unknown> = run.then(
      () => this.edits.get(documentId) === settled && this.edits.delete(documentId),
      () => this.edits.get(documentId) === settled && this.edits.delete(documentId),
    );
    this.edits.set(documentId, settled);
    return run;
  }

  async editProjectForm(id: string, baseVersion: number, formId: string, patch: ProjectFormPatch, author?: string, actor?: string | null): Promise<StoredVersion> {
    const documentId = documentIdOf(id);
    // A stale edit (409) is refused before its base is read and its checks are run.
    return this.editing(documentId, baseVersion, async () =>
      this.store(applyPatch(await this.sharedDocument(id, baseVersion), formId, patch), {
        author: author ?? null,
        note: `修改项目申报表 ${formId}`,
        edit: { documentId, baseVersion },
        audit: { actor: actor ?? null, action: 'budget.edit', detail: { formId, baseVersion, author: author ?? null } },
      }),
    );
  }

  async editDocument(
    id: string,
    baseVersion: number,
    change: (base: BudgetDocument) => BudgetDocument,
    meta: { note: string; action: string; detail: Record<string, unknown> },
    author?: string,
    actor?: string | null,
  ): Promise<StoredVersion> {
    const documentId = documentIdOf(id);
    return this.editing(documentId, baseVersion, async () => {
      const next = change(await this.getDocument(id, baseVersion));
      return this.store(next, {
        author: author ?? null,
        note: meta.note,
        edit: { documentId, baseVersion },
        audit: { actor: actor ?? null, action: meta.action, detail: { ...meta.detail, baseVersion, author: author ?? null } },
      });
    });
  }

  async diffVersions(id: string, a: number, b: number): Promise<VersionDiff> {
    const [da, db] = await Promise.all([this.getDocument(id, a), this.getDocument(id, b)]);
    return { budgetId: id, from: a, to: b, ...diffDocuments(da, db) };
  }

  async aggregate(q: AggregateQuery): Promise<AggregateRow[]> {
    const system = q.by === 'function' || q.by === 'econ' ? q.by : null;
    return (await repo.aggregate(this.db, q)).map((r) => {
      // A class printed only through its children (many documents print 项 rows only) has no label of its own.
      const name = r.name ?? (system && r.code ? (codes.byCodeIn(system, r.code, r.year)?.name ?? codes.namesOf(system, r.code)[0]?.name ?? null) : null);
      const { documentIds, ...rest } = r;
      return { ...rest, kind: r.kind as DocumentKind, name, ...(documentIds ? { documentIds: documentIds.map(String) } : {}) };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      for (const fn of (closeHooks.get(this) ?? []).reverse()) await fn().catch((e: unknown) => console.warn(`fiscus: closing: ${(e as Error)?.message ?? String(e)}`));
    } finally {
      await this.conn.close();
    }
  }
}

/** The zh-CN collator of listBudgets, made once. */
const ZH = new Intl.Collator('zh-CN');

function toSummary(b: repo.BudgetRecord): BudgetSummary {
  return {
    id: String(b.id),
    unitName: b.unitName,
    year: b.year,
    kind: b.kind as DocumentKind,
    profile: b.profile as Profile,
    title: b.title,
    latestVersion: b.latestVersion,
    findings: b.counts,
    updatedAt: b.updatedAt,
    organisationId: b.organisationId,
    organisationName: b.organisationName,
    state: asState(b.state),
    publishedVersion: b.publishedVersion,
    publishedAt: b.publishedAt,
  };
}

function toVersionInfo(v: repo.VersionRecord): VersionInfo {
  return { n: v.n, createdAt: v.createdAt, author: v.author, note: v.note, baseVersion: v.baseVersion, sha256: v.sha256, findings: v.counts, state: asState(v.state), publishedAt: v.publishedAt };
}

/**
 * The document with one project form changed. Throws NOT_FOUND for an unknown form and
 * INPUT_INVALID (naming the field) when the result is not a valid document.
 */
export function applyPatch(doc: BudgetDocument, formId: string, patch: ProjectFormPatch): BudgetDocument {
  const idx = doc.projectForms.findIndex((f) => f.id === formId);
  const form = doc.projectForms[idx];
  if (!form) throw new FiscusError('NOT_FOUND', `项目申报表 ${formId} 不存在`);
  // Only the changed form is checked: the rest of `doc` is a stored version, already read through the
  // schema (which has no rule across forms), and is kept as it is.
  const r = ProjectFormSchema.safeParse(editForm(form, patch));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.join('.');
    throw new FiscusError('INPUT_INVALID', `项目申报表 ${formId} 的修改无效：${path || '(form)'}: ${issue.message}`, { field: path });
  }
  const forms = doc.projectForms.slice();
  forms[idx] = r.data;
  return { ...doc, projectForms: forms };
}

type Keyed<T> = Map<string, T>;

/** Items keyed by `key(item)`, a repeated key getting `#2`, `#3`… so nothing is dropped. */
function keyed<T>(xs: readonly T[], key: (x: T) => string): Keyed<T> {
  const out = new Map<string, T>();
  for (const x of xs) {
    const k = key(x);
    let kk = k;
    for (let i = 2; out.has(kk); i++) kk = `${k}#${i}`;
    out.set(kk, x);
  }
  return out;
}

/** Changed amounts and added/removed items between two documents (pure; `diffVersions` uses it). */
/** An indicator's identity in a diff; it includes the target, so a changed target shows as removed + added. */
const indicatorKey = (i: Indicator) => `${i.level1}/${i.level2}/${i.name}: ${i.comparator ?? ''}${i.value ?? ''}${i.unit ?? ''}${i.notApplicable ? ' 不适用' : ''}`;

export function diffDocuments(a: BudgetDocument, b: BudgetDocument): Pick<VersionDiff, 'amounts' | 'added' | 'removed'> {
  const amounts: AmountChange[] = [];
  const added: ItemChange[] = [];
  const removed: ItemChange[] = [];
  const change = (c: Omit<AmountChange, 'differenceFen'>) => {
    if (c.beforeFen !== c.afterFen) amounts.push({ ...c, differenceFen: (c.afterFen ?? 0) - (c.beforeFen ?? 0) });
  };
  const onlyIn = <T>(x: Keyed<T>, y: Keyed<T>, into: ItemChange[], item: (k: string, v: T) => ItemChange) => {
    for (const [k, v] of x) if (!y.has(k)) into.push(item(k, v));
  };

  const tableKey = (t: Table) => `${t.no ?? ''}:${t.role}`;
  const ta = keyed(a.tables, tableKey);
  const tb = keyed(b.tables, tableKey);
  for (const [tk, t1] of ta) {
    const t2 = tb.get(tk);
    if (!t2) continue;
    const ra = keyed(t1.rows, (r) => r.id);
    const rb = keyed(t2.rows, (r) => r.id);
    const rowItem =
      (t: Table) =>
      (k: string, r: Table['rows'][number]): ItemChange => ({ what: 'row', path: `tables[${tk}].rows[${k}]`, table: t.no, form: null, label: r.label });
    onlyIn(rb, ra, added, rowItem(t2));
    onlyIn(ra, rb, removed, rowItem(t1));
    for (const [rk, r1] of ra) {
      const r2 = rb.get(rk);
      if (!r2) continue;
      for (const col of new Set([...Object.keys(r1.amounts), ...Object.keys(r2.amounts)])) {
        change({
          path: `tables[${tk}].rows[${rk}].amounts.${col}`,
          table: t2.no,
          form: null,
          row: rk,
          field: col,
          label: r2.label,
          beforeFen: r1.amounts[col]?.fen ?? null,
          afterFen: r2.amounts[col]?.fen ?? null,
        });
      }
    }
  }

  const fa = keyed(a.projectForms, (f) => f.id);
  const fb = keyed(b.projectForms, (f) => f.id);
  const formItem = (k: string, f: ProjectForm): ItemChange => ({ what: 'projectForm', path: `projectForms[${k}]`, table: null, form: f.id, label: f.name });
  onlyIn(fb, fa, added, formItem);
  onlyIn(fa, fb, removed, formItem);
  for (const [fk, f1] of fa) {
    const f2 = fb.get(fk);
    if (!f2) continue;
    const base = `projectForms[${fk}]`;
    for (const field of Object.keys(f2.amounts) as (keyof ProjectForm['amounts'])[]) {
      change({ path: `${base}.amounts.${field}`, table: null, form: fk, row: null, field, label: f2.name, beforeFen: f1.amounts[field]?.fen ?? null, afterFen: f2.amounts[field]?.fen ?? null });
    }
    const la = keyed(f1.costLines, (l) => l.label);
    const lb = keyed(f2.costLines, (l) => l.label);
    const lineItem = (k: string, l: CostLine): ItemChange => ({ what: 'costLine', path: `${base}.costLines[${k}]`, table: null, form: fk, label: l.label });
    onlyIn(lb, la, added, lineItem);
    onlyIn(la, lb, removed, lineItem);
    for (const [lk, l1] of la) {
      const l2 = lb.get(lk);
      if (!l2) continue;
      for (const field of ['amount', 'unitPrice'] as const) {
        change({ path: `${base}.costLines[${lk}].${field}`, table: null, form: fk, row: lk, field, label: l2.label, beforeFen: l1[field]?.fen ?? null, afterFen: l2[field]?.fen ?? null });
      }
    }
    const qa = keyed(f1.disbursement, (q) => `Q${q.quarter}`);
    const qb = keyed(f2.disbursement, (q) => `Q${q.quarter}`);
    const qItem = (k: string): ItemChange => ({ what: 'disbursement', path: `${base}.disbursement[${k}]`, table: null, form: fk, label: k });
    onlyIn(qb, qa, added, qItem);
    onlyIn(qa, qb, removed, qItem);
    for (const [qk, q1] of qa) {
      const q2 = qb.get(qk);
      if (q2) change({ path: `${base}.disbursement[${qk}].amount`, table: null, form: fk, row: qk, field: 'amount', label: `${f2.name} ${qk}`, beforeFen: q1.amount.fen, afterFen: q2.amount.fen });
    }
    const ia = keyed(f1.indicators, indicatorKey);
    const ib = keyed(f2.indicators, indicatorKey);
    const iItem = (k: string, i: Indicator): ItemChange => ({ what: 'indicator', path: `${base}.indicators[${k}]`, table: null, form: fk, label: `${i.name} ${i.raw}` });
    onlyIn(ib, ia, added, iItem);
    onlyIn(ia, ib, removed, iItem);
  }

  // Narrative facts, by semantic key (a repeated key gets "#2", "#3"… in printed order).
  const xa = keyed(a.narrative.facts, (f) => f.key);
  const xb = keyed(b.narrative.facts, (f) => f.key);
  const factValue = (f: BudgetDocument['narrative']['facts'][number]) => [f.count, f.percent, f.text].filter((v) => v !== undefined).join(' ');
  const factItem = (k: string, f: BudgetDocument['narrative']['facts'][number]): ItemChange => ({
    what: 'fact',
    path: `narrative.facts[${k}]`,
    table: null,
    form: null,
    label: `${f.label} ${f.money ? '' : factValue(f)}`.trim(),
  });
  onlyIn(xb, xa, added, factItem);
  onlyIn(xa, xb, removed, factItem);
  for (const [k, f1] of xa) {
    const f2 = xb.get(k);
    if (!f2) continue;
    if (f1.money || f2.money)
      change({ path: `narrative.facts[${k}].money`, table: null, form: null, row: k, field: 'money', label: f2.label, beforeFen: f1.money?.fen ?? null, afterFen: f2.money?.fen ?? null });
    else if (factValue(f1) !== factValue(f2)) {
      removed.push(factItem(k, f1));
      added.push(factItem(k, f2));
    }
  }

  // Table 14: task amounts, the total line and the indicators.
  const da = a.departmentTargets;
  const db = b.departmentTargets;
  if (da && db) {
    const taskItem = (k: string): ItemChange => ({ what: 'task', path: `departmentTargets.tasks[${k}]`, table: 14, form: null, label: k });
    const ka = keyed(da.tasks, (t) => t.name);
    const kb = keyed(db.tasks, (t) => t.name);
    onlyIn(kb, ka, added, taskItem);
    onlyIn(ka, kb, removed, taskItem);
    for (const [k, t1] of ka) {
      const t2 = kb.get(k);
      if (!t2) continue;
      for (const field of ['total', 'fiscal', 'other'] as const) {
        change({ path: `departmentTargets.tasks[${k}].${field}`, table: 14, form: null, row: `task:${k}`, field, label: k, beforeFen: t1[field]?.fen ?? null, afterFen: t2[field]?.fen ?? null });
      }
    }
    for (const field of ['total', 'fiscal', 'other'] as const) {
      change({
        path: `departmentTargets.total.${field}`,
        table: 14,
        form: null,
        row: 'total',
        field,
        label: '合计',
        beforeFen: da.total?.[field]?.fen ?? null,
        afterFen: db.total?.[field]?.fen ?? null,
      });
    }
    const dia = keyed(da.indicators, indicatorKey);
    const dib = keyed(db.indicators, indicatorKey);
    const dItem = (k: string, i: Indicator): ItemChange => ({ what: 'indicator', path: `departmentTargets.indicators[${k}]`, table: 14, form: null, label: `${i.name} ${i.raw}` });
    onlyIn(dib, dia, added, dItem);
    onlyIn(dia, dib, removed, dItem);
  }
  return { amounts, added, removed };
}
