/**
 * Reading tables for cross-table reconciliation: a column's table total (the total row, the single
 * unit row, or the sum of the units), the two-sided summary lines of tables 1 and 6, and function
 * codes summed over one or more tables.
 */
import type { BudgetDocument, Money, Row, Table } from '../../domain/model.js';
import { tableOf } from './scope.js';
import { squash } from '../../domain/text.js';
import { FUNCTION_EXPENDITURE_ROLES } from '../../domain/catalogue/columns.js';
import { minOf } from '../../domain/arrays.js';
import type { DisplayUnit } from '../../domain/money.js';
import type { Location, RuleContext } from '../types.js';
import { columnLabel, locRow, locTable, rowName, tableName } from './location.js';
import { compareTotal, fenOf, placesIn, toleranceFen, type Figure } from './rounding.js';
import { formatAmount, halfUlpFen, toDecimalString } from '../../domain/money.js';

/** A figure taken from a table with the row it comes from (for the location) and its rounding count. */
export interface TableFigure {
  value: Money | number | null;
  fen: number;
  row: Row | undefined;
  /** How many printed figures were added (the tolerance count). */
  n: number;
  /**
   * Of a sum: the fewest decimal places any of its printed figures other than zero shows (a printed 0
   * is exact): a sum with a 元 figure printed "480544221.6" is no finer than that figure.
   */
  coarsest?: number;
}

/** True when the table has an amount column with this key. */
export function hasColumn(t: Table, key: string): boolean {
  return t.columns.some((c) => c.key === key);
}

/**
 * The table total of a column: the `total` row if printed, else the one top-level unit row, else
 * the sum of the top-level unit rows, else the sum of the top-level rows.
 */
export function columnTotal(t: Table, key: string): TableFigure {
  const tot = t.rows.find((r) => r.kind === 'total' && r.side === undefined);
  if (tot) return cellFigure(tot, key);
  const units = t.rows.filter((r) => r.kind === 'unit');
  const minUnit = minOf(units.map((r) => r.level));
  const topUnits = units.filter((r) => r.level === minUnit);
  if (topUnits.length === 1) return cellFigure(topUnits[0], key);
  const rows = topUnits.length > 0 ? topUnits : topRows(t);
  // A department's line printed level with its own units ("深圳市建筑工务署" beside "深圳市建筑工务署（本级）"),
  // as unit lines or as the table's top lines: the department's line is the total.
  const dept = rows.find((d) => rows.some((u) => u !== d && squash(u.label).startsWith(squash(d.label)) && /本级/.test(u.label)));
  if (dept) return cellFigure(dept, key);
  const fen = rows.reduce((s, r) => s + fenOf(r.amounts[key]), 0);
  return { value: fen, fen, row: rows[0], n: rows.filter((r) => r.amounts[key] != null).length };
}

/** Rows at the top of a table's hierarchy (no parent, or the minimum level when no parents are given). */
export function topRows(t: Table, side?: 'revenue' | 'expenditure'): Row[] {
  const rows = t.rows.filter((r) => (r.kind === 'item' || r.kind === 'group') && r.side === side);
  // A function code is at the top when no shorter code above it is printed (a flat list of 项 tops).
  const codes = rows.filter((r) => r.codeSystem === 'function' && r.code).map((r) => r.code!);
  const topCode = (c: string) => !codes.some((o) => o.length < c.length && c.startsWith(o));
  if (rows.some((r) => r.parent != null)) {
    return rows.filter((r) => (r.codeSystem === 'function' && r.code ? topCode(r.code) : r.parent == null));
  }
  const min = minOf(rows.map((r) => r.level));
  return rows.filter((r) => (r.codeSystem === 'function' && r.code ? topCode(r.code) : r.level === min));
}

/**
 * The top lines of one side of a two-sided table, or undefined when one of them may not be a top
 * line at all: a line without a code whose label is not enumerated as a class ("一、…") and is none of
 * the known other uses (上缴上级支出 …) may be a 款 whose code the reader could not resolve.
 */
