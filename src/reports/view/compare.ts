/**
 * Comparisons (issue 15 item 2) as view models: one unit's budget against its previous year's, table by
 * table and class by class, with the changes its narrative should explain and does not; and the budgets
 * of one year and kind side by side by function or economic class, with shares, 三公 and 机关运行经费.
 * Pure: amounts stay integer fen, changes are exact integer differences, percentages come from exact
 * integers (decimal.js) and are formatted once, here.
 */
import { Decimal } from 'decimal.js';
import type { BudgetDocument, DocumentKind, Row, Table, TableRole } from '../../domain/model.js';
import { cell, tableByRole } from '../../domain/query.js';
import { assertFen, exactDecimals, formatAmount, halfUlpFen } from '../../domain/money.js';
import { changeKeysOf, factLabel, printedTitleNumber, tableTitle } from '../../domain/catalogue/index.js';
import { squash } from '../../domain/text.js';

/** One document of a comparison: which budget, which version, what it is. */
export interface ComparedDocument {
  budgetId: string;
  version: number;
  unitName: string;
  year: number;
  kind: DocumentKind;
}

/**
 * When a change is one the narrative should explain: at least `minFen` and, against a base that is not
 * zero, at least `percent` % of it (compared in integers: |change| × 100 ≥ percent × |base|).
 */
export interface ChangeThreshold {
  percent: number;
  minFen: number;
}

/** 10 % and 1.00 万元 (1,000,000 fen). */
export const DEFAULT_THRESHOLD: ChangeThreshold = { percent: 10, minFen: 1_000_000 };

/** The threshold in words, as the page states it. */
export function thresholdText(t: ChangeThreshold): string {
  return `增减额不少于 ${formatAmount(t.minFen, '万元', exactDecimals([t.minFen]))} 万元，且增减幅度不低于 ${t.percent}%（上年为零的，只看增减额）`;
}

/** What the narrative of the later document says about a line's change. */
export interface NarrativeCheck {
  /** The fact key of the figure whose change is stated ("three-public.reception"). */
  key: string;
  /** The stated change (signed, fen) and its percentage as printed, with the source line; null: not stated. */
  stated: { fen: number | null; decimals: number; percent: string | null; line: number | null } | null;
  /**
   * The stated amount agrees with the two documents' difference at the printed precision (both figures
   * being rounded to it); null when nothing or only a percentage is stated, or there is nothing to compare.
   */
  agrees: boolean | null;
}

/** One line of a year comparison: a class, a source or a figure in both documents. */
export interface CompareLine {
  /** Stable key within its section (a code, a revenue key, a project name). */
  key: string;
  code: string | null;
  label: string;
  /** Indentation (1 类, 2 款, 3 项; null: none). */
  level: number | null;
  /** Amounts in fen; null: not in that document (or not printed). */
  before: number | null;
  after: number | null;
  /** after − before in fen (an absent side counting as zero); null when both are absent. */
  change: number | null;
  /** Signed change in percent of `before`, 2 places (half up); null when `before` is zero or absent. */
  percent: string | null;
  /** Present in only one of the two documents. */
  onlyIn: 'before' | 'after' | null;
  /** Where each side's figure comes from when not the section's table ("文字说明"). */
  sourceBefore: string | null;
  sourceAfter: string | null;
  /** Set on the figures a narrative is expected to state the change of. */
  narrative: NarrativeCheck | null;
  /** The change reaches the threshold. */
  significant: boolean;
  /**
   * Why the line is highlighted: `unexplained` — a significant change the narrative should explain and
   * does not state; `mismatch` — the narrative states a change that the two documents do not show.
   */
  flag: 'unexplained' | 'mismatch' | null;
}

/** One table or figure group compared. */
export interface CompareSection {
  id: string;
  title: string;
  /** What the figures are ("表 7 一般公共预算支出表 “合计”列"). */
  source: string;
  /** Places shown for every amount (enough to show each amount of the comparison exactly; the same in every section). */
  decimals: number;
  lines: CompareLine[];
  /** Sections compared against the later document's own 上年 columns say so here. */
  note: string | null;
}

