/**
 * Following the year (绩效运行监控 and 绩效自评): payments against the disbursement plans, mid-year
 * dual monitoring (execution and indicator attainment together) and the year-end self-evaluation.
 * Pure functions serve the CLI on files; `followOf(ws)` serves the API and the web app over the
 * workspace's database, where payments, monitoring entries and actuals are kept per budget.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FiscusError } from '../domain/errors.js';
import { checkAdjustment, checkWithinBudget, formBudgetFen, type FormBudgetState } from '../domain/budget-control.js';
import type { BudgetDocument, Indicator } from '../domain/model.js';
import type { ImportedPayment } from '../importers/payments/index.js';
import { parsePool } from './isolation/pool.js';
import { CONTENT_TYPES as FOLLOW_CONTENT_TYPES, type FollowDoc, type FollowFormat } from '../reports/follow/index.js';
import { printPdf } from '../reports/pdf/print.js';
import {
  buildEvaluation,
  buildExecution,
  buildMonitoring,
  DEFAULT_FOLLOW_CONFIG,
  DEPARTMENT,
  type ActualsByOwner,
  type Adjustments,
  type DepartmentExecution,
  type EntriesByOwner,
  type EvaluationReport,
  type FollowConfig,
  type FormPayment,
  type MonitoringReport,
} from '../reports/follow/model.js';
import { BANDS, DEVIATION_REASONS, LIKELIHOODS, type Actual, type MonitoringEntry } from '../scoring/index.js';
import type { Db } from '../storage/connection.js';
import * as fr from '../storage/follow-repo.js';
import { asInputError, findVersion } from '../storage/repository.js';
import { appendAudit } from '../storage/audit-log-repo.js';
import { connectionOf, documentIdOf, type Workspace } from './workspace.js';

export { buildEvaluation, buildExecution, buildMonitoring, DEFAULT_FOLLOW_CONFIG, DEPARTMENT };
export type { ActualsByOwner, DepartmentExecution, EntriesByOwner, EvaluationReport, ExecutionFigures, FollowConfig, FormPayment } from '../reports/follow/model.js';
export type { MonitoringReport, MonitoringRow, ProjectEvaluation, ProjectExecution, ProjectMonitoring } from '../reports/follow/model.js';
export { budgetOf, targetText, scorable } from '../reports/follow/model.js';
export type { ImportedPayment } from '../importers/payments/index.js';
export type { AdjustmentRecord } from '../storage/follow-repo.js';
export type { PaymentRecord } from '../storage/follow-repo.js';
export { LIKELIHOODS, DEVIATION_REASONS, BANDS } from '../scoring/index.js';
export type { Actual, MonitoringEntry, Likelihood, DeviationReason, Band, ExecutionWarning, Evaluation, IndicatorScore } from '../scoring/index.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a payments file (CSV/XLSX) against a budget document; FiscusError naming `file:row` on a bad row. */
export async function readPaymentsFile(doc: BudgetDocument, bytes: Uint8Array, file: string): Promise<ImportedPayment[]> {
  return parsePool().readPayments(bytes, file, doc);
}

/** The default as-of date of execution: today within the budget year, else the year's last day (or first). */
export function defaultAsOf(year: number, today: Date = new Date()): string {
  const t = today.toISOString().slice(0, 10);
  if (t > `${year}-12-31`) return `${year}-12-31`;
  if (t < `${year}-01-01`) return `${year}-01-01`;
  return t;
}

/** Whether `s` is a real calendar date YYYY-MM-DD (2021-02-30 is not: Date.parse rolls it over to March). */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function checkAsOf(asOf: string, year: number): string {
  if (!isCalendarDate(asOf))
    throw new FiscusError(
      'INPUT_INVALID',
      `截止日期应为 YYYY-MM-DD，实为 ${JSON.stringify(asOf)} (expected an as-of date YYYY-MM-DD, found ${JSON.stringify(asOf)})`,
      { field: 'asOf' },
      'YYYY-MM-DD',
      asOf,
    );
  if (Number(asOf.slice(0, 4)) !== year)
    throw new FiscusError(
      'INPUT_INVALID',
      `截止日期应在 ${year} 年内，实为 ${JSON.stringify(asOf)} (expected an as-of date in ${year}, found ${JSON.stringify(asOf)})`,
      { field: 'asOf' },
      String(year),
      asOf,
    );
  return asOf;
}

