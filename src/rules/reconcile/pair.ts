/**
 * The items a budget and its final account share, each with the budget's figure, the final account's
 * 决算数, what the final account states as its 年初预算数 / 调整预算数 (table lines such as the 三公
 * table's "预算数" line, and the narrative's "年初预算为X万元，支出决算为Y万元"), and the narrative's
 * explanations. Matching is by classification code (function 类/款/项, economic 类/款), by 三公 item,
 * and, for the narrative, by the class path it names ("A（类）B（款）C（项）"). Nothing is guessed: a
 * figure whose cell is unknown is marked so, and a comparison whose subject names no item is kept
 * aside as unplaced.
 */
import type { BudgetDocument, Fact, Money, Row, Src, Table } from '../../domain/model.js';
import type { DisplayUnit } from '../../domain/money.js';
import { columnTermLabel } from '../../domain/catalogue/columns.js';
import { classPathOf, comparedWholeOf, finalFigureKindOf, type FinalFigureKind } from '../../domain/catalogue/final-accounts.js';
import { factsByKey } from '../../domain/query.js';
import { tableOf } from '../_lib/scope.js';
import { locRow, locSrc, locTable, rowName } from '../_lib/location.js';
import { uncertaintyOf, type UncertainRow } from '../_lib/unknown.js';
import { threePublicFigure, type ThreePublicItem } from '../_lib/three-public.js';
import { nameKey } from '../_lib/codes.js';
import type { Location } from '../types.js';
import type { Explanation, FigurePart, Pair, PairFigure, PairItem, StatedFigure, UnplacedComparison } from './types.js';

/** What a document does not know, by row and by table. */
interface Unknowns {
  rows: Map<Row, UncertainRow['reason']>;
  unread: Set<Table>;
}

function unknownsOf(doc: BudgetDocument): Unknowns {
  const u = uncertaintyOf(doc);
  return { rows: new Map(u.rows.map((x) => [x.row, x.reason])), unread: new Set(u.unread.map((x) => x.table)) };
}

function cellFigure(unk: Unknowns, t: Table, r: Row, key: string): PairFigure {
  const m: Money | null = r.amounts[key] ?? null;
  const reason = unk.rows.get(r);
  // An empty cell of a row with amounts not placed may hold one of them; an unread row holds nothing known.
  const unknown = m?.inferred === true || (reason !== undefined && (m === null || reason === 'unreadable'));
  return { fen: m?.fen ?? 0, unknown, absent: false, unit: t.displayUnit, location: locRow(t, r, key) };
}

/** An item a published table does not print: 0, unless rows of the table could not be read. */
function absentFigure(unk: Unknowns, t: Table, key: string): PairFigure {
  return { fen: 0, unknown: unk.unread.has(t), absent: true, unit: t.displayUnit, location: { ...locTable(t), column: key } };
}

const hasColumn = (t: Table | undefined, key: string): t is Table => !!t && t.columns.some((c) => c.key === key && c.kind === 'amount');

/** The rows of a table with a code of one system, first occurrence per code. */
function byCode(t: Table | undefined, system: 'function' | 'econ'): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t?.rows ?? []) if (r.codeSystem === system && r.code && !m.has(r.code)) m.set(r.code, r);
  return m;
}

/**
 * The figure of a code in a table: its cell; 0 when the table prints neither the code nor any code
 * under it; null when the table has no such column, or prints the code's children but not the code
 * (a layout without that level's lines: its figure is not printed, not 0).
 */
function figureIn(unk: Unknowns, t: Table | undefined, rows: Map<string, Row>, code: string, key: string): PairFigure | null {
  if (!hasColumn(t, key)) return null;
  const r = rows.get(code);
  if (r) return cellFigure(unk, t, r, key);
  return [...rows.keys()].some((c) => c.length > code.length && c.startsWith(code)) ? null : absentFigure(unk, t, key);
}

const emptyParts = { budgetBasic: null, budgetProject: null, finalBasic: null, finalProject: null } as const;

function newItem(key: string, kind: PairItem['kind'], code: string | null, name: string, level: number | null): PairItem {
  return { key, kind, code, name, level, budget: null, final: null, statedBudget: [], adjusted: [], explanations: [], ...emptyParts };
}

/** The unit a narrative figure was printed in (its raw text names it; else the document's). */
function printedUnit(doc: BudgetDocument, src: Src | undefined): DisplayUnit {
  if (src && /万元/.test(src.raw)) return '万元';
  if (src && /元/.test(src.raw)) return '元';
  return doc.displayUnit;
}

const THREE_PUBLIC: readonly ThreePublicItem[] = ['total', 'overseas', 'vehicles', 'vehiclePurchase', 'vehicleRunning', 'reception'];

/** The line of the final account's 三公 table stating one figure kind ("预算数", "决算数"), when exactly one does. */
function figureRow(t: Table | undefined, kind: FinalFigureKind): Row | undefined {
  const rows = t?.rows.filter((r) => finalFigureKindOf(r.label) === kind) ?? [];
  return rows.length === 1 ? rows[0] : undefined;
}