export function knownTopRows(t: Table, side: 'revenue' | 'expenditure'): Row[] | undefined {
  // Only the lines printed above 本年合计: below it come the carry-over and, in some layouts, other
  // lines of 总计 (Yantai: 上级补助收入 printed below 本年收入合计).
  const sub = sideLine(t, side, 'subtotal');
  const sideRows = t.rows.filter((r) => r.side === side);
  const rows = topRows(t, side).filter((r) => !sub || sideRows.indexOf(r) < sideRows.indexOf(sub) || sideRows.indexOf(sub) < 0);
  // A heading "一、本年支出" / "一、部门预算" over the classes (Chongqing, Xi'an): a line without a code
  // that prints the subtotal itself heads the others, whatever their levels were read as.
  if (rows.some((r) => /本年(支出|收入)$/.test(r.label.replace(/\s+/g, '')))) return undefined;
  const subFen = sub ? fenOf(sideAmount(t, sub)) : null;
  if (rows.length > 1 && rows.some((r) => !r.code && subFen !== null && subFen !== 0 && fenOf(sideAmount(t, r)) === subFen)) return undefined;
  // The same line twice: the side prints several classifications of one total (Xi'an: by function and
  // by economic class), so its top lines are not one breakdown.
  if (new Set(rows.map((r) => r.label.replace(/\s+/g, ''))).size < rows.length) return undefined;
  const unsure = rows.some((r) => !r.code && !/^\s*[一二三四五六七八九十]{1,3}[、.．]/.test(r.label) && !NOT_FUNCTION.test(r.label.replace(/\s+/g, '')));
  return unsure ? undefined : rows;
}

/** The amount column of one side of a two-sided table. */
export function sideKey(t: Table, side: 'revenue' | 'expenditure'): string {
  return t.sides?.[side] ?? 'amount';
}

/** The line of a kind on one side of a two-sided table (本年收入合计, 上年结余、结转, 收入总计 …). */
export function sideLine(t: Table, side: 'revenue' | 'expenditure', kind: 'subtotal' | 'carry' | 'total'): Row | undefined {
  return t.rows.find((r) => r.side === side && r.kind === kind);
}

/**
 * Every top-level carry line on one side of a two-sided table. A final account prints several
 * (使用非财政拨款结余 and 年初结转和结余 on the revenue side, 结余分配 and 年末结转和结余 on the
 * expenditure side), and 合计 + all of them = 总计; breakdown rows under a carry line (its `parent`)
 * are not counted again.
 */
export function carryLines(t: Table, side: 'revenue' | 'expenditure'): Row[] {
  return t.rows.filter((r) => r.side === side && r.kind === 'carry' && !underCarry(t, r));
}

/** An enumerated sub-item label: 1. / 2、 / （一） / (1). */
const SUB_ITEM = /^\s*(\d{1,2}\s*[.．、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])/;

/**
 * True when a row breaks down a carry line (年初财政拨款结转和结余 → 一、一般公共预算财政拨款): by its
 * `parent`, or by print: a line after a carry line of its side and before that side's next 合计 or
 * 总计 line (a carry line itself only when enumerated as a sub-item, "1.财政拨款结余、结转").
 */
