/**
 * What the pages show, computed from a BudgetDocument: key figures, composition by function and
 * economic class, the project tree, anchors that findings link to. Pure; amounts stay integer fen.
 */
import type { BudgetDocument, ProjectForm, Row, Table } from '../domain/model.js';
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
  const procurementFromT11 = t11
    ? cell(
        t11.rows.find((r) => r.kind === 'total'),
        'amount',
      )
    : null;
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
  /** Row id in the project table, for the anchor. */
  rowId: string | null;
  /** Id of the project table (`t5`). */
  tableId: string | null;
  forms: ProjectForm[];
}

/** Projects of the project table (Shenzhen table 5) with the project forms that belong to each; forms without a project come last. */
export function projectTree(doc: BudgetDocument): { nodes: ProjectNode[]; unplaced: ProjectForm[] } {
  const t5 = tableByRole(doc, 'project-expenditure');
  const items = t5 ? t5.rows.filter((r) => r.kind === 'item') : [];
  const tableId = t5 ? (t5.id ?? `t${doc.tables.indexOf(t5) + 1}`) : null;
  const used = new Set<string>();
  const nodes = items.map((r): ProjectNode => {
    const key = squash(r.label);
    const forms = doc.projectForms.filter((f) => f.parentProject !== null && squash(f.parentProject) === key);
    for (const f of forms) used.add(f.id);
    return { name: r.label, fen: r.amounts['total']?.fen ?? null, rowId: r.id, tableId, forms };
  });
  return { nodes, unplaced: doc.projectForms.filter((f) => !used.has(f.id)) };
}

/** An HTML id fragment safe in URLs and CSS selectors. */
export function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

/** Anchor of a table row: `t7-r3` (row ids already prefixed `t7-` lose the prefix). */
export function rowAnchor(tableId: string, rowId: string): string {
  const prefix = `${tableId}-`;
  return `${prefix}r${safeId(rowId.startsWith(prefix) ? rowId.slice(prefix.length) : rowId)}`;
}

/**
 * The page id of the department-wide target form when the document holds it as a form rather
 * than as a printed table (Shenzhen table 14): `/budgets/:id/tables/department-targets`.
 */
export const TARGETS_PAGE = 'department-targets';

export type FormPart = 'disbursement' | 'costLines' | 'indicators' | 'amounts' | 'overview';

const FORM_PARTS: readonly FormPart[] = ['disbursement', 'costLines', 'indicators', 'amounts', 'overview'];
const FORM_AMOUNT_KEYS = new Set(['total', 'currentYear', 'fiscal', 'other', 'transfer', 'purchasedServices']);

/**
 * Which part of a project form a finding's place names: its column key when it carries one
 * (`disbursement`, `costLines`, an amount key …), else the label of its field (legacy findings).
 */
