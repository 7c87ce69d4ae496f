/**
 * What the pages show, computed from a BudgetDocument: key figures, composition by function and
 * economic class, the project tree, anchors that findings link to. Pure; amounts stay integer fen.
 */
import type { BudgetDocument, Column, ProjectForm, Row, Table } from '../domain/model.js';
import type { Workspace } from '../app/workspace.js';
import { formatAmount, sumFen } from '../domain/money.js';
import { cell, tableByRole } from '../domain/query.js';
import { squash } from '../domain/text.js';

/** A finding as the workspace returns it (the rules' type, reached through the app layer). */
export type Finding = Awaited<ReturnType<Workspace['getFindings']>>[number];

export interface KeyFigures {
  revenueTotal: number | null;
  basic: number | null;
  project: number | null;
  procurement: number | null;
  expenditureTotal: number | null;
}

/** The row that stands for the whole budget in a per-unit table: its total line, else its first unit line. */
function wholeRow(t: Table | undefined): Row | undefined {
  if (!t) return undefined;
  return t.rows.find((r) => r.kind === 'total') ?? t.rows.find((r) => r.kind === 'unit') ?? t.rows[0];
}

/** 收入总计, 支出总计, 基本支出, 项目支出, 政府采购 as published (tables 1, 3 and 11). */
export function keyFigures(doc: BudgetDocument): KeyFigures {
  const t1 = tableByRole(doc, 'income-expenditure-summary');
  const t2 = tableByRole(doc, 'revenue-summary');
  const t3 = tableByRole(doc, 'expenditure-summary');
  const t11 = tableByRole(doc, 'procurement');
  const revKey = t1?.sides?.revenue ?? 'amount';
  const revTotal = t1?.rows.find((r) => r.side === 'revenue' && r.kind === 'total');
  const e = wholeRow(t3);
  const procurementFromT11 = t11 ? cell(t11.rows.find((r) => r.kind === 'total'), 'amount') : null;
  return {
    revenueTotal: cell(revTotal, revKey) ?? cell(wholeRow(t2), 'total'),
    expenditureTotal: cell(e, 'total'),
    basic: cell(e, 'basic'),
    project: cell(e, 'project'),
    procurement: cell(e, 'procurement') ?? procurementFromT11,
  };
}

export interface Slice {
  code: string | null;
  name: string;
  fen: number;
}

/** Expenditure by function class (类, table 7 `total`), largest first. */
export function byFunctionClass(doc: BudgetDocument): Slice[] {
  const t = tableByRole(doc, 'general-budget-function');
  if (!t) return [];
  const rows = t.rows.filter((r) => r.codeSystem === 'function' && r.code && r.code.length === 3);
  return slices(rows, 'total');
}

/** Basic expenditure by economic class (类, table 4 `total`), largest first. */
export function byEconomicClass(doc: BudgetDocument): Slice[] {
  const t = tableByRole(doc, 'basic-expenditure-economic');
  if (!t) return [];
  const rows = t.rows.filter((r) => r.codeSystem === 'econ' && (r.code ? r.code.length === 3 : r.kind === 'group'));
  return slices(rows, 'total');
}

function slices(rows: Row[], key: string): Slice[] {
  return rows
    .map((r) => ({ code: r.code ?? null, name: r.label, fen: r.amounts[key]?.fen ?? 0 }))
    .filter((s) => s.fen !== 0)
    .sort((a, b) => b.fen - a.fen);
}

export interface ProjectNode {
  name: string;
  fen: number | null;
  /** Row id in table 5, for the anchor. */
  rowId: string | null;
  forms: ProjectForm[];
}

/** Projects of table 5 with the project forms that belong to each; forms without a project come last. */
export function projectTree(doc: BudgetDocument): { nodes: ProjectNode[]; unplaced: ProjectForm[] } {
  const t5 = tableByRole(doc, 'project-expenditure');
  const items = t5 ? t5.rows.filter((r) => r.kind === 'item') : [];
  const used = new Set<string>();
  const nodes = items.map((r): ProjectNode => {
    const key = squash(r.label);
    const forms = doc.projectForms.filter((f) => f.parentProject !== null && squash(f.parentProject) === key);
    for (const f of forms) used.add(f.id);
    return { name: r.label, fen: r.amounts['total']?.fen ?? null, rowId: r.id, forms };
  });
  return { nodes, unplaced: doc.projectForms.filter((f) => !used.has(f.id)) };
}

/** An HTML id fragment safe in URLs and CSS selectors. */
export function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

/** Anchor of a table row: `t7-r3` (row ids already prefixed `t7-` lose the prefix). */
export function rowAnchor(tableNo: number, rowId: string): string {
  const prefix = `t${tableNo}-`;
  return `${prefix}r${safeId(rowId.startsWith(prefix) ? rowId.slice(prefix.length) : rowId)}`;
}

export type FormPart = 'disbursement' | 'costLines' | 'indicators' | 'amounts' | 'overview';

/** Which part of a project form a finding's `field` names (Chinese label or model key). */
export function formPart(field: string | null | undefined): FormPart | null {
  if (!field) return null;
  const f = field.toLowerCase();
  if (f.includes('支出进度') || f.includes('disbursement') || f.includes('季度')) return 'disbursement';
  if (f.includes('测算') || f.includes('costline')) return 'costLines';
  if (f.includes('指标') || f.includes('目标值') || f.includes('indicator')) return 'indicators';
  if (f.includes('金额') || f.includes('资金') || f.includes('amount')) return 'amounts';
  if (f.includes('概况') || f.includes('目标') || f.includes('overview') || f.includes('goal')) return 'overview';
  return null;
}