export function underCarry(t: Table, r: Row): boolean {
  if (r.parent != null && t.rows.some((p) => p.id === r.parent && p.kind === 'carry')) return true;
  if (r.side === undefined || r.kind === 'subtotal' || r.kind === 'total') return false;
  if (r.kind === 'carry' && !SUB_ITEM.test(r.label)) return false;
  // A breakdown line says so: enumerated as a sub-item, introduced by 其中, indented deeper, or naming
  // a fund (上年结转结余 → 一、一般公共预算拨款); a line level with the carry lines is a line of its own
  // (上年实户资金余额 after 使用非财政拨款结余).
  const label = r.label.replace(/\s+/g, '');
  const side = t.rows.filter((x) => x.side === r.side);
  for (let j = side.indexOf(r) - 1; j >= 0; j--) {
    const x = side[j]!;
    if (x.kind === 'subtotal' || x.kind === 'total') return false;
    if (x.kind === 'carry' && !SUB_ITEM.test(x.label)) {
      return SUB_ITEM.test(label) || /^其中/.test(label) || r.level > x.level || /一般公共预算|政府性基金|国有资本经营|财政拨款/.test(label);
    }
  }
  return false;
}

/** Sum of the carry lines of one side in fen (0 when none is printed). */
export function carryFen(t: Table, side: 'revenue' | 'expenditure'): number {
  return carryLines(t, side).reduce((s, r) => s + fenOf(sideAmount(t, r)), 0);
}

/** Amount of a row on its side's column. */
export function sideAmount(t: Table, r: Row | undefined): Money | null {
  if (!r) return null;
  return r.amounts[sideKey(t, r.side ?? 'expenditure')] ?? null;
}

/** Function-code rows of a table (expenditure side for two-sided tables), summed per code over unit blocks. */
export function functionCodes(t: Table, key: string): Map<string, TableFigure> {
  const out = new Map<string, TableFigure>();
  for (const r of t.rows) {
    if (r.codeSystem !== 'function' || !r.code) continue;
    if (t.sides && r.side !== 'expenditure') continue;
    const v = r.amounts[key] ?? null;
    const prev = out.get(r.code);
    if (!prev) out.set(r.code, { value: v, fen: fenOf(v), row: r, n: v == null ? 0 : 1 });
    else out.set(r.code, { value: prev.fen + fenOf(v), fen: prev.fen + fenOf(v), row: prev.row, n: prev.n + (v == null ? 0 : 1) });
  }
  return out;
}

/**
 * Function codes of several code maps restricted to the levels (code lengths 3/5/7) that every map
 * prints: a Shanghai summary table lists only 类, so its 款 and 项 are not missing, just not printed.
 */
export function sharedLevelCodes(mine: Map<string, TableFigure>, theirs: Array<Map<string, TableFigure>>): string[] {
  const lengths = (m: Map<string, TableFigure>) => new Set([...m.keys()].map((c) => c.length));
  const own = lengths(mine);
  const other = new Set(theirs.flatMap((m) => [...lengths(m)]));
  // An empty side (no function rows at all) restricts nothing: its absence is itself a finding.
  const shared = own.size === 0 ? other : other.size === 0 ? own : new Set([...own].filter((l) => other.has(l)));
  const all = new Set([...mine.keys(), ...theirs.flatMap((m) => [...m.keys()])]);
  return [...all].filter((c) => shared.has(c.length)).sort();
}

/** Expenditure lines that are no function class: headings, other uses, carry-over. */
const NOT_FUNCTION = /本年支出|支出合计|支出总计|上缴上级|对附属单位补助|经营支出|结转|结余/;

/**
 * True when a table (one side of it) has item lines without a function code: headings such as
 * "一、本年支出" aside, a line whose code the reader could not resolve from its name.
 */
export function hasUncodedLines(t: Table, side?: 'revenue' | 'expenditure'): boolean {
  return t.rows.some((r) => (side === undefined || r.side === side) && (r.kind === 'item' || r.kind === 'group') && !r.code && !underCarry(t, r) && !NOT_FUNCTION.test(r.label.replace(/\s+/g, '')));
}

/** Unit rows of a per-unit table by squashed name (the budget unit's own line). */
export function unitRows(t: Table): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t.rows) if (r.kind === 'unit' && !m.has(squash(r.label))) m.set(squash(r.label), r);
  return m;
}