/** The section of the final account's narrative ("部门决算情况说明"). */
export function narrativeSection(doc: BudgetDocument): string {
  return `${doc.kind}情况说明`;
}

/** The function row of `t` a class path names (each level's name, top first), when exactly one does. */
function rowOfPath(t: Table | undefined, path: readonly string[]): Row | undefined {
  if (!t) return undefined;
  const byId = new Map(t.rows.map((r) => [r.id, r]));
  const want = path.map(nameKey);
  const hits = t.rows.filter((r) => {
    if (r.codeSystem !== 'function' || !r.code || nameKey(r.label) !== want[want.length - 1]) return false;
    // Its ancestors, nearest first, carry the path's other names.
    let p = r.parent ? byId.get(r.parent) : undefined;
    for (let i = want.length - 2; i >= 0; i--) {
      if (!p || nameKey(p.label) !== want[i]) return false;
      p = p.parent ? byId.get(p.parent) : undefined;
    }
    return r.code.length === [3, 5, 7][want.length - 1];
  });
  return hits.length === 1 ? hits[0] : undefined;
}

const PARTS: readonly FigurePart[] = ['total', 'basic', 'project'];

/**
 * What a final account's function table line states in its 年初预算数 and 调整预算数 columns (keys
 * `initial.total`, `initial.basic`, `adjusted.total` …, the national template's variant), as the item's
 * stated and adjusted budget, part by part.
 */
function statedColumns(unk: Unknowns, t: Table, r: Row, it: PairItem): void {
  for (const part of PARTS) {
    const ik = `initial.${part}`;
    const ak = `adjusted.${part}`;
    if (hasColumn(t, ik)) it.statedBudget.push({ ...cellFigure(unk, t, r, ik), via: 'table', comparison: null, part });
    if (hasColumn(t, ak)) it.adjusted.push({ ...cellFigure(unk, t, r, ak), via: 'table', comparison: null, part });
  }
}

/** The budget's figure of one part of an item (its whole, 基本支出, 项目支出), or null when not published. */
export function budgetPart(it: PairItem, part: FigurePart): PairFigure | null {
  return part === 'total' ? it.budget : part === 'basic' ? it.budgetBasic : it.budgetProject;
}

/** A narrative figure as a stated figure. */
function statedOf(doc: BudgetDocument, m: Money, index: number, subject: string, src: Src, fact: string): StatedFigure {
  const location: Location = { ...locSrc(narrativeSection(doc), m.src ?? src, subject, fact === 'comparison.budget' ? '年初预算数' : '决算数'), fact };
  return { fen: m.fen, unknown: m.inferred === true, absent: false, unit: printedUnit(doc, m.src ?? src), location, via: 'narrative', comparison: index, part: 'total' };
}

function factFigure(doc: BudgetDocument, f: Fact & { money: Money }): PairFigure {
  return {
    fen: f.money.fen,
    unknown: f.money.inferred === true,
    absent: false,
    unit: printedUnit(doc, f.money.src ?? f.src),
    location: { ...locSrc(narrativeSection(doc), f.src, f.label), fact: f.key },
  };
}

const moneyFactOf = (doc: BudgetDocument, key: string) => factsByKey(doc, key).find((f): f is Fact & { money: Money } => f.money != null);

/**
 * Pairs a budget with its final account: every item either states, with both sides' figures, the
 * final account's stated budget figures and its narrative's explanations.
 */
