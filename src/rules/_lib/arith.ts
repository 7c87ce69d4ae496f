/** Shared arithmetic checks over tables: row identities across columns, parents against children. */
import type { BudgetDocument, Money, Row, Table, TableRole } from '../../domain/model.js';
import type { ClassificationSystem } from '../../domain/classification/index.js';
import type { RuleContext } from '../types.js';
import { columnLabel, locRow, rowName, tableName } from './location.js';
import { addsUp, compareTotal, type CompareOutcome } from './rounding.js';
import { halfUlpFen } from '../../domain/money.js';
import type { SumRelation } from './columns.js';
import { rowRelations, undecidedColumns } from './relations.js';
import { toleranceFen } from './rounding.js';
import { amountTables, isChangeLabel, layoutInferred, unmappedFigures } from './scope.js';
import { perRun } from './per-run.js';

/** Tables of the given roles, in document order. */
export function tablesOf(doc: BudgetDocument, ...roles: TableRole[]): Table[] {
  return doc.tables.filter((t) => roles.includes(t.role));
}

/** "表7 2010399 其他…" — the subject of a message about a row. */
export function subjectOf(t: Table, r: Row): string {
  return `${tableName(t)} ${rowName(r)}`;
}

/**
 * Checks `total = Σ parts` on every row of a table for each relation. A row that prints none of the
 * parts (all cells empty) is not checked: there is no breakdown to compare. Nor is a row that prints
 * a figure in a column the reader could not name: that column may be one of the parts.
 */
export function checkRowRelations(ctx: RuleContext, t: Table, rels: SumRelation[], within: SumRelation[] = []): void {
  if (rels.length === 0) return;
  const undecided = undecidedColumns(t);
  for (const r of t.rows) {
    if (unmappedFigures(t, r).length > 0 || undecided.some((k) => (r.amounts[k]?.fen ?? 0) !== 0)) continue;
    for (const rel0 of rels) {
      // A part printed empty whose own parts (`within`) print figures stands for them: the 小计 of 公务用车
      // left blank beside 购置费 and 运行维护费 (that the 小计 is blank is its own relation's finding).
      const keys = rel0.parts.flatMap((k) => {
        const sub = r.amounts[k] == null ? within.find((w) => w.total === k && w.parts.some((p) => r.amounts[p] != null)) : undefined;
        return sub ? sub.parts : [k];
      });
      const rel = { ...rel0, parts: keys };
      const parts = rel.parts.map((k) => r.amounts[k] ?? null);
      if (parts.every((p) => p === null)) continue;
      const total = r.amounts[rel.total] ?? null;
      if (addsUp(total, parts)) continue;
      compareTotal(ctx, {
        total,
        parts,
        subject: subjectOf(t, r),
        totalLabel: columnLabel(t, rel.total),
        partLabels: rel.parts.map((k) => columnLabel(t, k)),
        location: locRow(t, r, rel.total),
        unit: t.displayUnit,
      });
    }
  }
}

/**
 * True for a row that names a period or a change rather than a part ("2026年", "上年预算数",
 * "增减变化金额"): a 三公 table lists last year, this year and the change as rows; none is a part of another.
 */
export function isPeriodRow(r: Row): boolean {
  if (r.code) return false;
  const s = r.label.replace(/\s+/g, '');
  return isChangeLabel(s) || /^((19|20)\d\d年度?|上年|本年|当年)(预算|执行|决算)?数?$/.test(s);
}

/**
 * Direct children of a row: by `parent` ids when any row names it; otherwise, for a row followed by
 * deeper rows, the rows one level deeper up to the next row at its level or above. A period or change
 * row has no parts and is no part (`isPeriodRow`).
 */
export function childRows(t: Table, r: Row): Row[] {
  if (isPeriodRow(r)) return [];
  return directChildren(t, r).filter((c) => !isPeriodRow(c));
}