export function formPart(field: string | null | undefined, column?: string | null): FormPart | null {
  if (column) {
    const head = column.split(/[.[]/)[0]!;
    if ((FORM_PARTS as readonly string[]).includes(head)) return head as FormPart;
    if (FORM_AMOUNT_KEYS.has(head)) return 'amounts';
  }
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

/** Anchor of an indicator row: `form-2-ind-<name>` on a project page, `dt-ind-<name>` on the department form (first row of that name). */
export function indicatorAnchor(prefix: string, name: string): string {
  return `${prefix}-${safeId(name)}`;
}

/** Prefix of the indicator anchors of a project form. */
export const formIndicatorPrefix = (formId: string): string => `form-${safeId(formId)}-ind`;

/** Prefix of the indicator anchors of the department-wide target form. */
export const TARGETS_INDICATOR_PREFIX = 'dt-ind';

/** Anchor of a task row of the department-wide target form. */
export const targetsRowAnchor = (rowId: string): string => `dt-r${safeId(rowId)}`;

/** What a finding link needs besides the finding: the document shown, its version, where the narrative's lines are. */
export interface HrefContext {
  /** A version other than the latest: links stay in that version (`?v=N`). */
  v?: number | undefined;
  /** The anchored narrative line for a source line, null when the line is not in the narrative. */
  narrativeLine?: ((line: number) => number | null) | undefined;
  /** The document the finding is about: resolves table numbers, indicators and facts to their places. */
  doc?: BudgetDocument | undefined;
}

type Loc = Finding['location'];

/** The id of the table a stored id names (the document's own table ids, `t${index + 1}` for old documents). */
function tableIdIn(doc: BudgetDocument, id: string): string | null {
  return doc.tables.some((t, i) => (t.id ?? `t${i + 1}`) === id) ? id : null;
}

/**
 * Where a finding's table is: a table page (by id), the department-wide form, or nothing. The
 * location's `tableId` decides; a finding stored before ids existed names the printed number,
 * which the document resolves (its table 14 being the department-wide form when it holds one).
 */
export function findingTable(loc: Loc, doc: BudgetDocument | undefined): { page: 'table'; id: string } | { page: 'targets' } | null {
  if (loc.tableId) {
    if (!doc) return { page: 'table', id: loc.tableId };
    const id = tableIdIn(doc, loc.tableId);
    if (id) return { page: 'table', id };
  }
  if (loc.table == null) return null;
  if (!doc) return { page: 'table', id: String(loc.table) };
  const i = doc.tables.findIndex((t) => t.no === loc.table && t.role !== 'department-targets');
  if (i >= 0) return { page: 'table', id: doc.tables[i]!.id ?? `t${i + 1}` };
  const dtTable = doc.tables.findIndex((t) => t.role === 'department-targets');
  if (doc.departmentTargets && dtTable < 0) return { page: 'targets' };
  if (dtTable >= 0 && doc.tables[dtTable]!.no === loc.table) return { page: 'table', id: doc.tables[dtTable]!.id ?? `t${dtTable + 1}` };
  return null;
}

/**
 * The indicator a location points at, in a list of indicators: `indicator` (its index or its name)
 * when the location carries one, else the indicator the location's item names (compared with the
 * indicators' names: "故障率" or "项目名 / 故障率").
 */
export function indicatorAt(loc: Loc, indicators: ReadonlyArray<{ name: string }>, owner?: string): { name: string } | undefined {
  if (loc.indicator != null) {
    if (/^\d+$/.test(loc.indicator) && indicators[Number(loc.indicator)]) return indicators[Number(loc.indicator)];
    return indicators.find((i) => i.name === loc.indicator);
  }
  if (!loc.item) return undefined;
  return indicators.find((i) => loc.item === i.name || (owner !== undefined && loc.item === `${owner} / ${i.name}`));
}

/**
 * The table printed on a source line, and the row on it: the table whose lines (its title to its
 * last row) include the line, the row whose lines include it (else none: a header or note line).
 */
export function tableAtLine(doc: BudgetDocument, line: number): { id: string; row: string | null } | null {
  for (const [i, t] of doc.tables.entries()) {
    const from = t.src.line;
    if (from === null || line < from) continue;
    const last = Math.max(from, ...t.rows.map((r) => r.src.endLine ?? r.src.line ?? from), t.note?.src?.line ?? from);
    if (line > last) continue;
    const row = t.rows.find((r) => r.src.line !== null && r.src.line <= line && line <= (r.src.endLine ?? r.src.line));
    return { id: t.id ?? `t${i + 1}`, row: row?.id ?? null };
  }
  return null;
}

/** Where a finding's place is shown in the web app (page + anchor), or null when it has no page. */
export function findingHref(budgetId: string, f: Finding, ctx: HrefContext = {}): string | null {
  const loc = f.location;
  const q = ctx.v !== undefined ? `?v=${ctx.v}` : '';
  const doc = ctx.doc;
  if (loc.form) {
    const form = doc?.projectForms.find((x) => x.id === loc.form);
    const ind = form ? indicatorAt(loc, form.indicators, form.name || form.id) : undefined;
    const anchor = ind ? indicatorAnchor(formIndicatorPrefix(loc.form), ind.name) : formAnchor(loc.form, formPart(loc.field, loc.column) ?? (loc.indicator != null ? 'indicators' : null));
    return `/budgets/${budgetId}/projects/${encodeURIComponent(loc.form)}${q}#${anchor}`;
  }
  const place = findingTable(loc, doc);
  if (place?.page === 'targets') {
    const dt = doc?.departmentTargets;
    const ind = dt ? indicatorAt(loc, dt.indicators) : undefined;
    const anchor = ind ? indicatorAnchor(TARGETS_INDICATOR_PREFIX, ind.name) : loc.row ? targetsRowAnchor(loc.row) : TARGETS_PAGE;
    return `/budgets/${budgetId}/tables/${TARGETS_PAGE}${q}#${anchor}`;
  }
  if (place) return `/budgets/${budgetId}/tables/${encodeURIComponent(place.id)}${q}#${loc.row ? rowAnchor(place.id, loc.row) : place.id}`;
  const factLine = loc.fact && doc ? (doc.narrative.facts.find((x) => x.key === loc.fact)?.src.line ?? null) : null;
  const line = factLine ?? loc.line;
  // A place without a table that lies on the printed lines of a table is in that table (its row).
  const inTable = factLine === null && line != null && doc ? tableAtLine(doc, line) : null;
  if (inTable) return `/budgets/${budgetId}/tables/${encodeURIComponent(inTable.id)}${q}#${inTable.row ? rowAnchor(inTable.id, inTable.row) : inTable.id}`;
  if (line != null && ctx.narrativeLine) {
    const at = ctx.narrativeLine(line);
    if (at !== null) return `/budgets/${budgetId}/narrative${q}#line-${at}`;
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