/** A project form by id or name; NOT_FOUND otherwise. */
function formOf(doc: BudgetDocument, ref: string) {
  const f = doc.projectForms.find((x) => x.id === ref) ?? doc.projectForms.find((x) => x.name === ref);
  if (!f) throw new FiscusError('NOT_FOUND', `本预算没有项目 ${ref}`);
  return f;
}

/** The indicators of an owner (a form id or name, or DEPARTMENT) and its key. */
function indicatorsOf(doc: BudgetDocument, owner: string): { owner: string; indicators: Indicator[] } {
  if (owner === DEPARTMENT || owner === '部门整体') {
    if (!doc.departmentTargets) throw new FiscusError('NOT_FOUND', '本预算没有部门整体支出绩效目标（表14）');
    return { owner: DEPARTMENT, indicators: doc.departmentTargets.indicators };
  }
  const f = formOf(doc, owner);
  return { owner: f.id, indicators: f.indicators };
}

/** The index of an indicator named `name` (the `index`-th of that name when given, 0-based position otherwise preferred). */
function indicatorIndex(indicators: readonly Indicator[], name: string, prefer?: number): number {
  if (prefer !== undefined && indicators[prefer]?.name === name) return prefer;
  return indicators.findIndex((i) => i.name === name);
}

// ---- JSON inputs (monitoring entries and year-end actuals) ------------------------------------

const Nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

const EntryJson = z.object({
  indicator: z.string().min(1),
  index: z.number().int().min(0).optional(),
  actualToDate: Nullable(z.union([z.string(), z.number()]).transform(String)),
  likelihood: Nullable(z.enum(LIKELIHOODS)),
  reason: Nullable(z.enum(DEVIATION_REASONS)),
  action: Nullable(z.string()),
});
const ActualJson = z.object({
  indicator: z.string().min(1),
  index: z.number().int().min(0).optional(),
  value: Nullable(z.union([z.string(), z.number()]).transform(String)),
  band: Nullable(z.enum(Object.keys(BANDS) as [keyof typeof BANDS, ...Array<keyof typeof BANDS>])),
  notApplicable: z.boolean().optional(),
  reason: Nullable(z.string()),
  correction: Nullable(z.string()),
});
const MonitoringFile = z.object({
  asOf: z.string().regex(ISO_DATE).optional(),
  projects: z.array(z.object({ project: z.string(), entries: z.array(EntryJson) })).default([]),
  department: z.array(EntryJson).optional(),
});
const ActualsFile = z.object({
  projects: z.array(z.object({ project: z.string(), actuals: z.array(ActualJson) })).default([]),
});

function parseJson<T>(schema: z.ZodType<T>, bytes: Uint8Array | string, file: string): T {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FiscusError('INPUT_UNREADABLE', `不是有效的 JSON（${(e as Error).message}） (expected JSON, found ${(e as Error).message})`, { file, line: 1 });
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const path = i.path.map(String).join('.');
    throw new FiscusError('INPUT_INVALID', `${path || '（根）'}：${i.message}`, { file, field: path });
  }
  return r.data;
}

function place<T>(
  doc: BudgetDocument,
  owner: string,
  items: Array<{ indicator: string; index?: number | undefined }>,
  value: (x: number) => T,
  file: string,
  into: Record<string, Array<T | undefined>>,
) {
  const { owner: key, indicators } = indicatorsOf(doc, owner);
  const row = (into[key] ??= []);
  items.forEach((it, n) => {
    const idx = indicatorIndex(indicators, it.indicator, it.index);
    if (idx < 0)
      throw new FiscusError('INPUT_INVALID', `${owner}：应为本项目的绩效指标，实为 ${JSON.stringify(it.indicator)} (expected an indicator of the project, found ${JSON.stringify(it.indicator)})`, {
        file,
        field: `${owner}[${n}]`,
      });
    row[idx] = value(n);
  });
}

/** Mid-year entries from JSON (`{asOf, projects: [{project, entries: [{indicator, actualToDate, likelihood, reason, action}]}], department}`). */
export function parseMonitoringFile(doc: BudgetDocument, bytes: Uint8Array | string, file: string): { asOf: string | null; entries: EntriesByOwner } {
  const m = parseJson(MonitoringFile, bytes, file);
  const out: Record<string, Array<MonitoringEntry | undefined>> = {};
  for (const p of m.projects) place(doc, p.project, p.entries, (n) => entryOf(p.entries[n]!), file, out);
  if (m.department) place(doc, DEPARTMENT, m.department, (n) => entryOf(m.department![n]!), file, out);
  return { asOf: m.asOf ?? null, entries: out };
}

