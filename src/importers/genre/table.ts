/**
 * Reading one table from the positions of its text (geometry first). Per page:
 * 1. the body starts at the first line that prints an amount; the lines above are the header band;
 * 2. amounts are grouped into columns by horizontal overlap (right-aligned or centred alike);
 * 3. label text printed between two amount columns splits the table into panels (a two-sided 收支总表
 *    prints revenue, then expenditure; some print three classifications of expenditure side by side);
 * 4. each amount column gets the header text above it (wrapped fragments joined, groups that span
 *    several columns as path elements), and header cells with no amounts below them become empty
 *    columns of their own;
 * 5. rows: a label (codes split as 类 款 项 or merged, wrapped over lines), amounts placed in the
 *    column whose extent they overlap. A row whose amounts cannot be placed without guessing keeps
 *    them as `unplaced`: its empty cells are unknown, and no rule rests on them.
 * A continuation page without a header reuses the columns of the page before, matched in order; lines
 * above its figures that name no column are no header.
 */
import {
  columnKeyOf,
  isUnmappedKey,
  roleRelations,
  squashTitle,
  termOfLabel,
  COUNT_HEADING,
  FUNDING_FORM,
  SEQ_HEADING,
  LINE_NO_HEADING,
  UNIT_CODE_HEADING,
  CLASS_CODE_HEADING,
  CATALOGUE_HEADING,
  CATALOGUE_CODE_NAME,
  SIDE_HEADING,
  SCOPE_GROUPS,
  TWO_SIDED_ROLES,
  FUNCTION_ROLES,
  FUNCTION_EXPENDITURE_ROLES,
  ECONOMIC_ROLES,
  TITLE_ENUMERATOR,
  REVENUE_SOURCE_KEYS,
} from '../../domain/catalogue/index.js';
import { figureColumnKindOf, finalFigureKindOf } from '../../domain/catalogue/final-accounts.js';
import { codes, parentCode } from '../../domain/classification/index.js';
import type { Column, ImportNote, Money, Row, Src, Table, TableRole } from '../../domain/model.js';
import { decimalsOf, FEN_PER, MoneyParseError, parseAmount, type DisplayUnit } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';
import { FIGURE_HEAD, isNumberOnly, type TableBlock } from './segment.js';
import { decimalsOfTok, kindOf, mid, tokensOf, type Tok } from './tokens.js';
import { fieldKind } from './forms/vocabulary.js';
import { maxOf, median, minOf, pushAll } from '../../domain/arrays.js';

export interface TableContext {
  file: string;
  year: number | null;
  /** The document's unit when the table does not state one. */
  unit: DisplayUnit;
  id: string;
}

export interface ReadTable {
  table: Table;
  notes: ImportNote[];
  /** Rows that could not be read at all (their amounts are still counted as unplaced). */
  unreadRows: number;
  unmappedColumns: number;
}

/** Provenance of one line. */
export function srcOf(line: SourceLine, raw?: string, last?: SourceLine): Src {
  const s: Src = { line: line.no, page: line.page, raw: raw ?? line.text };
  if (last && last.no !== line.no) s.endLine = last.no;
  return s;
}

const UNIT_RE = /(?:金额)?单位\s*[:：]\s*(?:人民币)?\s*(万元|元)/u;
const META_RE = /^(?:部门名称|单位名称|编制单位|编制部门|预算单位|预算主管部门|部门|单位|主管部门|填报单位)\s*[:：]/u;
const NOTE_RE = /^(?:注|说明|备注)\s*[:：\d]/u;
/** The year printed in brackets under a form's title ("（2026年度）"): the title's, no column's heading. */
const YEAR_SUBTITLE = /^（(?:19|20)\d\d年度?）$/u;

/** The unit a table states ("单位：万元", "金额单位：元"), or null. */
export function unitOfLines(lines: SourceLine[]): DisplayUnit | null {
  for (const l of lines) {
    const m = UNIT_RE.exec(l.text);
    if (m) return m[1] as DisplayUnit;
  }
  return null;
}

/** The unit name a table states ("部门名称：深圳市统计局（本级）"), or null. */
function unitNameOf(lines: SourceLine[]): { text: string; src: Src } | undefined {
  for (const l of lines.slice(0, 6)) {
    const s = l.text.replace(UNIT_RE, '').trim();
    const m = /(?:部门名称|单位名称|编制单位|编制部门|预算单位|部门|单位|填报单位)\s*[:：]\s*(\S.*?)\s*$/u.exec(s);
    if (m && m[1] && !/^(万元|元)$/.test(m[1])) return { text: m[1].replace(/\s+/g, ''), src: srcOf(l) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Columns from amount positions

interface Zone {
  x0: number;
  x1: number;
  /** Extent of the amounts printed in it (null for a header-only column). */
  data: { x0: number; x1: number } | null;
  /** Header path, top first. */
  path: string[];
  /** The header it was matched to might as well be a neighbour's: the column is not named. */
  ambiguous?: boolean;
  /** On a continuation page, its own header names it otherwise than the page before does: which is right is not known, and its figures are not placed. */
  disputed?: boolean;
  /** Extent of the header column that names it (text columns), when a header named it. */
  head?: { x0: number; x1: number };
  /**
   * A column printing nothing on a continuation page: where its figures stood on the last page that printed
   * them, set on this page's grid (through the header both print), so that a later page printing it again is
   * matched to it.
   */
  last?: { x0: number; x1: number };
}

interface Panel {
  /** Left edge of the panel's label area and right edge of its last column. */
  x0: number;
  x1: number;
  labelEnd: number;
  /** The body prints labels left of the amounts (a table of one row of amounts may not). */
  hasLabels: boolean;
  zones: Zone[];
  labelHeader: string[];
}

/**
 * Groups amount tokens into column extents by horizontal overlap, left to right; with `touching`, a whole
 * figure or a dash that starts where the column ends (touching it) joins it too.
 */
function clusterColumns(toks: Tok[], touching = false): Array<{ x0: number; x1: number; n: number }> {
  const sorted = [...toks].sort((a, b) => a.x0 - b.x0);
  const out: Array<{ x0: number; x1: number; n: number }> = [];
  for (const t of sorted) {
    const c = out[out.length - 1];
    // Overlap, allowing a sliver of rounding: two right-aligned figures of one column always overlap.
    if (c && t.x0 < c.x1 + (touching && t.kind !== 'amount' ? 0.5 : -0.2)) {
      c.x1 = Math.max(c.x1, t.x1);
      c.n++;
    } else out.push({ x0: t.x0, x1: t.x1, n: 1 });
  }
  // A right-aligned column chains through its figures; merge clusters that overlap after growth.
  const merged: typeof out = [];
  for (const c of out) {
    const p = merged[merged.length - 1];
    if (p && c.x0 < p.x1 - 0.2) {
      p.x1 = Math.max(p.x1, c.x1);
      p.n += c.n;
    } else merged.push({ ...c });
  }
  return merged;
}

/**
 * In pdftotext text, two columns whose figures stand one space apart on some lines ("46,733.64 77,027.38")
 * while the right edges of each column's figures shift a character or two from line to line: their
 * figures overlap from line to line and cluster as one column. Where every line printing two figures in
 * the cluster (two lines at least) puts them side by side, the left ones ending before any right one
 * ends, the cluster is two columns: each figure in the column whose figures end where it ends (within 2
 * characters). Kept whole when a line prints three figures in it, or a figure ends where neither
 * column's figures end (which column it is is not known: its rows' figures stay unplaced).
 */
function splitRunTogether(cols: Array<{ x0: number; x1: number; n: number }>, body: PageRead['body']): Array<{ x0: number; x1: number; n: number }> {
  return cols.flatMap((c) => {
    const inside = (t: Tok) => t.kind !== 'text' && !t.codePart && !t.glued && t.x0 >= c.x0 - 0.5 && t.x1 <= c.x1 + 0.5;
    const lines = body.map((b) => b.toks.filter(inside)).filter((ts) => ts.length > 0);
    const pairs = lines.filter((ts) => ts.length >= 2);
    // (Two lines at least, of decimal figures: a line of prose among the rows prints years and counts.)
    if (pairs.length < 2 || pairs.some((ts) => ts.length > 2 || ts[0]!.x1 > ts[1]!.x0 || ts.some((t) => t.kind !== 'amount'))) return [c];
    const leftEnd = maxOf(pairs.map((ts) => ts[0]!.x1));
    const rightEnd = minOf(pairs.map((ts) => ts[1]!.x1));
    // (Columns of figures stand a figure's width apart: edges closer than that are one column's jitter.)
    if (rightEnd - leftEnd < 4) return [c];
    const figs = lines.flat();
    const left = figs.filter((t) => t.x1 <= leftEnd + 2 && t.x1 < rightEnd - 2);
    const right = figs.filter((t) => t.x1 >= rightEnd - 2 && t.x1 > leftEnd + 2);
    if (left.length + right.length !== figs.length) return [c];
    const extent = (ts: Tok[]) => ({ x0: minOf(ts.map((t) => t.x0)), x1: maxOf(ts.map((t) => t.x1)), n: ts.length });
    return [extent(left), extent(right)];
  });
}

/** A line of column numbers ("栏次 1 2 3 …", "** 1 2 3"): header furniture. */
function isColumnNumbers(toks: Tok[]): boolean {
  const ints = toks.filter((t) => t.kind === 'int');
  if (ints.length < 3) return false;
  if (toks.some((t) => t.kind === 'amount')) return false;
  const others = toks.filter((t) => t.kind !== 'int');
  if (others.some((t) => !/^(\*+|栏次|行次|序号|[甲乙丙丁]|[A-Z])$/.test(t.text))) return false;
  const ns = ints.map((t) => Number(t.text));
  return ns.every((n, i) => i === 0 || n === ns[i - 1]! + 1);
}

const CODE = /^(?:\d{3}|\d{5}|\d{6}|\d{7}|\d{9})$/;
const CODE_NAME = /^\[?(\d{3,9})\]?\s*[-—－:：]?\s*(\D.*)$/u;
const SPLIT_PART = /^\d{2}$/;

/** Leading tokens of a label that are classification codes ("201 05 01", "2010801", "2010801-行政运行"). */
function codeOf(label: Tok[], prefer: 'function' | 'econ' | null = null): { code: string | null; rest: Tok[]; extra: string[]; rel?: string } {
  if (label.length === 0) return { code: null, rest: label, extra: [] };
  const first = label[0]!;
  // 类 / 款 / 项 columns where a row prints only its own digits ("201", then "08", then "01"): the
  // two digits are relative to the code of the row above (settleHierarchy joins them).
  if (/^\d{2}$/.test(first.text) && label.length >= 2 && label[1]!.kind === 'text') return { code: null, rest: label.slice(1), extra: [], rel: first.text };
  // Alone under the 款 or 项 heading of a classification's table: the digits of a row whose name wrapped
  // around them (above and below).
  if (prefer !== null && /^\d{2}$/.test(first.text) && label.length === 1 && first.codePart) return { code: null, rest: [], extra: [], rel: first.text };
  if (CODE.test(first.text)) {
    let code = first.text;
    let k = 1;
    // 类 款 项 printed as columns: 201 / 05 / 01.
    // A 款 or 项 printed without its leading zero ("301  2  津贴补贴"): one digit between the code and
    // the name is the two digits 0N.
    while (code.length <= 5 && k < label.length && (SPLIT_PART.test(label[k]!.text) || (/^[1-9]$/.test(label[k]!.text) && label[k + 1]?.kind === 'text'))) {
      code += label[k]!.text.padStart(2, '0');
      k++;
    }
    // A second classification printed beside the row's, its code and name in cells of their own after the
    // row's name ("30101 基本工资 50101 工资奖金津补贴": 部门经济科目 beside 政府经济科目): kept apart as
    // "50101-工资奖金津补贴", not read into the row's name.
    const j = label.findIndex((t, i) => i > k && t.kind === 'int' && /^[2-5](?:\d{2}|\d{4}|\d{6})$/.test(t.text) && label[i - 1]!.kind === 'text' && label[i + 1]?.kind === 'text');
    if (j > k && label[k]!.kind === 'text' && label.slice(j + 1).every((t) => t.kind === 'text'))
      return { code, rest: label.slice(k, j), extra: [`${label[j]!.text}-${joinLabel(label.slice(j + 1))}`] };
    return { code, rest: label.slice(k), extra: [] };
  }
  const m = CODE_NAME.exec(first.text);
  if (m && !/^[2-5]/.test(m[1]!) && m[1]!.length >= 3 && m[1]!.length <= 7 && label.length >= 1 && /^[\u3400-\u9fff]/u.test(m[2]!)) {
    // A budget unit's code before its name ("117001西安市审计局", "068004 …").
    return { code: m[1]!, rest: [{ ...first, text: m[2]! }, ...label.slice(1)], extra: [] };
  }
  if (m && /^[2-5]/.test(m[1]!) && [3, 5, 7].includes(m[1]!.length)) {
    // Several classifications side by side ("2010801-行政运行 50101-工资… 30101-基本工资"): the one
    // the table is by names the row (function 2…, departmental economic 3…); the others are kept.
    const coded = label.map((t) => ({ t, m: CODE_NAME.exec(t.text) })).filter((x) => x.m && /^[2-5]/.test(x.m[1]!) && [3, 5, 7].includes(x.m[1]!.length));
    const want = prefer === 'function' ? /^2/ : prefer === 'econ' ? /^3/ : /^[2-5]/;
    const main = coded.find((x) => want.test(x.m![1]!)) ?? coded[0]!;
    const extra = coded.filter((x) => x !== main).map((x) => x.t.text);
    const rest = label.filter((t) => !coded.some((x) => x.t === t));
    return { code: main.m![1]!, rest: [{ ...main.t, text: main.m![2]! }, ...rest], extra };
  }
  return { code: null, rest: label, extra: [] };
}

// ---------------------------------------------------------------------------------------------
// Header

interface Stack {
  x0: number;
  x1: number;
  /** Index of the header line its topmost part is printed on. */
  top: number;
  /** Text fragments of the leaf, top to bottom. */
  parts: string[];
  /** Groups above it, top first. */
  groups: string[];
  /** Its groups read differently where the same column is printed again (scopeBlocks): not named. */
  unsure?: boolean;
}

const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/**
 * The header's columns, in two passes.
 * 1. Bottom-up, every token either continues the column it sits over (the upper part of a wrapped
 *    label: centred on it or aligned with its start, within its neighbours, nothing printed between)
 *    or starts a column of its own (a label centred vertically, or a group's label).
 * 2. With all columns known, a label of one line above a run of two or more neighbouring columns
 *    whose labels all start below it, centred over them, is their group — also when pass 1 took it
 *    for the upper part of the middle column, unless the joined words are a column the vocabulary
 *    knows ("一般公共预算资" + "金").
 */
export function headerStacks(lines: Tok[][], data: ReadonlyArray<{ x0: number; x1: number }> = []): Stack[] {
  type Col = { x0: number; x1: number; toks: Array<{ t: Tok; li: number }> };
  const cols: Col[] = [];
  const axis = (x: { x0: number; x1: number }) => (x.x0 + x.x1) / 2;
  const topOf = (c: Col) => minOf(c.toks.map((x) => x.li));
  const { tailOf, headOf } = wrappedTails(lines);
  // pdftotext text (no baselines): an ideograph takes one column there.
  const text = lines.some((ts) => ts.some((t) => t.line.y === undefined));
  for (let li = lines.length - 1; li >= 0; li--) {
    for (const t of [...lines[li]!].sort((a, b) => a.x0 - b.x0)) {
      cols.sort((a, b) => axis(a) - axis(b));
      const c = mid(t);
      // The tail of a wrapped label ("政府性基金预" / "算拨款收入") joins its head wherever it was printed.
      const tail = tailOf.get(t);
      const own = tail ? cols.find((s) => s.toks.some((x) => x.t === tail) && topOf(s) > li) : undefined;
      if (own) {
        own.toks.push({ t, li });
        continue;
      }
      // (A column whose top is the tail of another head is that head's.)
      const over = cols.filter((s) => s.x0 < t.x1 - 0.2 && s.x1 > t.x0 + 0.2 && !s.toks.some((x) => headOf.has(x.t) && headOf.get(x.t) !== t));
      const within = (s: Col) => {
        const k = cols.indexOf(s);
        const left = cols[k - 1];
        const right = cols[k + 1];
        return (!left || t.x0 >= left.x1 - 0.5) && (!right || t.x1 <= right.x0 + 0.5);
      };
      const clear = (s: Col) => !over.some((o) => o !== s && topOf(o) > li && topOf(o) < topOf(s));
      const cont = over.find((s) => topOf(s) > li && clear(s) && within(s) && (Math.abs(axis(s) - c) <= Math.max(1.5, 0.3 * Math.max(s.x1 - s.x0, t.x1 - t.x0)) || Math.abs(s.x0 - t.x0) <= 1));
      if (cont) {
        cont.toks.push({ t, li });
        continue;
      }
      cols.push({ x0: t.x0, x1: t.x1, toks: [{ t, li }] });
    }
  }
  cols.sort((a, b) => axis(a) - axis(b));
  for (const col of cols) {
    col.x0 = minOf(col.toks.map((x) => x.t.x0));
    col.x1 = maxOf(col.toks.map((x) => x.t.x1));
  }
  // Pass 2: groups.
  /** (`whole`: a figure kind's group over groups of several levels, which the groups below nest in.) */
  const groups: Array<{ t: Tok; li: number; run: Col[]; whole: boolean }> = [];
  const groupCols = new Set<Col>();
  const textOf = (c: Col) =>
    [...c.toks]
      .sort((a, b) => a.li - b.li)
      .map((x) => x.t.text)
      .join('');
  const candidates = cols
    .flatMap((col) => {
      const top = [...col.toks].sort((a, b) => a.li - b.li)[0]!;
      return [{ col, top }];
    })
    .sort((a, b) => a.top.li - b.top.li);
  for (let q = 0; q < candidates.length; q++) {
    const { col, top } = candidates[q]!;
    const { t, li } = top;
    const c = mid(t);
    const alone = col.toks.length === 1;
    // The columns below the token's line, with the token's own column (when pass 1 merged it) as
    // it would be without the token.
    const members = cols.filter((x) => !groupCols.has(x) && (x === col ? !alone : topOf(x) > li));
    const rest = (x: Col) => (x === col ? x.toks.filter((y) => y.t !== t) : x.toks);
    // Per member (fixed for this token): its axis, top and size without the token, and whether it
    // prints on the token's line or above; every run a…b below reads them again and again.
    const rests = members.map(rest);
    const restTop = rests.map((r) => minOf(r.map((y) => y.li)));
    const restAxis = rests.map((r) => (minOf(r.map((y) => y.t.x0)) + maxOf(r.map((y) => y.t.x1))) / 2);
    const onOrAbove = rests.map((r) => r.some((y) => y.li <= li));
    const memberSet = new Set(members);
    // The axes of the other columns of the token's line or above (not in a group).
    const others = cols.filter((x) => x !== col && !memberSet.has(x) && !groupCols.has(x)).map(axis);
    // A group's columns do not pass under another label of its line (the next group's): "财政拨款收入"
    // does not reach under "财政专户拨款收入".
    const beside = lines[li]!.filter((u) => u !== t);
    let best: { a: number; b: number; err: number; whole: boolean } | null = null;
    const figureKind = finalFigureKindOf(t.text) !== null;
    // A scope of funds (本年收入, 上年结转结余), measured on the page (pdftotext text sets each header line on
    // a grid of its own: a label there may stand columns away from the ones it heads).
    const fundScope = !text && SCOPE_GROUPS.some((g) => (g.prefix === 'current' || g.prefix === 'carryOver') && g.patterns.some((p) => p.test(squashTitle(t.text))));
    for (let a = 0; a < members.length; a++) {
      let sum = restAxis[a]!;
      for (let b = a + 1; b < members.length; b++) {
        sum += restAxis[b]!;
        const n = b - a + 1;
        if (beside.some((u) => u.x0 < restAxis[b]! && u.x1 > restAxis[a]!)) continue;
        const err = Math.abs(sum / n - c);
        const gap = (restAxis[b]! - restAxis[a]!) / (n - 1);
        if (err > Math.max(1, 0.3 * gap)) continue;
        // Contiguous: no column of the token's line or above stands inside the run.
        const lo = restAxis[a]!;
        const hi = restAxis[b]!;
        if (others.some((v) => v > lo && v < hi)) continue;
        // A run does not end in a single-level label standing higher than its other columns.
        let deepest = -1;
        for (let k = a; k <= b; k++) deepest = Math.max(deepest, restTop[k]!);
        // (An end standing as deep as its neighbour inside the run is one of them.)
        const shallow = (x: number, inside: number) => restTop[x]! < deepest && rests[x]!.length === 1 && (inside < 0 || inside >= members.length || restTop[x]! < restTop[inside]!);
        // (Unless the label names a figure kind of a final account, "预算数" or "决算数", both ends stand as
        // high and a group's label stands higher between them: 预算数 over 合计 | 因公出国(境)费 |
        // 公务用车购置及运行费: 小计 购置费 运行费 | 公务接待费.)
        let nested = false;
        for (let k = a + 1; k < b && !nested; k++) nested = restTop[k]! < restTop[a]!;
        const ends = shallow(a, a + 1) || shallow(b, b - 1);
        if (ends && !(figureKind && restTop[a] === restTop[b] && nested)) continue;
        // Such a group holds whole groups: a run lies within it or outside it.
        const part = (g: (typeof groups)[number]) => {
          let inside = 0;
          for (let k = a; k <= b; k++) if (g.run.includes(members[k]!)) inside++;
          return inside > 0 && inside < b - a + 1;
        };
        if (groups.some((g) => g.li < li && g.whole && part(g))) continue;
        // A group's columns are its figures' columns: a run spanning more columns of figures than it has
        // members passes over a column labelled at the groups' height ("年初预算数 | 调整预算数 | 决算数").
        if (data.length > 0) {
          let lo = Infinity;
          let hi = -Infinity;
          for (let k = a; k <= b; k++) {
            for (const y of rests[k]!) {
              lo = Math.min(lo, y.t.x0);
              hi = Math.max(hi, y.t.x1);
            }
          }
          if (data.filter((d) => centre(d) >= lo && centre(d) <= hi).length > n) continue;
        }
        // The run's columns print nothing on the token's line.
        let above = false;
        for (let k = a; k <= b && !above; k++) above = onOrAbove[k]!;
        if (above) continue;
        // (A figure kind's label, "预算数" over the columns of the year's budget, heads all the columns it is
        // centred over up to the next label of its line: the widest run.)
        const wider = n > (best ? best.b - best.a + 1 : 0);
        if (!best || (figureKind ? wider || (n === best.b - best.a + 1 && err < best.err) : err < best.err - 0.5 || (err <= best.err + 0.5 && wider))) best = { a, b, err, whole: ends };
      }
    }
    // A label wrapped over two lines (its tail found by the vocabulary) and nothing else, over two or
    // more columns whose labels all start below its tail: their group, though the vocabulary knows its
    // words as a column too ("公务用车购置及运行维" / "护费" over 小计 | 购置费 | 运行费). Its columns are
    // those under it: in pdftotext text an ideograph takes one column, though two wide on the page.
    const tail = tailOf.get(t);
    const tailTok = !alone && col.toks.length === 2 ? col.toks.find((y) => y.t === tail) : undefined;
    let under: Col[] = [];
    if (tailTok) {
      const lo = Math.min(t.x0, tailTok.t.x0);
      const hi = Math.max(t.x1, tailTok.t.x1);
      const end = text ? lo + 2 * (hi - lo) : hi;
      under = members.filter((x) => x !== col && axis(x) >= lo - 1 && axis(x) <= end + 1);
      if (under.length < 2 || under.some((x) => topOf(x) <= tailTok.li) || others.some((v) => v > axis(under[0]!) && v < axis(under[under.length - 1]!))) under = [];
    }
    const wrapped = under.length >= 2;
    if (!best && !wrapped) continue;
    let from = wrapped ? 0 : best!.a;
    if (!wrapped && fundScope) {
      // A bare 小计 is the first column of its group (本年收入: 小计 | 一般公共预算 | …): a scope of funds
      // (本年收入, 上年结转结余) centred over fewer columns (wide figures widen its first ones) reaches back
      // to the 小计 left of them, over columns under no other label of its line.
      const subtotal = (k: number) => squashTitle(rests[k]!.map((y) => y.t.text).join('')) === '小计';
      let k = from - 1;
      while (k >= 0 && !subtotal(k) && !beside.some((u) => u.x0 < restAxis[from]! && u.x1 > restAxis[k]!)) k--;
      const clear = k >= 0 && subtotal(k) && !beside.some((u) => u.x0 < restAxis[from]! && u.x1 > restAxis[k]!) && !others.some((v) => v > restAxis[k]! && v < restAxis[from]!);
      let holds = false;
      for (let x = from; x <= best!.b && !holds; x++) holds = subtotal(x);
      if (clear && !holds && !onOrAbove.slice(k, from).some(Boolean)) from = k;
    }
    const run = wrapped ? under : members.slice(from, best!.b + 1);
    if (!wrapped && !alone) {
      // Pass 1 took it for the upper part of its column: keep that when the joined words are a known
      // column and the token alone is not, or when the run is that column and one neighbour only.
      // (A known column in the joined words wins: "附属单位上缴" over "收入".)
      const joined = termOfLabel(textOf(col));
      if (joined) continue;
    }
    if (alone || wrapped) groupCols.add(col);
    else {
      col.toks = col.toks.filter((y) => y.t !== t);
      // What pass 1 stacked under the group's label may be a group of its own ("财政拨款支出" over
      // "基本支出" over "人员经费 | 公用经费"): its next label is a candidate in turn.
      const next = [...col.toks].sort((a, b) => a.li - b.li)[0]!;
      let at = q + 1;
      while (at < candidates.length && candidates[at]!.top.li <= next.li) at++;
      candidates.splice(at, 0, { col, top: next });
    }
    groups.push({ t: wrapped ? { ...t, text: textOf(col) } : t, li, run, whole: wrapped ? false : best!.whole });
  }
  const out: Stack[] = [];
  for (const col of cols) {
    if (groupCols.has(col) || col.toks.length === 0) continue;
    const toks = [...col.toks].sort((a, b) => a.li - b.li || a.t.x0 - b.t.x0);
    const byLine = new Map<number, (typeof groups)[number]>();
    for (const g of groups.filter((g) => g.run.includes(col))) {
      const prev = byLine.get(g.li);
      if (!prev || Math.abs(mid(g.t) - axis(col)) < Math.abs(mid(prev.t) - axis(col))) byLine.set(g.li, g);
    }
    const path = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g.t.text);
    out.push({ x0: minOf(toks.map((x) => x.t.x0)), x1: maxOf(toks.map((x) => x.t.x1)), top: toks[0]!.li, parts: toks.map((x) => x.t.text), groups: path });
  }
  return out.sort((a, b) => centre(a) - centre(b));
}

/**
 * Where a column of figures stands on the page, in the columns of its header. From a PDF, where it is
 * measured. In `pdftotext -layout` text every character takes one column, an ideograph as a digit: a
 * line printed under another starts at the column of the character above its start, so a figure
 * starts under the header character it starts under on the page, but its digits, half the width of
 * an ideograph (半角), take one column each: on the page it covers half the columns it takes in the
 * text, from its start.
 */
function pageExtent(d: { x0: number; x1: number }, text: boolean): { x0: number; x1: number } {
  return text ? { x0: d.x0, x1: d.x0 + (d.x1 - d.x0) / 2 } : d;
}

/**
 * The tails of labels wrapped over header lines, found by the vocabulary: pdftotext sets each line of
 * a header on a grid of its own, so the second line of a wrapped label may stand a column or more to
 * the right of its first ("政府性基金预" over "拨款收入", its own "算拨款收入" under the next label). On
 * one header line and a line up to three below it, a word that is no column name on its own ("算拨款
 * 收入", "理资金收入", "金") completes the nearest word above it, at or left of it and no column name on
 * its own either ("政府性基金预"), whose joined words the vocabulary names ("政府性基金预算拨款收入").
 */
function wrappedTails(lines: Tok[][]): { tailOf: Map<Tok, Tok>; headOf: Map<Tok, Tok> } {
  const known = (s: string) => termOfLabel(s) !== null;
  const pairs: Array<{ h: Tok; t: Tok; d: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    for (const h of lines[i]!) {
      if (h.kind !== 'text' || known(h.text)) continue;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        for (const t of lines[j]!) {
          const d = t.x0 - h.x0;
          if (t.kind !== 'text' || d < -1 || d > 2 * (h.x1 - h.x0) + 2 || known(t.text) || !known(h.text + t.text)) continue;
          pairs.push({ h, t, d });
        }
      }
    }
  }
  // Nearest first: a tail completes the nearest head it can.
  const tailOf = new Map<Tok, Tok>();
  const headOf = new Map<Tok, Tok>();
  for (const { h, t } of pairs.sort((a, b) => a.d - b.d)) {
    if (tailOf.has(h) || headOf.has(t)) continue;
    tailOf.set(h, t);
    headOf.set(t, h);
  }
  betweenTails(lines, tailOf, headOf);
  return { tailOf, headOf };
}

/**
 * A word between two tails on their line, under the one word between their heads on theirs, is that word's
 * tail where the two complete one another as the head alone does ("一般公共预" | "政府性基金" | "国有资本经" over
 * "算" | "预算" | "营预算"): the lower line of a wrapped header, in order, though "预算" names a column alone
 * and pdftotext set it apart from its head, under the next one.
 */
function betweenTails(lines: Tok[][], tailOf: Map<Tok, Tok>, headOf: Map<Tok, Tok>): void {
  const found = [...tailOf];
  for (const [hl, tl] of found) {
    for (const [hr, tr] of found) {
      const heads = lines.find((ts) => ts.includes(hl) && ts.includes(hr));
      const tails = lines.find((ts) => ts.includes(tl) && ts.includes(tr));
      if (!heads || !tails || heads === tails) continue;
      const hs = [...heads].sort((a, b) => a.x0 - b.x0);
      const ts = [...tails].sort((a, b) => a.x0 - b.x0);
      const hk = hs.indexOf(hl);
      const tk = ts.indexOf(tl);
      if (hs.indexOf(hr) !== hk + 2 || ts.indexOf(tr) !== tk + 2) continue;
      const h = hs[hk + 1]!;
      const t = ts[tk + 1]!;
      // (A word standing under its head is stacked there without this.)
      if (h.kind !== 'text' || t.kind !== 'text' || tailOf.has(h) || headOf.has(t) || (t.x0 < h.x1 && t.x1 > h.x0)) continue;
      const joined = termOfLabel(h.text + t.text);
      if (!joined || joined.key !== termOfLabel(h.text)?.key) continue;
      tailOf.set(h, t);
      headOf.set(t, h);
    }
  }
}

/** How badly a column of amounts sits under a header column (centres apart, less half their overlap). */
function matchCost(d: { x0: number; x1: number }, s: Stack): number {
  const ov = Math.min(d.x1, s.x1) - Math.max(d.x0, s.x0);
  return Math.abs(centre(d) - centre(s)) - (ov > 0 ? 0.5 * ov : 0);
}

/**
 * Names the data columns of a panel from its header: header columns (stacks) are matched to the
 * amount columns in order, by position; a header column with no amounts below it becomes a column
 * of its own that prints nothing.
 */
/** A word that scopes a block of columns by year or comparison: 上年, 2021年, 当年, 2022年, 增减变化情况 … */
const scopeWord = (q: string): boolean =>
  /^(?:(?:19|20)\d\d年度?|当年|本年)$/u.test(q) || SCOPE_GROUPS.some((g) => (g.prefix === 'prior' || g.prefix === 'change') && g.patterns.some((p) => p.test(q)));

/**
 * A header whose top line prints only the scopes of blocks of columns side by side ("上年 | 当年 | 增减变化情况", a
 * 三公 table's years and their change), each block printing the same columns in the same order: each word scopes
 * the block it stands over, all of it. Centred over many columns, such a word stands off their middle in
 * pdftotext text, and the group pass may give a block's outer columns (合计, 培训费) to no scope or the
 * neighbour's. Where the columns do not repeat block by block, or a word stands over no block, nothing changes.
 */
function scopeBlocks(lines: Tok[][], stacks: Stack[]): void {
  const top = lines.find((ts) => ts.length > 0);
  if (!top || top.length < 2 || !top.every((t) => scopeWord(squashTitle(t.text)))) return;
  const words = [...top].sort((a, b) => a.x0 - b.x0);
  const k = words.length;
  if (stacks.length % k !== 0 || stacks.length / k < 2) return;
  const m = stacks.length / k;
  const leaf = (s: Stack) => squashTitle(s.parts.join(''));
  for (let i = m; i < stacks.length; i++) if (leaf(stacks[i]!) !== leaf(stacks[i % m]!)) return;
  const block = (j: number) => stacks.slice(j * m, (j + 1) * m);
  if (!words.every((w, j) => mid(w) >= block(j)[0]!.x0 && mid(w) <= block(j)[m - 1]!.x1)) return;
  const named = new Set(words.map((w) => squashTitle(w.text)));
  // (A subtotal is named by its groups: one whose groups below the scopes name it differently from block to block,
  // "合计" under the 三公 group in one block and not in the next, is not named, which reading is right not known.)
  const own = (s: Stack) => columnKeyOf([...s.groups.filter((g) => !named.has(squashTitle(g))), s.parts.join('')]);
  for (let i = 0; i < m; i++) {
    if (!/^(?:小计|合计|计)$/u.test(leaf(stacks[i]!))) continue;
    if (stacks.some((s, n) => n % m === i && own(s) !== own(stacks[i]!))) for (let j = 0; j < k; j++) stacks[j * m + i]!.unsure = true;
  }
  words.forEach((w, j) => {
    for (const s of block(j)) s.groups = [w.text, ...s.groups.filter((g) => !named.has(squashTitle(g)))];
  });
}

function assignHeader(panel: Panel, header: Tok[][]): void {
  // pdftotext text (no baselines): its figures' columns are not their width on the page (pageExtent).
  const text = header.some((ts) => ts.some((t) => t.line.y === undefined));
  // (A side's heading spaced over its columns names none of them.)
  const lines = header.map((ts) => ts.filter((t) => mid(t) >= panel.x0 && mid(t) < panel.x1 && !(t.spaced && SIDE_HEADING.test(squashTitle(t.text)))));
  // Headers over the label column (项目, 科目名称) or over the whole side (收入, 支出) name no amounts.
  const firstData = panel.zones.find((z) => z.data)?.data?.x0 ?? panel.labelEnd;
  const isLabelHead = (t: Tok) => panel.hasLabels && mid(t) < Math.max(panel.labelEnd, (panel.labelEnd + firstData) / 2) && t.x1 < firstData + 0.5;
  panel.labelHeader = lines
    .flat()
    .filter(isLabelHead)
    .map((t) => t.text);
  const stacks = headerStacks(
    lines.map((ts) => ts.filter((t) => !isLabelHead(t))),
    panel.zones.flatMap((z) => (z.data ? [z.data] : [])),
  );
  scopeBlocks(
    lines.map((ts) => ts.filter((t) => !isLabelHead(t))),
    stacks,
  );
  // A panel of one column of figures under two words of the vocabulary, one above the other ("公用经费"
  // over "决算数", each side of a basic-expenditure table): the upper one is the panel's group, not a rival
  // name of its column (pdftotext may set it nearer the figures than the word below it).
  if (panel.zones.filter((z) => z.data).length === 1 && stacks.length === 2) {
    const [a, b] = stacks[0]!.top < stacks[1]!.top ? [stacks[0]!, stacks[1]!] : [stacks[1]!, stacks[0]!];
    const named = (x: Stack) => columnKeyOf([x.parts.join('')]) !== null;
    if (a.top < b.top && a.parts.length === 1 && a.groups.length === 0 && named(a) && named(b)) {
      b.groups = [a.parts[0]!, ...b.groups];
      stacks.splice(stacks.indexOf(a), 1);
    }
  }
  const data = panel.zones;
  // Order-preserving match of data columns to header columns, least total distance.
  const n = data.length;
  const m = stacks.length;
  const INF = Number.POSITIVE_INFINITY;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const pick: Array<Array<0 | 1 | 2>> = Array.from({ length: n + 1 }, () => new Array<0 | 1 | 2>(m + 1).fill(0));
  // 0 = skip a stack (header-only column), 1 = match, 2 = skip a data column (no header found for it).
  cost[0]![0] = 0;
  const SKIP_DATA = 1e6;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]![j]!;
      if (here === INF) continue;
      if (j < m && here < cost[i]![j + 1]!) {
        cost[i]![j + 1] = here;
        pick[i]![j + 1] = 0;
      }
      if (i < n && here + SKIP_DATA < cost[i + 1]![j]!) {
        cost[i + 1]![j] = here + SKIP_DATA;
        pick[i + 1]![j] = 2;
      }
      if (i < n && j < m) {
        const dist = matchCost(pageExtent(data[i]!.data!, text), stacks[j]!);
        if (here + dist < cost[i + 1]![j + 1]!) {
          cost[i + 1]![j + 1] = here + dist;
          pick[i + 1]![j + 1] = 1;
        }
      }
    }
  }
  const matched = new Set<Stack>();
  for (let a = n, b = m; a > 0 || b > 0;) {
    const p = pick[a]![b]!;
    if (p === 1) matched.add(stacks[b - 1]!);
    if (p !== 2) b--;
    if (p !== 0) a--;
  }
  const out: Zone[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const p = pick[i]![j]!;
    if (p === 1) {
      const s = stacks[j - 1]!;
      // Ambiguous when a neighbouring header that prints nothing would fit these amounts about as
      // well: then the column is not named (no rule rests on a guessed header).
      const d = pageExtent(data[i - 1]!.data!, text);
      const mine = matchCost(d, s);
      const rival = !!s.unsure || [stacks[j - 2], stacks[j]].filter((x): x is Stack => !!x && !matched.has(x)).some((x) => matchCost(d, x) - mine < 1.5);
      out.unshift({ ...data[i - 1]!, path: [...s.groups, s.parts.join('')].map((x) => squashTitle(x)), head: { x0: s.x0, x1: s.x1 }, ...(rival ? { ambiguous: true } : {}) });
      i--;
      j--;
    } else if (p === 0) {
      const s = stacks[j - 1]!;
      out.unshift({ x0: NaN, x1: NaN, data: null, path: [...s.groups, s.parts.join('')].map((x) => squashTitle(x)), head: { x0: s.x0, x1: s.x1 } });
      j--;
    } else {
      out.unshift({ ...data[i - 1]!, path: [] });
      i--;
    }
  }
  panel.zones = out;
  if (text) pushedColumns(out);
}