export function pairOf(budget: BudgetDocument, final: BudgetDocument, deviationPercent = 10): Pair {
  const bu = unknownsOf(budget);
  const fu = unknownsOf(final);
  const items = new Map<string, PairItem>();
  const add = (it: PairItem) => items.get(it.key) ?? (items.set(it.key, it), it);

  // The general budget by function class: 一般公共预算支出功能分类表 ↔ 一般公共预算财政拨款支出决算表.
  const bt = tableOf(budget, 'general-budget-function');
  const ft = tableOf(final, 'general-budget-function');
  const total = add(newItem('general:total', 'general-total', null, '一般公共预算支出合计', null));
  const totalRow = (t: Table | undefined) => t?.rows.find((r) => r.kind === 'total' && r.side === undefined);
  const bTotal = totalRow(bt);
  const fTotal = totalRow(ft);
  if (hasColumn(bt, 'total') && bTotal) total.budget = cellFigure(bu, bt, bTotal, 'total');
  if (hasColumn(ft, 'total') && fTotal) total.final = cellFigure(fu, ft, fTotal, 'total');
  if (bTotal) {
    if (hasColumn(bt, 'basic')) total.budgetBasic = cellFigure(bu, bt, bTotal, 'basic');
    if (hasColumn(bt, 'project')) total.budgetProject = cellFigure(bu, bt, bTotal, 'project');
  }
  if (fTotal) {
    if (hasColumn(ft, 'basic')) total.finalBasic = cellFigure(fu, ft, fTotal, 'basic');
    if (hasColumn(ft, 'project')) total.finalProject = cellFigure(fu, ft, fTotal, 'project');
    statedColumns(fu, ft!, fTotal, total);
  }
  const bf = byCode(bt, 'function');
  const ff = byCode(ft, 'function');
  for (const code of [...new Set([...bf.keys(), ...ff.keys()])].sort()) {
    const r = ff.get(code) ?? bf.get(code)!;
    const it = add(newItem(`function:${code}`, 'function', code, rowName(r), code.length === 3 ? 1 : code.length === 5 ? 2 : 3));
    it.budget = figureIn(bu, bt, bf, code, 'total');
    it.final = figureIn(fu, ft, ff, code, 'total');
    it.budgetBasic = figureIn(bu, bt, bf, code, 'basic');
    it.budgetProject = figureIn(bu, bt, bf, code, 'project');
    it.finalBasic = figureIn(fu, ft, ff, code, 'basic');
    it.finalProject = figureIn(fu, ft, ff, code, 'project');
    const fr = ff.get(code);
    if (fr) statedColumns(fu, ft!, fr, it);
  }

  // 三公: the budget's table of the year ↔ the final account's lines "预算数" / "调整预算数" / "决算数".
  const b3 = tableOf(budget, 'three-public');
  const f3 = tableOf(final, 'three-public');
  const f3rows = { initial: figureRow(f3, 'initial'), adjusted: figureRow(f3, 'adjusted'), final: figureRow(f3, 'final') };
  for (const k of THREE_PUBLIC) {
    const it = add(newItem(`three-public:${k}`, 'three-public', k, k === 'total' ? '“三公”经费合计' : columnTermLabel(k), null));
    const fig = b3 ? threePublicFigure(b3, k, budget.year) : undefined;
    if (b3 && fig) it.budget = cellFigure(bu, b3, fig.row, fig.key);
    if (!hasColumn(f3, k)) continue;
    if (f3rows.final) it.final = cellFigure(fu, f3, f3rows.final, k);
    for (const kind of ['initial', 'adjusted'] as const) {
      const r = f3rows[kind];
      if (r) (kind === 'initial' ? it.statedBudget : it.adjusted).push({ ...cellFigure(fu, f3, r, k), via: 'table', comparison: null, part: 'total' });
    }
  }

  // Economic classes of basic expenditure (一般公共预算基本支出经济分类表 ↔ 基本支出决算表).
  const be = tableOf(budget, 'basic-expenditure-economic');
  const fe = tableOf(final, 'basic-expenditure-economic');
  const bec = byCode(be, 'econ');
  const fec = byCode(fe, 'econ');
  for (const code of [...new Set([...bec.keys(), ...fec.keys()])].sort()) {
    const r = fec.get(code) ?? bec.get(code)!;
    const it = add(newItem(`econ:${code}`, 'econ', code, rowName(r), code.length === 3 ? 1 : 2));
    it.budget = figureIn(bu, be, bec, code, 'total');
    it.final = figureIn(fu, fe, fec, code, 'total');
  }

  // 机关运行经费 as the narratives state it.
  const bo = moneyFactOf(budget, 'operating-funds');
  const fo = moneyFactOf(final, 'operating-funds');
  if (bo || fo) {
    const it = add(newItem('operating-funds', 'operating-funds', null, '机关运行经费', null));
    if (bo) it.budget = factFigure(budget, bo);
    if (fo) it.final = factFigure(final, fo);
  }

  // The narrative's comparisons, placed on their items.
  const unplaced: UnplacedComparison[] = [];
  (final.finalAccounts?.comparisons ?? []).forEach((c, index) => {
    const location: Location = { ...locSrc(narrativeSection(final), c.src, c.subject), fact: 'comparison' };
    const whole = comparedWholeOf(c.subject);
    const path = whole ? null : classPathOf(c.subject);
    const r = path ? (rowOfPath(ft, path) ?? rowOfPath(bt, path)) : undefined;
    const key = whole === 'general-total' ? 'general:total' : whole === 'three-public-total' ? 'three-public:total' : r?.code ? `function:${r.code}` : null;
    const it = key ? items.get(key) : undefined;
    if (!it) {
      unplaced.push({ comparison: c, index, location });
      return;
    }
    const e: Explanation = { comparison: c, index, location };
    it.explanations.push(e);
    if (c.budget) it.statedBudget.push(statedOf(final, c.budget, index, c.subject, c.src, 'comparison.budget'));
  });
  return { budget, final, items: [...items.values()], unplaced, deviationPercent };
}

/** The stated 决算数 of an explanation, as a figure with its place. */
export function statedActualOf(pair: Pair, e: Explanation): StatedFigure | null {
  const a = e.comparison.actual;
  return a ? statedOf(pair.final, a, e.index, e.comparison.subject, e.comparison.src, 'comparison.actual') : null;
}