function entryOf(e: z.infer<typeof EntryJson>): MonitoringEntry {
  return { actualToDate: e.actualToDate ?? null, likelihood: e.likelihood ?? null, reason: e.reason ?? null, action: e.action ?? null };
}

/** Year-end actuals from JSON (`{projects: [{project, actuals: [{indicator, value | band | notApplicable, reason, correction}]}]}`). */
export function parseActualsFile(doc: BudgetDocument, bytes: Uint8Array | string, file: string): ActualsByOwner {
  const a = parseJson(ActualsFile, bytes, file);
  const out: Record<string, Array<Actual | undefined>> = {};
  for (const p of a.projects) place(doc, p.project, p.actuals, (n) => actualOf(p.actuals[n]!), file, out);
  return out;
}

function actualOf(a: z.infer<typeof ActualJson>): Actual {
  return { value: a.value ?? null, band: a.band ?? null, notApplicable: a.notApplicable ?? false, reason: a.reason ?? null, correction: a.correction ?? null };
}

// ---- the workspace-backed use cases ------------------------------------------------------------

/** A payment entered by hand. */
export interface PaymentInput {
  /** Project form id or name. */
  project: string;
  /** ISO date within the budget year. */
  date: string;
  fen: number;
  voucher?: string | null;
  payee?: string | null;
}

/** One indicator's mid-year entry, by its position in the form (or table 14). */
export interface IndexedEntry extends MonitoringEntry {
  idx: number;
}

/** One indicator's year-end actual, by its position in the form. */
export interface IndexedActual extends Actual {
  idx: number;
}

export interface PaymentsImportResult {
  budgetId: string;
  /** Payments stored by this import (0 when the file was already imported). */
  imported: number;
  totalFen: number;
  /** Payments removed first (`replace`). */
  replaced: number;
  /**
   * True when a file with the same content (sha256) is already imported for the budget and nothing
   * was stored: an import is idempotent unless `force` (or `replace`, which always replaces).
   */
  alreadyImported: boolean;
  /** sha256 of the file's bytes. */
  sha256: string;
}

export interface PaymentsImportOptions {
  /** Remove the budget's payments first (always applied, even for a file already imported). */
  replace?: boolean;
  /** Store the file even when the same file is already imported for the budget. */
  force?: boolean;
  /** Who the audit log names: a user's login, or 'web' / 'api' / 'cli' / 'system' (null: 'system'). */
  actor?: string | null;
}

/** Following the year for the budgets of a workspace. */
export interface Follow {
  /**
   * Imports a payments file in one transaction: a bad row imports nothing. `replace` removes the
   * budget's payments first. A file already imported for the budget (same sha256) is not stored
   * again unless `force`: the answer says `alreadyImported`. Concurrent imports of one budget are
   * serialised. INPUT_INVALID when the budget's payments would add up beyond Number.MAX_SAFE_INTEGER fen.
   */
  importPayments(budgetId: string, bytes: Uint8Array, file: string, opts?: PaymentsImportOptions): Promise<PaymentsImportResult>;
  /**
   * Adds one payment (INPUT_INVALID for a date outside the year or a negative amount, NOT_FOUND for an
   * unknown project). `actor`, here and below: who the audit log names (null: 'system').
   */
  addPayment(budgetId: string, p: PaymentInput, actor?: string | null): Promise<fr.PaymentRecord>;
  /** Removes one payment (NOT_FOUND when the budget has no payment with that id). */
  deletePayment(budgetId: string, paymentId: number, actor?: string | null): Promise<void>;
  listPayments(budgetId: string): Promise<fr.PaymentRecord[]>;
  /** Execution per project and for the department at `asOf` (default: today within the year, else its last day). */
  execution(budgetId: string, asOf?: string): Promise<DepartmentExecution>;
  /** The monitoring table with the stored entries at `asOf` (default: the entries' date, else 31 August). */
  monitoring(budgetId: string, asOf?: string): Promise<MonitoringReport>;
  /** Replaces the entries of one project (id or name) or of DEPARTMENT; returns the recomputed table. */
  saveMonitoring(budgetId: string, owner: string, entries: readonly IndexedEntry[], asOf?: string, actor?: string | null): Promise<MonitoringReport>;
  /** The self-evaluation with the stored actuals and the year's payments. */
  evaluation(budgetId: string): Promise<EvaluationReport>;
  /** Replaces the actuals of one project; returns the recomputed self-evaluation. */
  saveActuals(budgetId: string, owner: string, actuals: readonly IndexedActual[], actor?: string | null): Promise<EvaluationReport>;
  /** The self-evaluation as it would be with these actuals for one project, without storing them. */
  previewActuals(budgetId: string, owner: string, actuals: readonly IndexedActual[]): Promise<EvaluationReport>;
  /** Whether the budget has any payment, entry or actual. */
  hasData(budgetId: string): Promise<boolean>;
  /**
   * Records an approved budget adjustment (预算调整 / 调剂) of one project: `fen` added (negative: taken
   * away), with its reason; `actor` is who approved it. INPUT_INVALID for a zero amount, an empty
   * reason, a form whose budget is not printed, or a budget that would fall below what is paid.
   */
  addAdjustment(budgetId: string, a: AdjustmentInput, actor: string): Promise<fr.AdjustmentRecord>;
  listAdjustments(budgetId: string): Promise<fr.AdjustmentRecord[]>;
  /** Each project's budget, adjustments, payments and what remains (指标控制), in form order. */
  budgetControl(budgetId: string): Promise<FormBudgetState[]>;
}

