/**
 * Reconcile use case: a budget (部门预算 / 单位预算) and the final account (部门决算 / 单位决算) of the same
 * unit and year, from files or stored budgets, through `reconcile` (src/rules/reconcile), shaped as the
 * JSON and text reports of `fiscus reconcile` and the API.
 */
import type { BudgetDocument } from '../domain/model.js';
import { FiscusError } from '../domain/errors.js';
import { formatAmount, exactDecimals, type DisplayUnit } from '../domain/money.js';
import { SEVERITY_LABELS } from '../domain/catalogue/index.js';
import { pairMismatch, reconcile, type ReconcileLine, type ReconcileResult } from '../rules/reconcile/index.js';

export { parseDeviationPercent } from '../rules/reconcile/index.js';
import type { Location } from '../rules/types.js';
import { importFileIsolated } from './isolation/pool.js';
import { TOOL } from './validate.js';
import type { Workspace } from './workspace.js';
import { pushAll } from '../domain/arrays.js';

export interface ReconcileReport extends ReconcileResult {
  tool: { name: string; version: string; rules: number };
}

export interface ReconcileUseOptions {
  /** Large deviation threshold in percent of the budget (default 10). */
  deviationPercent?: number;
}

/** Reconciles two documents in memory; INPUT_INVALID when they are not a budget and the final account of one unit and year. */
export function reconcileDocuments(budget: BudgetDocument, finalAccount: BudgetDocument, opts: ReconcileUseOptions = {}): ReconcileReport {
  const why = pairMismatch(budget, finalAccount);
  if (why) throw new FiscusError('INPUT_INVALID', `不能核对：${why}`);
  const r = reconcile(budget, finalAccount, opts.deviationPercent !== undefined ? { deviationPercent: opts.deviationPercent } : {});
  return { tool: { ...TOOL, rules: r.rules }, ...r };
}

/** Imports a budget file and a final-account file (in parser threads) and reconciles them. */
export async function reconcileFiles(budgetPath: string, finalPath: string, opts: ReconcileUseOptions = {}): Promise<ReconcileReport> {
  const [budget, finalAccount] = await Promise.all([importFileIsolated(budgetPath), importFileIsolated(finalPath)]);
  return reconcileDocuments(budget, finalAccount, opts);
}

/** Reconciles two stored budgets (latest versions unless given). */
export async function reconcileStored(ws: Workspace, budgetId: string, finalId: string, opts: ReconcileUseOptions & { budgetVersion?: number; finalVersion?: number } = {}): Promise<ReconcileReport> {
  const [budget, finalAccount] = await Promise.all([ws.getDocument(budgetId, opts.budgetVersion), ws.getDocument(finalId, opts.finalVersion)]);
  return reconcileDocuments(budget, finalAccount, opts);
}

/** A location as the JSON report gives it: prose and data, absent keys as null. */
function locationJson(l: Location | null): unknown {
  if (!l) return null;
  return {
    section: l.section,
    item: l.item ?? null,
    field: l.field ?? null,
    line: l.line,
    page: l.page,
    tableId: l.tableId ?? null,
    row: l.row ?? null,
    column: l.column ?? null,
    fact: l.fact ?? null,
  };
}

/**
 * The report as JSON: the two documents, the summary, the findings (location in the final account and
 * `budgetLocation` in the budget, both as prose and as data: table id, row id, column key, fact key),
 * the checks not made, and every line of the comparison (amounts in integer fen).
 */
export function toJsonReconcile(report: ReconcileReport): unknown {
  return {
    tool: report.tool,
    budget: report.budget,
    finalAccount: report.finalAccount,
    deviationPercent: report.deviationPercent,
    summary: report.summary,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      category: f.category,
      title: f.title,
      message: f.message,
      item: f.item,
      location: locationJson(f.location),
      budgetLocation: locationJson(f.budgetLocation),
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      unit: f.unit,
    })),
    notChecked: report.notChecked.map((n) => ({ rule: n.rule, title: n.title, item: n.item, reason: n.reason, location: locationJson(n.location), budgetLocation: locationJson(n.budgetLocation) })),
    lines: report.lines.map((l) => ({ ...l, budgetLocation: locationJson(l.budgetLocation), finalLocation: locationJson(l.finalLocation), statedLocation: locationJson(l.statedLocation) })),
  };
}