function directChildren(t: Table, r: Row): Row[] {
  const byId = t.rows.filter((c) => c.parent === r.id && c.id !== r.id);
  if (byId.length > 0) return byId;
  if (t.rows.some((c) => c.parent != null)) return [];
  const i = t.rows.indexOf(r);
  const out: Row[] = [];
  for (const c of t.rows.slice(i + 1)) {
    if (c.side !== r.side) continue;
    if (c.level <= r.level || c.kind === 'subtotal' || c.kind === 'total' || c.kind === 'carry' || c.kind === 'unit') break;
    if (c.level === r.level + 1) out.push(c);
  }
  return out;
}

/** The amount columns where a parent row or its children print a figure: each with the parent's cell and the children's. */
function summedColumns(t: Table, parent: Row, children: readonly Row[]): Array<{ key: string; mine: Money | null; parts: Array<Money | null> }> {
  const out: Array<{ key: string; mine: Money | null; parts: Array<Money | null> }> = [];
  for (const c of t.columns) {
    if (c.kind !== 'amount') continue;
    const mine = parent.amounts[c.key] ?? null;
    const parts = children.map((ch) => ch.amounts[c.key] ?? null);
    if (mine === null && parts.every((p) => p === null)) continue;
    out.push({ key: c.key, mine, parts });
  }
  return out;
}

/** The children add up to the parent exactly in every amount column either prints, and the parent prints a figure other than 0. */
export function addsUpExactly(t: Table, parent: Row, children: readonly Row[]): boolean {
  const cols = summedColumns(t, parent, children);
  return cols.every((c) => addsUp(c.mine, c.parts)) && cols.some((c) => c.mine !== null && c.mine.fen !== 0);
}

/** Checks a parent row against the sum of `children` in every amount column the parent prints. */
export function checkParent(ctx: RuleContext, t: Table, parent: Row, children: Row[]): CompareOutcome[] {
  const out: CompareOutcome[] = [];
  if (children.length === 0) return out;
  for (const { key, mine, parts } of summedColumns(t, parent, children)) {
    if (addsUp(mine, parts)) {
      out.push('equal');
      continue;
    }
    out.push(
      compareTotal(ctx, {
        total: mine,
        parts,
        subject: subjectOf(t, parent),
        totalLabel: columnLabel(t, key),
        partLabels: children.map((ch) => rowName(ch)),
        location: locRow(t, parent, key),
        unit: t.displayUnit,
      }),
    );
  }
  return out;
}

/** True for a row introduced by 其中 ("其中：专项资金列入部门预算的项目"): a part named, not a breakdown. */
export function isOfWhich(r: Row): boolean {
  return /^\s*其中/.test(r.label);
}

/**
 * Checks a heading line against the lines it heads: equal to their sum, except where every line it
 * heads is introduced by 其中 (parts named, not a whole breakdown), which may not exceed it.
 */
export function checkHeading(ctx: RuleContext, t: Table, parent: Row, children: Row[]): void {
  if (children.length > 0 && children.every(isOfWhich)) {
    for (const c of t.columns) {
      if (c.kind !== 'amount') continue;
      const sum = children.reduce((a, ch) => a + (ch.amounts[c.key]?.fen ?? 0), 0);
      const mine = parent.amounts[c.key]?.fen ?? 0;
      const tol = children.length * halfUlpFen(t.displayUnit, 2);
      if (sum > mine + tol) checkParent(ctx, { ...t, columns: [c] }, parent, children);
    }
    return;
  }
  checkParent(ctx, t, parent, children);
}

/**
 * Rows grouped by budget unit: a table listing several units repeats codes under each unit, so
 * code identities hold within a unit's block (by `row.unit`, else by the preceding unit row). Made once
 * per table in a run of the rules (per-run.ts): several rules read them, none changes them.
 */
export function unitBlocks(t: Table): ReadonlyArray<readonly Row[]> {
  return perRun('unitBlocks', [t], () => unitBlocksOf(t));
}

function unitBlocksOf(t: Table): Row[][] {
  const blocks = new Map<string, Row[]>();
  let current = '';
  for (const r of t.rows) {
    if (r.kind === 'unit') current = r.id;
    const k = `${r.side ?? ''}|${r.unit ?? current}`;
    const block = blocks.get(k);
    if (block) block.push(r);
    else blocks.set(k, [r]);
  }
  return [...blocks.values()];
}