/** The widest gap, in text columns, seen between a figure and the one pdftotext pushed along after it (1 to 3 in the corpus). */
const PUSH_GAP = 4;

/**
 * Columns of figures whose header is not known from pdftotext text. A figure's digits take twice the
 * columns they cover on the page, and pdftotext starts a line no further left than the column after
 * the line before it: where a column's figures run in the text past the start of the next header (a
 * column they leave empty), the figures printed right after them may stand under that header on the
 * page and have been pushed right, or stand where they are printed. Which is not known: that column
 * is disputed (its figures are read, not placed, and the cells of their rows are unknown), and so is
 * the next one printed close after a disputed column with a header between them.
 */
function pushedColumns(zones: Zone[]): void {
  let prev: Zone | null = null;
  let between: Zone[] = [];
  const named = (x: Zone) => columnKeyOf(x.path) !== null;
  for (const z of zones) {
    if (!z.data) {
      between.push(z);
      continue;
    }
    if (prev?.data) {
      const end = prev.data.x1;
      const overrun = between.filter((b) => b.head && b.head.x0 < end - 0.5);
      // Pushed by the column before it: printed right after figures that run past a header's start.
      // (Between columns the vocabulary names neither of, the figures are in an unnamed column either way.)
      if (overrun.length > 0 && z.data.x0 - end <= PUSH_GAP && [z, ...overrun].some(named)) z.disputed = true;
      // After a disputed column, the columns printed after it stand where the push left them, until one
      // stands under its own header's characters again (a line starts there under the character above it).
      const page = pageExtent(z.data, true);
      const under = !!z.head && page.x0 < z.head.x1 && page.x1 > z.head.x0;
      if (prev.disputed && !under && [z, prev, ...between].some(named)) z.disputed = true;
    }
    prev = z;
    between = [];
  }
}

// ---------------------------------------------------------------------------------------------
// Pages

/** The words of a header band in reading order. */
const headerSequence = (header: Tok[][]): Tok[] => header.flatMap((ts) => [...ts].sort((a, b) => a.x0 - b.x0)).filter((t) => squashTitle(t.text) !== '');

/**
 * When a page prints the same header as the page before (the same words, line by line), the map of
 * its x positions to those of the page before, through the centres of the words both print: pdftotext
 * sets each page on a grid of its own, so a column may stand a few characters further left on the
 * next page, and further still towards the right of the line. Null when the headers differ.
 */
function headerFrame(header: Tok[][], before: Tok[][]): ((x: number) => number) | null {
  const a = headerSequence(header);
  const b = headerSequence(before);
  if (a.length === 0 || a.length !== b.length || a.some((t, i) => squashTitle(t.text) !== squashTitle(b[i]!.text))) return null;
  const pairs = a.map((t, i) => [mid(t), mid(b[i]!)] as const).sort((p, q) => p[0] - q[0]);
  // Anchors left to right, one per position (words stacked over one another share it).
  const xs: Array<readonly [number, number]> = [];
  for (const p of pairs) if (xs.length === 0 || p[0] - xs[xs.length - 1]![0] > 0.5) xs.push(p);
  return (x: number) => {
    let i = 0;
    while (i + 1 < xs.length && xs[i + 1]![0] <= x) i++;
    const [a0, b0] = xs[i]!;
    const next = xs[i + 1];
    if (!next || x < a0) return x + (b0 - a0);
    return b0 + ((x - a0) * (next[1] - b0)) / (next[0] - a0);
  };
}

/**
 * The zones of a continuation page named as the page before names its columns: each column of figures
 * to the column of the page before whose figures end nearest (in order, after `toPrev`), the columns
 * that print nothing here kept between the same neighbours. A column the page's own header names
 * otherwise is disputed: its figures are read but placed in neither column. Null when a column of
 * figures lands on none of them (more columns than the page before, or one far from all): the page's
 * own header names them.
 */
/**
 * The in-order matching of n items to m ≥ n places with the least total distance (each item to its own
 * place, the order kept; places may stay unmatched): for each item, the index of its place.
 */
function alignInOrder(n: number, m: number, dist: (i: number, j: number) => number): number[] {
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY));
  const take = Array.from({ length: n + 1 }, () => new Array<boolean>(m + 1).fill(false));
  for (let j = 0; j <= m; j++) cost[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      const skip = cost[i]![j - 1]!;
      const use = cost[i - 1]![j - 1]! + dist(i - 1, j - 1);
      if (use <= skip) {
        cost[i]![j] = use;
        take[i]![j] = true;
      } else cost[i]![j] = skip;
    }
  }
  const of = new Array<number>(n);
  for (let i = n, j = m; i > 0 && j > 0; j--) {
    if (!take[i]![j]) continue;
    of[i - 1] = j - 1;
    i--;
  }
  return of;
}

/** True when `tail` is the last labels of `path` (or all of it). */
const isTailOf = (tail: readonly string[], path: readonly string[]) => tail.length <= path.length && tail.every((t, i) => t === path[path.length - tail.length + i]);

function columnsOfPrev(p: Panel, q: Panel, toPrev: (x: number) => number, fromPrev: (x: number) => number): Zone[] | null {
  const pData = p.zones.filter((z) => z.data);
  // A column the page before printed empty is matched where its figures stood on the last page that printed
  // them (a column with figures on the page before is preferred at the same distance).
  const qData = q.zones.filter((z) => z.data || z.last);
  const n = pData.length;
  const m = qData.length;
  if (n === 0 || n > m) return null;
  const gap = (i: number, j: number) => Math.abs(toPrev(pData[i]!.data!.x1) - (qData[j]!.data ?? qData[j]!.last!).x1);
  const dist = (i: number, j: number) => gap(i, j) + (qData[j]!.data ? 0 : 0.5);
  const of = alignInOrder(n, m, dist);
  if (of.some((j, i) => gap(i, j) > 4)) return null;
  const byQ = new Map(of.map((j, i) => [qData[j]!, pData[i]!]));
  return q.zones.map((z) => {
    const mine = byQ.get(z);
    if (!mine) {
      const seen = z.data ?? z.last;
      return { ...z, x0: NaN, x1: NaN, data: null, ...(seen ? { last: { x0: fromPrev(seen.x0), x1: fromPrev(seen.x1) } } : {}) };
    }
    // The page's own header read this column as another one: the two readings of one header disagree. A reading
    // that is the tail of the other's ("小计" and "财政拨款/小计": the group head above it, centred otherwise on
    // each page's grid, scoped fewer columns on one of them) names the same column, less fully: no dispute,
    // unless the page before disputed that column itself (then the fuller name is no confirmation).
    const own = mine.path.join('/');
    const disputed = mine.path.length > 0 && own !== z.path.join('/') && (z.disputed === true || !(isTailOf(mine.path, z.path) || isTailOf(z.path, mine.path)));
    return { x0: mine.x0, x1: mine.x1, data: mine.data, path: z.path, ...(z.ambiguous ? { ambiguous: true } : {}), ...(disputed ? { disputed: true } : {}) };
  });
}

/**
 * From pdftotext text, the zones of a continuation page without a header that prints figures in more columns
 * than the page before (项目支出 after a page of 基本支出 alone): each column of figures to a column of the page
 * before, in order, through the shift of the page's grid from the page before's (the columns both print). A
 * column the page before printed empty is found where its figures stood on the last page printing them, or
 * else under its header, as far from the header's centre as the page before's columns of figures stand from
 * theirs (pdftotext sets a table's figures at one distance from its headers). Null when a column lands far
 * from its place, or as near another (within 3 columns): then which column it is is not known.
 */
function columnsUnderHeads(pData: Zone[], q: Panel): Zone[] | null {
  const offsets = q.zones.flatMap((z) => (z.data && z.head ? [z.data.x1 - mid(z.head)] : []));
  if (offsets.length === 0) return null;
  const off = median(offsets);
  const places = q.zones.flatMap((z) => {
    const x = z.data ? z.data.x1 : z.last ? z.last.x1 : z.head ? mid(z.head) + off : null;
    return x === null ? [] : [{ z, x }];
  });
  if (pData.length > places.length) return null;
  const of = alignInOrder(pData.length, places.length, (i, k) => Math.abs(pData[i]!.data!.x1 - places[k]!.x) + (places[k]!.z.data ? 0 : 1));
  const shifts = of.flatMap((k, i) => (places[k]!.z.data ? [places[k]!.x - pData[i]!.data!.x1] : []));
  if (shifts.length === 0) return null;
  // (Of an even number of shifts, the mean of the middle two: one shift of two is no better than the other.)
  const sorted = [...shifts].sort((a, b) => a - b);
  const half = sorted.length / 2;
  const shift = sorted.length % 2 === 1 ? sorted[Math.floor(half)]! : (sorted[half - 1]! + sorted[half]!) / 2;
  const byQ = new Map<Zone, Zone>();
  for (const [i, k] of of.entries()) {
    const mine = pData[i]!;
    const x = mine.data!.x1 + shift;
    const here = Math.abs(x - places[k]!.x);
    if (places[k]!.z.data ? here > 2 || Math.abs(mine.data!.x1 - places[k]!.x) > 4 : here > 3) return null;
    if (places.some((o, j) => j !== k && Math.abs(x - o.x) - here < 3)) return null;
    byQ.set(places[k]!.z, mine);
  }
  return q.zones.map((z) => {
    const mine = byQ.get(z);
    if (!mine) return { ...z, x0: NaN, x1: NaN, data: null };
    return { ...mine, path: z.path, ...(z.disputed ? { disputed: true } : {}) };
  });
}

/**
 * The panels of the page before, set on this page (through the header both print, or the page's place), holding this
 * page's columns of figures where each lands (its right edge within 4 columns of a column of the page
 * before); null when a column lands on none, or the headers differ.
 */
function sidesOfPrev(panels: Panel[], prev: PageRead, toPrev: ((x: number) => number) | null, fromPrev: ((x: number) => number) | null): Panel[] | null {
  if (!toPrev || !fromPrev) return null;
  const back = (x: number) => (Number.isFinite(x) ? fromPrev(x) : x);
  const out: Panel[] = prev.panels.map((q) => ({
    ...q,
    x0: back(q.x0),
    x1: back(q.x1),
    labelEnd: back(q.labelEnd),
    zones: q.zones.map((z) => ({ ...z, x0: NaN, x1: NaN, data: null })),
  }));
  for (const z of panels.flatMap((p) => p.zones.filter((y) => y.data))) {
    let best: { k: number; j: number; d: number } | null = null;
    prev.panels.forEach((q, k) =>
      q.zones.forEach((y, j) => {
        if (!y.data) return;
        const d = Math.abs(toPrev(z.data!.x1) - y.data.x1);
        if (d <= 4 && (!best || d < best.d)) best = { k, j, d };
      }),
    );
    if (!best) return null;
    const { k, j } = best;
    const y = prev.panels[k]!.zones[j]!;
    out[k]!.zones[j] = { ...y, x0: z.x0, x1: z.x1, data: z.data };
  }
  return out;
}