/** The revenue keys that are government appropriation (the rest is non-appropriation money). */
export const APPROPRIATION_KEYS = ['govApprop', 'general', 'govFund', 'stateCapital', 'generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'];

/**
 * True when all revenue is government appropriation (no special-account, unit funds or carry-over),
 * judged from table 2 when present, else from table 1's revenue lines. Then tables 1 and 6 and the
 * function tables 7–9 must agree exactly; otherwise table 1 may exceed them.
 */
export function allAppropriation(doc: BudgetDocument): boolean {
  const t2 = tableOf(doc, 'revenue-summary');
  if (t2) {
    return t2.columns.every((c) => c.kind !== 'amount' || c.key === 'total' || APPROPRIATION_KEYS.includes(c.key) || columnTotal(t2, c.key).fen === 0);
  }
  const t1 = tableOf(doc, 'income-expenditure-summary');
  if (!t1) return true;
  const key = sideKey(t1, 'revenue');
  return t1.rows
    .filter((r) => r.side === 'revenue' && (r.kind === 'item' || r.kind === 'group' || r.kind === 'carry'))
    .every((r) => (r.code && APPROPRIATION_KEYS.includes(r.code)) || fenOf(r.amounts[key]) === 0 || /政府预算拨款/.test(r.label));
}

/** One side of a reconciliation: where the figure is printed and what it is called there. */
export interface Side {
  table: Table;
  /** The figure's name in that table ("支出总计", "基本支出", "2080505 机关事业单位基本养老保险缴费支出"). */
  label: string;
  fig: TableFigure;
  /** Column key the figure is in (for the location's field). */
  key?: string;
}

/** A column's table total as one side of a reconciliation, named by its printed header. */
export function columnSide(t: Table, key: string): Side {
  return { table: t, label: columnLabel(t, key), fig: columnTotal(t, key), key };
}

/** A figure from a row's cell. */
export function cellFigure(r: Row | undefined, key: string): TableFigure {
  const v = r?.amounts[key] ?? null;
  return { value: v, fen: fenOf(v), row: r, n: 1 };
}

/** A figure that is a sum of other figures. */
export function sumFigures(figs: TableFigure[]): TableFigure {
  const fen = figs.reduce((s, f) => s + f.fen, 0);
  const printed = figs.filter((f) => f.value != null);
  if (printed.length === 1) return printed[0]!;
  const places = printed.flatMap((f) =>
    typeof f.value === 'number' ? (f.coarsest === undefined ? [] : [f.coarsest]) : f.value?.decimals === undefined || f.value.fen === 0 ? [] : [f.value.decimals],
  );
  const coarsest = places.length > 0 ? Math.min(...places) : undefined;
  return { value: fen, fen, row: figs.find((f) => f.row)?.row, n: figs.reduce((s, f) => s + f.n, 0), ...(coarsest === undefined ? {} : { coarsest }) };
}

/**
 * Reports through `compareTotal` when the figure printed in one table (`a`, expected) differs from
 * the figure in another (`b`, actual): exact for two printed figures, a rounding allowance for sums.
 * Located at `a`'s cell.
 */
export function reconcile(ctx: RuleContext, a: Side, b: Side, subject?: string): void {
  // A table read without any row says nothing about its figures (it is not a table of zeros).
  if (a.table.rows.length === 0 || b.table.rows.length === 0) return;
  const location = a.fig.row ? locRow(a.table, a.fig.row, a.key ?? null) : locTable(a.table, a.label);
  // Both tables in 元: compare and show in 元; otherwise in 万元, the coarser of the two.
  const unit = a.table.displayUnit === '元' && b.table.displayUnit === '元' ? '元' : '万元';
  reconcileAt(ctx, a.fig.value, `${tableName(a.table)} ${a.label}`, b, subject ?? `${tableName(a.table)}与${tableName(b.table)}`, location, unit);
}