/** One unit's budget against its previous year's. */
export interface YearComparison {
  before: ComparedDocument | null;
  after: ComparedDocument;
  /**
   * `documents`: two documents; `prior-columns`: no earlier document, the later one's own 上年 columns;
   * `none`: neither.
   */
  basis: 'documents' | 'prior-columns' | 'none';
  /** The label of the earlier side's column ("2020年部门预算", "本文件所列上年数"). */
  beforeLabel: string;
  afterLabel: string;
  threshold: ChangeThreshold;
  thresholdText: string;
  sections: CompareSection[];
  /** Lines highlighted (see CompareLine.flag). */
  flagged: number;
  notes: string[];
}

const docLabel = (d: { year: number; kind: string }) => `${d.year}年${d.kind}`;

/** Signed change in percent of `base`, to 2 places half up; null for a zero base. */
export function changePercentSigned(after: number, base: number): string | null {
  assertFen(after);
  assertFen(base);
  if (base === 0) return null;
  return new Decimal(after).minus(base).mul(100).div(new Decimal(base).abs()).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** `part` in percent of `whole`, 2 places half up; null for a zero whole. */
export function sharePercent(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return new Decimal(part).mul(100).div(whole).toFixed(2, Decimal.ROUND_HALF_UP);
}

/**
 * Whether a printed percentage (signed, "12.5") is the change from `base` to `after` at its printed places,
 * within one unit of its last place (the amounts it was computed from were rounded too).
 */
export function percentWithin(printed: string, after: number, base: number): boolean {
  const places = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  const exact = new Decimal(after).minus(base).mul(100).div(new Decimal(base).abs());
  return exact.minus(printed).abs().lte(new Decimal(10).pow(-places));
}

/** Whether a change reaches the threshold, in exact integers. */
export function isSignificant(change: number, base: number, t: ChangeThreshold = DEFAULT_THRESHOLD): boolean {
  const c = BigInt(Math.abs(change));
  if (c < BigInt(t.minFen)) return false;
  if (base === 0) return c > 0n;
  return c * 100n >= BigInt(t.percent) * BigInt(Math.abs(base));
}

/** A figure in one document: its amount, and where it comes from when not the section's own table. */
interface Figure {
  fen: number | null;
  source: string | null;
}

const NONE: Figure = { fen: null, source: null };

/** The row that stands for the whole budget in a per-unit table: its total line, else its first unit line. */
function wholeRow(t: Table | undefined): Row | undefined {
  if (!t) return undefined;
  return t.rows.find((r) => r.kind === 'total') ?? t.rows.find((r) => r.kind === 'unit') ?? t.rows[0];
}

function firstFactFen(doc: BudgetDocument, key: string): number | null {
  return doc.narrative.facts.find((f) => f.key === key && f.money)?.money?.fen ?? null;
}

/** A figure from a table cell, else from the narrative fact `key` (labelled 文字说明). */
function tableOrFact(doc: BudgetDocument, fen: number | null, key: string | null): Figure {
  if (fen !== null) return { fen, source: null };
  const f = key ? firstFactFen(doc, key) : null;
  return f === null ? NONE : { fen: f, source: '文字说明' };
}

/** 收入总计, 支出总计, 基本支出, 项目支出, 政府采购 as the summary tables print them. */
function summaryFigures(doc: BudgetDocument): Record<string, Figure> {
  const t1 = tableByRole(doc, 'income-expenditure-summary');
  const t2 = tableByRole(doc, 'revenue-summary');
  const t3 = tableByRole(doc, 'expenditure-summary');
  const t11 = tableByRole(doc, 'procurement');
  const revKey = t1?.sides?.revenue ?? 'amount';
  const expKey = t1?.sides?.expenditure ?? 'amount';
  const e = wholeRow(t3);
  const revenue = cell(t1?.rows.find((r) => r.side === 'revenue' && r.kind === 'total'), revKey) ?? cell(wholeRow(t2), 'total');
  const expenditure = cell(e, 'total') ?? cell(t1?.rows.find((r) => r.side === 'expenditure' && r.kind === 'total'), expKey);
  const procurement = cell(e, 'procurement') ?? (t11 ? cell(t11.rows.find((r) => r.kind === 'total'), 'amount') : null);
  return {
    'revenue.total': tableOrFact(doc, revenue, 'revenue.total'),
    'expenditure.total': tableOrFact(doc, expenditure, 'expenditure.total'),
    'expenditure.basic': tableOrFact(doc, cell(e, 'basic'), 'expenditure.basic'),
    'expenditure.project': tableOrFact(doc, cell(e, 'project'), 'expenditure.project'),
    'procurement.total': tableOrFact(doc, procurement, 'procurement.total'),
  };
}

/** The 三公 items and 机关运行经费: their column keys, fact keys and names. */
export const THREE_PUBLIC_ITEMS: ReadonlyArray<{ id: string; columns: string[]; fact: string; level: number }> = [
  { id: 'total', columns: ['total', 'threePublic'], fact: 'three-public.total', level: 1 },
  { id: 'overseas', columns: ['overseas'], fact: 'three-public.overseas', level: 2 },
  { id: 'reception', columns: ['reception'], fact: 'three-public.reception', level: 2 },
  { id: 'vehicles', columns: ['vehicles'], fact: 'three-public.vehicles', level: 2 },
  { id: 'vehiclePurchase', columns: ['vehiclePurchase'], fact: 'three-public.vehicle-purchase', level: 3 },
  { id: 'vehicleRunning', columns: ['vehicleRunning'], fact: 'three-public.vehicle-running', level: 3 },
  { id: 'operatingFunds', columns: ['operatingFunds'], fact: 'operating-funds', level: 1 },
];

/** The row of a year in a 三公 table: by its year text, else a label naming the year, else the only row. */
function threePublicRow(t: Table, year: number, docYear: number): Row | undefined {
  const y = String(year);
  const hit = t.rows.find((r) => r.texts?.['year']?.text.trim() === y) ?? t.rows.find((r) => r.label.includes(`${y}年`));
  if (hit) return hit;
  const withAmounts = t.rows.filter((r) => Object.values(r.amounts).some((m) => m !== null));
  return year === docYear && withAmounts.length === 1 ? withAmounts[0] : undefined;
}

/**
 * 三公 and 机关运行经费 of a document for `year` (its own year, or the year before from its 上年 row): the
 * 三公 table's keyed columns where it has them, else (own year only) the narrative's facts.
 */
export function threePublicOf(doc: BudgetDocument, year = doc.year): Record<string, Figure> {
  const t = tableByRole(doc, 'three-public');
  const row = t ? threePublicRow(t, year, doc.year) : undefined;
  const out: Record<string, Figure> = {};
  for (const item of THREE_PUBLIC_ITEMS) {
    const col = item.columns.find((k) => t?.columns.some((c) => c.key === k));
    const fen = row && col ? cell(row, col) : null;
    out[item.id] = year === doc.year ? tableOrFact(doc, fen, item.fact) : { fen, source: null };
  }
  return out;
}

const CLASS_LENGTHS: Record<'function' | 'econ', readonly number[]> = { function: [3, 5, 7], econ: [3, 5] };

/** The amount column of a classified table: `total`, else `amount`. */
function amountKey(t: Table): string | null {
  return t.columns.some((c) => c.key === 'total') ? 'total' : t.columns.some((c) => c.key === 'amount') ? 'amount' : null;
}

interface ClassRow {
  code: string;
  label: string;
  level: number;
  fen: number | null;
  prior: number | null;
}

/** The classified rows of a table (first row of each code), with their amount and 上年 column. */
function classRows(t: Table, system: 'function' | 'econ'): ClassRow[] {
  const key = amountKey(t);
  const priorKey = key && t.columns.some((c) => c.key === `prior.${key}`) ? `prior.${key}` : t.columns.some((c) => c.key === 'prior') ? 'prior' : null;
  const seen = new Set<string>();
  const out: ClassRow[] = [];
  for (const r of t.rows) {
    if (r.codeSystem !== system || !r.code || seen.has(r.code)) continue;
    seen.add(r.code);
    const level = CLASS_LENGTHS[system].indexOf(r.code.length) + 1;
    out.push({ code: r.code, label: r.label, level: level > 0 ? level : CLASS_LENGTHS[system].length, fen: key ? cell(r, key) : null, prior: priorKey ? cell(r, priorKey) : null });
  }
  return out;
}

interface Pair {
  key: string;
  code: string | null;
  label: string;
  level: number | null;
  before: Figure;
  after: Figure;
  explain?: { key: string; must: boolean };
}

/** Lines of a section from pairs: the change, its percentage, the narrative's statement and the flag. */
function lines(pairs: Pair[], after: BudgetDocument, t: ChangeThreshold, withNarrative: boolean): CompareLine[] {
  return pairs.map((p) => {
    const b = p.before.fen;
    const a = p.after.fen;
    const change = a === null && b === null ? null : (a ?? 0) - (b ?? 0);
    if (change !== null) assertFen(change);
    const percent = b !== null && a !== null ? changePercentSigned(a, b) : null;
    const significant = change !== null && isSignificant(change, b ?? 0, t);
    let narrative: NarrativeCheck | null = null;
    let flag: CompareLine['flag'] = null;
    if (p.explain && withNarrative) {
      const keys = changeKeysOf(p.explain.key);
      const amount = after.narrative.facts.find((f) => f.key === keys.amount && f.money);
      const pct = after.narrative.facts.find((f) => f.key === keys.percent && f.percent !== undefined);
      const stated = amount || pct ? { fen: amount?.money?.fen ?? null, decimals: amount?.money?.decimals ?? 2, percent: pct?.percent ?? null, line: amount?.src.line ?? pct?.src.line ?? null } : null;
      // Both figures are rounded to the printed places: they agree within one place.
      const amountAgrees = stated && stated.fen !== null && change !== null ? Math.abs(stated.fen - change) <= 2 * halfUlpFen('万元', stated.decimals) : null;
      const percentAgrees = stated?.percent != null && a !== null && b !== null && b !== 0 ? percentWithin(stated.percent, a, b) : null;
      const agrees = amountAgrees === false || percentAgrees === false ? false : (amountAgrees ?? percentAgrees);
      narrative = { key: p.explain.key, stated, agrees };
      if (agrees === false) flag = 'mismatch';
      else if (!stated && significant && p.explain.must) flag = 'unexplained';
    }
    return {
      key: p.key,
      code: p.code,
      label: p.label,
      level: p.level,
      before: b,
      after: a,
      change,
      percent,
      onlyIn: b === null && a !== null ? 'after' : a === null && b !== null ? 'before' : null,
      sourceBefore: p.before.source,
      sourceAfter: p.after.source,
      narrative,
      significant,
      flag,
    };
  });
}

function section(id: string, title: string, source: string, ls: CompareLine[], note: string | null = null): CompareSection {
  const fens = ls.flatMap((l) => [l.before, l.after, l.change]).filter((x): x is number => x !== null);
  return { id, title, source, decimals: exactDecimals(fens), lines: ls, note };
}

/** Pairs of two keyed lists in a stable order: the later document's order, then what only the earlier has. */
function pairUp<T>(before: T[], after: T[], key: (x: T) => string, make: (k: string, b: T | undefined, a: T | undefined) => Pair): Pair[] {
  const bm = new Map(before.map((x) => [key(x), x]));
  const am = new Map(after.map((x) => [key(x), x]));
  const keys = [...am.keys(), ...[...bm.keys()].filter((k) => !am.has(k))];
  return keys.map((k) => make(k, bm.get(k), am.get(k)));
}

const fig = (fen: number | null | undefined): Figure => (fen === null || fen === undefined ? NONE : { fen, source: null });

const CLASSIFIED: ReadonlyArray<{ role: TableRole; system: 'function' | 'econ' }> = [
  { role: 'general-budget-function', system: 'function' },
  { role: 'gov-fund-function', system: 'function' },
  { role: 'state-capital-function', system: 'function' },
  { role: 'basic-expenditure-economic', system: 'econ' },
];

/** "表 7 一般公共预算支出表" — a table as the page names the source of its figures (its number once). */
function tableSource(doc: BudgetDocument, t: Table | undefined, what: string): string {
  if (!t) return '';
  const title = t.title.text.trim() || tableTitle(t.role, doc.kind);
  return `${t.no !== null && printedTitleNumber(title) === null ? `表 ${t.no} ` : ''}${title}${what}`;
}

/** Sorts classified lines by code so that 款 and 项 follow their 类, whichever document they come from. */
const byCode = (a: CompareLine, b: CompareLine) => (a.code ?? '').localeCompare(b.code ?? '');

/**
 * One unit's budget (`after`) against its previous year's (`before`), or, when there is none, against
 * the later document's own 上年 columns where the model holds them (labelled as such).
 */
export function yearComparison(before: { meta: ComparedDocument; doc: BudgetDocument } | null, after: { meta: ComparedDocument; doc: BudgetDocument }, threshold: ChangeThreshold = DEFAULT_THRESHOLD): YearComparison {
  const A = after.doc;
  const B = before?.doc ?? null;
  const sections: CompareSection[] = [];
  const notes: string[] = [];
  const priorYear = A.year - 1;

  // Totals and the narrative's stated changes (two documents only: the 上年 columns carry no totals).
  if (B) {
    const sb = summaryFigures(B);
    const sa = summaryFigures(A);
    const names: Record<string, string> = { 'revenue.total': '收入总计', 'expenditure.total': '支出总计', 'expenditure.basic': '基本支出', 'expenditure.project': '项目支出', 'procurement.total': '政府采购' };
    const must = new Set(['revenue.total', 'expenditure.total']);
    const pairs = Object.keys(names).map((k): Pair => ({ key: k, code: null, label: names[k]!, level: k.startsWith('expenditure.') && k !== 'expenditure.total' ? 2 : 1, before: sb[k]!, after: sa[k]!, explain: { key: k, must: must.has(k) } }));
    sections.push(section('summary', '收支总体情况', '收支总表、收入总表、支出总表、政府采购表（表中无数时取文字说明）', lines(pairs, A, threshold, true)));

    // Revenue by source: the revenue side of the 收支总表, by source key (its rows' code).
    const t1a = tableByRole(A, 'income-expenditure-summary');
    const t1b = tableByRole(B, 'income-expenditure-summary');
    if (t1a || t1b) {
      const rev = (t: Table | undefined) => (t ? t.rows.filter((r) => r.side === 'revenue').map((r) => ({ r, k: r.code ?? `${r.kind}:${squash(r.label).replace(/^[一二三四五六七八九十\d]+[、.．]/, '')}`, key: t.sides?.revenue ?? 'amount' })) : []);
      const pairs2 = pairUp(rev(t1b), rev(t1a), (x) => x.k, (k, b, a) => ({ key: k, code: null, label: (a ?? b)!.r.label, level: (a ?? b)!.r.kind === 'item' ? 2 : 1, before: fig(b ? cell(b.r, b.key) : null), after: fig(a ? cell(a.r, a.key) : null) }));
      sections.push(section('revenue', '收入（按来源）', `${tableSource(A, t1a ?? t1b, '')} 收入方`, lines(pairs2, A, threshold, false)));
    }
  }

  // Classified tables, class by class (function 类/款/项, economic 类/款).
  for (const { role, system } of CLASSIFIED) {
    const ta = tableByRole(A, role);
    const tb = B ? tableByRole(B, role) : undefined;
    if (!ta && !tb) continue;
    const ra = ta ? classRows(ta, system) : [];
    const title = `${tableTitle(role, A.kind)}（${system === 'function' ? '支出功能分类' : '经济分类'}）`;
    const source = `${tableSource(A, ta ?? tb, '')}，按科目编码`;
    if (B) {
      const rb = tb ? classRows(tb, system) : [];
      const pairs = pairUp(rb, ra, (x) => x.code, (k, b, a) => ({ key: k, code: k, label: (a ?? b)!.label, level: (a ?? b)!.level, before: fig(b?.fen), after: fig(a?.fen) }));
      const ls = lines(pairs, A, threshold, false).sort(byCode);
      if (ls.length) sections.push(section(role, title, source, ls));
    } else if (ra.some((r) => r.prior !== null)) {
      const pairs = ra.map((r): Pair => ({ key: r.code, code: r.code, label: r.label, level: r.level, before: fig(r.prior), after: fig(r.fen) }));
      sections.push(section(role, title, source, lines(pairs, A, threshold, false).sort(byCode), `“上年”取自本文件${tableSource(A, ta, '')}所列上年数，不是上年的预算文件。`));
    }
  }

  // Projects by name (the project table's items).
  if (B) {
    const items = (d: BudgetDocument) => (tableByRole(d, 'project-expenditure')?.rows ?? []).filter((r) => r.kind === 'item');
    const ia = items(A);
    const ib = items(B);
    if (ia.length || ib.length) {
      const pairs = pairUp(ib, ia, (r) => squash(r.label), (k, b, a) => ({ key: k, code: null, label: (a ?? b)!.label, level: null, before: fig(b ? cell(b, 'total') : null), after: fig(a ? cell(a, 'total') : null) }));
      sections.push(section('projects', '项目支出（按项目）', `${tableSource(A, tableByRole(A, 'project-expenditure'), '')}，按项目名称`, lines(pairs, A, threshold, false)));
    }
  }

  // 三公 and 机关运行经费: the later document against the earlier, or against its own 上年 row.
  const tpA = threePublicOf(A);
  const tpB = B ? threePublicOf(B) : threePublicOf(A, priorYear);
  const label = (id: string, fact: string) => (id === 'total' ? '“三公”经费合计' : factLabel(fact));
  const tpPairs = THREE_PUBLIC_ITEMS.map((i): Pair => ({ key: i.id, code: null, label: label(i.id, i.fact), level: i.level, before: tpB[i.id]!, after: tpA[i.id]!, explain: { key: i.fact, must: true } }));
  const tpHas = (x: Record<string, Figure>) => Object.values(x).some((f) => f.fen !== null);
  if (B || (tpHas(tpB) && tpHas(tpA))) {
    const t12 = tableByRole(A, 'three-public');
    sections.push(
      section(
        'three-public',
        '“三公”经费与机关运行经费',
        `${tableSource(A, t12, '') || '文字说明'}（表中无数时取文字说明）`,
        lines(tpPairs, A, threshold, B !== null),
        B ? null : `“上年”取自本文件${tableSource(A, t12, '')}的 ${priorYear} 年一行，不是上年的预算文件。`,
      ),
    );
  }

  // One number of places for the whole comparison (enough for every amount of it), so that the tables read alike.
  const places = Math.max(2, ...sections.map((s) => s.decimals));
  for (const s of sections) s.decimals = places;
  const basis = B ? 'documents' : sections.length ? 'prior-columns' : 'none';
  if (!B) {
    notes.push(`未找到 ${after.meta.unitName} ${priorYear} 年的${A.kind}。`);
    notes.push(basis === 'prior-columns' ? `下表的“上年”一栏只取本文件自己所列的上年数（标明出处），不是 ${priorYear} 年文件本身；本文件未列上年数的表格不作比较。` : '本文件的表格也没有可比的上年数，因此不作比较。');
  }
  const flagged = sections.reduce((n, s) => n + s.lines.filter((l) => l.flag).length, 0);
  return {
    before: before?.meta ?? null,
    after: after.meta,
    basis,
    beforeLabel: before ? docLabel(before.meta) : '本文件所列上年数',
    afterLabel: docLabel(after.meta),
    threshold,
    thresholdText: thresholdText(threshold),
    sections,
    flagged,
    notes,
  };
}

// ————————————————————————————————————————— across departments —————————————————————————————————————————

/** A class (function or economic) across the compared documents. */
export interface ClassAcross {
  code: string;
  label: string;
  /** Per document (in the comparison's order): fen, null when the document has nothing under the class. */
  fen: (number | null)[];
  /** Per document: the class's share of that document's total, 2 places; null when absent or the total is zero. */
  shareOfDocument: (string | null)[];
  /** Per document: its part of the class's sum over the documents, 2 places; null when absent or the sum is zero. */
  shareOfClass: (string | null)[];
  /** Sum over the documents and its share of the grand total. */
  total: number;
  shareOfTotal: string | null;
}

/** 三公 and 机关运行经费 of one document. */
export interface ThreePublicAcross {
  items: Record<string, number | null>;
  /** Items taken from the narrative (no table figure). */
  fromNarrative: string[];
}

export interface DepartmentComparison {
  year: number;
  kind: DocumentKind;
  by: 'function' | 'econ';
  level: number;
  /** The documents compared and added, in order. */
  documents: ComparedDocument[];
  /** Per document: what the class figures are summed from (for the page's source line). */
  sources: string[];
  classes: ClassAcross[];
  /** Per document: the sum of its classes at the level (its table's total by class), and their sum. */
  totals: number[];
  grandTotal: number;
  /** Per document: its share of the grand total. */
  shareOfGrandTotal: (string | null)[];
  /** The class asked for with `code`, when given and present. */
  focus: ClassAcross | null;
  threePublic: ThreePublicAcross[];
  /** Sums of each 三公 item over the documents that state it, with how many do. */
  threePublicTotals: Record<string, { fen: number; documents: number }>;
  decimals: number;
  /** Each document's year and kind is the comparison's: stated on the page and in the exports. */
  statement: string;
}

export const ROLE_OF: Record<'function' | 'econ', TableRole> = { function: 'general-budget-function', econ: 'basic-expenditure-economic' };

/** The classifications a comparison across departments is made by, and the names of their levels. */
export type CompareBy = 'function' | 'econ';
export const COMPARE_BY_LABELS: Record<CompareBy, string> = { function: '支出功能分类', econ: '经济分类（基本支出）' };
export const LEVEL_LABELS: Record<CompareBy, readonly string[]> = { function: ['类', '款', '项'], econ: ['类', '款'] };

/**
 * Amounts by class at a level in one document: of the first table of the role, the `total` column of the
 * rows whose code is the shortest at least the level's length under each prefix — a document printing
 * 类 rows gives them, one printing only 项 rows gives those added up by their 类; a parent and its
 * children are never both added (the same rule as the SQL aggregates, storage/repository.ts).
 */
export function classAmounts(doc: BudgetDocument, by: 'function' | 'econ', level: number): Map<string, { fen: number; label: string | null }> {
  const len = CLASS_LENGTHS[by][level - 1];
  const out = new Map<string, { fen: number; label: string | null }>();
  const t = tableByRole(doc, ROLE_OF[by]);
  if (!t || len === undefined) return out;
  const rows = t.rows.filter((r) => r.codeSystem === by && r.code && r.code.length >= len && r.amounts['total']);
  const shortest = new Map<string, number>();
  for (const r of rows) {
    const p = r.code!.slice(0, len);
    shortest.set(p, Math.min(shortest.get(p) ?? Infinity, r.code!.length));
  }
  for (const r of rows) {
    const p = r.code!.slice(0, len);
    if (r.code!.length !== shortest.get(p)) continue;
    const prev = out.get(p);
    const fen = (prev?.fen ?? 0) + r.amounts['total']!.fen;
    assertFen(fen);
    out.set(p, { fen, label: prev?.label ?? (r.code!.length === len ? r.label : null) });
  }
  return out;
}

/**
 * The budgets of one year and kind side by side by function or economic class at a level (shares of each
 * document's total and of the sum), with 三公 and 机关运行经费 per document. The caller has checked that
 * every document is of `year` and `kind`; this throws (a bug) otherwise.
 */
export function departmentComparison(
  docs: ReadonlyArray<{ meta: ComparedDocument; doc: BudgetDocument }>,
  by: 'function' | 'econ',
  level: number,
  names: (code: string, year: number) => string | null = () => null,
  focusCode: string | null = null,
): DepartmentComparison {
  const first = docs[0];
  if (!first) throw new TypeError('departmentComparison: no documents');
  const { year, kind } = first.meta;
  for (const d of docs) if (d.meta.year !== year || d.meta.kind !== kind) throw new TypeError(`departmentComparison: ${docLabel(d.meta)} mixed with ${docLabel(first.meta)}`);
  const per = docs.map((d) => classAmounts(d.doc, by, level));
  const codes = [...new Set(per.flatMap((m) => [...m.keys()]))].sort();
  const totals = per.map((m) => {
    let s = 0;
    for (const v of m.values()) s += v.fen;
    assertFen(s);
    return s;
  });
  let grandTotal = 0;
  for (const t of totals) grandTotal += t;
  assertFen(grandTotal);
  const classes = codes.map((code): ClassAcross => {
    const fen = per.map((m) => m.get(code)?.fen ?? null);
    let total = 0;
    for (const f of fen) total += f ?? 0;
    assertFen(total);
    const label = per.map((m) => m.get(code)?.label).find((x) => x) ?? names(code, year) ?? code;
    return {
      code,
      label,
      fen,
      shareOfDocument: fen.map((f, i) => (f === null ? null : sharePercent(f, totals[i]!))),
      shareOfClass: fen.map((f) => (f === null ? null : sharePercent(f, total))),
      total,
      shareOfTotal: sharePercent(total, grandTotal),
    };
  });
  const threePublic = docs.map((d): ThreePublicAcross => {
    const tp = threePublicOf(d.doc);
    const items: Record<string, number | null> = {};
    const fromNarrative: string[] = [];
    for (const i of THREE_PUBLIC_ITEMS) {
      items[i.id] = tp[i.id]!.fen;
      if (tp[i.id]!.source) fromNarrative.push(i.id);
    }
    return { items, fromNarrative };
  });
  const threePublicTotals: Record<string, { fen: number; documents: number }> = {};
  for (const i of THREE_PUBLIC_ITEMS) {
    let fen = 0;
    let n = 0;
    for (const t of threePublic) {
      const v = t.items[i.id];
      if (v === null || v === undefined) continue;
      fen += v;
      n++;
    }
    assertFen(fen);
    threePublicTotals[i.id] = { fen, documents: n };
  }
  const allFen = [...classes.flatMap((c) => [...c.fen, c.total]), ...totals, grandTotal, ...threePublic.flatMap((t) => Object.values(t.items))].filter((x): x is number => x !== null && x !== undefined);
  return {
    year,
    kind,
    by,
    level,
    documents: docs.map((d) => d.meta),
    sources: docs.map((d) => tableSource(d.doc, tableByRole(d.doc, ROLE_OF[by]), '“合计”列') || '（无此表）'),
    classes,
    totals,
    grandTotal,
    shareOfGrandTotal: totals.map((t) => sharePercent(t, grandTotal)),
    focus: focusCode ? (classes.find((c) => c.code === focusCode) ?? null) : null,
    threePublic,
    threePublicTotals,
    decimals: exactDecimals(allFen),
    statement: `本比较只含 ${year} 年${kind}，共 ${docs.length} 份（下列每一份），不与其他年度或${kind.endsWith('决算') ? '预算' : '决算'}相加。`,
  };
}

/** The name of a 三公 item or 机关运行经费 (the catalogue's fact names). */
export function threePublicLabel(id: string): string {
  const item = THREE_PUBLIC_ITEMS.find((i) => i.id === id);
  if (!item) return id;
  return id === 'total' ? '“三公”经费合计' : factLabel(item.fact);
}

/** A signed amount in 万元 with `decimals` places ("+12.50", "-3.00", "0.00"). */
export function signedAmount(fen: number, decimals: number): string {
  return `${fen > 0 ? '+' : ''}${formatAmount(fen, '万元', decimals)}`;
}