export interface PageRead {
  header: Tok[][];
  /** Its sides were set through where it stands on the sheet (sheetFrame): its x are taken to the page before's so too. */
  onSheet?: boolean;
  body: Array<{ line: SourceLine; toks: Tok[] }>;
  panels: Panel[];
  /** The 序号 column, where the table prints one: its extent and the number it gives each line. */
  seq?: { x0: number; x1: number; of: Map<SourceLine, string> };
  /** Counts printed among the label cells (数量): per line, the heading and the count. */
  counts?: Map<SourceLine, Array<{ heading: string; text: string }>>;
  /** The header names a column of budget units' codes (单位编码). */
  unitCodes?: boolean;
  /** The header names a procurement catalogue column (采购目录). */
  catalogue?: boolean;
}

/** Headings of a label column (项目, 科目名称, 单位名称 …): where they stand, a panel's labels start. */
const LABEL_HEAD = /^(项目|科目|科目名称|科目编码|项目名称|收入项目|支出项目|单位名称|预算单位|功能分类科目(名称)?|(支出)?功能分类科目.*|(部门|政府)(预算)?支出经济分类科目.*)$/u;

const FRACTION = /^\.(\d{1,6})$/;
const GLUED_FRACTION = /^\.(\d{2})(\d{1,3}(?:,\d{3})*(?:\.\d+)?)$/;

/**
 * Figures whose decimals the PDF wrapped onto the next line ("174,900" over ".64"): the fraction joins
 * the integer it sits under (same column, next line or the one after). pdftotext may glue the
 * fraction to the next figure (".8441,534" is ".84" and "41,534"): split first, at the two decimals
 * the genre prints.
 */
function joinWrappedFractions(toksOf: Tok[][]): void {
  for (let i = 0; i < toksOf.length; i++) {
    const ts = toksOf[i]!;
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      const g = GLUED_FRACTION.exec(t.text);
      if (g) {
        const w = (t.x1 - t.x0) / t.text.length;
        const a = { ...t, text: `.${g[1]}`, x1: t.x0 + 3 * w, kind: 'text' as const };
        const b = { ...t, text: g[2]!, x0: t.x0 + 3 * w, kind: kindOf(g[2]!) };
        ts.splice(k, 1, a, b);
      }
    }
  }
  joinSplitFractions(toksOf);
  for (let i = 1; i < toksOf.length; i++) {
    const ts = toksOf[i]!;
    for (let k = 0; k < ts.length; k++) {
      const f = ts[k]!;
      if (!FRACTION.test(f.text)) continue;
      let joined = false;
      for (let up = i - 1; up >= Math.max(0, i - 2) && !joined; up--) {
        const above = toksOf[up]!;
        const j = above.findIndex((a) => /^[-−]?\d{1,3}(,\d{3})*$|^[-−]?\d+$/.test(a.text) && f.x0 < a.x1 + 1.5 && f.x1 > a.x0 - 0.5);
        if (j < 0) continue;
        const a = above[j]!;
        const text = a.text + f.text;
        above[j] = { ...a, text, kind: kindOf(text), x1: Math.max(a.x1, f.x1), joined: f };
        ts.splice(k, 1);
        k--;
        joined = true;
      }
    }
  }
}

/**
 * Figures too wide for their cell whose last decimals the PDF wrapped onto a line below ("18,536.8" over
 * "8"): on a page whose figures print one number of decimals, a figure printing fewer, with a bare number
 * under its last digits (next line or the one after, its right edge within a column: pdftotext sets each line
 * on a grid of its own) that completes them, is that figure. Any other bare number stays what it is. A figure
 * so wrapped around a line between (head above it, tail below) is centred on that line: it is that line's
 * row's, with the figures printed beside its head ("226,000.00 226,000.0" / "城乡社区支出" / "0").
 */
function joinWrappedDecimals(toksOf: Tok[][]): void {
  const counts = new Map<number, number>();
  for (const ts of toksOf) for (const t of ts) if (t.kind === 'amount' && t.text.includes('.')) counts.set(decimalsOfTok(t), (counts.get(decimalsOfTok(t)) ?? 0) + 1);
  const [usual, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (usual === 0 || n < 3) return;
  for (let i = 1; i < toksOf.length; i++) {
    const ts = toksOf[i]!;
    for (let k = 0; k < ts.length; k++) {
      const f = ts[k]!;
      if (!/^\d{1,2}$/.test(f.text) || ts.length > 1) continue;
      const slack = f.line.y === undefined ? 3 : 1;
      for (let up = i - 1; up >= Math.max(0, i - 2); up--) {
        const above = toksOf[up]!;
        // (Not the last piece of a figure wrapped over many lines, "8,3" / "97.7" / "5": its head stands right above it.)
        const cut = (a: Tok) => up > 0 && toksOf[up - 1]!.some((u) => FIGURE_HEAD.test(u.text) && u.x0 <= a.x1 + 2 && u.x1 >= a.x0 - 2);
        const j = above.findIndex(
          (a) => a.kind === 'amount' && /\.\d+$/.test(a.text) && decimalsOfTok(a) + f.text.length === usual && f.x1 >= a.x1 - 1 && f.x1 <= a.x1 + slack && f.x0 >= a.x0 && !cut(a),
        );
        if (j < 0) continue;
        const a = above[j]!;
        above[j] = { ...a, text: a.text + f.text, joined: f };
        ts.splice(k, 1);
        k--;
        const between = toksOf[up + 1]!;
        if (up === i - 2 && above.every((t) => t.kind === 'amount') && between.some((t) => t.kind === 'text')) {
          toksOf[up + 1] = [...between, ...above].sort((x, y) => x.x0 - y.x0);
          toksOf[up] = [];
        }
        break;
      }
    }
  }
}

/**
 * A fraction printed one space after a whole figure on its own line ("25180591 .33": pdftotext set the figure's
 * glyphs apart) is that figure's decimals, not those of a figure standing over it on the line above.
 */
function joinSplitFractions(toksOf: Tok[][]): void {
  for (const ts of toksOf) {
    for (let k = 1; k < ts.length; k++) {
      const f = ts[k]!;
      const a = ts[k - 1]!;
      if (!FRACTION.test(f.text) || !/^[-−]?\d{1,3}(,\d{3})*$|^[-−]?\d+$/.test(a.text) || f.x0 - a.x1 > 1.5 || f.x0 < a.x1 - 0.1) continue;
      const text = a.text + f.text;
      ts.splice(k - 1, 2, { ...a, text, kind: kindOf(text), x1: f.x1, joined: f });
      k--;
    }
  }
}

/** Figures of two decimals, each a whole figure (grouped by thousands or not), printed one against the next. */
const GLUED_PIECE = /[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}/gu;

/**
 * Figures printed with nothing between them, one cell's figure running into the next ("238.0041,534.73",
 * a label before them or not): each is read where the genre's two decimals end it, but where one ends
 * on the page is not known (the run's width is not shared out by its glyphs), so no column is chosen
 * for them: they are the row's figures whose column is not known, and its empty cells are unknown. In a
 * measured run (PDF) each figure's place is bounded (`glyphShares`): it is placed where both bounds land it
 * in one column (lineInPanel).
 */
function splitGluedFigures(toksOf: Tok[][]): void {
  for (const ts of toksOf) {
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      if (t.kind !== 'text' || !/\d\.\d{2}[-−]?\d/u.test(t.text)) continue;
      const m = /^(.*?[^\d,.\-−])?((?:[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}){2,})$/u.exec(t.text);
      if (!m) continue;
      const pieces = m[2]!.match(GLUED_PIECE) ?? [];
      if (pieces.length < 2 || pieces.join('') !== m[2]) continue;
      const w = (t.x1 - t.x0) / Math.max(1, t.text.length);
      const label = m[1] ?? '';
      const xm = t.x0 + label.length * w;
      const out: Tok[] = label ? [{ ...t, text: label, x1: xm, kind: kindOf(label) }] : [];
      const shares = t.line.y !== undefined ? glyphShares(pieces, xm, t.x1) : null;
      pieces.forEach((p, i) => out.push({ ...t, text: p, x0: xm, x1: t.x1, kind: 'amount', glued: true, ...(shares ? { shares: shares[i]! } : {}) }));
      ts.splice(k, 1, ...out);
      k += out.length - 1;
    }
  }
}

/**
 * Where each of the figures of a measured run stands, the run's width shared out by its glyphs: figures are
 * printed with digits of one width (tabular figures), a comma, point or minus sign no wider than a digit. Each
 * figure's extent at the two extremes (those as wide as digits; taking no room): the truth lies between.
 */
function glyphShares(pieces: readonly string[], x0: number, x1: number): Array<Array<{ x0: number; x1: number }>> {
  const narrow = (s: string) => (s.match(/[,.\-−]/gu) ?? []).length;
  const all = pieces.join('');
  const extents = (r: number) => {
    // r: a comma's, point's or minus sign's width in digits.
    const width = (s: string) => s.length - narrow(s) + r * narrow(s);
    const unit = (x1 - x0) / width(all);
    let at = x0;
    return pieces.map((p) => {
      const e = { x0: at, x1: at + width(p) * unit };
      at = e.x1;
      return e;
    });
  };
  const wide = extents(1);
  const none = extents(0);
  return pieces.map((_, i) => [wide[i]!, none[i]!]);
}

/**
 * A classification code printed after the first cell of its line, the same code at the same place
 * on three lines or more (the 类 of a right-hand panel printed on every row of its staircase: "301 …
 * 302", "301 01 … 302", its 款 and name on the line below): a code column, not a column of
 * figures. Its tokens are label text.
 */
function codeColumns(toksOf: Tok[][]): void {
  // Only where figures print their decimals (a whole 元 figure may repeat down a column).
  if (!toksOf.some((ts) => ts.some((t) => t.kind === 'amount' && /\.\d+$/.test(t.text)))) return;
  // (A 类 followed by its 款 digits on the line, "302 27 502 05", is a group of code cells, kept.)
  const cand = toksOf.flatMap((ts) => ts.filter((t, k) => k > 0 && t.kind === 'int' && /^[235]\d\d$/.test(t.text) && !/^\d{1,2}$/.test(ts[k + 1]?.text ?? '')));
  for (const t of cand) {
    const same = cand.filter((u) => u.text === t.text && u.x0 < t.x1 + 0.5 && u.x1 > t.x0 - 0.5);
    if (new Set(same.map((u) => u.line)).size >= 3) t.kind = 'text';
  }
}

/**
 * A header line's words: tokens one space apart are one label ("2026 年预算数", "其中： 政府采购").
 */