/**
 * Like `reconcile` for a figure printed outside the tables (table 14, a form): `total`, called
 * `totalLabel`, against the table figure `b`, reported at `location`.
 */
export function reconcileAt(ctx: RuleContext, total: Figure, totalLabel: string, b: Side, subject: string, location: Location, unit: DisplayUnit = '万元'): void {
  if (b.table.rows.length === 0) return;
  const name = `${tableName(b.table)} ${b.label}`;
  const parts: Figure[] | number = b.fig.n > 1 || typeof b.fig.value === 'number' ? b.fig.fen : [b.fig.value];
  // A sum one of whose figures is printed coarser than 0.01 (in 元: "480544221.6") is no finer than that figure.
  const partsTolFen = typeof parts === 'number' && b.fig.coarsest !== undefined ? halfUlpFen(unit, placesIn(unit, b.fig.coarsest)) : undefined;
  compareTotal(ctx, { total, parts, n: b.fig.n, subject, totalLabel, partLabels: [name], partsLabel: name, location, unit, ...(partsTolFen === undefined ? {} : { partsTolFen }) });
}

/**
 * Reconciles the function-code lines of a two-sided summary (table 1 or 6, expenditure side) with
 * tables 7–9 summed per code, on the code levels both print (Shanghai summary tables list 类 only).
 * `skip` leaves a code out given the summary's figure and the tables' sum.
 */
export function reconcileFunctionCodes(ctx: RuleContext, doc: BudgetDocument, summary: Table, skip?: (mine: TableFigure, theirs: TableFigure) => boolean): void {
  const all = FUNCTION_EXPENDITURE_ROLES.map((r) => tableOf(doc, r)).filter((t) => t !== undefined);
  // A table read without a total column says nothing of its lines' totals (BUD-046 names the missing
  // column): the codes it lists, and those above or below them, are not compared, and a code the other
  // tables leave out may be its.
  // (A table without a total column that lists no code, one printed empty, hides none.)
  const fts = all.filter((t) => t.columns.some((c) => c.key === 'total'));
  const blind = all.filter((t) => !fts.includes(t)).flatMap((t) => t.rows.flatMap((r) => (r.code && r.codeSystem === 'function' ? [r.code] : [])));
  if (fts.length === 0) return;
  const key = sideKey(summary, 'expenditure');
  const mine = functionCodes(summary, key);
  const theirs = fts.map((t) => ({ t, codes: functionCodes(t, 'total') }));
  // A code one side does not list is 0 there only if every line of that side has its code: a line
  // whose code the reader could not resolve may be the one.
  const mineComplete = !hasUncodedLines(summary, 'expenditure');
  const theirsComplete = blind.length === 0 && fts.every((t) => !hasUncodedLines(t));
  for (const code of sharedLevelCodes(
    mine,
    theirs.map((x) => x.codes),
  )) {
    if (blind.some((c) => c.startsWith(code) || code.startsWith(c))) continue;
    const listed = theirs.filter((x) => x.codes.has(code));
    if (!mine.has(code) && !mineComplete) continue;
    if (listed.length === 0 && !theirsComplete) continue;
    const sum = sumFigures(listed.map((x) => x.codes.get(code)!));
    const m = mine.get(code) ?? { value: null, fen: 0, row: undefined, n: 0 };
    if (skip?.(m, sum)) continue;
    const other = theirs.find((x) => x.codes.has(code));
    const row = m.row ?? other?.codes.get(code)?.row;
    const names = theirs
      .filter((x) => x.codes.has(code))
      .map((x) => tableName(x.t))
      .join('+');
    reconcile(ctx, { table: summary, label: row ? rowName(row) : code, fig: m, key }, { table: other?.t ?? fts[0]!, label: `${code} 支出总计（${names || '表7'}）`, fig: sum, key: 'total' });
  }
}

/**
 * Reports when the figure `part` (a general-budget total, say) exceeds `whole` (the same figure over
 * every fund) beyond the rounding allowance of the two: a part never exceeds its whole. Located at
 * `part`'s cell; `expected` is the whole, `actual` the part.
 */