/** Direct children of a code by its shape: one level (two digits) longer and starting with it. */
function isTwoDigitChild(parent: string, child: string): boolean {
  return child.startsWith(parent) && child.length === parent.length + 2;
}

/**
 * The rows a coded parent heads in print: those after it up to the next row of its system that is
 * not below it, or a total, subtotal, carry or unit line.
 */
function span(block: readonly Row[], p: Row & { code: string }, system: ClassificationSystem): Row[] {
  const out: Row[] = [];
  for (let i = block.indexOf(p) + 1; i < block.length; i++) {
    const r = block[i]!;
    if (r.side !== p.side) continue;
    if (r.kind === 'total' || r.kind === 'subtotal' || r.kind === 'carry' || r.kind === 'unit') break;
    if (r.codeSystem === system && r.code && !r.code.startsWith(p.code)) break;
    out.push(r);
  }
  return out;
}

/**
 * Checks every row coded in `system` against the sum of its direct children, within each unit block
 * of every table; `isChild` says which codes are a code's direct children (default: two digits longer).
 * A parent is not checked when the lines it heads include one without a code (a child whose code the
 * reader could not resolve may be among them) or repeat a child's code (the block holds several units
 * the reader did not tell apart): its children are not known.
 */
/**
 * True when a row's cells contradict the table's row identities beyond rounding: an identity's total
 * printed empty while its parts hold figures, or a total that is not the sum of its parts. Such a row
 * was read with its figures in the wrong columns far more often than printed wrong (reviewed corpus:
 * Yantai 表3 continuation pages, Chongqing 表二 row 215); its own row rule names it.
 */
export function breaksOwnSums(t: Table, r: Row): boolean {
  // A column whose place in the sums layouts disagree on (结转下年) may or may not count: the row
  // breaks its identity only if it fails both ways.
  const undecided = undecidedColumns(t).filter((k) => r.amounts[k] != null && r.amounts[k].fen !== 0);
  for (const rel of rowRelations(t)) {
    if (!(rel.total in r.amounts)) continue;
    const total = r.amounts[rel.total]?.fen ?? 0;
    const fails = (parts: string[]) => {
      const figs = parts.map((k) => r.amounts[k]).filter((m) => m != null);
      if (figs.length === 0) return false;
      const sum = figs.reduce((s, m) => s + m.fen, 0);
      // Beyond rounding: a unit of the last printed place per figure.
      return Math.abs(total - sum) > 2 * toleranceFen(figs, figs.length, t.displayUnit);
    };
    const base = rel.parts.filter((k) => !undecided.includes(k));
    if (fails(base) && (undecided.length === 0 || fails([...base, ...undecided]))) return true;
  }
  return false;
}

export function checkCodeHierarchy(ctx: RuleContext, doc: BudgetDocument, system: ClassificationSystem, isChild: (parent: string, child: string) => boolean = isTwoDigitChild): void {
  for (const t of amountTables(doc)) {
    for (const block of unitBlocks(t)) {
      const coded = block.filter((r): r is Row & { code: string } => r.codeSystem === system && !!r.code);
      for (const p of coded) {
        const kids = coded.filter((c) => c !== p && isChild(p.code, c.code));
        if (kids.length === 0) continue;
        if (new Set(kids.map((k) => k.code)).size < kids.length) continue;
        if (span(block, p, system).some((r) => !r.code && (r.kind === 'item' || r.kind === 'group') && !isPeriodRow(r))) continue;
        // Read by the generic recogniser, a row against its own identities (合计 = 基本支出 + 项目支出)
        // was placed across its columns by inference, and wrongly (a continuation page read one column
        // off): no sum over rows rests on its cells; its own row rule names it.
        if (layoutInferred(doc) && [p, ...kids].some((r) => breaksOwnSums(t, r))) continue;
        checkParent(ctx, t, p, kids);
      }
    }
  }
}