/** A budget adjustment as entered. */
export interface AdjustmentInput {
  /** Project form id or name. */
  project: string;
  /** Added to the project's budget, in fen (negative: taken away). */
  fen: number;
  reason: string;
}

const cache = new WeakMap<Workspace, Follow>();

/** The control state of every form of `doc` from the stored adjustments and payments (inside a transaction: consistent). */
async function controlStates(db: Db, doc: BudgetDocument, documentId: number): Promise<FormBudgetState[]> {
  const paid = await fr.paidByForm(db, documentId);
  const adjusted = await fr.adjustedByForm(db, documentId);
  return doc.projectForms.map((f) => ({ formId: f.id, name: f.name, budgetFen: formBudgetFen(f), adjustedFen: adjusted.get(f.id) ?? 0n, paidFen: paid.get(f.id) ?? 0n }));
}

/** The follow-the-year use cases over a workspace's database (one instance per workspace). */
export function followOf(ws: Workspace, cfg: FollowConfig = DEFAULT_FOLLOW_CONFIG): Follow {
  const hit = cache.get(ws);
  if (hit && cfg === DEFAULT_FOLLOW_CONFIG) return hit;
  const f = new StoredFollow(ws, cfg);
  if (cfg === DEFAULT_FOLLOW_CONFIG) cache.set(ws, f);
  return f;
}

class StoredFollow implements Follow {
  constructor(
    private readonly ws: Workspace,
    private readonly cfg: FollowConfig,
  ) {}

  private get db(): Db {
    return connectionOf(this.ws).db;
  }