/** Anchor of a project form part: `form-2-disbursement`. */
export function formAnchor(formId: string, part: FormPart | null): string {
  return part ? `form-${safeId(formId)}-${part}` : `form-${safeId(formId)}`;
}

/** Anchor of an indicator row: `form-2-ind-<name>` on a project page, `t14-ind-<name>` in table 14 (first row of that name). */
export function indicatorAnchor(prefix: string, name: string): string {
  return `${prefix}-${safeId(name)}`;
}

/** Prefix of the indicator anchors of a project form. */
export const formIndicatorPrefix = (formId: string): string => `form-${safeId(formId)}-ind`;

/** Prefix of the indicator anchors of table 14. */
export const T14_INDICATOR_PREFIX = 't14-ind';

/** What a finding link needs besides the finding: the version shown, where the narrative's lines are. */
export interface HrefContext {
  /** A version other than the latest: links stay in that version (`?v=N`). */
  v?: number | undefined;
  /** The anchored narrative line for a source line, null when the line is not in the narrative. */
  narrativeLine?: ((line: number) => number | null) | undefined;
}

/** The indicator a finding names: `item` is "form name / indicator" on forms, the indicator on table 14. */
function indicatorName(item: string | null | undefined, onForm: boolean): string | null {
  if (!item) return null;
  if (!onForm) return item;
  const i = item.indexOf(' / ');
  return i < 0 ? null : item.slice(i + 3);
}

/** Where a finding's place is shown in the web app (page + anchor), or null when it has no page. */
export function findingHref(budgetId: string, f: Finding, ctx: HrefContext = {}): string | null {
  const loc = f.location;
  const q = ctx.v !== undefined ? `?v=${ctx.v}` : '';
  const indicator = formPart(loc.field) === 'indicators';
  if (loc.table != null) {
    if (loc.table === 14) {
      const name = indicator && !loc.row ? indicatorName(loc.item, false) : null;
      const anchor = loc.row ? rowAnchor(14, loc.row) : name ? indicatorAnchor(T14_INDICATOR_PREFIX, name) : 't14';
      return `/budgets/${budgetId}/tables/14${q}#${anchor}`;
    }
    return `/budgets/${budgetId}/tables/${loc.table}${q}#${loc.row ? rowAnchor(loc.table, loc.row) : `t${loc.table}`}`;
  }
  if (loc.form) {
    const name = indicator ? indicatorName(loc.item, true) : null;
    const anchor = name ? indicatorAnchor(formIndicatorPrefix(loc.form), name) : formAnchor(loc.form, formPart(loc.field));
    return `/budgets/${budgetId}/projects/${encodeURIComponent(loc.form)}${q}#${anchor}`;
  }
  if (loc.line != null && ctx.narrativeLine) {
    const line = ctx.narrativeLine(loc.line);
    if (line !== null) return `/budgets/${budgetId}/narrative${q}#line-${line}`;
  }
  return null;
}

/** Formats fen for display in the document's unit (万元 with 2 decimals unless the source printed more). */
export function fmt(fen: number | null | undefined, doc: Pick<BudgetDocument, 'displayUnit'>, decimals = 2): string {
  if (fen === null || fen === undefined) return '—';
  return formatAmount(fen, doc.displayUnit, decimals);
}

/** Decimals to show for a set of amounts: the most the source printed, at least 2. */
export function decimalsFor(ms: ReadonlyArray<{ decimals?: number | undefined } | null | undefined>): number {
  let d = 2;
  for (const m of ms) if (m?.decimals !== undefined && m.decimals > d) d = m.decimals;
  return d;
}

/** Sum of a form's quarterly plan, in fen. */
export function disbursementSum(form: ProjectForm): number {
  return sumFen(form.disbursement.map((q) => q.amount.fen));
}

/** Sum of a form's cost lines, in fen. */
export function costLineSum(form: ProjectForm): number {
  return sumFen(form.costLines.map((l) => l.amount?.fen));
}

export interface HeaderCell {
  label: string;
  colspan: number;
  rowspan: number;
}

/**
 * Header rows from the columns' header paths: equal leading labels of neighbouring columns merge
 * into one spanning cell; a path shorter than the deepest spans the remaining rows.
 */
export function headerRows(columns: ReadonlyArray<Pick<Column, 'header'>>): HeaderCell[][] {
  const depth = Math.max(1, ...columns.map((c) => c.header.length));
  const rows: HeaderCell[][] = [];
  for (let d = 0; d < depth; d++) {
    const row: HeaderCell[] = [];
    for (let i = 0; i < columns.length; ) {
      const h = columns[i]!.header;
      if (d >= h.length) {
        i++;
        continue;
      }
      if (d === h.length - 1) {
        row.push({ label: h[d]!, colspan: 1, rowspan: depth - d });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < columns.length) {
        const g = columns[j]!.header;
        if (g.length <= d + 1 || !h.slice(0, d + 1).every((x, k) => g[k] === x)) break;
        j++;
      }
      row.push({ label: h[d]!, colspan: j - i, rowspan: 1 });
      i = j;
    }
    rows.push(row);
  }
  return rows;
}