function headerWords(ts: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of ts) {
    const p = out[out.length - 1];
    // Only where the words make one label: a year and its noun, or a term of the vocabulary (dense
    // headers print neighbouring columns one space apart too).
    const joined = p ? p.text + t.text : '';
    // (A year printed apart from its 年: "其中：2026" "年政府采购项目".)
    const one = p && (/^(19|20)\d\d$/.test(p.text) || (/(?:^|\D)(19|20)\d\d$/.test(p.text) && /^年/.test(t.text)) || termOfLabel(joined) !== null || /^其中[:：]?$/.test(p.text));
    // Pieces of one cell printed as separate runs: a bracket left open ("因公出国(境" ")费") or a
    // quoted word and its noun ("“三公”" "经费").
    const open = p ? (p.text.match(/[(（]/g)?.length ?? 0) > (p.text.match(/[)）]/g)?.length ?? 0) : false;
    const measured = !!p && t.x0 - p.x1 <= 2 && (open || (/[”"]$/u.test(p.text) && /^[\u3400-\u9fff]/u.test(t.text)));
    // A word letter-spaced wide across its cell ("合          计"): two single characters that make a
    // term or a label heading.
    // (A side's heading, "收    入", may be spaced across the whole side.)
    const single = !!p && /^[\u3400-\u9fff]$/u.test(p.text) && /^[\u3400-\u9fff]$/u.test(t.text);
    const spread = single && (((termOfLabel(joined) !== null || LABEL_HEAD.test(joined)) && t.x0 - p.x1 <= 14) || SIDE_HEADING.test(joined));
    if (p && spread) out[out.length - 1] = { ...p, text: joined, x1: t.x1, kind: 'text', spaced: true };
    else if (p && (one || measured) && t.x0 - p.x1 <= (measured ? 2 : 1.3) && p.kind !== 'amount' && t.kind !== 'amount') out[out.length - 1] = { ...p, text: joined, x1: t.x1, kind: 'text' };
    else out.push(t);
  }
  return out;
}

/**
 * Per page of a table, the map of its x positions to those of the table's first page. A page sets its
 * text on a grid of its own (pdftotext's columns, or a PDF page measured from its own left text edge,
 * which on a continuation page may be an indented row): a label that starts at the same place on two
 * pages does not start at the same x. A page that prints the header of the page before again is
 * mapped through the words both print (headerFrame); a measured (PDF) continuation page without a
 * header through its columns of figures, whose right edges (where most of a column's figures end)
 * stand where the same columns' edges stood on the page before (the median shift of the columns both
 * print), or, where its sides were found through where it stands on the sheet (`onSheet`), so too. A page with a header of its own,
 * or a text page without one (pdftotext counts characters: its figures' edges are not where they
 * stand on the page), keeps its x.
 */
function pageFrames(pages: PageRead[]): Map<number | null, (x: number) => number> {
  const out = new Map<number | null, (x: number) => number>();
  let toFirst = (x: number) => x;
  pages.forEach((pg, i) => {
    const page = pg.body[0]?.line.page ?? pg.header[0]?.[0]?.line.page ?? null;
    const prev = pages[i - 1];
    let toPrev: ((x: number) => number) | null = null;
    // (In pdftotext text a column's figures do not end where they stand on the page: characters are counted, not measured.)
    const measured = pg.body.length > 0 && pg.body.every((b) => b.line.y !== undefined);
    if (prev && pg.header.length > 0) toPrev = headerFrame(pg.header, prev.header);
    else if (prev && pg.onSheet) toPrev = sheetFrame(pg.body[0]!.line, prev.body[0]?.line)?.toPrev ?? null;
    else if (prev && measured) {
      const shifts: number[] = [];
      pg.panels.forEach((p, k) => {
        const q = prev.panels[k];
        if (!q) return;
        for (const z of p.zones) {
          const name = z.path.join('/');
          const w = name === '' || !z.data ? undefined : q.zones.find((y) => y.data && y.path.join('/') === name);
          if (z.data && w?.data) {
            const a = commonRightEdge(prev, w.data);
            const b = commonRightEdge(pg, z.data);
            if (a !== null && b !== null) shifts.push(a - b);
          }
        }
      });
      if (shifts.length > 0) {
        const d = median(shifts);
        toPrev = (x: number) => x + d;
      }
    }
    if (i > 0) {
      const before = toFirst;
      toFirst = toPrev ? (x: number) => before(toPrev(x)) : (x: number) => x;
    }
    if (page !== null && !out.has(page)) out.set(page, toFirst);
  });
  return out;
}

/**
 * True when a table prints its figures without trailing zeros (a spreadsheet's general format: "390000",
 * "594390.8", "21477243.45", "0" in one column): whole figures (zero too) stand in its columns of figures
 * without a decimal part, on several lines. There a figure with one decimal fewer than the others is whole (its last digit
 * was a zero), not cut short.
 */
function dropsTrailingZeros(pages: PageRead[]): boolean {
  let n = 0;
  for (const pg of pages) {
    const ds = pg.panels.flatMap((p) => p.zones.flatMap((z) => (z.data ? [z.data] : [])));
    for (const b of pg.body) n += b.toks.filter((t) => t.kind === 'int' && !t.codePart && /^(?:0|[1-9]\d{2,})$/.test(t.text) && ds.some((d) => t.x0 >= d.x0 - 0.5 && t.x1 <= d.x1 + 0.5)).length;
  }
  return n >= 3;
}

/**
 * Where a column's figures end on a page: the right edge that most of them share (the median), not the
 * furthest one. Figures are set flush right, but a PDF may measure some a little wider than they print
 * (a figure without thousands separators among figures with them): the extent of the column runs to
 * the widest, its edge stays where the others end. Null when the page prints no figure in it.
 */
function commonRightEdge(pg: PageRead, data: { x0: number; x1: number }): number | null {
  const ends: number[] = [];
  for (const b of pg.body) for (const t of b.toks) if (t.kind === 'amount' && t.x0 >= data.x0 - 0.5 && t.x1 <= data.x1 + 0.5) ends.push(t.x1);
  if (ends.length === 0) return null;
  ends.sort((a, b) => a - b);
  return ends[Math.floor(ends.length / 2)]!;
}

/**
 * The map of a measured page's x to the page before's and back, through where each page's left text edge and
 * column width put it on the sheet (PDF: `rulings`); null for text, or a page not measured.
 */
function sheetFrame(line: SourceLine, before: SourceLine | undefined): { toPrev: (x: number) => number; fromPrev: (x: number) => number } | null {
  const a = line.rulings;
  const b = before?.rulings;
  if (!a || !b || !(a.charWidth > 0) || !(b.charWidth > 0)) return null;
  return { toPrev: (x) => (x * a.charWidth + a.left - b.left) / b.charWidth, fromPrev: (x) => (x * b.charWidth + b.left - a.left) / a.charWidth };
}

/**
 * On a measured page drawing its cells' rules, whether a column of figures stands in the cell (between the
 * same two vertical rules) that holds a column of the page before, taken there through where the two pages
 * stand on the sheet: then it is that column, however its figures are set in the cell (flush right on one
 * page, centred on the next). Never where either page draws no rules, nor where the two pages rule different grids.
 */
function ruledCells(line: SourceLine, before: SourceLine | undefined): (d: { x0: number; x1: number }, prev: { x0: number; x1: number }) => boolean {
  const frame = sheetFrame(line, before);
  const v = line.rulings?.v ?? [];
  if (!frame || v.length < 2 || (before?.rulings?.v.length ?? 0) < 2) return () => false;
  const xs = [...new Set(v.map((r) => r.x))].sort((a, b) => a - b);
  // (The same grid: every rule of either page stands where one of the other's does. A page that rules its
  // cells otherwise, a new section of the table, continues none of the page before's columns by its cells.)
  const prevXs = [...new Set(before!.rulings!.v.map((r) => frame.fromPrev(r.x)))];
  if (!xs.every((x) => prevXs.some((y) => Math.abs(x - y) <= 1)) || !prevXs.every((y) => xs.some((x) => Math.abs(x - y) <= 1))) return () => false;
  const cellOf = (a: number, b: number) => {
    for (let k = 0; k + 1 < xs.length; k++) if (a >= xs[k]! - 0.5 && b <= xs[k + 1]! + 0.5) return k;
    return -1;
  };
  return (d, prev) => {
    const k = cellOf(d.x0, d.x1);
    return k >= 0 && k === cellOf(frame.fromPrev(prev.x0), frame.fromPrev(prev.x1));
  };
}

/** The panel of the page before whose columns of figures end where most of this panel's do (within 4 columns); null when none. */
function nearestPanel(p: Panel, before: Panel[], sameCell: (d: { x0: number; x1: number }, prev: { x0: number; x1: number }) => boolean = () => false): Panel | null {
  let best: Panel | null = null;
  let most = 0;
  for (const q of before) {
    const data = q.zones.filter((z) => z.data).map((z) => z.data!);
    const n = p.zones.filter((z) => z.data && data.some((x) => Math.abs(x.x1 - z.data!.x1) <= 4 || sameCell(z.data!, x))).length;
    if (n > most) [best, most] = [q, n];
  }
  return best;
}

/**
 * The page before's header taken onto the grid of a text continuation page that prints none. pdftotext sets
 * each page on a grid of its own (a column may stand 17 characters further left on the next page, the names
 * 5): a heading's characters do not stand over the next page's cells. The rows both pages print alike (the
 * same sequence of cells: names, whole numbers, figures) say where each cell went: the medians of each
 * cell's start and end on either page make a piecewise-linear map, in order. Without such rows, or from a
 * PDF (measured where it is printed), the header as it stood.
 */
function headerOnGrid(prev: PageRead, body: PageRead['body']): Tok[][] {
  if (prev.header.length === 0 || body.length === 0 || body.some((b) => b.line.y !== undefined)) return prev.header;
  const byShape = (bs: PageRead['body']) => {
    const out = new Map<string, Tok[][]>();
    for (const b of bs) {
      const ts = tokensOf(b.line);
      const shape = ts.map((t) => t.kind[0]).join('');
      if (ts.length >= 2) out.set(shape, [...(out.get(shape) ?? []), ts]);
    }
    return out;
  };
  const here = byShape(body);
  const pairs: Array<[number, number]> = [];
  for (const [shape, before] of byShape(prev.body)) {
    const now = here.get(shape);
    if (!now) continue;
    for (let i = 0; i < shape.length; i++) {
      pairs.push([median(before.map((ts) => ts[i]!.x0)), median(now.map((ts) => ts[i]!.x0))]);
      // (A name ends where its characters do; a figure or a code where its column does.)
      if (shape[i] !== 't') pairs.push([median(before.map((ts) => ts[i]!.x1)), median(now.map((ts) => ts[i]!.x1))]);
    }
  }
  if (pairs.length === 0) return prev.header;
  // The anchors in order on both pages: the longest chain that rises on both.
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const len = pairs.map(() => 1);
  const from = pairs.map(() => -1);
  pairs.forEach((p, i) => {
    for (let j = 0; j < i; j++) if (pairs[j]![0] < p[0] && pairs[j]![1] < p[1] && len[j]! + 1 > len[i]!) [len[i], from[i]] = [len[j]! + 1, j];
  });
  const chain: Array<[number, number]> = [];
  for (let i = len.indexOf(Math.max(...len)); i >= 0; i = from[i]!) chain.unshift(pairs[i]!);
  const onGrid = (x: number): number => {
    const k = chain.findIndex((p) => p[0] >= x);
    if (k < 0) return x + chain[chain.length - 1]![1] - chain[chain.length - 1]![0];
    if (k === 0) return x + chain[0]![1] - chain[0]![0];
    const [a0, b0] = chain[k - 1]!;
    const [a1, b1] = chain[k]!;
    return b0 + ((x - a0) * (b1 - b0)) / (a1 - a0);
  };
  return prev.header.map((ts) => ts.map((t) => ({ ...t, x0: onGrid(t.x0), x1: onGrid(t.x1) })));
}

/**
 * A form's field naming the unit, printed beside the name without a colon ("部门（单位）名称   某某市某某局", the top
 * line of a department-wide target form): it heads no column, though the name stands over the figures. (A
 * second word that names a column or a field, "单位名称 | 合计", "单位名称 | 项目名称", is a header's.)
 */
function namesUnit(ts: Tok[]): boolean {
  if (ts.length !== 2 || ts.some((t) => t.kind !== 'text') || fieldKind(ts[0]!.text) !== 'department') return false;
  const name = squashTitle(ts[1]!.text);
  return fieldKind(name) === null && columnKeyOf([name]) === null && !LABEL_HEAD.test(name) && !SIDE_HEADING.test(name);
}

/** Splits a page's lines into header band and body and finds its columns and panels. */
export function readPage(input: SourceLine[], prev: PageRead | null): PageRead {
  // From a PDF, lines in the order of their baselines (the text puts a centred cell's row before
  // the cell's first line, as pdftotext does; rows are assembled by position here).
  const lines = input.every((l) => l.y !== undefined) ? [...input].sort((a, b) => a.y! - b.y!) : input;
  const toksOf = lines.map((l) => tokensOf(l));
  splitGluedFigures(toksOf);
  joinWrappedFractions(toksOf);
  joinWrappedDecimals(toksOf);
  codeColumns(toksOf);
  let first = toksOf.findIndex(
    (ts, i) =>
      !isColumnNumbers(ts) &&
      !META_RE.test(lines[i]!.text) &&
      (ts.some((t) => t.kind === 'amount') || (ts.filter((t) => t.kind === 'int').length >= 1 && ts.some((t) => t.kind === 'text' && /^(合计|总计|小计)$/.test(squashTitle(t.text))))),
  );
  if (first < 0) first = lines.length;
  // A page continuing a table whose top lines print no figure: when a line begins as a row does (an
  // enumerated item "二十二、…", a classification code) and neither it nor any line after it names a
  // column (项目, 科目编码, 预算数, 合计 … as the catalogue knows them), those lines are rows of the table,
  // not a header band (a 收支总表 whose page 2 lists the items 二十二 to 二十六 before the totals lost
  // them as header and could place no figure). A header printed again names its columns.
  // Lines above the rows that are no header: the unit, the department, a note, the columns' numbers, the
  // table's number printed under its title ("公开05表", right of the title or on its own line).
  const skipped = (i: number) =>
    UNIT_RE.test(lines[i]!.text) ||
    META_RE.test(lines[i]!.text) ||
    NOTE_RE.test(lines[i]!.text) ||
    isColumnNumbers(toksOf[i]!) ||
    isNumberOnly(lines[i]!) ||
    namesUnit(toksOf[i]!) ||
    YEAR_SUBTITLE.test(squashTitle(lines[i]!.text));
  let noHeader = false;
  const namesColumn = (ts: Tok[]) =>
    ts.some((t) => {
      if (t.kind !== 'text') return false;
      const q = squashTitle(t.text);
      return LABEL_HEAD.test(q) || SIDE_HEADING.test(q) || columnKeyOf([q]) !== null;
    });
  // From a PDF: the first row's cells wrapped around its figures, centred in a tall row ("一、一般公共预算财政"
  // above the line of "1,380.00", "拨款收入" below it): the lines above the first figures that stand as far
  // above them as the lines of the same cells stand below (one line's pitch, within a line's height), in
  // the same columns, naming no column, are that row's, not the header's, where they start a row's name
  // (an enumerator) or are together the name of the code printed on the line of figures.
  if (first > 0 && first < lines.length && lines.every((l) => l.y !== undefined)) {
    const fy = lines[first]!.y!;
    const size = lines[first]!.size ?? 2.5;
    let b = first;
    while (first > 0 && b + 1 < lines.length) {
      const a = first - 1;
      const up = fy - lines[a]!.y!;
      const down = lines[b + 1]!.y! - fy;
      const head = toksOf[a]!;
      const tail = toksOf[b + 1]!;
      // The head starts a row's name as the genre does (an enumerator), or the two lines are the name of
      // the code printed before them on the line of figures.
      const row = toksOf[first]!;
      const named = (h: Tok, t: Tok) => {
        if (TITLE_ENUMERATOR.test(squashTitle(h.text))) return true;
        const c = [...row].reverse().find((u) => u.x1 <= h.x0 + 0.5);
        return !!c && c.kind === 'int' && CODE.test(c.text) && namedByCode(c.text, h.text + t.text);
      };
      const sameCells = head.some((h) => h.kind === 'text' && tail.some((t) => t.kind === 'text' && h.x0 < t.x1 + 0.5 && t.x0 < h.x1 + 0.5 && named(h, t)));
      if (skipped(a) || up <= 0 || up >= 1.45 * size || Math.abs(up - down) > 0.3 * size || !sameCells) break;
      if (namesColumn(head) || head.some((t) => CODE_HEADING.test(squashTitle(t.text)) || t.kind === 'amount') || tail.some((t) => t.kind === 'amount')) break;
      first = a;
      b++;
    }
  }
  if (prev) {
    const rowLike = (ts: Tok[]) => {
      const t0 = ts[0];
      return !!t0 && ((t0.kind === 'text' && TITLE_ENUMERATOR.test(squashTitle(t0.text))) || (t0.kind === 'int' && CODE.test(t0.text)) || /^\d{3,9}[-－]/.test(t0.text));
    };
    // A line that begins as a row does and prints figures after its label (a 元 table's whole figures,
    // "30217 公务接待费 50206 公务接待费 10000 0 10000 0") is a row, whatever its label names.
    const figureRow = (ts: Tok[]) => {
      const k = ts.findIndex((t) => t.kind === 'text');
      return rowLike(ts) && k >= 0 && ts.slice(k + 1).filter((t) => t.kind === 'int' || t.kind === 'amount').length >= 2;
    };
    const row = toksOf.slice(0, first).findIndex((ts, i) => !skipped(i) && rowLike(ts));
    // (A side's heading, 收入 or 支出, names a column here only where the page before printed it: alone at
    // the top of a page it may be the tail of the last row's name, "国有土地使用权出让收入安排的" / "支出".)
    const sides = new Set(
      prev.header
        .flat()
        .map((t) => squashTitle(t.text))
        .filter((q) => SIDE_HEADING.test(q)),
    );
    const namesColumnHere = (ts: Tok[]) => namesColumn(ts.filter((t) => !SIDE_HEADING.test(squashTitle(t.text)) || sides.has(squashTitle(t.text))));
    if (row >= 0 && !toksOf.slice(row, first).some((ts, k) => !skipped(row + k) && !figureRow(ts) && namesColumnHere(ts))) first = row;
    // Lines above the first figures of a continuation page that name no column (the wrapped name of a
    // row, a project's code printed above its figures, the words of a target grid beside them) are no
    // header, unless they print the page before's header again: the page's figures take the columns of
    // the page before, as on a page without any line above them (they stay no row, as they were).
    const band = toksOf.slice(0, first).filter((_, i) => !skipped(i));
    if (first < lines.length && band.length > 0 && !band.some(namesColumnHere) && !headerFrame(band.map(headerWords), prev.header)) noHeader = true;
    // The page before's header printed again, then lines of words naming no column down to the first figures (the head
    // of the first row's wrapped name, "其他行政事业单位养老支" over "99 出 2.24"): those lines are the row's, not
    // the header's, which is the page before's whole. (pdftotext text; a PDF's lines are placed by their baselines.)
    const measured = lines.every((l) => l.y !== undefined);
    const kept = noHeader || measured || first === lines.length ? [] : [...Array(first).keys()].filter((i) => !skipped(i));
    for (let k = kept.length - 1; k > 0 && !namesColumnHere(toksOf[kept[k]!]!) && toksOf[kept[k]!]!.every((t) => t.kind === 'text'); k--) {
      const again = kept.slice(0, k).map((i) => headerWords(toksOf[i]!));
      if (headerFrame(again, prev.header)) {
        first = kept[k]!;
        break;
      }
    }
  }
  const header: Tok[][] = [];
  if (!noHeader) for (let i = 0; i < first; i++) if (!skipped(i)) header.push(headerWords(toksOf[i]!));
  const body: PageRead['body'] = [];
  for (let i = first; i < lines.length; i++) {
    if (isColumnNumbers(toksOf[i]!)) continue;
    body.push({ line: lines[i]!, toks: toksOf[i]! });
  }
  const seq = seqColumn(header, body, prev);
  // (A continuation page without a header counts under the page before's 数量, codes under its 类 / 款 / 项, …)
  const carried = header.length === 0 && prev ? headerOnGrid(prev, body) : [];
  dropLineNumbers(header.length === 0 && prev ? carried : header, body);
  const countHeads = new Set<Tok>();
  const counts = countColumns(header.length === 0 && prev ? carried : header, body, countHeads);
  const unitCodes = header.some((ts) => ts.some((t) => UNIT_CODE_HEADING.test(squashTitle(t.text)))) || (header.length === 0 && !!prev?.unitCodes);
  const catalogue = header.some((ts) => ts.some((t) => CATALOGUE_HEADING.test(squashTitle(t.text)))) || (header.length === 0 && !!prev?.catalogue);
  // Where every row is numbered (序号), a unit's code printed on a line without a number (below its
  // row's baseline, beside the next row's wrapped name: "234001" under "3 … 西安市气象局") is the code of
  // the numbered row above, when that row prints none.
  if (unitCodes && seq) {
    const heads = [...header, ...carried].flat().filter((t) => UNIT_CODE_HEADING.test(squashTitle(t.text)));
    const under = (t: Tok) => t.kind === 'int' && heads.some((h) => t.x1 > h.x0 && t.x0 < h.x1);
    body.forEach((b, i) => {
      const k = b.toks.findIndex(under);
      if (seq.of.has(b.line) || k < 0) return;
      const above = body
        .slice(0, i)
        .reverse()
        .find((a) => seq.of.has(a.line));
      if (!above || above.toks.some(under)) return;
      above.toks = [...above.toks, { ...b.toks[k]!, line: above.line }].sort((x, y) => x.x0 - y.x0);
      b.toks = b.toks.filter((_, j) => j !== k);
    });
  }
  // Whole numbers printed under a header's 类 / 款 / 项 (a code split into columns: "210 15 05", an
  // economic code's "302 27 502 05") or under 单位编码 ("1 全额") are codes, never amounts.
  // A code split into columns prints two parts or more under their headings (类 款, 类 款 项): a 款 alone
  // in the header is the tail of a wrapped heading ("政府性基金拨" / "款"), over a column of figures.
  const headed = [...header, ...carried].flat();
  const parts = headed.filter((t) => /^[类款项]+$/u.test(squashTitle(t.text)));
  const split = new Set(parts.flatMap((t) => [...squashTitle(t.text)])).size >= 2;
  const codeHeads = headed.filter((t) => (split && parts.includes(t)) || UNIT_CODE_HEADING.test(squashTitle(t.text)) || CLASS_CODE_HEADING.test(squashTitle(t.text)));
  const underCode = (t: Tok) => t.kind === 'int' && codeHeads.some((h) => t.x1 > h.x0 && t.x0 < h.x1);
  for (const b of body) for (const t of b.toks) if (underCode(t)) t.codePart = true;
  // A split code's headings printed letter-spaced and read as one word ("类   款   类   款" → 类款类款): the code
  // prints a part per letter, three digits under 类, two under 款 or 项. In pdftotext text the parts after the
  // first may stand right of the word: those that follow the first part under it, in that pattern, are the code's.
  for (const h of codeHeads) {
    const letters = [...squashTitle(h.text)];
    if (letters.length < 2 || !letters.every((c) => /^[类款项]$/u.test(c))) continue;
    for (const b of body) {
      const k = b.toks.findIndex((t) => t.kind === 'int' && t.x1 > h.x0 && t.x0 < h.x1);
      for (let i = 0; k >= 0 && i < letters.length && k + i < b.toks.length; i++) {
        const t = b.toks[k + i]!;
        if (t.kind !== 'int' || !(letters[i] === '类' ? /^\d{3}$/ : /^\d{2}$/).test(t.text)) break;
        t.codePart = true;
      }
    }
  }
  // Columns from strong amounts first; integers and dashes join the columns they overlap.
  const strong = body.flatMap((b) => b.toks.filter((t) => t.kind === 'amount' && !t.glued));
  let cols = clusterColumns(strong);
  if (cols.length > 0) {
    // (A code printed before its name is no figure, wherever it stands: "190.00 307 债务利息及费用支出".)
    const extra = body.flatMap((b) =>
      b.toks.filter((t, k) => (t.kind === 'int' || t.kind === 'dash') && !t.codePart && !(k > 0 && codeBeforeName(b.toks, k)) && cols.some((c) => t.x1 > c.x0 - 0.5 && t.x0 < c.x1 + 0.5)),
    );
    // Whole figures and dashes right of the first column of figures that stand apart from every
    // column of decimal figures: a column that prints only whole figures ("0" in every row of a 元
    // table, "25" beside "21.56") is a column of its own, not part of its neighbour.
    const x0 = cols[0]!.x0;
    // (Digits followed closely by a name are a code: "01    办公费".)
    const named = (ts: Tok[], k: number) => ts[k + 1]?.kind === 'text' && /^[\u3400-\u9fff]/u.test(ts[k + 1]!.text) && ts[k + 1]!.x0 - ts[k]!.x1 <= 8;
    const inExtra = new Set(extra);
    const loose = body.flatMap((b) =>
      b.toks.filter(
        (t, k) => k > 0 && (t.kind === 'int' || t.kind === 'dash') && !t.codePart && t.x0 > x0 && !named(b.toks, k) && !inExtra.has(t) && !cols.some((c) => t.x1 > c.x0 - 0.5 && t.x0 < c.x1 + 0.5),
      ),
    );
    // A column of them prints on two lines or more, or on a line of decimal figures (a one-row table).
    // Where whole figures print bare (298224), in pdftotext text as from a PDF, only as below.
    const measured = body.every((b) => b.line.y !== undefined);
    const bare = body.reduce((n, b) => n + b.toks.filter((t, k) => k > 0 && t.kind === 'int' && /^[1-9]\d{3,}$/.test(t.text)).length, 0);
    // There a column of bare whole figures is one of amounts when its figures print as whole amounts of
    // 元 do: 0, or four digits and more, or a smaller one (500 among 329545 and 0) in a column that prints
    // one of four digits and more, on a line that prints figures in the columns of decimal ones (its
    // 合计). The class and 款 parts of an economic code printed in columns of their own (302 27 502 05)
    // are not amounts, nor a performance target's values (95, 100) on lines of words.
    const amountLines = new Set([...strong, ...extra].map((t) => t.line));
    // pdftotext sets a bare figure's digits on its own row's grid: a right-aligned column's 0 may end one
    // character right of the wider figures above it (106691 over 0, each ending where the other starts).
    const touching = bare > 0 && !measured;
    const kept = clusterColumns(loose, touching).filter((c) => {
      const mine = loose.filter((t) => t.x0 >= c.x0 && t.x1 <= c.x1);
      const figs = mine.filter((t) => t.kind !== 'dash');
      const large = figs.some((t) => /^[1-9]\d{3,}$/.test(t.text));
      const whole = figs.every((t) => /^(?:0|[1-9]\d{3,})$/.test(t.text) || (large && /^[1-9]\d{0,2}$/.test(t.text) && amountLines.has(t.line)));
      // (Dashes alone say nothing of a column: a target grid's 备注 printing "-".)
      if (bare > 0 && (!whole || figs.length === 0)) return false;
      return mine.length >= 2 || mine.some((t) => strong.some((u) => u.line === t.line));
    });
    cols = clusterColumns([...strong, ...extra, ...loose.filter((t) => kept.some((c) => t.x0 >= c.x0 && t.x1 <= c.x1))], touching);
  } else {
    // No decimal figure anywhere (a 元 table of whole amounts): integers right of the labels.
    // (From a PDF, where the header says where the codes stand, a figure of a code's length elsewhere
    // is an amount: 142500, 7007500. In pdftotext text the bare figures' columns are not measured.)
    const measured = body.every((b) => b.line.y !== undefined);
    const ints = body.flatMap((b) => b.toks.filter((t, k) => (t.kind === 'int' || t.kind === 'dash') && k > 0 && !underCode(t) && ((codeHeads.length > 0 && measured) || !CODE.test(t.text))));
    cols = clusterColumns(ints);
  }
  // (From a PDF, figures are measured where they stand: one space apart, two columns do not overlap.)
  if (!body.every((b) => b.line.y !== undefined)) cols = splitRunTogether(cols, body);
  const panels: Panel[] = [];
  if (cols.length > 0) {
    // Label text printed between two amount columns on several lines: a new panel starts there. In
    // pdftotext text a label may start inside the extent of the figures before it (a glyph is one
    // character wide there): past the middle of that column is enough.
    const between = (a: { x0: number; x1: number }, b: { x0: number }) =>
      body.flatMap((bl) => {
        const k = bl.toks.findIndex((u) => u.kind === 'text' && u.x0 > (a.x0 + a.x1) / 2 && u.x0 >= a.x0 + 2 && u.x1 <= b.x0 + 0.5 && squashTitle(u.text).length >= 2 && !/^[.．]\d/.test(u.text));
        if (k < 0) return [];
        // A side's labels start at its code where the code is printed in a cell of its own before the name
        // ("1,060.00 | 302 | 商品和服务支出"): the code, standing past the column of figures, is that side's.
        const c = bl.toks[k - 1];
        if (c && c.kind === 'int' && c.x0 > a.x1 - 0.5 && codeBeforeName(bl.toks, k - 1)) return [c];
        return [bl.toks[k]!];
      });
    const minLines = Math.max(2, Math.ceil(body.length * 0.1));
    const placedOnPage = body.every((b) => b.line.y !== undefined);
    const cuts: Array<{ at: number; x: number }> = [];
    // The header names each side's label column (项目, 科目名称 …): a label heading printed after
    // an amount column starts a panel, whatever the rows below it print.
    const heads = header.flat().filter((t) => LABEL_HEAD.test(squashTitle(t.text)));
    for (let j = 0; j + 1 < cols.length; j++) {
      const ts = between(cols[j]!, cols[j + 1]!);
      const h = heads.filter((t) => mid(t) > cols[j]!.x1 - 0.5 && mid(t) < cols[j + 1]!.x0);
      // (In pdftotext text a header's words stand left of where they are printed, by the ideographs before
      // them on their line: where rows say where a side's labels start, they alone do.)
      if (ts.length >= minLines) cuts.push({ at: j + 1, x: minOf([...ts.map((t) => t.x0), ...(placedOnPage ? h.map((t) => t.x0) : [])]) });
      else if (h.length > 0) cuts.push({ at: j + 1, x: minOf([...h.map((t) => t.x0), ...ts.map((t) => t.x0)]) });
      else if (prev && prev.panels.length > 1 && header.length === 0) {
        // A continuation page without its header: the sides split where they split on the page before.
        const x = prev.panels
          .slice(1)
          .map((p) => p.x0)
          .find((px) => px > cols[j]!.x1 - 2 && px < cols[j + 1]!.x0);
        if (x !== undefined) cuts.push({ at: j + 1, x: ts.length > 0 ? Math.min(x, ...ts.map((t) => t.x0)) : x });
      }
    }
    const starts = [{ at: 0, x: -Infinity }, ...cuts];
    starts.forEach((st, k) => {
      const s = st.at;
      const e = k + 1 < starts.length ? starts[k + 1]!.at : cols.length;
      const mine = cols.slice(s, e);
      const px0 = st.x;
      const px1 = k + 1 < starts.length ? starts[k + 1]!.x : Infinity;
      // Where the labels end: the amounts' left edge, less the space labels actually use.
      // (A code printed alone in the label column is a label too, and the parts of a code under 类 / 款 / 项.)
      const labelXs = body.flatMap((bl) =>
        bl.toks
          .filter((t) => (t.kind === 'text' || (t.kind === 'int' && (CODE.test(t.text) || underCode(t)))) && t.x0 >= px0 && t.x1 <= mine[0]!.x0 + 0.5 && mid(t) < mine[0]!.x0 + 0.5)
          .map((t) => Math.min(t.x1, mine[0]!.x0)),
      );
      const labelEnd = labelXs.length > 0 ? maxOf(labelXs) : mine[0]!.x0;
      const zones: Zone[] = mine.map((c, j) => ({
        x0: j === 0 ? Math.min(c.x0 - 0.1, (Math.min(labelEnd, c.x0) + c.x0) / 2) : (mine[j - 1]!.x1 + c.x0) / 2,
        x1: j + 1 < mine.length ? (c.x1 + mine[j + 1]!.x0) / 2 : px1,
        data: { x0: c.x0, x1: c.x1 },
        path: [],
      }));
      if (zones[zones.length - 1]!.x1 === Infinity) zones[zones.length - 1]!.x1 = Math.max(mine[mine.length - 1]!.x1 + 40, ...header.flat().map((t) => t.x1 + 1));
      panels.push({ x0: px0, x1: zones[zones.length - 1]!.x1, labelEnd: Math.min(labelEnd, mine[0]!.x0), hasLabels: labelXs.length > 0, zones, labelHeader: [] });
    });
    // (A heading whose counts were all taken out of the lines, 数量 or 人数, heads no column of figures here.)
    const named = countHeads.size > 0 ? header.map((ts) => ts.filter((t) => !countHeads.has(t))) : header;
    for (const p of panels) {
      if (header.length > 0) {
        assignHeader(p, named);
      }
    }
  }
  // A continuation page that prints the header of the page before again: its columns are that page's,
  // where each of its columns of figures lands on one of them (its positions taken to the page before
  // through the header both print), so that a column keeps one name over the pages of its table; where
  // the two pages' headers name a column differently, its figures on this page are not placed.
  // A continuation page that prints the header again but figures on fewer sides (a two-sided table
  // whose left side has ended): its columns of figures are the page before's they land on, each in its
  // side, so that a row of the right side is never read as one of the left.
  if (header.length > 0 && prev && prev.panels.length > panels.length && panels.length > 0) {
    const sides = sidesOfPrev(panels, prev, headerFrame(header, prev.header), headerFrame(prev.header, header));
    if (sides) panels.splice(0, panels.length, ...sides);
  }
  if (header.length > 0 && prev && prev.panels.length === panels.length && panels.length > 0) {
    const toPrev = headerFrame(header, prev.header);
    const fromPrev = headerFrame(prev.header, header);
    if (toPrev && fromPrev) {
      const named = panels.map((p, k) => columnsOfPrev(p, prev.panels[k]!, toPrev, fromPrev));
      if (named.every((zones) => zones !== null)) panels.forEach((p, k) => ((p.zones = named[k]!), (p.labelHeader = prev.panels[k]!.labelHeader)));
    }
  }
  const measuredBody = body.length > 0 && body.every((b) => b.line.y !== undefined);
  let onSheet = false;
  // A measured continuation page without a header that prints figures on fewer sides than the page before (a
  // two-sided table whose left side has ended; each side headed by its labels' heading, 项目): each page's x counts from its own left text edge, which here is
  // the right side's labels; taken through where the two pages stand on the sheet, its columns of figures are
  // the page before's they land on, each in its side.
  const sidesNamed = prev !== null && prev.panels.length > 1 && prev.panels.every((q) => q.labelHeader.some((h) => LABEL_HEAD.test(squashTitle(h))));
  if (header.length === 0 && prev && sidesNamed && prev.panels.length > panels.length && panels.length > 0 && measuredBody) {
    const frame = sheetFrame(body[0]!.line, prev.body[0]?.line);
    const sides = frame ? sidesOfPrev(panels, prev, frame.toPrev, frame.fromPrev) : null;
    if (sides) {
      panels.splice(0, panels.length, ...sides);
      onSheet = true;
    }
  }
  // In pdftotext text no position says which side such a page prints (each page is set on a grid of its own): its
  // labels do (sidesOfLabel), its figures then in that side's columns in order. The revenue side's rows are a closed
  // vocabulary (sources, totals): every labelled line must name one. Function classes are known only in part (the
  // codes shipped are those observed): some line naming a class, none a source, is the expenditure side's. Else its
  // sides stay as found (its figures unplaced).
  if (header.length === 0 && prev && sidesNamed && prev.panels.length === 2 && panels.length === 1 && !measuredBody && body.length > 0) {
    const said = body.flatMap((b) => sidesOfLabel(b.toks) ?? []);
    const rev = said.filter((x) => x.revenue).length;
    const exp = said.filter((x) => x.expenditure).length;
    const k = rev > 0 && exp === 0 && rev === said.length ? 0 : exp > 0 && rev === 0 ? 1 : undefined;
    const q = k === undefined ? undefined : prev.panels[k]!;
    if (q && q.zones.filter((z) => z.data).length === panels[0]!.zones.filter((z) => z.data).length) {
      const none = (s: Panel): Panel => ({ ...s, x0: -Infinity, x1: -Infinity, labelEnd: -Infinity, zones: s.zones.map((z) => ({ ...z, x0: NaN, x1: NaN, data: null })) });
      panels.splice(0, panels.length, ...prev.panels.map((s, j) => (j === k ? panels[0]! : none(s))));
    }
  }
  if (header.length === 0 && prev && prev.panels.length > 0) {
    // A continuation page: the columns of the page before, in order where the data columns match; each
    // panel those of the page before's panel whose figures end where its own do, where the two pages
    // print different numbers of panels (a page whose target grid prints no figure beside the projects').
    const sameCell = measuredBody ? ruledCells(body[0]!.line, prev.body[0]?.line) : () => false;
    panels.forEach((p, k) => {
      const q = prev.panels.length === panels.length ? prev.panels[k]! : nearestPanel(p, prev.panels, sameCell);
      if (!q) return;
      const qData = q.zones.filter((z) => z.data);
      const pData = p.zones.filter((z) => z.data);
      p.labelHeader = q.labelHeader;
      // From a PDF, where figures stand where they are printed: each column of figures is the column of
      // the page before whose figures end where its own do, or, for one the page before printed empty,
      // whose header stands over it (less exact than figures: a header is centred and wraps, so a column
      // with figures on both pages within 4 is preferred). Where a column lands on none, they are taken in order
      // as below. (pdftotext sets each page on a grid of its own: a header's characters do not stand
      // where the next page's figures do.)
      if (measuredBody && pData.length <= q.zones.length) {
        const near = (i: number, j: number) => {
          const z = q.zones[j]!;
          const d = pData[i]!.data!;
          if (z.data) return sameCell(d, z.data) ? 0 : Math.abs(d.x1 - z.data.x1);
          if (!z.head) return Number.POSITIVE_INFINITY;
          // (Past every column with figures within 4: a page's grid shifts a little.)
          return 4 + Math.max(0, z.head.x0 - d.x1, d.x0 - z.head.x1);
        };
        const at = alignInOrder(pData.length, q.zones.length, near);
        // At least one column lands on a column with figures: the page continues those columns on their grid.
        if (at.every((j, i) => j !== undefined && near(i, j) <= (q.zones[j]!.data ? 4 : 8)) && at.some((j) => q.zones[j]!.data)) {
          const byQ = new Map(at.map((j, i) => [q.zones[j]!, pData[i]!]));
          for (const [z, mine] of byQ) {
            mine.path = z.path;
            if (z.disputed) mine.disputed = true;
          }
          p.zones = q.zones.map((z) => byQ.get(z) ?? { ...z, x0: NaN, x1: NaN, data: null });
          return;
        }
      }
      // From text, more columns of figures than the page before printed: the others are found under their headers.
      if (!measuredBody && pData.length > qData.length && pData.length < q.zones.length) {
        const zones = columnsUnderHeads(pData, q);
        if (zones) {
          p.zones = zones;
          return;
        }
      }
      if (pData.length === qData.length) {
        pData.forEach((z, j) => {
          z.path = qData[j]!.path;
          if (qData[j]!.disputed) z.disputed = true;
        });
        // Carry the header-only columns over too, between the same neighbours.
        const zones: Zone[] = [];
        let j = 0;
        for (const z of q.zones) {
          if (z.data) zones.push(pData[j++]!);
          else zones.push({ ...z, x0: NaN, x1: NaN, data: null });
        }
        p.zones = zones;
      } else if (pData.length === q.zones.length) {
        pData.forEach((z, j) => (z.path = q.zones[j]!.path));
      } else {
        // Fewer columns printed than the page before: each matched, in order, to the column whose
        // figures end nearest (figures are right-aligned; a page's grid shifts a little, not much). A column
        // lands on one within 4 and nearer than any other by more than a character: else which it is is not known.
        const dist = (i: number, j: number) => Math.abs(pData[i]!.data!.x1 - qData[j]!.data!.x1);
        const of = pData.length <= qData.length ? alignInOrder(pData.length, qData.length, dist) : [];
        const lands = (i: number, j: number) => dist(i, j) <= 4 && qData.every((_, o) => o === j || dist(i, o) > dist(i, j) + 1);
        of.forEach((j, i) => {
          pData[i]!.path = lands(i, j) ? qData[j]!.path : [];
        });
        if (of.length > 0 && of.every((j, i) => lands(i, j))) {
          // Every column printed here is one of the page before's: the others are kept between the same
          // neighbours, printing nothing here, so that the next page may print them again.
          const byQ = new Map(of.map((j, i) => [qData[j]!, pData[i]!]));
          p.zones = q.zones.map((z) => (z.data && byQ.has(z) ? byQ.get(z)! : { ...z, x0: NaN, x1: NaN, data: null }));
        }
      }
    });
  }
  return {
    header,
    body,
    panels,
    ...(seq ? { seq } : {}),
    ...(counts.size > 0 ? { counts } : {}),
    ...(unitCodes ? { unitCodes } : {}),
    ...(catalogue ? { catalogue } : {}),
    ...(onSheet ? { onSheet } : {}),
  };
}

/**
 * Columns of counts among the label cells (a procurement table's 数量, "合计 … 4 … 4,020,000.00"): the
 * whole numbers standing from the heading's start to the next header word's, right of the first cell
 * of their line. They are no part of the labels (nor amounts): taken out of the lines, kept apart.
 */
function countColumns(header: Tok[][], body: PageRead['body'], emptied?: Set<Tok>): Map<SourceLine, Array<{ heading: string; text: string }>> {
  const out = new Map<SourceLine, Array<{ heading: string; text: string }>>();
  const words = header.flat();
  for (const h of words.filter((t) => COUNT_HEADING.test(squashTitle(t.text)))) {
    const end = minOf(words.filter((t) => t.x0 > h.x1).map((t) => t.x0));
    // (A heading centred in its cell stands right of counts set left in it: the cell starts midway after the word before it on its line.)
    const before = words.filter((t) => t.line === h.line && t.x1 <= h.x0).map((t) => t.x1);
    const start = before.length > 0 ? Math.min(h.x0 - 1, (maxOf(before) + h.x0) / 2) : h.x0 - 1;
    let taken = 0;
    for (const b of body) {
      const k = b.toks.findIndex((t, i) => i > 0 && t.kind === 'int' && /^\d{1,6}$/.test(t.text) && t.x0 >= start && t.x0 < end);
      if (k < 0) continue;
      taken++;
      out.set(b.line, [...(out.get(b.line) ?? []), { heading: squashTitle(h.text), text: b.toks[k]!.text }]);
      b.toks = b.toks.filter((_, i) => i !== k);
    }
    // (`emptied`: the headings under which no figure is left, each count taken out.)
    if (emptied && taken > 0 && !body.some((b) => b.toks.some((t, i) => i > 0 && (t.kind === 'int' || t.kind === 'amount') && t.x0 >= start && t.x0 < end))) emptied.add(h);
  }
  return out;
}

/**
 * The lines' numbers under a 行次 heading (收入支出决算总表: 项目 | 行次 | 金额, on each side): whole numbers
 * of one to three digits standing under it are no amounts and no part of a label; they are left out.
 */
function dropLineNumbers(header: Tok[][], body: PageRead['body']): void {
  const heads = header.flat().filter((t) => LINE_NO_HEADING.test(squashTitle(t.text)));
  if (heads.length === 0) return;
  const under = (t: Tok) => t.kind === 'int' && /^\d{1,3}$/.test(t.text) && heads.some((h) => t.x1 > h.x0 - (h.x1 - h.x0) && t.x0 < h.x1 + (h.x1 - h.x0));
  for (const b of body) if (b.toks.some(under)) b.toks = b.toks.filter((t) => !under(t));
}

/**
 * A 序号 column (Xi'an's template numbers every line: "1 合计", "2 271 西安市…"): under the header's
 * 序号, the first cell of the body lines, numbering them 1, 2, 3 … in order. Its numbers are no part
 * of the lines' labels (nor codes, nor amounts): they are taken out of the lines and kept apart. A
 * continuation page without a header numbers its lines where the page before did.
 */
function seqColumn(header: Tok[][], body: PageRead['body'], prev: PageRead | null): PageRead['seq'] | undefined {
  const head = header.flat().find((t) => SEQ_HEADING.test(squashTitle(t.text)));
  const at = head ? { x0: head.x0, x1: head.x1 } : header.length === 0 ? prev?.seq : undefined;
  if (!at) return undefined;
  const firsts = body.map((b) => {
    const t = b.toks[0];
    return t && t.kind === 'int' && /^\d{1,4}$/.test(t.text) && t.x0 < at.x1 + 2 && t.x1 > at.x0 - 2 ? t : null;
  });
  const ns = firsts.filter((t): t is Tok => t !== null).map((t) => Number(t.text));
  // (In order, not always one by one: a line printing only its number may be left out as page furniture.)
  if (ns.length === 0 || ns.some((n, i) => i > 0 && n <= ns[i - 1]!)) return undefined;
  const of = new Map<SourceLine, string>();
  body.forEach((b, i) => {
    const t = firsts[i];
    if (!t) return;
    of.set(b.line, t.text);
    b.toks = b.toks.slice(1);
  });
  return { x0: at.x0, x1: at.x1, of };
}

// ---------------------------------------------------------------------------------------------
// Rows

type Kind = Row['kind'];

const TOTAL = /^(合计|总计|收入总计|支出总计|收支总计|合计数|总合计|本年合计)$/;
const SUBTOTAL = /^(人员经费合计|公用经费合计|本年收入合计|本年支出合计|收入合计|支出合计|本年收入小计|本年支出小计|小计)$/;
const CARRY = /(结转|结余)/;

function kindOfLabel(label: string, code: string | null): Kind {
  const s = squashTitle(label).replace(TITLE_ENUMERATOR, '');
  if (code) return 'item';
  if (TOTAL.test(s)) return 'total';
  if (SUBTOTAL.test(s)) return 'subtotal';
  if (CARRY.test(s) && s.length <= 20) return 'carry';
  return 'item';
}

/**
 * The rank of a label's enumerator in the Chinese document hierarchy: 一、 1, （一） 2, 1. 3, (1) 4;
 * a bare 其中： is 0 (a part of the line above). Levels follow the ranks a table actually uses.
 */
function enumDepth(label: string): number | null {
  const s = label.trim();
  const t = s.replace(/^其中\s*[:：]\s*/, '');
  if (/^[一二三四五六七八九十]{1,3}[、.．]/.test(t)) return 1;
  if (/^[(（][一二三四五六七八九十]{1,3}[)）]/.test(t)) return 2;
  if (/^\d{1,2}\s*[、.．](?!\d)/.test(t)) return 3;
  if (/^[(（]\d{1,2}[)）]/.test(t)) return 4;
  if (t !== s) return 0;
  return null;
}

interface RawRow {
  label: Tok[];
  labelText: string;
  code: string | null;
  extraCodes: string[];
  cells: Map<string, Tok[]>;
  stray: Tok[];
  first: SourceLine;
  last: SourceLine;
  labelX: number;
  page: number | null;
  /** Two digits printed in a 款 or 项 column, relative to the code of the row above. */
  rel?: string;
  /** A label-only row whose amounts may still follow on the next line. */
  provisional?: boolean;
  /** The label already took a wrapped continuation line. */
  continued?: boolean;
  /** Text only: the label follows ideographs on its line, so its column is not where it stands (see `flowedStart`). */
  flowed?: boolean;
}

interface PanelRows {
  rows: RawRow[];
}

/** Assigns one body line's tokens to a panel: its label tokens and its amounts by zone. */
function lineInPanel(p: Panel, toks: Tok[]): { label: Tok[]; cells: Map<string, Tok[]>; stray: Tok[] } {
  const label: Tok[] = [];
  const cells = new Map<string, Tok[]>();
  const stray: Tok[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const c = t.kind === 'int' && codeBeforeName(toks, k) ? mid(toks[k + 1]!) : mid(t);
    if (c < p.x0 || c >= p.x1) continue;
    if (t.codePart) {
      // Part of a code printed under the header's 类 / 款 / 项 or 单位编码, wherever it stands.
      label.push(t);
      continue;
    }
    if (t.glued) {
      // Figures run together: read, their column not known, unless both bounds of where the glyphs put it
      // land it in one column, its right edge among that column's figures'.
      const z = t.shares ? sharedZone(p, t.shares, (t.shares[0]!.x1 - t.shares[0]!.x0) / t.text.length, t.line) : -1;
      if (z < 0) stray.push(t);
      else cells.set(zoneId(p, z), [...(cells.get(zoneId(p, z)) ?? []), t]);
      continue;
    }
    const firstData = p.zones.find((z) => z.data);
    if (t.x1 <= p.labelEnd + 0.5 || (t.kind === 'text' && c < (firstData?.x0 ?? p.labelEnd))) {
      label.push(t);
      continue;
    }
    if (t.kind === 'text') {
      // Text among the amounts: a wrapped label running long, or a text cell of the table. (A subtotal's
      // word centred in a cell merged across the side's columns, "公用经费合计" over its 决算数, is the line's
      // label where no figure of the side stands on the line.)
      const subtotalWord = kindOfLabel(t.text, null) === 'subtotal' && !toks.some((u) => u.kind === 'amount' && mid(u) >= p.x0 && mid(u) < p.x1);
      if (t.x0 < (firstData?.data?.x0 ?? p.labelEnd) || subtotalWord) label.push(t);
      else stray.push(t);
      continue;
    }
    // The zone the token overlaps most.
    let best = -1;
    let bestOv = 0;
    p.zones.forEach((z, j) => {
      if (!Number.isFinite(z.x0)) return;
      const ov = Math.min(t.x1, z.x1) - Math.max(t.x0, z.x0);
      if (ov > bestOv) {
        bestOv = ov;
        best = j;
      }
    });
    if (best < 0 || p.zones[best]!.disputed) stray.push(t);
    else {
      const id = zoneId(p, best);
      cells.set(id, [...(cells.get(id) ?? []), t]);
    }
  }
  return { label, cells, stray };
}

/**
 * The zone of a panel a glued figure stands in wherever between its bounds its glyphs put it: at each bound
 * it ends where that zone's figures end (within half a glyph), and no other zone's; -1 otherwise. Where it
 * ends where no column's figures do on this page, the page's cell borders (PDF) may still say: it ends at
 * the border that ends a cell between two columns printing figures, and the cells between those columns are
 * as many as the columns printing nothing there (one cell a column), so the cell is one of those columns.
 */
function sharedZone(p: Panel, shares: ReadonlyArray<{ x0: number; x1: number }>, glyph: number, line: SourceLine): number {
  const y = line.y;
  const rules = y === undefined ? [] : (line.rulings?.v ?? []).filter((v) => v.y0 - 1 <= y && v.y1 + 1 >= y).map((v) => v.x);
  const ruleAt = (x: number) => {
    const k = rules.flatMap((r, i) => (Math.abs(r - x) <= glyph / 2 ? [i] : []));
    return k.length === 1 ? k[0]! : -1;
  };
  const at = shares.map((e) => {
    const js = p.zones.flatMap((z, j) => (z.data && e.x1 > z.data.x0 && Math.abs(e.x1 - z.data.x1) <= glyph / 2 ? [j] : []));
    if (js.length > 0) return js.length === 1 && !p.zones[js[0]!]!.disputed ? js[0]! : -1;
    const k = ruleAt(e.x1);
    if (k < 0) return -1;
    const printed = p.zones.flatMap((z, j) => (z.data ? [{ j, k: ruleAt(z.data.x1) }] : []));
    const left = printed.filter((c) => c.k >= 0 && c.k < k).pop();
    const right = printed.find((c) => c.k > k);
    if (!left || !right || right.k < 0 || right.j - left.j !== right.k - left.k) return -1;
    const j = left.j + (k - left.k);
    return p.zones[j]!.data === null && !p.zones[j]!.disputed ? j : -1;
  });
  return at.every((j) => j === at[0]) ? at[0]! : -1;
}

const joinLabel = (ts: Tok[]): string => ts.map((t) => t.text).join('');

/**
 * True when `toks[k]` is a code printed right before a name, first on its line or after a figure (a
 * side's "190.00 307 债务利息及费用支出"): it stands with its name, which in pdftotext text may start left
 * of where that side's labels start. (Not a number inside words: "约 35 平方公里以及 100 座桥梁".)
 */
function codeBeforeName(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  const next = toks[k + 1];
  if (!next || next.kind !== 'text' || (k > 0 && toks[k - 1]!.kind !== 'amount')) return false;
  if (!CODE.test(t.text) || !/^[\u3400-\u9fff]/u.test(next.text)) return false;
  // Set apart from its name (科目编码 | 科目名称 as two cells, the code at its cell's left edge, the name
  // at the next's): the classification names the code so, or so begins the name of a wrapped one.
  return next.x0 - t.x1 <= 4 || (next.x0 - t.x1 <= 16 && namedByCode(t.text, next.text));
}

/** True when a classification code's name (function 2…, economic 3… / 5…, any year) is `name`, or begins with it (a name wrapped in its cell). */
function namedByCode(code: string, name: string): boolean {
  const system = classOfCode(code);
  const s = squashTitle(name);
  return !!system && s.length >= 2 && codes.namesOf(system, code).some((e) => squashTitle(e.name).startsWith(s));
}

/** The classification a code's shape says: function (2, 201, 20101, 2010101) or economic (3… / 5…, 3 to 7 digits); null for any other. */
function classOfCode(code: string): 'function' | 'econ' | null {
  return /^2\d{2}(\d{2}){0,2}$/.test(code) ? 'function' : /^[35]\d{2}(\d{2}){0,2}$/.test(code) ? 'econ' : null;
}

/**
 * What a line's label says of the side of a two-sided table (收支总表) it stands on, by the genre's vocabulary: the
 * expenditure side's rows are function classes (a 2xx code, or a name the function classification knows), 支出总计 or
 * 年终结转结余; the revenue side's are sources (一般公共预算拨款, 上年结转 …) or 收入总计. Null where the line prints
 * no label.
 */
function sidesOfLabel(toks: Tok[]): { expenditure: boolean; revenue: boolean } | null {
  if (!toks.some((t) => t.kind === 'text')) return null;
  const label = toks.filter((t, k) => t.kind === 'text' || (k === 0 && t.kind === 'int'));
  const { code, rest } = codeOf(label, 'function');
  const name = squashTitle(joinLabel(rest)).replace(TITLE_ENUMERATOR, '');
  if (code !== null) return { expenditure: classOfCode(code) === 'function', revenue: false };
  if (name === '') return null;
  const term = termOfLabel(name.replace(/收入$/, '')) ?? termOfLabel(name);
  return {
    expenditure: codes.byNameIn('function', name).length > 0 || term?.key === 'carryForward' || (term?.key === 'total' && /支出/.test(name)),
    revenue: (!!term && REVENUE_SOURCE_KEYS.has(term.key)) || (term?.key === 'total' && /收入/.test(name)),
  };
}

/**
 * True when a coded line's name runs on into the next line: a name of its code in the classification
 * (function 2…, economic 3…, any year) is the two lines' words together and not the first line's alone.
 */
function wrapsCodeName(it: { code: string | null; text: string }, nx: { text: string }): boolean {
  if (it.code === null || it.text === '' || nx.text === '') return false;
  const system = classOfCode(it.code);
  if (!system) return false;
  const names = codes.namesOf(system, it.code).map((e) => squashTitle(e.name));
  return !names.includes(it.text) && names.includes(it.text + nx.text);
}

/** The heading of the code columns: 类 款 项 (or some of them). */
const CODE_HEADING = /^(类款项|类款|款项|类|款|项)$/u;

/**
 * A label wrapped over lines in a table with several label columns (单位名称 | 项目名称): each column's
 * words in line order, the columns left to right, so that wrapped names do not interleave.
 */
function labelByColumns(ts: Tok[]): string {
  const cols: Array<{ x0: number; x1: number; toks: Tok[] }> = [];
  for (const t of [...ts].sort((a, b) => a.x0 - b.x0)) {
    const c = cols.find((x) => t.x0 < x.x1 + 0.5 && t.x1 > x.x0 - 0.5);
    if (c) {
      c.toks.push(t);
      c.x0 = Math.min(c.x0, t.x0);
      c.x1 = Math.max(c.x1, t.x1);
    } else cols.push({ x0: t.x0, x1: t.x1, toks: [t] });
  }
  const order = (a: Tok, b: Tok) => (a.line.y !== undefined && b.line.y !== undefined ? a.line.y - b.line.y : a.line.no - b.line.no) || a.x0 - b.x0;
  return squashTitle(
    cols
      .sort((a, b) => a.x0 - b.x0)
      .map((c) =>
        c.toks
          .sort(order)
          .map((t) => t.text)
          .join(''),
      )
      .join(''),
  );
}

/**
 * A column's identity across pages: its header path and which of the columns with that path it is
 * (a continuation page may print fewer columns than the page that names them).
 */
function zoneId(p: Panel, j: number): string {
  const path = p.zones[j]!.path.join('/');
  if (path === '') return `@${j}`;
  let n = 0;
  for (let k = 0; k < j; k++) if (p.zones[k]!.path.join('/') === path) n++;
  return `${path}#${n}`;
}

/** One body line as seen by one panel. */
interface PLine {
  line: SourceLine;
  label: Tok[];
  cells: Map<string, Tok[]>;
  stray: Tok[];
  code: string | null;
  /** The line prints only a 款 or 项's two digits (codeOf's `rel`), no name. */
  rel?: string;
  text: string;
  kind: 'R' | 'L' | 'A' | 'E';
}

/** A line whose label is a keyword row of its own (合计, 本年收入合计, 上年结转 …). */
const keywordRow = (p: PLine): boolean => p.code === null && p.text !== '' && kindOfLabel(p.text, null) !== 'item';

/** What a row's label names in the genre's vocabulary: a keyword row's kind, a column term (a source of revenue), a function class; null for none. */
function nameOfLabel(label: string): string | null {
  const s = squashTitle(label);
  const kind = kindOfLabel(s, null);
  // (结转 / 结余 anywhere makes a carry-over line: a carry-over is named by the whole of its words.)
  if (kind !== 'item' && kind !== 'carry') return kind;
  if (kind === 'carry') return 'carry';
  const bare = s.replace(TITLE_ENUMERATOR, '');
  const term = termOfLabel(bare) ?? termOfLabel(bare.replace(/收入$/, ''));
  if (term) return term.key;
  const fn = codes.byNameIn('function', bare, null);
  return fn.length > 0 ? `fn:${fn[0]!.code}` : null;
}

/**
 * True when `tail`, a line of a label alone (no figure, no code, no enumerator), is the end of the label
 * `head` above it wrapped in its cell though it would start a row of its own ("三、国有资本经营预算" /
 * "财政拨款收入", "年初财政拨款结" / "转和结余"): the two lines together are a name the vocabulary knows,
 * the same one the head names if it names any, and not the one the tail names alone.
 */
function completesName(head: string, tail: PLine): boolean {
  if (tail.code !== null || tail.rel !== undefined || tail.cells.size > 0 || enumDepth(tail.text) !== null || head === '') return false;
  const joined = nameOfLabel(head + tail.text);
  if (joined === null) return false;
  // (A carry-over's words alone, "转和结余", name none: the vocabulary's carry-over lines are whole names.)
  const alone = kindOfLabel(tail.text, null) === 'carry' ? (termOfLabel(tail.text)?.key ?? null) : nameOfLabel(tail.text);
  const own = nameOfLabel(head);
  // A tail that is a name of its own ("上年结转" under "上年实户资金余额") completes only a head that the two
  // lines name again ("三、国有资本经营预算" + "财政拨款收入" is still 国有资本经营预算 revenue).
  return alone === null ? own === null || own === joined : own === joined && alone !== joined;
}

/** A label that starts a row of its own: a code, an enumerator, a total, 其中. */
function startsRow(p: PLine): boolean {
  // A code, an enumerator, a total, or a name of the vocabulary (上级补助收入, 结转下年 …).
  return p.code !== null || enumDepth(p.text) !== null || kindOfLabel(p.text, null) !== 'item' || (p.text.length >= 4 && termOfLabel(p.text) !== null);
}

/**
 * Rows of one panel over all pages. Each line is a row (label and amounts: R), a label alone (L),
 * amounts alone (A) or nothing of this panel (E). Rows are assembled by the patterns the genre's
 * producers print, looking one line ahead:
 * - R, then an L that does not start a row of its own: the label wrapped (its tail printed below);
 * - L, then A: a label whose amounts were printed on the next line; a following L is its tail;
 * - L, then R with only a code: the label's head printed above the code line;
 * - A, then R with those columns empty: amounts printed above their row;
 * - R, then A with other columns: cells printed a little lower than their row (a staircase);
 * - a figure's digits wrapped into the next line join it.
 * Lines are adjacent when nothing (no blank line) separates them.
 */
function panelRows(pages: PageRead[], k: number, prefer: 'function' | 'econ' | null = null): PanelRows {
  const items: PLine[] = [];
  /** Lines of the code columns' heading (类 款 项) left out: they do not separate the lines around them. */
  const headingLines = new Set<number>();
  for (const pg of pages) {
    const p = pg.panels[k];
    if (!p) continue;
    for (const { line, toks } of pg.body) {
      if (NOTE_RE.test(line.text.trim())) break;
      const { label, cells, stray } = lineInPanel(p, toks);
      const { code, rest, rel } = codeOf(label, prefer);
      let text = squashTitle(joinLabel(rest));
      // The heading of the code columns (类 款 项) repeated under the header band is no row: its
      // figures (some producers put the first row's figures on its baseline) are a line of figures.
      if (code === null && CODE_HEADING.test(text)) {
        if (cells.size === 0) {
          headingLines.add(line.no);
          continue;
        }
        text = '';
      }
      const hasLabel = code !== null || rel !== undefined || text !== '';
      const kind = cells.size > 0 ? (hasLabel ? 'R' : 'A') : hasLabel ? 'L' : 'E';
      items.push({ line, label: text === '' && code === null && rel === undefined ? [] : label, cells, stray, code, ...(rel !== undefined && text === '' ? { rel } : {}), text, kind });
    }
  }
  // Per page, the pitch of rows that print amounts: a wrapped line sits closer than a row does.
  const pitch = new Map<number | null, number>();
  for (const pg of new Set(items.map((x) => x.line.page))) {
    const ys = items.filter((x) => x.line.page === pg && x.line.y !== undefined && x.cells.size > 0).map((x) => x.line.y!);
    const ds = ys
      .slice(1)
      .map((y, k) => y - ys[k]!)
      .filter((d) => d > 0)
      .sort((a, b) => a - b);
    if (ds.length > 0) pitch.set(pg, ds[Math.floor(ds.length / 2)]!);
  }
  const adjacent = (a: PLine | undefined, b: PLine | undefined): boolean => {
    if (!a || !b || a.line.page !== b.line.page) return false;
    if (a.line.y !== undefined && b.line.y !== undefined) return b.line.y - a.line.y < Math.max(1.45 * (b.line.size ?? 2.5), 0.6 * (pitch.get(b.line.page) ?? 0));
    for (let n = a.line.no + 1; n < b.line.no; n++) if (!headingLines.has(n)) return false;
    return b.line.no > a.line.no;
  };
  const disjoint = (a: Map<string, Tok[]>, b: Map<string, Tok[]>) => [...b.keys()].every((z) => !a.has(z));
  const rows: RawRow[] = [];
  const fromItem = (it: PLine): RawRow => {
    const r = makeRow(it.label, it.line, it.line, prefer);
    r.cells = new Map(it.cells);
    r.stray = [...it.stray];
    return r;
  };
  const appendLabel = (r: RawRow, it: PLine) => {
    const c = codeOf(it.label, prefer);
    // A code whose 款 / 项 digits stand on the line below it, with the name: one code.
    if (c.rel && r.code && r.labelText === '' && (r.code.length === 3 || r.code.length === 5)) r.code += c.rel;
    r.labelText += it.text;
    pushAll(r.label, c.rest);
    r.last = it.line;
  };
  /** After a row: its wrapped tail, wrapped figures, lower cells. */
  const absorb = (r: RawRow, i: number): number => {
    let prev = items[i - 1]!;
    // Totals and carry-over lines are keywords: they do not wrap into the lines below.
    const keyword = kindOfLabel(r.labelText, r.code) !== 'item';
    // A line on which this panel prints nothing at all (another panel's row): figures below it are not this row's.
    let passedEmpty = false;
    while (i < items.length) {
      const nx = items[i]!;
      if (!adjacent(prev, nx) || cellRows.has(i)) break;
      if (nx.kind === 'A') {
        if (passedEmpty) break;
        // The head of a figure wrapped in its cell, printed above the row it belongs to: that row's.
        if (centredHead(i)) break;
        if (looseHead(i)) {
          // Its last digits lost: the row above or the row below, not known which; both are unsure.
          const ts = [...nx.cells.values()].flat();
          pushAll(r.stray, ts);
          pushAll(carry, ts);
          r.last = nx.line;
          prev = nx;
          i++;
          continue;
        }
        if (joinFragments(r, nx.cells)) {
          r.last = nx.line;
        } else if (disjoint(r.cells, nx.cells) && !(items[i + 1]?.kind === 'R' && adjacent(nx, items[i + 1]) && disjoint(items[i + 1]!.cells, nx.cells) && items[i + 1]!.text === '')) {
          for (const [z, ts] of nx.cells) r.cells.set(z, ts);
          r.last = nx.line;
        } else break;
      } else if (nx.kind === 'L' && (!startsRow(nx) || completesName(r.labelText, nx)) && !keyword) {
        // A label line followed by its own amounts starts a row; otherwise it is this row's tail.
        const after = items[i + 1];
        if (after && adjacent(nx, after) && after.kind === 'A') break;
        if (after && adjacent(nx, after) && (after.kind === 'R' || codeAlone(after)) && after.text === '' && (after.code !== null || after.rel !== undefined)) break;
        // Nearer the row below than this one (measured from a PDF): the head of the next row's label.
        if (after && adjacent(nx, after) && after.kind === 'R' && !startsRow(after) && headOf(nx, after, prev)) break;
        // (Also where the tail of the row below starts left of this line, beside its code or not.)
        if (after && adjacent(nx, after) && after.kind === 'R' && (after.code !== null || !startsRow(after)) && nx.line.y !== undefined && headAboveCode(nx, after, prev)) break;
        appendLabel(r, nx);
      } else if (
        nx.kind === 'L' &&
        nx.code !== null &&
        nx.text === '' &&
        nx.cells.size === 0 &&
        r.code === null &&
        r.labelText !== '' &&
        r.cells.size > 0 &&
        !keyword &&
        footOf(prev, nx, items[i + 1])
      ) {
        // A code alone at the foot of the row's cell (code cells aligned to the bottom, the row's name
        // and figures to the middle): the row's code.
        r.code = nx.code;
        r.last = nx.line;
      } else if (nx.kind === 'E') {
        pushAll(r.stray, nx.stray);
        if (nx.stray.length === 0) passedEmpty = true;
      } else break;
      prev = nx;
      i++;
    }
    return i;
  };
  const cellRows = cellBlocks();
  /** Figures whose row is not known, also unsure on the next row. */
  const carry: Tok[] = [];
  let i = 0;
  let pendingA: PLine | null = null;
  let pendingFirst: SourceLine | null = null;
  let r: RawRow;
  while (i < items.length) {
    const it = items[i]!;
    const blockEnd = cellRows.get(i);
    if (blockEnd !== undefined) {
      // One tall row: its label wrapped over several lines, its figures centred on one of them.
      const block = items.slice(i, blockEnd);
      r = makeRow(
        block.flatMap((x) => x.label),
        it.line,
        block[block.length - 1]!.line,
        prefer,
      );
      r.cells = new Map();
      for (const x of block) for (const [z, ts] of x.cells) if (!r.cells.has(z)) r.cells.set(z, ts);
      r.stray = block.flatMap((x) => x.stray);
      pendingA = null;
      rows.push(r);
      i = blockEnd;
      continue;
    }
    if (it.kind === 'E') {
      if (rows.length > 0) pushAll(rows[rows.length - 1]!.stray, it.stray);
      i++;
      continue;
    }
    if (it.kind === 'A') {
      const nx = cellRows.has(i + 1) ? undefined : items[i + 1];
      if (nx && adjacent(it, nx) && (nx.kind === 'R' || nx.kind === 'L') && disjoint(nx.cells, it.cells)) {
        pendingA = it;
        i++;
        continue;
      }
      // Lines of figures above the first row of the panel (no row above them to take them), each in
      // columns of its own, then a row those columns leave empty: that row's figures, printed
      // above its label (a tall total row, its figures at the top of their cells).
      if (rows.length === 0 && !pendingA) {
        let e = i;
        const union = new Map(it.cells);
        while (items[e + 1]?.kind === 'A' && adjacent(items[e], items[e + 1]) && disjoint(union, items[e + 1]!.cells) && !cellRows.has(e + 1)) {
          e++;
          for (const [z, ts] of items[e]!.cells) union.set(z, ts);
        }
        const row = cellRows.has(e + 1) ? undefined : items[e + 1];
        if (e > i && row && adjacent(items[e], row) && (row.kind === 'R' || row.kind === 'L') && disjoint(row.cells, union)) {
          pendingA = { ...items[e]!, cells: union };
          pendingFirst = it.line;
          i = e + 1;
          continue;
        }
      }
      // Amounts printed without a label (a one-row table such as a 三公 table, or a total line whose
      // label is the table itself): a row of their own, unlabelled.
      r = fromItem(it);
      i = absorb(r, i + 1);
      rows.push(r);
      continue;
    }
    if (it.kind === 'L') {
      const nx = cellRows.has(i + 1) ? undefined : items[i + 1];
      if (nx && looseHead(i + 1)) {
        r = fromItem(it);
        const ts = [...nx.cells.values()].flat();
        pushAll(r.stray, ts);
        pushAll(carry, ts);
        r.last = nx.line;
        i += 2;
        rows.push(r);
        continue;
      } else if (nx && adjacent(it, nx) && nx.kind === 'A' && !joinable(nx) && !centredHead(i + 1) && !(pendingA && adjacent(pendingA, it) && !disjoint(pendingA.cells, nx.cells))) {
        // L A: the label, its amounts on the next line (not when the figures above the label fill
        // those columns already: the row's figures were printed above it, these are the next row's).
        r = fromItem(it);
        for (const [z, ts] of nx.cells) r.cells.set(z, ts);
        r.last = nx.line;
        i += 2;
      } else if (
        nx &&
        adjacent(it, nx) &&
        ((nx.kind === 'R' && nx.text === '' && (nx.code !== null || nx.rel !== undefined)) || (codeAlone(nx) && it.code === null && wrapsAround(it, nx, items[i + 2])))
      ) {
        // The head of a coded row's name printed above its code (or its 款 / 项 digits); also where the
        // row prints no figure, its code alone on the middle line of its name ("债务利息及费用" / "307" / "支出").
        r = fromItem(nx);
        r.labelText = it.text;
        r.label = [...codeOf(it.label, prefer).rest];
        r.first = it.line;
        i += 2;
      } else if (
        nx &&
        adjacent(it, nx) &&
        nx.kind === 'R' &&
        (nx.code !== null || !startsRow(nx)) &&
        it.code === null &&
        !keywordRow(it) &&
        enumDepth(it.text) === null &&
        it.line.y !== undefined &&
        headAboveCode(it, nx, items[i - 1])
      ) {
        // The head of a row's name, printed above the line of its tail and figures (and its code), the
        // tail starting at or left of it (measured: nearer that line than the row above).
        r = fromItem(nx);
        r.labelText = it.text + nx.text;
        r.label = [...codeOf(it.label, prefer).rest, ...codeOf(nx.label, prefer).rest];
        r.first = it.line;
        i += 2;
      } else if (nx && adjacent(it, nx) && nx.kind === 'R' && !startsRow(it) && !startsRow(nx) && headOf(it, nx, items[i - 1])) {
        // The first line of a label wrapped over three lines, its row's amounts on the middle one.
        r = fromItem(nx);
        r.labelText = it.text + nx.text;
        r.label = [...codeOf(it.label, prefer).rest, ...codeOf(nx.label, prefer).rest];
        r.first = it.line;
        i += 2;
      } else if (nx && adjacent(it, nx) && nx.kind === 'R' && nx.code === null && !keywordRow(nx) && wrapsCodeName(it, nx)) {
        // A coded name wrapped over two lines, its figures printed beside the tail ("30108 机关事业单位基本养老"
        // / "保险缴费 120.00"): the classification names the code so only with the tail.
        r = fromItem(it);
        appendLabel(r, nx);
        for (const [z, ts] of nx.cells) r.cells.set(z, ts);
        pushAll(r.stray, nx.stray);
        i += 2;
      } else if (
        nx &&
        adjacent(it, nx) &&
        nx.kind === 'R' &&
        nx.label.length > 0 &&
        nx.label[0]!.x0 > it.label[it.label.length - 1]!.x1 - 0.5 &&
        !keywordRow(it) &&
        !keywordRow(nx) &&
        !(it.code === null && nx.code !== null)
      ) {
        // A left label cell wrapped around its row (printed above it, its tail below): the row's
        // leftmost cell, whose other label cells and amounts are on the next line. Not where the lines
        // are rows of their own: a keyword ("上年结转" above "收 入 总 计"), or a coded line under an
        // uncoded one (a unit's wrapped name "…大鹏管" / "理局" above "208 社会保障和就业支出").
        const joined = [...it.label, ...nx.label];
        r = makeRow(joined, it.line, nx.line, prefer);
        r.cells = new Map(nx.cells);
        r.stray = [...nx.stray];
        i += 2;
      } else {
        r = fromItem(it);
        i += 1;
      }
    } else {
      r = fromItem(it);
      i += 1;
    }
    if (carry.length > 0) {
      pushAll(r.stray, carry);
      carry.length = 0;
    }
    if (pendingA) {
      if (adjacent(pendingA, it)) for (const [z, ts] of pendingA.cells) if (!r.cells.has(z)) r.cells.set(z, ts);
      const top = pendingFirst ?? pendingA.line;
      if (top.no < r.first.no) r.first = top;
      pendingA = null;
      pendingFirst = null;
    }
    i = absorb(r, i);
    rows.push(r);
  }
  return { rows };

  /**
   * Rows printed as cells of their own: lines set at the font's line pitch form a cell's text, and a
   * wider gap (a blank line in pdftotext text) separates rows. A run of such lines holding exactly one
   * line of figures, the others label lines of one label column that start no row of their own, is
   * one row whose label wrapped over the run and whose figures are centred in it (the genre prints a
   * long unit or project name so: "杭州市公安 / 局监所管理支 / [figures] 队（留置看护 / 管理支队）").
   * Returns, per first item of such a run, the index after its last item.
   */
  function cellBlocks(): Map<number, number> {
    const out = new Map<number, number>();
    const tight = (a: PLine, b: PLine): boolean => a.line.page === b.line.page && b.line.no - a.line.no === 1;
    const positioned = items.length > 0 && items.every((x) => x.line.y !== undefined);
    // From text: a blank line is the gap between rows.
    let s = positioned ? items.length : 0;
    while (s < items.length) {
      let e = s + 1;
      while (e < items.length && items[e]!.kind !== 'E' && items[e - 1]!.kind !== 'E' && tight(items[e - 1]!, items[e]!)) e++;
      const block = items.slice(s, e);
      const figs = block.filter((x) => x.cells.size > 0);
      const labels = block.filter((x) => x.kind === 'L');
      if (
        block.length >= 2 &&
        figs.length === 1 &&
        labels.length === block.length - 1 &&
        block.every((x) => x.code === null && x.kind !== 'E' && (x.text === '' || !startsRow(x))) &&
        !startsRow({ ...figs[0]!, text: block.map((x) => x.text).join('') }) &&
        oneColumn(block.flatMap((x) => x.label))
      )
        out.set(s, e);
      s = e;
    }
    // From a PDF: figures are centred against their label's lines. A run of lines that start no row
    // of their own (no code, total, enumerator) is cut into rows when every line of figures lies at
    // the middle of exactly one group of consecutive lines, and the groups use up the run.
    {
      const free = (x: PLine) => x.kind !== 'E' && x.code === null && (x.text === '' || !startsRow(x));
      let a = 0;
      while (a < items.length) {
        if (!free(items[a]!)) {
          a++;
          continue;
        }
        let b = a;
        while (b + 1 < items.length && free(items[b + 1]!) && items[b + 1]!.line.page === items[a]!.line.page) b++;
        const groups = centredGroups(items.slice(a, b + 1));
        if (groups && groups.every(([g0, g1]) => ![...out].some(([o0, o1]) => a + g0 < o1 && o0 < a + g1 && (o0 !== a + g0 || o1 !== a + g1))))
          for (const [g0, g1] of groups) if (g1 > g0 + 1 && !out.has(a + g0)) out.set(a + g0, a + g1);
        a = b + 1;
      }
    }
    return out;
  }

  /** The run cut into rows by the centring of figures, or null when it cannot be cut so (or only so). */
  function centredGroups(run: PLine[]): Array<[number, number]> | null {
    const figs = (x: PLine) => x.cells.size > 0 && !isHead(x);
    const groups: Array<[number, number]> = [];
    let s = 0;
    while (s < run.length) {
      const f = run.findIndex((x, k) => k >= s && figs(x));
      if (f < 0) return null;
      const next = run.findIndex((x, k) => k > f && figs(x));
      const last = next < 0 ? run.length - 1 : next - 1;
      // Without positions (pdftotext text), line numbers: a row's lines follow each other.
      const yOf = (x: PLine) => x.line.y ?? x.line.no;
      const fy = yOf(run[f]!);
      const tol = run[f]!.line.y !== undefined ? 0.3 * (run[f]!.line.size ?? 2.5) : 0.1;
      const ends: number[] = [];
      for (let e = f; e <= last; e++) {
        // A line of figures alone (no label) is not a line of the label's text.
        const lines = run.slice(s, e + 1).filter((x) => x.kind !== 'A');
        if (lines.length === 0) continue;
        const centre = (yOf(lines[0]!) + yOf(lines[lines.length - 1]!)) / 2;
        const g = run.slice(s, e + 1);
        if (run[f]!.line.y === undefined && g.some((x, q) => q > 0 && x.line.no - g[q - 1]!.line.no !== 1)) continue;
        if (Math.abs(centre - fy) <= tol) ends.push(e);
      }
      if (ends.length !== 1) return null;
      if (!oneColumn(run.slice(s, ends[0]! + 1).flatMap((x) => x.label))) return null;
      groups.push([s, ends[0]! + 1]);
      s = ends[0]! + 1;
    }
    return groups.some(([g0, g1]) => g1 > g0 + 1) ? groups : null;
  }

  /** A line printing a code alone (or a 款 / 项's digits), no name, no figure. */
  function codeAlone(x: PLine): boolean {
    return x.kind === 'L' && x.text === '' && x.cells.size === 0 && (x.code !== null || x.rel !== undefined);
  }

  /**
   * True when `head` and `tail`, label lines that start no row of their own, are the wrapped name of the
   * code printed alone between them: adjacent, in one label column, the code's line (measured) midway.
   */
  function wrapsAround(head: PLine, code: PLine, tail: PLine | undefined): boolean {
    if (!tail || tail.kind !== 'L' || tail.code !== null || tail.rel !== undefined || startsRow(head) || startsRow(tail) || !adjacent(code, tail)) return false;
    if (!oneColumn([...head.label, ...tail.label])) return false;
    if (head.line.y === undefined || code.line.y === undefined || tail.line.y === undefined) return true;
    const up = code.line.y - head.line.y;
    const down = tail.line.y - code.line.y;
    return up > 0 && down > 0 && Math.abs(up - down) <= 0.3 * (code.line.size ?? 2.5);
  }

  /** True when label tokens stand in one column (each overlaps the span of the others). */
  function oneColumn(ts: Tok[]): boolean {
    if (ts.length === 0) return false;
    const x0 = maxOf(ts.map((t) => t.x0));
    const x1 = minOf(ts.map((t) => t.x1));
    return x0 < x1 + 0.5;
  }

  /**
   * True when label line `l` is the head of row `r` below it rather than the tail of the line above
   * it: both in one label column, and (measured from a PDF) nearer `r`.
   */
  /**
   * True when `c`, a line of a code alone, sits at the foot of the row whose last line is `above`: right
   * under it, nearer it than the line after (measured), or the next line in the text with a gap after it.
   */
  function footOf(above: PLine, c: PLine, below: PLine | undefined): boolean {
    if (above.line.page !== c.line.page) return false;
    if (above.line.y !== undefined && c.line.y !== undefined) {
      const up = c.line.y - above.line.y;
      const down = below && below.line.page === c.line.page && below.line.y !== undefined ? below.line.y - c.line.y : Infinity;
      return up > 0 && up < down && up < 0.5 * (pitch.get(c.line.page) ?? Infinity);
    }
    return c.line.no === above.line.no + 1 && !adjacent(c, below);
  }

  /**
   * True when `l`, a label line measured on its page, is the head of the name of `r`, a line printing
   * the name's tail (and perhaps the row's code): the tail starts at or left of the head (the head indented, its
   * continuation at the cell's edge: "其他行政事业单位养老支" over "2080599 出") and `l` is nearer `r`
   * than the line above it.
   */
  function headAboveCode(l: PLine, r: PLine, above: PLine | undefined): boolean {
    const tail = codeOf(r.label, prefer).rest;
    if (tail.length === 0 || l.label.length === 0 || l.line.y === undefined || r.line.y === undefined) return false;
    if (tail[0]!.x0 > l.label[0]!.x0 + 1 || l.label[0]!.x0 > tail[tail.length - 1]!.x1 + 2) return false;
    const down = r.line.y - l.line.y;
    const up = above && above.line.y !== undefined && adjacent(above, l) ? l.line.y - above.line.y : Infinity;
    return down < up;
  }

  function headOf(l: PLine, r: PLine, above: PLine | undefined): boolean {
    if (r.label.length === 0 || l.label.length === 0) return false;
    const sameColumn = l.label[0]!.x0 < r.label[r.label.length - 1]!.x1 && r.label[0]!.x0 < l.label[l.label.length - 1]!.x1 + 1;
    if (!sameColumn) return false;
    if (l.line.y === undefined || r.line.y === undefined) return !above || !adjacent(above, l);
    const down = r.line.y - l.line.y;
    const up = above && above.line.y !== undefined && adjacent(above, l) ? l.line.y - above.line.y : Infinity;
    return down < up;
  }

  /** A line holding only the heads of figures wrapped in their cells ("18,536.8", its last digit below). */
  function isHead(x: PLine): boolean {
    return x.kind === 'A' && [...x.cells.values()].every((ts) => ts.length === 1 && /\.\d$|,\d{0,2}$/.test(ts[0]!.text));
  }

  /**
   * True when item `j` holds the heads of figures wrapped in their cells and centred on the line
   * below it, their last digits on the line after that: the figures are that middle line's.
   */
  function centredHead(j: number): boolean {
    const h = items[j];
    const row = items[j + 1];
    const tail = items[j + 2];
    if (!h || !row || !tail || !isHead(h) || !adjacent(h, row) || !adjacent(row, tail)) return false;
    if (!(row.kind === 'R' || row.kind === 'L') || !disjoint(row.cells, h.cells) || tail.kind !== 'A') return false;
    return [...tail.cells].every(([z, ts]) => h.cells.has(z) && ts.length === 1 && /^\d{1,3}$/.test(ts[0]!.text));
  }

  /** True when item `j` holds figure heads between two rows, their tails not printed (or not read). */
  function looseHead(j: number): boolean {
    const h = items[j];
    const nx = items[j + 1];
    const before = items[j - 1];
    if (!h || !nx || !before || !isHead(h) || centredHead(j)) return false;
    return adjacent(before, h) && adjacent(h, nx) && (nx.kind === 'R' || nx.kind === 'L') && disjoint(nx.cells, h.cells);
  }

  function joinable(a: PLine): boolean {
    const last = rows[rows.length - 1];
    return !!last && [...a.cells.values()].every((ts) => ts.length === 1 && /^\d{1,3}$/.test(ts[0]!.text));
  }
}

/**
 * A procurement line prints, after its project's name (采购项目), its 品目 (采购目录: "C04070100体检服务"), then
 * cells of its own (购买服务内容, 规格型号 …), the economic codes of its expenditure split under 类 / 款
 * ("302 99 | 502 99": 部门预算 then 政府预算支出经济分类) and its 实施采购时间. The name alone labels the line;
 * the 品目 is kept as "C04070100-体检服务", the economic codes as further codes of the line (30299, 50299), the
 * other cells together as printed (which column each stands in, the text's spacing does not say). A line whose
 * cells right of the 品目 wrap onto other lines is left as read: which piece is whose is not known.
 */
function catalogueCells(label: Tok[]): { name: Tok[]; catalogue: string; econ: string[]; other: string } | null {
  const at = label.findIndex((t, i) => i > 0 && t.kind === 'text' && CATALOGUE_CODE_NAME.test(t.text));
  const cat = label[at];
  if (!cat) return null;
  const name = label.filter((t) => t.x0 < cat.x0);
  if (name.length === 0 || name.some((t) => t.kind !== 'text') || label.some((t) => t !== cat && t.x0 >= cat.x0 && t.line !== cat.line)) return null;
  const after = label.filter((t) => t.line === cat.line && t.x0 > cat.x0).sort((a, b) => a.x0 - b.x0);
  const m = CATALOGUE_CODE_NAME.exec(cat.text)!;
  let catName = m[2]!;
  // A name printed apart from its code, or a name's Latin head printed apart from the rest ("A02021003A4 黑白打印机").
  while (!/[\u3400-\u9fff]/u.test(catName) && after[0]?.kind === 'text') catName += after.shift()!.text;
  if (catName === '') return null;
  // The economic codes, split under 类 / 款 ("302 99 502 99"): pairs of a 类 (3xx, 5xx) and a 款; the pairs are
  // the code's when any of their parts stands under the header's 类 / 款 (a continuation page's parts may stand
  // beside their headings).
  const pairAt = (i: number) => after[i]?.kind === 'int' && /^[3-5]\d{2}$/.test(after[i].text) && after[i + 1]?.kind === 'int' && /^\d{2}$/.test(after[i + 1]!.text);
  const pairs = new Set<number>();
  for (let i = 0; i < after.length; i++) if (pairAt(i)) pairs.add(i++);
  const coded = [...pairs].some((i) => after[i]!.codePart || after[i + 1]!.codePart);
  const econ: string[] = [];
  const other: Tok[] = [];
  for (let i = 0; i < after.length; i++) {
    if (coded && pairs.has(i)) {
      econ.push(after[i]!.text + after[i + 1]!.text);
      i++;
    } else other.push(after[i]!);
  }
  return { name, catalogue: `${m[1]!}-${catName}`, econ, other: other.map((t) => t.text).join(' ') };
}

function makeRow(label: Tok[], first: SourceLine, last: SourceLine, prefer: 'function' | 'econ' | null = null): RawRow {
  const { code, rest, extra, rel } = codeOf(label, prefer);
  return {
    ...(rel ? { rel } : {}),
    label: rest,
    labelText: squashTitle(joinLabel(rest)),
    code,
    extraCodes: extra,
    cells: new Map(),
    stray: [],
    first,
    last,
    labelX: label[0]?.x0 ?? 0,
    page: first.page,
    ...(label[0] && flowedStart(label[0]) ? { flowed: true } : {}),
  };
}

/**
 * pdftotext counts an ideograph as one character though it is two wide on the page, and keeps one space
 * between words where the text before runs into a word's column: a label set one space after the cell
 * before it, on a line that prints ideographs left of it (the other side of a two-sided table), stands
 * where the characters before it ended, not where it stands on the page (收支总表's 教育支出 one space
 * after 四、事业单位经营收入's 200.00, two columns left of the other classes). Its indentation cannot be
 * compared with the lines above and below. (A PDF's lines are measured.)
 */
function flowedStart(t: Tok): boolean {
  const line = t.line;
  if (line.y !== undefined || !line.cells) return false;
  const before = line.cells.filter((c) => c.x1 <= t.x0);
  const last = before[before.length - 1];
  return !!last && t.x0 - last.x1 <= 1 && before.some((c) => /[\u3400-\u9fff]/u.test(c.text));
}

/** A figure the PDF wrapped in its cell ("576,171.1" over "1"): the fragment joins the figure above. */
function joinFragments(row: RawRow, cells: Map<string, Tok[]>): boolean {
  for (const [z, ts] of cells) {
    const above = row.cells.get(z);
    if (!above || above.length !== 1 || ts.length !== 1) return false;
    const a = above[0]!;
    const b = ts[0]!;
    if (!/^\d{1,3}$/.test(b.text) || !/(\.\d?|,\d{0,2})$/.test(a.text)) return false;
  }
  for (const [z, ts] of cells) {
    const a = row.cells.get(z)![0]!;
    const b = ts[0]!;
    row.cells.set(z, [{ ...a, text: a.text + b.text, x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), kind: kindOf(a.text + b.text), line: a.line, joined: b }]);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Table

function money(t: Tok, unit: DisplayUnit, notes: ImportNote[], tableId: string): Money | null {
  const text = t.text.replace('−', '-');
  const joined = t.joined;
  // (A figure's pieces as printed: on two lines, or apart on one.)
  const raw = joined ? `${t.text.slice(0, t.text.length - joined.text.length)}${joined.line.no === t.line.no ? ' ' : '\n'}${joined.text}` : t.text;
  try {
    return {
      fen: parseAmount(text, unit),
      decimals: decimalsOf(text),
      src: { line: t.line.no, page: t.line.page, raw, ...(joined && joined.line.no !== t.line.no ? { endLine: joined.line.no } : {}) },
    };
  } catch (e) {
    if (!(e instanceof MoneyParseError)) throw e;
    // Six decimals in 元, or beyond 2^53 fen: printed, not representable; located, not guessed.
    notes.push({
      severity: 'error',
      code: 'amount-unreadable',
      table: tableId,
      row: null,
      message: `金额“${t.text}”无法按${unit}精确读取（${e.message}）`,
      src: { line: t.line.no, page: t.line.page, raw: t.text },
    });
    return null;
  }
}

/**
 * A total printed across the panels of its line ("人员经费合计 1,100.00 | 公用经费合计 … 200.00"): the
 * figures of a later panel that prints no label on that line, in the columns a total's word names on
 * an earlier panel of the same line without figures of its own, are that total's. Only where the
 * panels share their columns (the same keys), so that no column is guessed.
 */
function totalsAcrossPanels(rows: Row[]): Row[] {
  const drop = new Set<Row>();
  for (const u of rows) {
    if (u.label !== '' || u.code !== undefined || u.src.line == null || rows.some((r) => r.parent === u.id)) continue;
    const figs = Object.entries(u.amounts).filter(([, v]) => v !== null);
    if (figs.length === 0) continue;
    const t = rows.find(
      (r) => r !== u && (r.kind === 'subtotal' || r.kind === 'total') && r.src.line === u.src.line && Object.values(r.amounts).every((v) => v === null) && figs.every(([k]) => k in r.amounts),
    );
    if (!t || rows.indexOf(t) > rows.indexOf(u)) continue;
    for (const [k, v] of figs) t.amounts[k] = v;
    drop.add(u);
  }
  return drop.size === 0 ? rows : rows.filter((r) => !drop.has(r));
}

/** True when two panels' columns of figures carry the same headers, in the same order (the group above them aside). */
function samePaths(a: Panel, b: Panel): boolean {
  const own = (p: Panel) => p.zones.filter((z) => z.data).map((z) => z.path[z.path.length - 1] ?? '');
  const x = own(a);
  const y = own(b);
  return x.length > 0 && x.length === y.length && x.every((h, i) => h !== '' && h === y[i]);
}

function roleColumnKey(role: TableRole, path: string[], firstData: boolean, panel: number, year: number | null, initialBudget = false): string | null {
  if (TWO_SIDED_ROLES.includes(role)) {
    // Two-sided summaries: each side's first (or only) figure is its `amount`.
    if (firstData) return 'amount';
    const k = columnKeyOf(path, year);
    return k === 'total' || k === 'amount' ? 'amount' : k;
  }
  if (role === 'three-public' || role === 'operating-funds') {
    const k = columnKeyOf(path, year, { initialBudget });
    if (k === 'amount' && panel > 0) return null;
    return k;
  }
  return columnKeyOf(path, year, { initialBudget });
}

const UNIT_NAME = /(本级|本级）|局|署|中心|委员会|委|办公室|办|院|所|站|队|馆|部|处|室|会|校|学院|公司|厅|社|台|团|盟|联|园|场|基地)$/u;

/**
 * Levels and parents of a panel's rows: a printed or recognised code places a row under the row of
 * its parent code; an enumerator (一、 > （一） / 1. > (1)) under the enumerated row above; otherwise
 * the indentation says. Names of the function and economic classifications are looked up for their
 * code under the code of the row above. A hierarchy read from indentation alone is kept only where
 * the sums it implies hold for most of its groups: a layout that does not nest is not made to.
 */
interface HierItem {
  row: Row;
  labelX: number;
  /** Where the label starts on its own page, before the page is mapped to the first page's frame. */
  pageX: number;
  depth: number | null;
  fromIndent: boolean;
  rel?: string;
  /** The line prints a budget unit's code. */
  agency?: boolean;
  /** The pages of the row's first and last line. */
  pages?: { first: number | null; last: number | null };
  /** The row's position was measured on its page (PDF), so indentation compares across pages. */
  measured?: boolean;
  /** Its label's column is not where it stands (RawRow.flowed): its indentation says neither its parent nor its children. */
  flowed?: boolean;
}

function settleHierarchy(items: HierItem[], system: 'function' | 'econ' | 'procurement' | null, year: number | null, role: TableRole, unit: DisplayUnit): void {
  // Indentation steps of the panel, from the label starts of uncoded item rows.
  const xs = [...new Set(items.filter((x) => x.row.kind === 'item').map((x) => Math.round(x.labelX * 2) / 2))].sort((a, b) => a - b);
  const steps: number[] = [];
  for (const x of xs) if (steps.length === 0 || x - steps[steps.length - 1]! > 0.9) steps.push(x);
  const indentOf = (x: number) => {
    let k = 0;
    for (let i = 0; i < steps.length; i++) if (x >= steps[i]! - 0.45) k = i;
    return k;
  };
  const codeLevel = (code: string) =>
    system === 'procurement' ? Math.min(3, code.length <= 1 ? 1 : code.length <= 3 ? 2 : 3) : code.length <= 3 ? 1 : code.length <= 5 ? 2 : code.length <= 7 ? 3 : 4;
  const stack: Array<{ level: number; row: Row; indent: number; depth?: number | null; item?: HierItem }> = [];
  const samePage = (a: HierItem, b: HierItem) => a.pages?.first != null && a.pages.first === b.pages?.first;
  const units: Array<{ row: Row; indent: number }> = [];
  let enumParent: { level: number; row: Row; indent: number } | null = null;
  const flowed = new Set(items.filter((x) => x.flowed).map((x) => x.row.id));
  let hasUnit = false;
  const ranks = [...new Set(items.map((x) => x.depth).filter((d): d is number => d !== null && d > 0))].sort((a, b) => a - b);
  const codedItems = items.filter((x) => x.row.kind === 'item' && x.row.code && x.row.codeSystem !== 'revenue');
  const coded = codedItems.length;
  const codedX = coded > 0 ? minOf(codedItems.map((x) => x.labelX)) - 1 : -Infinity;
  for (const it of items) {
    const r = it.row;
    const indent = indentOf(it.labelX);
    if (r.kind !== 'item') {
      r.level = 0;
      stack.length = 0;
      enumParent = null;
      // 上年结转 heads the sources listed under it (一、一般公共预算拨款 … of the carry-over).
      if (r.kind === 'carry') stack.push({ level: 0, row: r, indent });
      continue;
    }
    // A budget unit's own line heads the rows below it: in a coded table, an uncoded line printed
    // left of the codes (the 预算单位 column); in a per-unit table, a line named like a unit.
    const unitish = UNIT_NAME.test(r.label.replace(/[(（][^()（）]*[)）]$/u, '').replace(/（?本级）?$/u, '')) || /本级）?$/u.test(r.label);
    const unitLine =
      it.agency ||
      (!r.code &&
        it.depth === null &&
        !TWO_SIDED_ROLES.includes(role) &&
        (coded >= 3
          ? it.labelX <= codedX + 0.5
          : indent <= 1 && unitish && (role === 'revenue-summary' || role === 'expenditure-summary' || role === 'basic-expenditure-economic' || role === 'project-expenditure')));
    if (unitLine) {
      // Units nest by their codes (015 → 015001) where printed, else by indentation (a department,
      // then its units): the unit above whose code begins this one's, or that starts left of it.
      const myCode = r.texts?.['unitCode']?.text;
      const byCode = myCode
        ? [...units].reverse().find((u) => {
            const c = u.row.texts?.['unitCode']?.text;
            return !!c && c.length < myCode.length && myCode.startsWith(c);
          })
        : undefined;
      // A form of funding (全额, 差额 …) heads the units after it up to the next one.
      const funding = (x: Row) => FUNDING_FORM.test(squashTitle(x.label));
      if (funding(r)) units.length = 0;
      else if (byCode) while (units.length > 0 && units[units.length - 1] !== byCode) units.pop();
      else if (myCode && units.some((u) => u.row.texts?.['unitCode'])) while (units.length > 0 && !funding(units[units.length - 1]!.row)) units.pop();
      else while (units.length > 0 && units[units.length - 1]!.indent >= indent) units.pop();
      const up = units[units.length - 1];
      r.kind = 'unit';
      r.level = units.length;
      r.parent = up?.row.id ?? null;
      units.push({ row: r, indent });
      stack.length = 0;
      stack.push({ level: 0, row: r, indent });
      hasUnit = true;
      continue;
    }
    if (it.rel && !r.code && (system === 'function' || system === 'econ')) {
      const base = [...stack]
        .reverse()
        .find((s) => s.row.code && s.row.codeSystem === system && (system === 'econ' ? s.row.code.length === 3 : s.row.code.length === 3 || s.row.code.length === 5) && s.indent < indent);
      if (base) {
        r.code = base.row.code + it.rel;
        r.codeSystem = system;
        r.codeResolved = 'printed';
      }
    }
    let level: number;
    const isCoded = !!r.code && r.codeSystem !== 'revenue';
    if (isCoded) level = codeLevel(r.code!);
    else if (it.depth === 0) level = (stack[stack.length - 1]?.level ?? 0) + 1;
    else if (it.depth !== null) {
      // Enumerated lines indented under an unenumerated one ("三公经费" / "（一）因公出国…",
      // "财政拨款" / "1.一般公共预算拨款") are its parts, their ranks counted from its level.
      const top = stack[stack.length - 1];
      if (enumParent && indent <= enumParent.indent) enumParent = null;
      if (!enumParent && top && top.row.kind === 'item' && indent > top.indent && items.find((x) => x.row === top.row)?.depth == null) enumParent = top;
      level = (enumParent ? enumParent.level : 0) + ranks.indexOf(it.depth) + 1;
      // The next of a list (（二） after （一）) is its elder's sibling: where the elder's rank is known
      // by its code (（一）一般公共服务支出, a class), so is the list's.
      const elder = [...stack].reverse().find((s) => s.depth === it.depth);
      if (elder && elder.row.code && elder.row.codeSystem === system && !stack.slice(stack.indexOf(elder) + 1).some((s) => s.depth !== undefined && s.depth !== null && s.depth < it.depth!))
        level = elder.level;
    } else {
      if (enumParent && indent <= enumParent.indent) enumParent = null;
      // Same start as an earlier row: its level; deeper than the row above: one more.
      const same = [...stack].reverse().find((s) => s.indent === indent);
      const above = stack[stack.length - 1];
      level = same ? same.level : above && indent > above.indent ? above.level + 1 : Math.max(1, indent + 1);
      it.fromIndent = true;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level && stack[stack.length - 1]!.row.kind !== 'unit') stack.pop();
    if (it.fromIndent && it.measured === false && !it.flowed) {
      // pdftotext sets each page on a grid of its own, and the map of one page's grid to another's is
      // approximate; on one page the grid is exact: a line never heads one printed after it on its page
      // that starts where it starts or further left. Such a line is no ancestor, and the row is at most
      // at its level (whatever the frames made of the two starts).
      for (
        let top = stack[stack.length - 1];
        top && top.item && !top.item.flowed && top.row.kind === 'item' && samePage(top.item, it) && top.item.pageX >= it.pageX - 0.45;
        top = stack[stack.length - 1]
      ) {
        level = Math.min(level, top.level);
        stack.pop();
      }
    }
    let parent = stack[stack.length - 1]?.row ?? null;
    if (!isCoded && system && (system === 'function' || system === 'econ')) {
      // A classification name without its code: the code the name has under the parent's code.
      const name = r.label.replace(TITLE_ENUMERATOR, '').replace(/^[(（]\d+[)）]/, '');
      const hint = parent?.code && parent.codeSystem === system ? parent.code : undefined;
      // A row printed under another is never that row's code nor one above it: a 款 or 项 named like
      // its class (五、其他支出 / 其他支出 / 其他支出) whose own code is not in the code table stays
      // without a code rather than taking its class's, which would count the class twice.
      const above = stack.filter((s) => s.row.code && s.row.codeSystem === system).map((s) => s.row.code!);
      // A label whose column is not where it stands may be under any row above, and the rows after it
      // under it or not: there the name alone places the row.
      let within = it.flowed || (parent && flowed.has(parent.id)) ? undefined : hint;
      const named = () =>
        codes
          .byNameIn(system, name, year, within)
          .filter((h) => (it.depth === 1 ? h.code.length === 3 : true))
          .filter((h) => !above.some((c) => c.startsWith(h.code)));
      let hits = named();
      // A text line under a parent printed on an earlier page is under it by indentation compared
      // across pages (each set on its own grid): where the name is no child of that parent's code,
      // the name alone places it.
      if (hits.length === 0 && within && it.fromIndent && it.measured === false && stack[stack.length - 1]?.item && !samePage(stack[stack.length - 1]!.item!, it)) {
        within = undefined;
        hits = named();
      }
      if (hits.length === 1 && (!within || hits[0]!.code.startsWith(within))) {
        r.code = hits[0]!.code;
        r.codeSystem = system;
        r.codeResolved = 'by-name';
        level = codeLevel(r.code);
        it.fromIndent = false;
        while (stack.length > 0 && stack[stack.length - 1]!.level >= level && stack[stack.length - 1]!.row.kind !== 'unit') stack.pop();
        parent = stack[stack.length - 1]?.row ?? null;
      }
    }
    if (r.code && r.codeSystem !== 'revenue') {
      // A coded row sits under the row of its parent code when that is printed above, else under its
      // unit (or nothing): never under a row of another code.
      const pc = parentCode(r.codeSystem === 'econ' ? 'econ' : r.codeSystem === 'procurement' ? 'procurement' : 'function', r.code);
      const byCode = pc ? [...stack].reverse().find((s) => s.row.code === pc) : undefined;
      const unit = [...stack].reverse().find((s) => s.row.kind === 'unit');
      parent = byCode?.row ?? (parent && parent.code && r.code.startsWith(parent.code) ? parent : (unit?.row ?? null));
    }
    if (r.label === '') {
      // A row of amounts without a label (a total printed without its word): under nothing.
      r.level = 0;
      r.parent = null;
      continue;
    }
    r.level = level;
    r.parent = parent?.id ?? null;
    stack.push({ level, row: r, indent, depth: it.depth, item: it });
  }
  void hasUnit;
  // The sums an indentation hierarchy implies: kept only when most of its groups add up.
  const byId = new Map(items.map((x) => [x.row.id, x]));
  // (A unit's uncoded lines too: under a unit by their place alone, they must add up to it.)
  const indentParents = new Set(
    items.filter((x) => x.fromIndent && x.row.parent && (byId.get(x.row.parent)?.row.kind === 'item' || byId.get(x.row.parent)?.row.kind === 'unit')).map((x) => x.row.parent!),
  );
  let bad = 0;
  let checked = 0;
  for (const pid of indentParents) {
    const p = byId.get(pid)!.row;
    const kids = items.filter((x) => x.row.parent === pid && (p.kind !== 'unit' || x.fromIndent)).map((x) => x.row);
    const keys = Object.keys(p.amounts);
    let ok = true;
    let any = false;
    for (const key of keys) {
      const mine = p.amounts[key]?.fen ?? null;
      const parts = kids.map((c) => c.amounts[key]?.fen ?? null);
      if (mine === null && parts.every((x) => x === null)) continue;
      any = true;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      const tol =
        (kids.length + 1) *
        halfUnit(
          unit,
          p.amounts[key] ?? null,
          kids.map((c) => c.amounts[key] ?? null),
        );
      if (Math.abs(sum - (mine ?? 0)) > tol) ok = false;
    }
    if (!any) continue;
    checked++;
    if (!ok) bad++;
  }
  // Units nested by indentation: kept only where a unit equals the units under it.
  const unitParents = new Set(items.filter((x) => x.row.kind === 'unit' && x.row.parent).map((x) => x.row.parent!));
  let ubad = 0;
  for (const pid of unitParents) {
    const p = byId.get(pid)!.row;
    const kids = items.filter((x) => x.row.kind === 'unit' && x.row.parent === pid).map((x) => x.row);
    const key = Object.keys(p.amounts).find((k) => p.amounts[k] !== null);
    if (!key) continue;
    const sum = kids.reduce<number>((a, c) => a + (c.amounts[key]?.fen ?? 0), 0);
    if (
      Math.abs(sum - p.amounts[key]!.fen) >
      (kids.length + 1) *
        halfUnit(
          unit,
          p.amounts[key] ?? null,
          kids.map((c) => c.amounts[key] ?? null),
        )
    )
      ubad++;
  }
  if (ubad > 0 && ubad * 2 >= unitParents.size) {
    // How the units nest is not known: they are lines like any other, so that no total is taken
    // for the sum of all of them.
    for (const x of items) {
      if (x.row.kind !== 'unit') continue;
      x.row.kind = 'item';
      x.row.parent = null;
      x.row.level = 0;
    }
  }
  // Kept when the groups that add up outnumber twice those that do not: one group against it is a
  // finding, not the whole nesting in doubt.
  if (bad >= 1 && checked - bad < 2 * bad) {
    // The nesting is not known: no parent, and one level with the totals so that nothing is taken
    // for a group of the lines below it.
    for (const x of items) {
      if (!x.fromIndent) continue;
      x.row.parent = null;
      x.row.level = 0;
    }
    return;
  }
  markGroupsOverPages(items);
  // A line named like a unit (…中心, …局) among a list of lines not under any unit, heading no line
  // itself, is a line of that list (a project of a unit whose wrapped name closes after the project's
  // name), not a unit's own line: a unit's line heads the lines of its unit.
  const heads = new Set(items.map((x) => x.row.parent).filter((p): p is string => !!p));
  const top = items.find((x) => x.row.kind === 'item' && !x.row.parent && x.row.label !== '');
  if (top) {
    for (const x of items) {
      if (x.row.kind !== 'unit' || x.agency || x.row.texts?.['unitCode'] || heads.has(x.row.id)) continue;
      x.row.kind = 'item';
      x.row.level = top.row.level;
    }
  }
}

/**
 * pdftotext sets each page on its own grid of characters, so a label's indentation on one page says
 * nothing about its rank against a label on another. Where a group read from indentation alone runs
 * over a page break (a line under it printed on the next page, or its last line the last of its page,
 * the lines heading the next page perhaps its own), which lines it heads is not known: the heading
 * line is marked `childrenUnknown` and no sum is asserted for it (its lines keep their place, so that
 * totals are not taken twice). Positions measured in a PDF compare across pages, and a code places a
 * line wherever it is printed.
 */
function markGroupsOverPages(items: HierItem[]): void {
  const byId = new Map(items.map((x) => [x.row.id, x]));
  const groups = new Map<string, HierItem[]>();
  for (const x of items) {
    if (!x.fromIndent || x.measured !== false || !x.row.parent) continue;
    const p = byId.get(x.row.parent);
    if (!p || p.row.kind !== 'item') continue;
    groups.set(p.row.id, [...(groups.get(p.row.id) ?? []), x]);
  }
  for (const [pid, kids] of groups) {
    const p = byId.get(pid)!;
    const page = p.pages?.last ?? null;
    if (page === null) continue;
    const last = kids[kids.length - 1]!;
    const next = items[items.indexOf(last) + 1];
    // The group is closed where the next line is printed on the same page, or heads the next page
    // by its code at its parent's rank or above.
    const closedAfter = !next || next.pages?.first === last.pages?.last || (!next.fromIndent && next.row.code != null && next.row.level <= p.row.level);
    const spans = kids.some((k) => k.pages?.first !== page || k.pages?.last !== page);
    if (!spans && closedAfter) continue;
    p.row.childrenUnknown = true;
  }
}

/** The text of the last line before `line` that prints anything, squashed; null when there is none. */
function lineAbove(lines: readonly SourceLine[], line: SourceLine): string | null {
  for (let j = lines.indexOf(line) - 1; j >= 0; j--) {
    const t = lines[j]!.text.replace(/\s+/g, '');
    if (t !== '') return t;
  }
  return null;
}

/** Half a unit of the last printed place of the coarsest of some figures, in fen. */
function halfUnit(unit: DisplayUnit, total: Money | null, parts: Array<Money | null>): number {
  const ds = [total, ...parts].filter((m): m is Money => m !== null).map((m) => m.decimals ?? 2);
  const d = ds.length > 0 ? minOf(ds) : 2;
  return Math.max(1, Math.floor(FEN_PER[unit] / Math.pow(10, d) / 2));
}

/**
 * A page continuing a table without its header whose columns of figures land on none of the page before's
 * (pdftotext leaves out a column that prints nothing on the page and sets the others closer, on a grid of
 * the page's own): where its figures stand does not say which columns they are. The columns they may be are the
 * table's, in order; the sums say which: each row's identities of the role (relations.ts), each group row
 * the sum of its rows, the total the sum of the top rows, with empty cells as nothing. Where exactly one
 * placement of the page's columns of figures keeps every sum that can be made (and some can), its figures
 * are placed there, marked inferred (rules rest no error on them); otherwise they stay unplaced.
 */
function placeSqueezedPages(rows: Row[], squeezed: Map<Row, { page: number; cells: Array<{ zone: number; m: Money }> }>, order: string[], role: TableRole, unit: DisplayUnit): void {
  const pages = [...new Set([...squeezed.values()].map((x) => x.page))];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, Row[]>();
  for (const r of rows) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const top = rows.filter((r) => r.kind === 'item' && !r.parent);
  const total = rows.find((r) => r.kind === 'total');
  const rels = roleRelations(role, (k) => order.includes(k));
  for (const page of pages) {
    const mine = rows.filter((r) => squeezed.get(r)?.page === page);
    const zones = [...new Set(mine.flatMap((r) => squeezed.get(r)!.cells.map((c) => c.zone)))].sort((a, b) => a - b);
    if (zones.length === 0 || zones.length > order.length || order.length > 12) continue;
    // A row's figure under a placement: null where not known (a row left unplaced otherwise, or on another such page).
    const valueOf = (r: Row, key: string, at: Map<number, string>): number | null => {
      const sq = squeezed.get(r);
      if (sq) {
        if (sq.page !== page) return null;
        const c = sq.cells.find((x) => at.get(x.zone) === key);
        return c ? c.m.fen : 0;
      }
      if (r.unplaced && r.unplaced.length > 0) return null;
      return r.amounts[key]?.fen ?? 0;
    };
    // The sums a placement keeps (true), breaks (false) or cannot make (null), in one order for every placement.
    const sums = (at: Map<number, string>): Array<boolean | null> => {
      const out: Array<boolean | null> = [];
      const holds = (whole: number | null, parts: Array<number | null>): void => {
        if (whole === null || parts.some((p) => p === null)) out.push(null);
        else out.push(Math.abs(parts.reduce<number>((a, p) => a + p!, 0) - whole) <= (parts.length + 1) * halfUnit(unit, null, []));
      };
      for (const r of mine)
        for (const rel of rels)
          holds(
            valueOf(r, rel.total, at),
            rel.parts.map((k) => valueOf(r, k, at)),
          );
      // The group rows over this page's rows and the total over the top rows, column by column.
      const groups = new Set<Row>();
      for (const r of mine) {
        const up = r.parent ? byId.get(r.parent) : r.kind === 'item' ? total : undefined;
        if (up) groups.add(up);
        if (children.has(r.id)) groups.add(r);
      }
      for (const g of groups) {
        const kids = g === total ? top : (children.get(g.id) ?? []);
        // (Rows that print one code twice under it: which of them is the group's row is not known.)
        const codes = kids.flatMap((k) => (k.code ? [k.code] : []));
        if (new Set(codes).size < codes.length) continue;
        for (const key of order)
          holds(
            valueOf(g, key, at),
            kids.map((k) => valueOf(k, key, at)),
          );
      }
      return out;
    };
    const tried: Array<{ at: Map<number, string>; sums: Array<boolean | null> }> = [];
    const pick = (i: number, from: number, at: Map<number, string>): void => {
      if (i === zones.length) {
        tried.push({ at: new Map(at), sums: sums(at) });
        return;
      }
      for (let j = from; j <= order.length - (zones.length - i); j++) {
        at.set(zones[i]!, order[j]!);
        pick(i + 1, j + 1, at);
        at.delete(zones[i]!);
      }
    };
    pick(0, 0, new Map());
    // A sum no placement keeps says nothing of the placement (the document's own misprint, or a row nested
    // otherwise than printed): it is left out. A placement fits when it keeps every other sum it can make.
    const n = tried[0]?.sums.length ?? 0;
    const telling = Array.from({ length: n }, (_, i) => tried.some((t) => t.sums[i] === true));
    const found = tried.filter((t) => t.sums.some((v, i) => telling[i] && v === true) && t.sums.every((v, i) => !telling[i] || v !== false)).map((t) => t.at);
    if (found.length !== 1) continue;
    const at = found[0]!;
    for (const r of mine) {
      for (const c of squeezed.get(r)!.cells) r.amounts[at.get(c.zone)!] = { ...c.m, inferred: true };
      delete r.unplaced;
      squeezed.delete(r);
    }
  }
}

/**
 * The names given to a table's columns are confirmed by the sums they imply (the catalogue's row
 * identities for the role): where most rows that print the parts break an identity, the header was
 * misread, not every row misprinted — the columns of that identity lose their names (no rule checks
 * them by name) and a note says so. A single row that breaks it is left to the rules: a real
 * misprint looks like that.
 */
function confirmColumns(t: Table, unit: DisplayUnit, notes: ImportNote[]): void {
  const has = (k: string) => t.columns.some((c) => c.key === k);
  const demote = new Set<string>();
  for (const rel of roleRelations(t.role, has)) {
    let checked = 0;
    let bad = 0;
    for (const r of t.rows) {
      if (r.unplaced && r.unplaced.length > 0) continue;
      const parts = rel.parts.map((k) => r.amounts[k] ?? null);
      const total = r.amounts[rel.total] ?? null;
      if (parts.every((p) => p === null) || total === null) continue;
      checked++;
      const sum = parts.reduce<number>((a, p) => a + (p?.fen ?? 0), 0);
      const tol = (parts.filter((p) => p !== null).length + 1) * halfUnit(unit, total, parts);
      if (Math.abs(sum - total.fen) > tol) bad++;
    }
    if (bad >= 2 && bad * 2 > checked) for (const k of [rel.total, ...rel.parts]) demote.add(k);
  }
  // A relation whose total column was not read, one of whose parts is the sum of the others on most
  // rows: that part's figures are the total's, printed under the next header (pdftotext shifts a
  // 三公 table's “三公”经费合计 under 因公出国(境)费). Which figure belongs to which part is not known.
  for (const rel of roleRelations(t.role, (k) => has(k) || k === 'total')) {
    const present = rel.parts.filter(has);
    if (has(rel.total) || present.length < 2) continue;
    for (const p of present) {
      let checked = 0;
      let hits = 0;
      for (const r of t.rows) {
        const v = r.amounts[p] ?? null;
        const others = present.filter((k) => k !== p).map((k) => r.amounts[k] ?? null);
        if ((r.unplaced && r.unplaced.length > 0) || v === null || v.fen === 0 || others.every((o) => o === null)) continue;
        checked++;
        const sum = others.reduce<number>((a, o) => a + (o?.fen ?? 0), 0);
        if (Math.abs(sum - v.fen) <= (others.filter((o) => o !== null).length + 1) * halfUnit(unit, v, others)) hits++;
      }
      if (hits >= 2 && hits * 2 > checked) for (const k of present) demote.add(k);
    }
  }
  if (demote.size === 0) return;
  const renamed = new Map<string, string>();
  t.columns.forEach((c, j) => {
    if (!demote.has(c.key)) return;
    const key = `c0_${j + 1}`;
    renamed.set(c.key, key);
    c.key = key;
  });
  for (const r of t.rows) {
    const out: Record<string, Money | null> = {};
    for (const [k, v] of Object.entries(r.amounts)) out[renamed.get(k) ?? k] = v;
    r.amounts = out;
  }
  const names = [...renamed.keys()].map((k) => t.columns.find((c) => c.key === renamed.get(k))?.header.join('/') ?? k).join('、');
  notes.push({
    severity: 'info',
    code: 'columns-unconfirmed',
    table: t.id ?? null,
    row: null,
    message: `表《${t.title.text}》的列（${names}）按表头所读的名称与各行金额的合计关系不符，可能表头读错：这些列不按名称核对`,
    src: t.src,
  });
}

/**
 * Reads a table block into a Table. Never throws on content: what cannot be read becomes a located
 * import note of severity `error` and the rest of the table is kept.
 */
export function readTable(block: TableBlock, ctx: TableContext): ReadTable {
  const notes: ImportNote[] = [];
  const role: TableRole = block.type?.role ?? 'other';
  const head = [...block.titleLines, ...block.lines.slice(0, 8)];
  const unit = unitOfLines(head) ?? ctx.unit;
  const titleLine = block.titleLines[block.titleLines.length - 1]!;
  const title = { text: block.title, src: srcOf(block.titleLines[0]!, block.titleLines.map((l) => l.text).join('\n'), titleLine) };
  // Pages of the table, each read on its own grid.
  const byPage: SourceLine[][] = [];
  for (const l of block.lines) {
    const last = byPage[byPage.length - 1];
    if (last && last[0]!.page === l.page) last.push(l);
    else byPage.push([l]);
  }
  const pages: PageRead[] = [];
  for (const ls of byPage) pages.push(readPage(ls, pages[pages.length - 1] ?? null));
  const frames = pageFrames(pages);
  const nPanels = Math.max(0, ...pages.map((p) => p.panels.length));
  const base: Table = { id: ctx.id, no: block.no, role, title, displayUnit: unit, columns: [], rows: [], src: srcOf(titleLine) };
  const un = unitNameOf(block.lines);
  if (un) base.unitName = un;
  const noteLine = block.lines.find((l) => NOTE_RE.test(l.text.trim()));
  if (noteLine) base.note = { text: noteLine.text.trim(), src: srcOf(noteLine) };
  if (nPanels === 0) {
    // No amounts at all: a table published empty (with its note), or one whose rows are words.
    // With no amounts the header band runs to the end: its total line (合计, printed empty) is a row.
    const textRows = pages.flatMap((p) => p.body).filter((b) => !NOTE_RE.test(b.line.text));
    const empties = pages
      .flatMap((p) => p.header)
      .filter((ts) => ts.length > 0 && TOTAL.test(squashTitle(ts.map((t) => t.text).join(''))))
      .map((ts) => ({ line: ts[0]!.line }));
    base.rows = [...empties, ...textRows].slice(0, 200).map((b, i) => {
      const label = squashTitle(b.line.text).slice(0, 200);
      return { id: `r${i + 1}`, kind: TOTAL.test(label) ? ('total' as const) : ('item' as const), label, level: 0, amounts: {}, src: srcOf(b.line) };
    });
    return { table: base, notes, unreadRows: 0, unmappedColumns: 0 };
  }
  const twoSided = TWO_SIDED_ROLES.includes(role) && nPanels >= 2;
  // Columns: per panel, from the first page that has a header for it.
  const columns: Column[] = [];
  const keyOf: Array<Map<string, string>> = [];
  let unmapped = 0;
  const used = new Set<string>();
  const refOf = (k: number) => pages.find((p) => p.panels[k] && p.header.length > 0)?.panels[k] ?? pages.find((p) => p.panels[k])!.panels[k]!;
  const firstPanel = refOf(0);
  // A header that prints a 决算数 group (a final account's 三公 table: 预算数 | 决算数 over the same columns):
  // its plain 预算数 group is the year's initial budget. So it is when the 决算数 heading was read as one
  // column's own (a page that clips the table's last columns leaves the group's heading over fewer
  // columns than it spans): the 预算数 group's figures are still the budget's, never the final ones.
  const initialBudget = Array.from({ length: nPanels }, (_, k) => refOf(k)).some((p) => p.zones.some((z) => z.path.some((g) => figureColumnKindOf(g) === 'final')));
  for (let k = 0; k < nPanels; k++) {
    const ref = refOf(k);
    const map = new Map<string, string>();
    const firstDataZone = ref.zones.findIndex((z) => z.data);
    // A basic-expenditure table printed in side-by-side panels whose headers name the same columns
    // (人员经费 | 公用经费, each 科目编码 | 科目名称 | 决算数): one list of economic classes continued beside
    // itself, the same columns on every side (a group heading's zone without figures is no column).
    const sameColumns = k > 0 && role === 'basic-expenditure-economic' && samePaths(ref, firstPanel);
    const firstData = firstPanel.zones.filter((z) => z.data);
    ref.zones.forEach((z, j) => {
      if (sameColumns && !z.data) return;
      // (The same columns: each named as the first panel names it, whatever group a side prints over it.)
      const same = sameColumns ? keyOf[0]!.get(zoneId(firstPanel, firstPanel.zones.indexOf(firstData[ref.zones.filter((y, i) => y.data && i < j).length]!))) : undefined;
      if (same !== undefined) {
        map.set(zoneId(ref, j), same);
        return;
      }
      let key = z.ambiguous ? null : roleColumnKey(role, z.path, j === firstDataZone, k, ctx.year, initialBudget);
      const header = z.path.filter((s) => s !== '');
      if (!key) {
        unmapped++;
        key = `c${k + 1}_${j + 1}`;
      }
      if (twoSided && k === 0) {
        // The revenue side's single figure is `amount`; its own header is kept for display.
        map.set(zoneId(ref, j), j === firstDataZone ? 'amount' : `revenue.${key}`);
        if (j === firstDataZone) {
          if (!used.has('amount')) {
            used.add('amount');
            columns.push({ key: 'amount', header: header.length > 0 ? header : ['预算数'], kind: 'amount' });
          }
        } else if (!used.has(`revenue.${key}`)) {
          used.add(`revenue.${key}`);
          columns.push({ key: `revenue.${key}`, header: header.length > 0 ? header : [key], kind: 'amount' });
        }
        return;
      }
      let final = twoSided || nPanels === 1 || sameColumns ? key : k === 0 ? key : `p${k + 1}.${key}`;
      if (sameColumns && used.has(final)) {
        map.set(zoneId(ref, j), final);
        return;
      }
      if (used.has(final) && !(twoSided && final === 'amount')) {
        let n = 2;
        while (used.has(`${final}_${n}`)) n++;
        final = `${final}_${n}`;
      }
      map.set(zoneId(ref, j), final);
      if (!used.has(final)) {
        used.add(final);
        // (A column of counts, 数量, prints whole numbers, sometimes grouped by thousands: no money.)
        const count = header.length > 0 && COUNT_HEADING.test(header[header.length - 1]!);
        columns.push({ key: final, header: header.length > 0 ? header : [final], kind: count ? 'count' : 'amount' });
      }
    });
    keyOf.push(map);
  }
  // A final account's expenditure by function prints no 合计 column: its 本年支出 / 小计 is the table's
  // total ("项目 | 本年支出: 小计 基本支出 项目支出", or between 年初结转和结余 and 年末结转和结余 in a fund's table).
  if (FUNCTION_EXPENDITURE_ROLES.includes(role) && !used.has('total')) {
    const cur = columns.filter((c) => c.key === 'current' && squashTitle(c.header[0] ?? '') === '本年支出');
    if (cur.length === 1) {
      cur[0]!.key = 'total';
      used.delete('current');
      used.add('total');
      for (const m of keyOf) for (const [z, key] of m) if (key === 'current') m.set(z, 'total');
    }
  }
  // A name given to two columns of one table means a group above them was not read (two 小计, a
  // 会议费 per year): none of them can be told apart, so none keeps the name. Nor in another year's
  // group: two 增减 会议费 columns mean the year headings stand over the wrong columns, and the one
  // 会议费 left under 本年 may be last year's.
  const stem = (key: string) => key.replace(/_\d+$/, '');
  const yearless = (key: string) => stem(key).replace(/^(?:prior|change)\./, '');
  const doubled = columns.filter((c) => /_\d+$/.test(c.key) && !isUnmappedKey(c.key)).map((c) => stem(c.key));
  const twice = new Set(doubled);
  const twiceInYear = new Set(doubled.filter((k) => k !== yearless(k)).map(yearless));
  if (twice.size > 0) {
    const renamed = new Map<string, string>();
    columns.forEach((c, j) => {
      if (isUnmappedKey(c.key) || !(twice.has(stem(c.key)) || twiceInYear.has(yearless(c.key))) || (twoSided && c.key === 'amount')) return;
      const key = `c0_${j + 1}`;
      renamed.set(c.key, key);
      c.key = key;
    });
    for (const map of keyOf) for (const [z, key] of map) if (renamed.has(key)) map.set(z, renamed.get(key)!);
    unmapped += renamed.size;
  }
  const codeSystem = FUNCTION_ROLES.includes(role) ? 'function' : ECONOMIC_ROLES.includes(role) ? 'econ' : role === 'procurement' ? 'procurement' : null;
  // A figure printed with one decimal fewer than every other figure of the table lost its last digit
  // (wrapped in its cell, the digit taken for a page number or not printed): its value is not known.
  const decs = pages.flatMap((pg) => pg.body.flatMap((b) => b.toks.filter((t) => t.kind === 'amount' && t.text.includes('.')).map(decimalsOfTok)));
  const common = decs.length > 0 ? maxOf(decs) : 0;
  const short = common >= 2 && decs.filter((d) => d === common).length >= Math.max(10, 0.8 * decs.length) && !dropsTrailingZeros(pages) ? common - 1 : -1;
  // A figure split over lines (pdftotext staircases: "12,572" above or below ".73") whose pieces were
  // not joined: where a table prints its decimals apart from their figures, a figure without a
  // decimal part is only the integer part of its figure, and its value is not known.
  const split = pages.some((pg) => pg.body.some((b) => b.toks.some((t) => FRACTION.test(t.text) || (t.joined !== undefined && FRACTION.test(t.joined.text)))));
  const truncated = (t: Tok) =>
    !t.joined && ((t.kind === 'amount' && t.text.includes('.') && decimalsOfTok(t) === short) || (split && (t.kind === 'amount' || t.kind === 'int') && !t.text.includes('.')));
  const rows: Row[] = [];
  const ids = new Set<string>();
  // Per id base, the suffix the search for a free id starts from: ids only grow, so every suffix below it
  // is still taken (the same ids as searching from 2, without a scan per row when a code repeats).
  const nextSuffix = new Map<string, number>();
  const unreadRows = 0;
  const squeezed = new Map<Row, { page: number; cells: Array<{ zone: number; m: Money }> }>();
  for (let k = 0; k < nPanels; k++) {
    const { rows: raws } = panelRows(pages, k, codeSystem === 'function' || codeSystem === 'econ' ? codeSystem : null);
    // Indentation is compared in the first page's frame: each page is set on a grid of its own.
    const pageX = new Map(raws.map((r) => [r, r.labelX]));
    for (const r of raws) r.labelX = frames.get(r.page)?.(r.labelX) ?? r.labelX;
    // A column whose extent holds two figures side by side on some line is two columns printed so
    // close that their figures run together (pdftotext text): which of them a lone figure there
    // belongs to is not known.
    const merged = new Set<string>();
    for (const pg of pages) {
      const p = pg.panels[k];
      if (!p) continue;
      p.zones.forEach((z, j) => {
        if (!z.data) return;
        const d = z.data;
        if (pg.body.some((b) => b.toks.filter((t) => t.kind === 'amount' && t.x0 >= d.x0 - 0.5 && t.x1 <= d.x1 + 0.5).length >= 2)) merged.add(zoneId(p, j));
      });
    }
    const side = twoSided ? (k === 0 ? 'revenue' : 'expenditure') : undefined;
    // In tables with more than two panels, the panels after the second are further classifications
    // of the same expenditure: kept as rows of their own side-less panel (keys prefixed p3., p4.).
    const keys = keyOf[k]!;
    // The columns every row of the panel has a cell in (empty until a figure is placed), in order.
    const rowKeys = [...new Set(keys.values())].filter((key) => (twoSided ? (k === 0 ? key === 'amount' || key.startsWith('revenue.') : !key.startsWith('revenue.')) : true));
    const panelRowsOut: HierItem[] = [];
    for (const r of raws) {
      if (r.labelText === '' && r.code === null && r.cells.size === 0) continue;
      const amounts: Record<string, Money | null> = {};
      const unplaced: Money[] = [];
      for (const key of rowKeys) amounts[key] = null;
      let conflict = false;
      const unnamed: Array<{ zone: number; m: Money }> = [];
      for (const [z, ts] of r.cells) {
        const figs = ts.filter((t) => t.kind !== 'dash');
        if (figs.length > 1) conflict = true;
        const key = keys.get(z);
        if (figs.length === 1 && key && !conflict && !truncated(figs[0]!) && !merged.has(z)) amounts[key] = money(figs[0]!, unit, notes, ctx.id);
        else
          for (const f of figs) {
            const m = money(f, unit, notes, ctx.id);
            if (m) unplaced.push(m);
            if (m && !key && figs.length === 1 && !truncated(f) && !merged.has(z) && /^@\d+$/.test(z)) unnamed.push({ zone: Number(z.slice(1)), m });
          }
      }
      for (const s of r.stray.filter((t) => t.kind === 'amount' || t.kind === 'int')) {
        const m = money(s, unit, notes, ctx.id);
        if (m) unplaced.push(m);
      }
      if (conflict) {
        // Two figures in one column: the columns of this row cannot be told apart without a guess.
        for (const key of keys.values()) {
          if (amounts[key]) {
            unplaced.push(amounts[key]);
            amounts[key] = null;
          }
        }
      }
      // A line of figures without a label, none of them placed, right under a row: the last pieces of
      // that row's figures (a staircase deeper than the fractions' join reaches). They are the row
      // above's unplaced figures, so its empty cells become unknown rather than empty.
      const prevRow = panelRowsOut[panelRowsOut.length - 1]?.row;
      if (
        prevRow &&
        r.labelText === '' &&
        r.code === null &&
        unplaced.length > 0 &&
        Object.values(amounts).every((v) => v === null) &&
        r.first.no - (prevRow.src.endLine ?? prevRow.src.line ?? -9) <= 2
      ) {
        prevRow.unplaced = [...(prevRow.unplaced ?? []), ...unplaced];
        continue;
      }
      // In a table with a column of units' codes (单位编码), a number printed between the line's
      // classification code and its name is its unit's code ("201 08 01 | 117001 | 西安市审计局").
      let unitCode: string | null = null;
      if (pages.some((pg) => pg.unitCodes) && r.label.length >= 2 && r.label[0]!.kind === 'int' && /^\d{1,9}$/.test(r.label[0]!.text) && r.label[1]!.kind === 'text') {
        unitCode = r.label[0]!.text;
        r.label = r.label.slice(1);
        r.labelText = squashTitle(joinLabel(r.label));
      }
      // In a table with a catalogue column (采购目录), the cells printed after the project's name are its own.
      const bought = pages.some((pg) => pg.catalogue) ? catalogueCells(r.label) : null;
      if (bought) {
        r.label = bought.name;
        r.labelText = squashTitle(joinLabel(r.label));
        r.extraCodes = [...r.extraCodes, ...bought.econ];
      }
      // Several label columns (a first line of two or more label cells): joined column by column.
      const firstLine = r.label.filter((t) => t.line === r.label[0]?.line).length;
      let label = (new Set(r.label.map((t) => t.line.no)).size > 1 && firstLine >= 2 ? labelByColumns(r.label) : r.labelText) || (r.code ?? '');
      // The panel's first line of figures without a label, under a line printing a total's word alone
      // ("合计" / "3861.25"): the total, its word printed above its figures.
      if (label === '' && panelRowsOut.length === 0 && !twoSided) {
        const above = lineAbove(block.lines, r.first);
        if (above && kindOfLabel(above, null) === 'total') label = above;
      }
      const kind = kindOfLabel(label, r.code);
      let idBase = side === 'revenue' ? 'r' : side === 'expenditure' ? 'e' : k > 0 && !twoSided ? `p${k + 1}-` : '';
      idBase += r.code ? r.code : `${rows.length + panelRowsOut.length + 1}`;
      let id = idBase;
      if (ids.has(id)) {
        let n = nextSuffix.get(idBase) ?? 2;
        while (ids.has(`${idBase}-${n}`)) n++;
        id = `${idBase}-${n}`;
        nextSuffix.set(idBase, n + 1);
      }
      ids.add(id);
      const row: Row = {
        id,
        kind,
        label,
        level: 0,
        parent: null,
        amounts,
        src: srcOf(r.first, [r.first, ...(r.last.no !== r.first.no ? [r.last] : [])].map((l) => l.text).join('\n'), r.last),
      };
      if (side) row.side = side;
      if (unplaced.length > 0) row.unplaced = unplaced;
      // Every figure of the row stands in a column of figures its page does not name (squeezedPage).
      if (!conflict && unplaced.length > 0 && unnamed.length === unplaced.length && r.stray.length === 0 && r.page !== null) squeezed.set(row, { page: r.page, cells: unnamed });
      if (r.extraCodes.length > 0) row.texts = Object.fromEntries(r.extraCodes.map((c, i) => [`code${i + 2}`, { text: c }]));
      if (bought) row.texts = { ...(row.texts ?? {}), catalogue: { text: bought.catalogue }, ...(bought.other ? { other: { text: bought.other } } : {}) };
      const seq = pages.find((pg) => pg.seq?.of.has(r.first))?.seq?.of.get(r.first);
      if (seq) row.texts = { ...(row.texts ?? {}), seq: { text: seq } };
      for (const c of new Set(r.label.map((t) => t.line).concat(r.first))) {
        for (const n of pages.find((pg) => pg.counts?.has(c))?.counts?.get(c) ?? []) row.texts = { ...(row.texts ?? {}), [n.heading]: { text: n.text } };
      }
      const agency = !!r.code && !/^[A-C]/.test(r.code) && classOfCode(r.code) === null && codeSystem !== 'procurement';
      if (unitCode) {
        // The line of a budget unit (or of a group of units, "1 全额" above "117001 西安市审计局"): the
        // classification code printed beside it is kept as a text of the line.
        row.texts = { ...(row.texts ?? {}), unitCode: { text: unitCode }, ...(r.code ? { code2: { text: r.code } } : {}) };
      } else if (agency) {
        // A budget unit's code (117, 117001, 068004): the line is the unit's, not a classification's.
        row.texts = { ...(row.texts ?? {}), unitCode: { text: r.code! } };
        if (!r.labelText) row.label = r.code!;
      } else if (r.code) {
        row.code = r.code;
        // The code's shape says its classification (a procurement table may print function codes).
        const sys = /^[A-C]/.test(r.code) ? 'procurement' : (classOfCode(r.code) ?? codeSystem);
        if (sys) {
          row.codeSystem = sys;
          row.codeResolved = 'printed';
        }
      } else if (side === 'revenue' && kind === 'item') {
        const term = termOfLabel(label.replace(TITLE_ENUMERATOR, '').replace(/收入$/, '')) ?? termOfLabel(label.replace(TITLE_ENUMERATOR, ''));
        if (term && term.key !== 'total' && term.key !== 'amount') {
          row.code = term.key;
          row.codeSystem = 'revenue';
        }
      }
      panelRowsOut.push({
        row,
        labelX: r.labelX,
        pageX: pageX.get(r) ?? r.labelX,
        depth: enumDepth(label),
        fromIndent: false,
        pages: { first: r.first.page, last: r.last.page },
        measured: r.first.y !== undefined,
        ...(r.flowed ? { flowed: true } : {}),
        ...(r.rel ? { rel: r.rel } : {}),
        ...(agency || unitCode ? { agency: true } : {}),
      });
    }
    settleHierarchy(panelRowsOut, side === 'expenditure' ? 'function' : side === 'revenue' ? null : codeSystem, ctx.year, role, unit);
    if (!twoSided && nPanels === 1 && squeezed.size > 0) {
      const order = columns.filter((c) => c.kind === 'amount' && rowKeys.includes(c.key)).map((c) => c.key);
      placeSqueezedPages(
        panelRowsOut.map((x) => x.row),
        squeezed,
        order,
        role,
        unit,
      );
    }
    pushAll(
      rows,
      panelRowsOut.map((x) => x.row),
    );
  }
  base.columns = columns;
  base.rows = twoSided ? rows : totalsAcrossPanels(rows);
  if (twoSided) base.sides = { revenue: 'amount', expenditure: 'amount' };
  confirmColumns(base, unit, notes);
  void unreadRows;
  return { table: base, notes, unreadRows, unmappedColumns: unmapped };
}