  /** One transaction; a database data exception (a value it cannot store) is INPUT_INVALID, not a 500. */
  private async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction((t) => fn(t as unknown as Db));
    } catch (e) {
      throw asInputError(e);
    }
  }

  private async payments(budgetId: string): Promise<FormPayment[]> {
    return fr.selectPayments(this.db, documentIdOf(budgetId));
  }

  async importPayments(budgetId: string, bytes: Uint8Array, file: string, opts: PaymentsImportOptions = {}): Promise<PaymentsImportResult> {
    return this.storePayments(await this.ws.getDocument(budgetId), budgetId, bytes, file, opts);
  }

  /** importPayments on a document already read (loadYearIfEmpty stores several files against one). */
  async storePayments(doc: BudgetDocument, budgetId: string, bytes: Uint8Array, file: string, opts: PaymentsImportOptions = {}): Promise<PaymentsImportResult> {
    // The reader refuses a file whose own amounts add up beyond Number.MAX_SAFE_INTEGER fen.
    const ps = await parsePool().readPayments(bytes, file, doc);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const totalFen = ps.reduce((s, p) => s + p.fen, 0);
    const id = documentIdOf(budgetId);
    const done = await this.tx(async (db) => {
      await fr.lockFollow(db, id);
      if (!opts.replace && !opts.force && (await fr.paymentsImported(db, id, sha256))) return null;
      const replaced = opts.replace ? await fr.deletePayments(db, id) : 0;
      fr.checkPaymentsTotal(opts.replace ? 0n : await fr.paymentsTotal(db, id), totalFen, { file });
      // 指标控制: the row whose payment takes its project beyond the adjusted budget is named; nothing is stored.
      const states = new Map((await controlStates(db, doc, id)).map((st) => [st.formId, st]));
      for (const p of ps) {
        const st = states.get(p.formId);
        if (!st) continue;
        checkWithinBudget(st, BigInt(p.fen), { file, line: p.row });
        st.paidFen += BigInt(p.fen);
      }
      await fr.insertPayments(
        db,
        id,
        ps.map((p) => ({ formId: p.formId, date: p.date, fen: p.fen, voucher: p.voucher, payee: p.payee, source: file, sourceRow: p.row, importSha256: sha256 })),
      );
      await appendAudit(db, {
        actor: opts.actor ?? null,
        action: 'payments.import',
        target: `budget:${id}`,
        detail: { file, sha256, imported: ps.length, totalFen, replaced, force: opts.force ?? false },
      });
      return { replaced };
    });
    if (!done) return { budgetId, imported: 0, totalFen: 0, replaced: 0, alreadyImported: true, sha256 };
    return { budgetId, imported: ps.length, totalFen, replaced: done.replaced, alreadyImported: false, sha256 };
  }

  async addPayment(budgetId: string, p: PaymentInput, actor: string | null = null): Promise<fr.PaymentRecord> {
    const doc = await this.ws.getDocument(budgetId);
    const form = formOf(doc, p.project);
    checkAsOf(p.date, doc.year);
    if (!Number.isSafeInteger(p.fen) || p.fen < 0)
      throw new FiscusError('INPUT_INVALID', `金额应为非负整数（分），实为 ${p.fen} (expected a non-negative amount in fen, found ${p.fen})`, { field: 'fen' });
    const id = documentIdOf(budgetId);
    const rec = { formId: form.id, date: p.date, fen: p.fen, voucher: p.voucher ?? null, payee: p.payee ?? null, source: 'manual', sourceRow: null };
    const [newId] = await this.tx(async (db) => {
      await fr.lockFollow(db, id);
      fr.checkPaymentsTotal(await fr.paymentsTotal(db, id), p.fen);
      const st = (await controlStates(db, doc, id)).find((x) => x.formId === form.id);
      if (st) checkWithinBudget(st, BigInt(p.fen));
      const ids = await fr.insertPayments(db, id, [rec]);
      await appendAudit(db, {
        actor,
        action: 'payment.add',
        target: `budget:${id}`,
        detail: { paymentId: ids[0], formId: rec.formId, date: rec.date, fen: rec.fen, voucher: rec.voucher, payee: rec.payee },
      });
      return ids;
    });
    return { id: newId!, ...rec };
  }

  /** NOT_FOUND unless the budget exists (one query, where getBudget reads the budget and its versions). */
  private async existing(budgetId: string): Promise<number> {
    const id = documentIdOf(budgetId);
    if (!(await findVersion(this.db, id))) throw new FiscusError('NOT_FOUND', `预算 ${budgetId} 不存在`);
    return id;
  }

  async deletePayment(budgetId: string, paymentId: number, actor: string | null = null): Promise<void> {
    const id = await this.existing(budgetId);
    const gone =
      Number.isSafeInteger(paymentId) &&
      (await this.tx(async (db) => {
        const was = await fr.deletePayment(db, id, paymentId);
        if (was) await appendAudit(db, { actor, action: 'payment.delete', target: `budget:${id}`, detail: { paymentId, ...was } });
        return was !== undefined;
      }));
    if (!gone) throw new FiscusError('NOT_FOUND', `预算 ${budgetId} 没有编号为 ${paymentId} 的支付记录`);
  }

  async listPayments(budgetId: string): Promise<fr.PaymentRecord[]> {
    return fr.selectPayments(this.db, await this.existing(budgetId));
  }

  /** The recorded adjustments per form (their sum), for the execution rates. */
  private async adjustments(budgetId: string): Promise<Adjustments> {
    // Safe integers: an adjustment never takes a budget past Number.MAX_SAFE_INTEGER fen (domain/budget-control).
    return new Map([...(await fr.adjustedByForm(this.db, documentIdOf(budgetId)))].map(([form, fen]) => [form, Number(fen)]));
  }

  async execution(budgetId: string, asOf?: string): Promise<DepartmentExecution> {
    const doc = await this.ws.getDocument(budgetId);
    return buildExecution(doc, await this.payments(budgetId), asOf ? checkAsOf(asOf, doc.year) : defaultAsOf(doc.year), this.cfg.execution, await this.adjustments(budgetId));
  }

  async addAdjustment(budgetId: string, a: AdjustmentInput, actor: string): Promise<fr.AdjustmentRecord> {
    const doc = await this.ws.getDocument(budgetId);
    const form = formOf(doc, a.project);
    if (!Number.isSafeInteger(a.fen)) throw new FiscusError('INPUT_INVALID', `调整金额应为整数（分），实为 ${a.fen}`, { field: 'fen' });
    const reason = a.reason.trim();
    if (!reason) throw new FiscusError('INPUT_INVALID', '预算调整须写明原因', { field: 'reason' });
    if ([...reason].length > 1000) throw new FiscusError('INPUT_INVALID', `原因应不超过 1000 个字符，实为 ${[...reason].length} 个`, { field: 'reason' });
    const id = documentIdOf(budgetId);
    return this.tx(async (db) => {
      await fr.lockFollow(db, id);
      const st = (await controlStates(db, doc, id)).find((x) => x.formId === form.id)!;
      checkAdjustment(st, BigInt(a.fen));
      const rec = await fr.insertAdjustment(db, id, { formId: form.id, fen: a.fen, reason, approvedBy: actor });
      await appendAudit(db, { actor, action: 'budget.adjust', target: `budget:${id}`, detail: { adjustmentId: rec.id, formId: form.id, fen: a.fen, reason } });
      return rec;
    });
  }

  async listAdjustments(budgetId: string): Promise<fr.AdjustmentRecord[]> {
    return fr.selectAdjustments(this.db, await this.existing(budgetId));
  }

  async budgetControl(budgetId: string): Promise<FormBudgetState[]> {
    const doc = await this.ws.getDocument(budgetId);
    return controlStates(this.db, doc, documentIdOf(budgetId));
  }

  private async entries(doc: BudgetDocument, budgetId: string): Promise<{ asOf: string | null; entries: EntriesByOwner }> {
    const recs = await fr.selectMonitoring(this.db, documentIdOf(budgetId));
    const out: Record<string, Array<MonitoringEntry | undefined>> = {};
    let asOf: string | null = null;
    for (const r of recs) {
      const inds = r.owner === DEPARTMENT ? doc.departmentTargets?.indicators : doc.projectForms.find((f) => f.id === r.owner)?.indicators;
      const idx = inds ? indicatorIndex(inds, r.name, r.idx) : -1;
      if (idx < 0) continue; // the indicator is gone from the latest version
      (out[r.owner] ??= [])[idx] = { actualToDate: r.actualToDate, likelihood: r.likelihood as MonitoringEntry['likelihood'], reason: r.reason as MonitoringEntry['reason'], action: r.action };
      if (!asOf || r.asOf > asOf) asOf = r.asOf;
    }
    return { asOf, entries: out };
  }

  async monitoring(budgetId: string, asOf?: string): Promise<MonitoringReport> {
    const doc = await this.ws.getDocument(budgetId);
    const e = await this.entries(doc, budgetId);
    const at = asOf ? checkAsOf(asOf, doc.year) : (e.asOf ?? `${doc.year}-08-31`);
    return buildMonitoring(doc, await this.payments(budgetId), e.entries, at, this.cfg, await this.adjustments(budgetId));
  }

  async saveMonitoring(budgetId: string, owner: string, entries: readonly IndexedEntry[], asOf?: string, actor: string | null = null): Promise<MonitoringReport> {
    const doc = await this.ws.getDocument(budgetId);
    const at = await this.storeMonitoring(doc, budgetId, owner, entries, asOf, actor);
    return buildMonitoring(doc, await this.payments(budgetId), (await this.entries(doc, budgetId)).entries, at, this.cfg, await this.adjustments(budgetId));
  }

  /** saveMonitoring on a document already read, without building the table; returns the as-of date used. */
  async storeMonitoring(doc: BudgetDocument, budgetId: string, owner: string, entries: readonly IndexedEntry[], asOf?: string, actor: string | null = null): Promise<string> {
    const { owner: key, indicators } = indicatorsOf(doc, owner);
    const at = asOf ? checkAsOf(asOf, doc.year) : ((await this.entries(doc, budgetId)).asOf ?? `${doc.year}-08-31`);
    const recs = entries.map((e, n) => {
      const ind = indicators[e.idx];
      if (!ind)
        throw new FiscusError('INPUT_INVALID', `entries[${n}].idx：指标序号应为 0–${indicators.length - 1}，实为 ${e.idx} (expected an indicator index 0–${indicators.length - 1}, found ${e.idx})`, {
          field: `entries.${n}.idx`,
        });
      if (e.likelihood && !(LIKELIHOODS as readonly string[]).includes(e.likelihood))
        throw new FiscusError(
          'INPUT_INVALID',
          `entries[${n}].likelihood：完成可能性应为 ${LIKELIHOODS.join('/')} 之一，实为 ${JSON.stringify(e.likelihood)} (expected one of ${LIKELIHOODS.join('/')}, found ${JSON.stringify(e.likelihood)})`,
          { field: `entries.${n}.likelihood` },
        );
      if (e.reason && !(DEVIATION_REASONS as readonly string[]).includes(e.reason))
        throw new FiscusError(
          'INPUT_INVALID',
          `entries[${n}].reason：偏差原因应为 ${DEVIATION_REASONS.join('/')} 之一，实为 ${JSON.stringify(e.reason)} (expected one of ${DEVIATION_REASONS.join('/')}, found ${JSON.stringify(e.reason)})`,
          { field: `entries.${n}.reason` },
        );
      const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
      return { idx: e.idx, name: ind.name, asOf: at, actualToDate: blank(e.actualToDate), likelihood: e.likelihood ?? null, reason: e.reason ?? null, action: blank(e.action) };
    });
    const id = documentIdOf(budgetId);
    await this.tx(async (db) => {
      await fr.replaceMonitoring(db, id, key, recs);
      await appendAudit(db, { actor, action: 'monitoring.save', target: `budget:${id}`, detail: { owner: key, asOf: at, entries: recs } });
    });
    return at;
  }

  private async actuals(doc: BudgetDocument, budgetId: string): Promise<ActualsByOwner> {
    const out: Record<string, Array<Actual | undefined>> = {};
    for (const r of await fr.selectActuals(this.db, documentIdOf(budgetId))) {
      const inds = doc.projectForms.find((f) => f.id === r.owner)?.indicators;
      const idx = inds ? indicatorIndex(inds, r.name, r.idx) : -1;
      if (idx < 0) continue;
      (out[r.owner] ??= [])[idx] = { value: r.value, band: r.band as Actual['band'], notApplicable: r.notApplicable, reason: r.reason, correction: r.correction };
    }
    return out;
  }

  async evaluation(budgetId: string): Promise<EvaluationReport> {
    const doc = await this.ws.getDocument(budgetId);
    return buildEvaluation(doc, await this.payments(budgetId), await this.actuals(doc, budgetId), this.cfg, await this.adjustments(budgetId));
  }

  async saveActuals(budgetId: string, owner: string, actuals: readonly IndexedActual[], actor: string | null = null): Promise<EvaluationReport> {
    const doc = await this.ws.getDocument(budgetId);
    await this.storeActuals(doc, budgetId, owner, actuals, actor);
    return buildEvaluation(doc, await this.payments(budgetId), await this.actuals(doc, budgetId), this.cfg, await this.adjustments(budgetId));
  }

  /** saveActuals on a document already read, without building the self-evaluation. */
  async storeActuals(doc: BudgetDocument, budgetId: string, owner: string, actuals: readonly IndexedActual[], actor: string | null = null): Promise<void> {
    const form = formOf(doc, owner);
    const recs = actuals.map((a, n) => {
      const ind = form.indicators[a.idx];
      if (!ind)
        throw new FiscusError(
          'INPUT_INVALID',
          `actuals[${n}].idx：指标序号应为 0–${form.indicators.length - 1}，实为 ${a.idx} (expected an indicator index 0–${form.indicators.length - 1}, found ${a.idx})`,
          { field: `actuals.${n}.idx` },
        );
      const value = a.value?.trim() ? a.value.trim() : null;
      if (value !== null && !ind.qualitative && ind.value !== null && /^-?\d+(\.\d+)?$/.test(ind.value) && !/^-?\d+(\.\d+)?$/.test(value)) {
        throw new FiscusError(
          'INPUT_INVALID',
          `actuals[${n}].value：${ind.name} 的实际完成值应为数字，实为 ${JSON.stringify(value)} (expected a number for ${ind.name}, found ${JSON.stringify(value)})`,
          { field: `actuals.${n}.value` },
          'a number',
          value,
        );
      }
      if (a.band && !(a.band in BANDS))
        throw new FiscusError(
          'INPUT_INVALID',
          `actuals[${n}].band：评价档次应为 ${Object.keys(BANDS).join('/')} 之一，实为 ${JSON.stringify(a.band)} (expected one of ${Object.keys(BANDS).join('/')}, found ${JSON.stringify(a.band)})`,
          { field: `actuals.${n}.band` },
        );
      const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
      return { idx: a.idx, name: ind.name, value, band: a.band ?? null, notApplicable: a.notApplicable ?? false, reason: blank(a.reason), correction: blank(a.correction) };
    });
    const id = documentIdOf(budgetId);
    await this.tx(async (db) => {
      await fr.replaceActuals(db, id, form.id, recs);
      await appendAudit(db, { actor, action: 'evaluation.save', target: `budget:${id}`, detail: { owner: form.id, actuals: recs } });
    });
  }

  async previewActuals(budgetId: string, owner: string, actuals: readonly IndexedActual[]): Promise<EvaluationReport> {
    const doc = await this.ws.getDocument(budgetId);
    const form = formOf(doc, owner);
    const all: Record<string, ReadonlyArray<Actual | undefined>> = { ...(await this.actuals(doc, budgetId)) };
    const mine: Array<Actual | undefined> = [];
    for (const a of actuals)
      if (form.indicators[a.idx])
        mine[a.idx] = { value: a.value?.trim() || null, band: a.band ?? null, notApplicable: a.notApplicable ?? false, reason: a.reason ?? null, correction: a.correction ?? null };
    all[form.id] = mine;
    return buildEvaluation(doc, await this.payments(budgetId), all, this.cfg, await this.adjustments(budgetId));
  }

  async hasData(budgetId: string): Promise<boolean> {
    return fr.hasFollowData(this.db, documentIdOf(budgetId));
  }
}