export function reconcileWithin(ctx: RuleContext, part: Side, whole: Side): void {
  if (part.table.rows.length === 0 || whole.table.rows.length === 0) return;
  const excess = part.fig.fen - whole.fig.fen;
  const unit: DisplayUnit = part.table.displayUnit === '元' && whole.table.displayUnit === '元' ? '元' : '万元';
  if (excess <= toleranceFen(whole.fig.fen, part.fig.n + whole.fig.n, unit)) return;
  const location = part.fig.row ? locRow(part.table, part.fig.row, part.key ?? null) : locTable(part.table, part.label);
  ctx.report({
    message: `${tableName(part.table)} ${part.label} ${formatAmount(part.fig.fen, unit)} 超过${tableName(whole.table)} ${whole.label} ${formatAmount(whole.fig.fen, unit)}，超出 ${formatAmount(excess, unit)} ${unit}（前者是后者的一部分）`,
    location,
    expected: toDecimalString(whole.fig.fen, unit),
    actual: toDecimalString(part.fig.fen, unit),
    difference: toDecimalString(excess, unit),
    unit,
  });
}

/**
 * Reconciles the spending `spent` (a column of table 7) with the source `source` that funds it in
 * another table (this year's general-budget appropriation), given the carry-over `carry` that may
 * fund part of the spending (上年结转, of every fund when the table does not split it): equal when
 * nothing is carried over (located at `spent`, as `reconcile`), else source ≤ spent ≤ source + carry.
 */
export function reconcileWithCarry(ctx: RuleContext, spent: Side, source: Side, carry: Side | undefined): void {
  if (!carry || carry.fig.fen === 0) {
    reconcile(ctx, spent, source);
    return;
  }
  reconcileWithin(ctx, source, spent);
  reconcileWithin(ctx, spent, { table: source.table, label: `${source.label} + ${carry.label}`, fig: sumFigures([source.fig, carry.fig]), key: source.key });
}

/**
 * The carry-over of one source in a two-sided table's revenue side: the sum of the lines under its
 * carry line that carry the source's code (上年结转 → （一）一般公共预算拨款), or 0 when none is printed.
 */
export function carryOfSource(t: Table, code: string): number {
  return t.rows.filter((r) => r.side === 'revenue' && r.code === code && underCarry(t, r)).reduce((s, r) => s + fenOf(sideAmount(t, r)), 0);
}

/**
 * True when `b` equals `a` plus the carry-over `carryFen` of the same source within rounding: some
 * layouts (Chongqing) state a source in 收支总表 and 收入总表 with its carry-over, and in 财政拨款收支总表
 * without it (本年收入 and 上年结转 apart). Either reading is the document's own, not an error.
 */
export function equalsWithCarry(a: TableFigure, b: TableFigure, carry: number): boolean {
  if (carry === 0) return false;
  return Math.abs(a.fen + carry - b.fen) <= toleranceFen(b.fen, a.n + b.n + 1);
}

/**
 * True when two figures of one source differ by no more than the carry-over table 2 prints (上年结转):
 * a table without a carry-over column of its own may state the source with or without it (Zhuhai's
 * 项目支出表 counts the general budget's 0.11 carried over in its 一般公共预算 column), so such a
 * difference is either reading, not an error.
 */
export function withinDocumentCarry(doc: BudgetDocument, a: Side, b: Side): boolean {
  const t2 = tableOf(doc, 'revenue-summary');
  if (!t2 || !hasColumn(t2, 'carryOver')) return false;
  const carry = columnTotal(t2, 'carryOver').fen;
  const diff = Math.abs(a.fig.fen - b.fig.fen);
  return carry > 0 && diff > 0 && diff <= carry + toleranceFen(carry, a.fig.n + b.fig.n);
}