/** "表 t1 行 f2010607 列 total" — a table place as data, for the text format. */
function cellRef(l: Location | null): string {
  if (!l) return '';
  if (l.tableId) return `表 ${l.tableId}${l.row ? ` 行 ${l.row}` : ''}${l.column ? ` 列 ${l.column}` : ''}`;
  return l.line != null ? `第 ${l.line} 行` : l.section;
}

const amount = (fen: number | null, unit: DisplayUnit) => (fen === null ? '—' : formatAmount(fen, unit, exactDecimals([fen], unit)));

/** The lines a person checks: those with both sides, or a figure the final account states as the budget. */
export function comparedLines(report: ReconcileReport): ReconcileLine[] {
  return report.lines.filter((l) => (l.budgetFen !== null && l.finalFen !== null) || l.statedBudgetFen !== null);
}

/**
 * Compiler-style text: one line per finding (`final:line: error REC-001 message (expected …) ← 预算 表 t1
 * 行 … 列 …`), the checks not made, the compared lines (预算数, 决算所列年初预算数, 决算数, 差异), a summary.
 */
export function formatReconcileText(report: ReconcileReport, budgetFile: string, finalFile: string): string {
  const out: string[] = [];
  out.push(
    `# 预算与决算核对：${report.budget.unit} ${report.budget.year} ${report.budget.kind}（${budgetFile}）↔ ${report.finalAccount.kind}（${finalFile}），差异较大的阈值 ${report.deviationPercent}%`,
  );
  for (const sev of ['error', 'warning', 'info'] as const) {
    const fs = report.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    out.push(`# ${SEVERITY_LABELS[sev]} (${fs.length})`);
    for (const f of fs) {
      const where = f.location.line !== null ? `${finalFile}:${f.location.line}` : `${finalFile}（${cellRef(f.location)}）`;
      const parts = [
        f.expected !== null ? `expected ${f.expected}` : null,
        f.actual !== null ? `actual ${f.actual}` : null,
        f.difference !== null ? `difference ${f.difference}${f.unit ? ` ${f.unit}` : ''}` : null,
      ].filter((x) => x !== null);
      const budgetAt = f.budgetLocation ? ` ← ${budgetFile} ${cellRef(f.budgetLocation)}` : '';
      out.push(`${where}: ${sev} ${f.rule} ${f.message}${parts.length ? ` (${parts.join(', ')})` : ''}${budgetAt}`);
    }
  }
  if (report.notChecked.length > 0) {
    out.push(`# 未核对（${report.notChecked.length}）`);
    for (const n of report.notChecked) out.push(`${n.location?.line != null ? `${finalFile}:${n.location.line}` : finalFile}: ${n.rule} ${n.reason}`);
  } else out.push('# 未核对：无');
  const unit = report.finalAccount.displayUnit as DisplayUnit;
  const lines = comparedLines(report);
  // The 调整预算数 only where the final account prints one (the national template's function table).
  const adjusted = lines.some((l) => l.adjustedFen !== null);
  out.push(`# 核对明细（${lines.length} 项，${unit}）：项目 | 预算数 | 决算所列年初预算数${adjusted ? ' | 决算所列调整预算数' : ''} | 决算数 | 差异 | 差异率`);
  pushAll(
    out,
    lines.map(
      (l) =>
        `  ${l.name} | ${amount(l.budgetFen, unit)} | ${amount(l.statedBudgetFen, unit)}${adjusted ? ` | ${amount(l.adjustedFen, unit)}` : ''} | ${amount(l.finalFen, unit)} | ${amount(l.deviationFen, unit)} | ${l.deviationPercent !== null ? `${l.deviationPercent}%` : '—'}`,
    ),
  );
  const s = report.summary;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(`${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info, ${report.notChecked.length} not checked (${report.tool.rules} rules)`);
  return out.join('\n') + '\n';
}