/**
 * Stores a year's figures for a budget from files (payments CSV/XLSX, monitoring JSON, actuals JSON)
 * when it has none yet; returns whether anything was stored. Used by `fiscus start` for the sample.
 */
export async function loadYearIfEmpty(
  ws: Workspace,
  budgetId: string,
  files: { payments?: { bytes: Uint8Array; name: string }; monitoring?: { bytes: Uint8Array; name: string }; actuals?: { bytes: Uint8Array; name: string } },
): Promise<boolean> {
  const f = new StoredFollow(ws, DEFAULT_FOLLOW_CONFIG);
  if (await f.hasData(budgetId)) return false;
  const doc = await ws.getDocument(budgetId);
  if (files.payments) await f.storePayments(doc, budgetId, files.payments.bytes, files.payments.name);
  if (files.monitoring) {
    const m = parseMonitoringFile(doc, files.monitoring.bytes, files.monitoring.name);
    for (const [owner, es] of Object.entries(m.entries)) {
      const list: IndexedEntry[] = [];
      es.forEach((e, idx) => e && list.push({ idx, ...e }));
      await f.storeMonitoring(doc, budgetId, owner, list, m.asOf ?? undefined);
    }
  }
  if (files.actuals) {
    const a = parseActualsFile(doc, files.actuals.bytes, files.actuals.name);
    for (const [owner, as] of Object.entries(a)) {
      const list: IndexedActual[] = [];
      as.forEach((x, idx) => x && list.push({ idx, ...x }));
      await f.storeActuals(doc, budgetId, owner, list);
    }
  }
  return true;
}

export { renderFollow, type FollowFormat, type FollowDoc } from '../reports/follow/index.js';

/**
 * The server's rendering of a follow-the-year document: HTML and XLSX built in a parser thread (the
 * charts and the workbook take the CPU for a large part of a second, which would hold up every other
 * request on the server's thread); a PDF is that HTML printed by the shared Chromium.
 */
export async function renderFollowIsolated(doc: FollowDoc, format: FollowFormat): Promise<{ body: Uint8Array | string; contentType: string }> {
  const pool = parsePool();
  if (format !== 'pdf') return { body: await pool.renderFollow(doc, format), contentType: FOLLOW_CONTENT_TYPES[format] };
  return { body: await printPdf(String(await pool.renderFollow(doc, 'html'))), contentType: FOLLOW_CONTENT_TYPES.pdf };
}
export { wan } from '../reports/follow/html.js';
