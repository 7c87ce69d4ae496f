/**
 * The grid of a form: fragments per column, the rows of its indicator table (one per target, found
 * from the comparator or target column, with wrapped names, targets and units joined to the row
 * they are centred on) and the merged level cells (一级 / 二级指标) spread over the rows they span.
 */
import type { Indicator, Src } from '../../../domain/model.js';
import { readTarget } from '../../_lib/indicator.js';
import type { SourceLine } from '../../text/source.js';
import { isProse } from '../segment.js';
import { tokensOf, type Tok } from '../tokens.js';
import { ADJACENT, columnOf, fragmentsOf, joinText, setBands, type Frag, type GridColumn, type Positions } from './layout.js';
import { blankGaps, splitCentered, type Anchor } from './partition.js';
import { ruledColumn } from './ruled.js';
import { tidy } from './context.js';
import { median } from '../../../domain/arrays.js';
import {
  COMPARATOR_TOKEN,
  headerKind,
  isLevelTerm,
  isMarginWord,
  labelKey,
  level1OfLevel2,
  LEVEL1_WORDS,
  levelOfWord,
  splitLevelWords,
  splitLevels,
  startsLevelTerm,
  type ColumnKind,
} from './vocabulary.js';
import { minOf } from '../../../domain/arrays.js';

/** A grid's body: its columns and the fragments each line prints in each. */
export interface Grid {
  columns: GridColumn[];
  /** Per column (index as in `columns`), its fragments top to bottom. */
  frags: Frag[][];
  lines: SourceLine[];
  /** Where each word was printed before its page was lined up with the header's page. */
  printedAt: Map<Tok, { x0: number; x1: number }>;
  /** How precise the vertical positions are (see SplitOptions.slack). */
  slack: number;
}

/** True when a body line starts a part that is no longer the grid (a note, a heading, prose). */
export function endsGrid(line: SourceLine, firstX: number): boolean {
  const toks = tokensOf(line);
  const t0 = toks[0];
  if (!t0) return false;
  const s = line.text.trim();
  if (/^(注|说明)\s*[:：]/.test(s)) return true;
  if (t0.x0 > firstX + 2) return false;
  if (/^备注$/.test(labelKey(t0.text)) || /^备注[:：]/.test(s)) return true;
  if (/^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+部分)/.test(s)) return true;
  if (/^\d{1,2}[.、．]\s*\D/.test(s) && toks.length <= 3) return true;
  // A line naming an indicator level in a cell of its own ("效益指标", "社会效益指") is the grid's, however
  // closely its cells sit (a long name beside it reads as prose).
  if (toks.some((t) => isLevelTerm(t.text) || (labelKey(t.text).length >= 3 && startsLevelTerm(t.text)))) return false;
  // Prose runs on as one text; a grid's line leaves wide gaps between its cells.
  const gaps = toks.slice(1).map((t, i) => t.x0 - toks[i]!.x1);
  return isProse(line) && gaps.every((g) => g <= 3);
}

const AMOUNT_COLUMNS: readonly ColumnKind[] = ['total', 'fiscal', 'other', 'general', 'fund', 'special', 'basic', 'project'];
const TEXT_COLUMNS: readonly ColumnKind[] = ['goal', 'projectName', 'unitName', 'activity'];

/** Places a word in a column: comparator words go to the comparator column wherever pdftotext pushed them. */
function placer(columns: readonly GridColumn[], marginX = -Infinity): (t: Tok) => number {
  const cmp = columns.findIndex((c) => c.kind === 'comparator');
  const firstIndicator = columns.findIndex((c) => c.kind === 'level1' || c.kind === 'level2' || c.kind === 'name' || c.kind === 'levels');
  const marginEdge = firstIndicator >= 0 ? columns[firstIndicator]!.x0 : -Infinity;

  const nameCol = columns.findIndex((c) => c.kind === 'projectName');
  const level1Col = columns.findIndex((c) => c.kind === 'level1');
  const level2Col = columns.findIndex((c) => c.kind === 'level2');
  const amountCols = columns.map((c, j) => (AMOUNT_COLUMNS.includes(c.kind) ? j : -1)).filter((j) => j >= 0);
  return (t) => {
    if (cmp >= 0 && COMPARATOR_TOKEN.test(labelKey(t.text))) return cmp;
    // A project code ("11000022T000000445578-") is the start of the project's name cell, wherever
    // pdftotext pushed it.
    if (nameCol >= 0 && /^\d{6,}[A-Z]\d{4,}-?$/.test(t.text)) return nameCol;
    // A level name is its level's, wherever a squeezed line put it ("产出指 质量指标" after the margin).
    const lv = levelOfWord(t.text);
    if (lv === 1 && level1Col >= 0 && level2Col >= 0) return level1Col;
    if (lv === 2 && level2Col >= 0) return level2Col;
    // The words a form prints vertically in its left margin ("年度绩效指标", "年/度/主/要/任/务")
    // belong to no column.
    if (firstIndicator === 0 && t.x1 <= marginEdge + 1 && isMarginWord(t.text)) return -1;
    if (t.x1 <= marginX && labelKey(t.text).length <= 2) return -1;
    const j = columnOf(columns, t);
    // A figure with decimals standing alone in a project's text band (pdftotext runs a cell's text
    // into the amounts' band) is the nearest amount column's.
    if (t.kind === 'amount' && amountCols.length > 0 && j >= 0 && TEXT_COLUMNS.includes(columns[j]!.kind)) {
      const c = (t.x0 + t.x1) / 2;
      return amountCols.reduce((b, k) => (Math.abs((columns[k]!.x0 + columns[k]!.x1) / 2 - c) < Math.abs((columns[b]!.x0 + columns[b]!.x1) / 2 - c) ? k : b));
    }
    return j;
  };
}

/**
 * The columns words belong to by what they say, whatever their position: level names, comparators,
 * a target beginning with a comparator, the target and unit printed after a comparator word. Used
 * to line a later page up with the header's page.
 */
function landmarks(columns: readonly GridColumn[], toks: readonly Tok[]): Array<[number, Tok]> {
  const idx = (kind: ColumnKind) => columns.findIndex((c) => c.kind === kind);
  const out: Array<[number, Tok]> = [];
  const cmp = idx('comparator');
  const level1 = idx('level1');
  const level2 = idx('level2');
  const levels = idx('levels');
  const value = idx('value');
  const unit = idx('unit');
  // Each token's key once (a token is looked at again as the one before or two before the next).
  const keys = toks.map((t) => labelKey(t.text));
  toks.forEach((t, i) => {
    const k = keys[i]!;
    let j = -1;
    if (LEVEL1_WORDS.includes(k) && level1 >= 0) j = level1;
    else if ((isLevelTerm(k) || startsLevelTerm(k)) && !LEVEL1_WORDS.includes(k)) j = level2;
    else if (levels >= 0 && LEVEL1_WORDS.some((w) => k.startsWith(w) && k.length > w.length + 1)) j = levels;
    else if (COMPARATOR_TOKEN.test(k)) j = cmp;
    else if (/^[≥≤<>=]\d/.test(k) && cmp < 0) j = value;
    else if (cmp >= 0 && i > 0 && COMPARATOR_TOKEN.test(keys[i - 1]!) && t.line === toks[i - 1]!.line) j = value;
    else if (cmp >= 0 && i > 1 && COMPARATOR_TOKEN.test(keys[i - 2]!) && t.line === toks[i - 2]!.line && !/\d/.test(k) && k.length <= 4) j = unit;
    if (j >= 0) out.push([j, t]);
  });
  return out;
}

/** Landmark positions per column (median left edge), and the left edge of the text (margin words aside). */
function landmarkPositions(columns: readonly GridColumn[], toks: readonly Tok[]): Map<number, number> {
  const byCol = new Map<number, number[]>();
  for (const [j, t] of landmarks(columns, toks)) byCol.set(j, [...(byCol.get(j) ?? []), t.x0]);
  const out = new Map<number, number>();
  for (const [j, xs] of byCol) out.set(j, median(xs));
  const body = toks.filter((t) => !isMarginWord(t.text));
  if (body.length > 0) out.set(-1, minOf(body.map((t) => t.x0)));
  return out;
}

/**
 * How a page's x positions map onto the header page's: piecewise linear through the landmarks both
 * pages print (pdftotext lays out each page on its own, so a later page may be shifted and squeezed
 * unevenly; a PDF page is measured from its own left edge). Null when the pages share no landmark.
 */
function fitPage(page: ReadonlyMap<number, number>, ref: ReadonlyMap<number, number>): ((x: number) => number) | null {
  const pairs: Array<[number, number]> = [];
  for (const [j, x] of page) if (ref.has(j)) pairs.push([x, ref.get(j)!]);
  pairs.sort((a, b) => a[0] - b[0]);
  // Keep the pairs that preserve order (a misread landmark must not fold the page).
  const mono: Array<[number, number]> = [];
  for (const p of pairs) if (mono.length === 0 || (p[0] > mono[mono.length - 1]![0] + 0.5 && p[1] > mono[mono.length - 1]![1] + 0.5)) mono.push(p);
  if (mono.length === 0) return null;
  if (mono.every(([x, r]) => Math.abs(x - r) <= 0.5)) return null;
  return (x) => {
    if (mono.length === 1 || x <= mono[0]![0]) return x + mono[0]![1] - mono[0]![0];
    for (let i = 1; i < mono.length; i++) {
      const [x0, r0] = mono[i - 1]!;
      const [x1, r1] = mono[i]!;
      if (x <= x1) return r0 + ((x - x0) * (r1 - r0)) / (x1 - x0);
    }
    const [xl, rl] = mono[mono.length - 1]!;
    return x + rl - xl;
  };
}

/**
 * A word that is a target by its form (a comparator and a figure: "≥366", ">3") stands in the target
 * column. Where the white space put the target column's edge right of such words (a ragged target
 * column whose header is printed far right of its text), the edge moves left of them: to the white
 * space between the column before and the leftmost of them.
 */
function targetEdge(columns: GridColumn[], words: readonly Tok[]): void {
  const val = columns.findIndex((c) => c.kind === 'value');
  if (val <= 0 || columns.some((c) => c.kind === 'comparator')) return;
  const a = columns[val - 1]!;
  const b = columns[val]!;
  const marks = words.filter((t) => /^(?:[≥≤<>≧≦]|>=|<=)\d/.test(labelKey(t.text)) && (t.x0 + t.x1) / 2 < b.lo);
  if (marks.length < 2) return;
  const edge = minOf(marks.map((t) => t.x0));
  const from = a.x1 < edge ? a.x1 : (a.x0 + a.x1) / 2;
  if (from >= edge) return;
  let best = edge - 0.25;
  let bestN = Infinity;
  for (let x = edge - 0.25; x >= from; x -= 0.25) {
    let n = 0;
    for (const w of words) if (w.x0 < x - 0.05 && w.x1 > x + 0.05) n++;
    if (n < bestN) {
      bestN = n;
      best = x;
    }
  }
  a.hi = best;
  b.lo = best;
}

/** A word of level names printed together ("产出指标数量指标") split into its names. */
function splitLevelTok(t: Tok): Tok[] {
  const parts = splitLevelWords(t.text);
  if (!parts) return [t];
  const w = (t.x1 - t.x0) / Math.max(1, parts.join('').length);
  let x = t.x0;
  return parts.map((p) => {
    const u = { ...t, text: p, x0: x, x1: x + p.length * w };
    x += p.length * w;
    return u;
  });
}

/**
 * Reads the body lines of a grid under its columns. The header's page fixes the bands; a later page
 * (no header printed again) is lined up with it first.
 */
export function readGrid(body: readonly SourceLine[], pos: Positions, columns: GridColumn[]): Grid {
  const toks = body.map((l) => tokensOf(l).flatMap(splitLevelTok));
  const pages: number[][] = [];
  body.forEach((l, i) => {
    const last = pages[pages.length - 1];
    if (last && body[last[0]!]!.page === l.page) last.push(i);
    else pages.push([i]);
  });
  const refToks = (pages[0] ?? []).map((i) => toks[i]!);
  setBands(columns, refToks);
  targetEdge(columns, refToks.flat());
  // Single ideographs the tokenizer joined as a letter-spaced word may be two cells' ends ("标  标"
  // under "成本指" and "经济成本指"): a joined word that crosses a column's edge is split again.
  const edges = columns.slice(1).map((c) => c.lo);
  for (let i = 0; i < toks.length; i++) {
    toks[i] = toks[i]!.flatMap((t) => {
      if (!t.spaced || !edges.some((e) => e > t.x0 + 0.1 && e < t.x1 - 0.1)) return [t];
      const chars = [...t.text];
      const w = (t.x1 - t.x0) / chars.length;
      return chars.map((ch, k) => ({ ...t, text: ch, x0: t.x0 + k * w, x1: t.x0 + k * w + Math.min(w, 1), spaced: false }));
    });
  }
  const ref = landmarkPositions(columns, refToks.flat());
  const frags: Frag[][] = columns.map(() => []);
  // Where the first column's text starts: single characters printed left of it are the margin's.
  const firstWords = toks
    .flat()
    .filter((t) => columnOf(columns, t) === 0 && labelKey(t.text).length > 2)
    .map((t) => t.x0)
    .sort((a, b) => a - b);
  const marginX = firstWords.length > 0 ? firstWords[Math.floor(firstWords.length / 5)]! : -Infinity;
  const basePlace = placer(columns, marginX);
  const unitCol = columns.findIndex((c) => c.kind === 'unit');
  const cmpCol = columns.findIndex((c) => c.kind === 'comparator');
  const valCol = columns.findIndex((c) => c.kind === 'value');
  // A unit word printed next to its target: pdftotext squeezes a line's right part when a long cell
  // runs before it, so the unit may land in the neighbouring band. The word beside the comparator
  // (or after the target) on the unit's side is the unit.
  const lineWords = new Map<Tok, Tok[]>();
  const after = columns.findIndex((c, j) => j > valCol && (c.kind === 'weight' || c.kind === 'note' || c.kind === 'unit'));
  const level2Col = columns.findIndex((c) => c.kind === 'level2');
  const place = (t: Tok): number => {
    let j0 = basePlace(t);
    // A name that is a level's words ("服务对象满意度" under 服务对象满意度指标) after the level cell
    // on its line is the name's, where it is printed.
    if (j0 === level2Col && level2Col >= 0) {
      const ws = lineWords.get(t);
      const k = ws ? ws.indexOf(t) : -1;
      if (ws && k > 0 && ws.slice(0, k).some((u) => basePlace(u) === level2Col && levelOfWord(u.text) === 2) && columnOf(columns, t) > level2Col) j0 = columnOf(columns, t);
    }
    // A bare number printed right after the target in its band (the line squeezed) is the next
    // column's (a weight, a score) when that column prints nothing on the line.
    const ws0 = lineWords.get(t);
    if (j0 === valCol && valCol >= 0 && after >= 0 && ws0 && /^\d+(\.\d+)?$/.test(t.text)) {
      const k0 = ws0.indexOf(t);
      const prev0 = ws0[k0 - 1];
      if (prev0 && basePlace(prev0) === valCol && !ws0.some((u) => basePlace(u) === after)) return after;
    }
    const j = j0;
    if (unitCol < 0 || j === unitCol || j === cmpCol || j === valCol) return j;
    const ws = lineWords.get(t);
    if (!ws) return j;
    const k = ws.indexOf(t);
    const k2 = labelKey(t.text);
    if (k2.length === 0 || k2.length > 6 || /\d/.test(k2) || COMPARATOR_TOKEN.test(k2)) return j;
    const next = ws[k + 1];
    const prev = ws[k - 1];
    if (cmpCol === unitCol + 1 && next && basePlace(next) === cmpCol && next.x0 - t.x1 < 24) return unitCol;
    if (valCol === unitCol - 1 && prev && basePlace(prev) === valCol && t.x0 - prev.x1 < 24) return unitCol;
    return j;
  };
  const printedAt = new Map<Tok, { x0: number; x1: number }>();
  pages.forEach((idx, p) => {
    const fit =
      p > 0
        ? fitPage(
            landmarkPositions(
              columns,
              idx.flatMap((i) => toks[i]!),
            ),
            ref,
          )
        : null;
    for (const i of idx) {
      const l = body[i]!;
      const ts = fit
        ? toks[i]!.map((t) => {
            const u = { ...t, x0: fit(t.x0), x1: Math.max(fit(t.x0) + 0.1, fit(t.x1)) };
            printedAt.set(u, { x0: t.x0, x1: t.x1 });
            return u;
          })
        : toks[i]!;
      for (const t of ts) lineWords.set(t, ts);
      for (const [j, f] of fragmentsOf(l, ts, pos.get(l) ?? 0, columns, place)) frags[j]!.push(f);
    }
  });
  // A cell's text is set flush left: a line of words (no figure) under an amount column that starts
  // where the lines of a text column's cell start, a line or two above it, is that cell's last line
  // ("去”。" under 其他资金 after a goal's "…项目“走出"), however short: its centre falls short of
  // its own column's, an amount column prints figures.
  columns.forEach((c, j) => {
    if (!AMOUNT_COLUMNS.includes(c.kind)) return;
    frags[j] = frags[j]!.filter((f) => {
      if (!/[\u3000-\u303f\u3400-\u9fff\uff01-\uff0f\uff1a-\uff5e]/u.test(f.text) || /[\d\uff10-\uff19]/u.test(f.text)) return true;
      for (const [k, col] of columns.entries()) {
        if (!TEXT_COLUMNS.includes(col.kind)) continue;
        const above = frags[k]!.filter((g) => g.v < f.v && f.v - g.v <= 2.5 && Math.abs(g.x0 - f.x0) <= 0.5);
        if (above.length === 0 || frags[k]!.some((g) => g.line === f.line)) continue;
        frags[k]!.push(f);
        frags[k]!.sort((a, b) => a.v - b.v);
        return false;
      }
      return true;
    });
  });
  // A text cell split by a page break: the text layer may hold the cell's end twice, the print's
  // last line on the first page and its hidden overflow atop the next. A stop alone at the head of a
  // page ("。"), after a line of its cell that ends with that stop on the page before, is that
  // overflow, not a doubled stop.
  columns.forEach((c, j) => {
    if (!TEXT_COLUMNS.includes(c.kind)) return;
    const fs = frags[j]!;
    frags[j] = fs.filter((f, i) => {
      const prev = fs[i - 1];
      return !(prev && prev.line.page !== f.line.page && /^[。．！？；]$/u.test(f.text) && prev.text.endsWith(f.text));
    });
  });
  return { columns, frags, lines: [...body], printedAt, slack: pos.slack };
}

/** Index of the first column of a kind, or -1. */
export const colIndex = (g: { columns: readonly GridColumn[] }, kind: ColumnKind) => g.columns.findIndex((c) => c.kind === kind);

/** A row of the indicator table. */
export interface IndicatorRow {
  /** Centre and extent (positions). */
  c: number;
  top: number;
  bot: number;
  /** Fragments per column index. */
  cells: Map<number, Frag[]>;
  /** Level cells spread over this row (set by spreadLevels). */
  level1: string;
  level2: string;
}

const VALUE_START = /^(?:[≥≤<>=≧≦⩾⩽]|>=|<=|[-−]?\d|不低于|不少于|不小于|不高于|不超过|不多于|不大于|大于|小于|等于|达到|高于|低于)/;

/** True when a fragment of the target column begins a target (rather than continuing the one above). */
/** Words that complete a target printed before them ("95%" / "以上"). */
const DIRECTION_AFTER = /^(?:及?以上|及?以下|以内|之内|左右|内)$/;
/** A rate with its direction after it, complete as a target ("完善率95%以上"). */
const RATE_WITH_DIRECTION = /\d\s*[%％‰]\s*(?:及?以上|及?以下|以内)$/;
/** A target cell's text that ends in a list separator: the list goes on. */
const LIST_GOES_ON = /[;；]\s*$/;

function startsTarget(text: string): boolean {
  return VALUE_START.test(labelKey(text)) || readTarget(text) !== null;
}

/** Columns printed once per indicator row (the others are a project's or a level's merged cells). */
const PER_ROW: readonly ColumnKind[] = ['name', 'levels', 'comparator', 'value', 'unit', 'weight', 'core', 'content', 'scoring', 'note', 'activity'];

/**
 * The rows of a grid's indicator table. A row is a target: a word in the comparator column, or a
 * target beginning in the target column (a fragment that does not begin a target and touches the
 * one above continues it). Every other column's fragments join the row they are centred on; the
 * level columns are left for spreadLevels.
 */
export function indicatorRows(g: Grid, only?: (f: Frag) => boolean): IndicatorRow[] {
  const keep = only ?? (() => true);
  const cmp = colIndex(g, 'comparator');
  const val = colIndex(g, 'value');
  if (cmp < 0 && val < 0) return [];
  interface Key {
    frags: Frag[];
    top: number;
    bot: number;
  }
  const keys: Key[] = [];
  const keyCols = new Set<number>();
  // Where the page draws the rows' borders, the rules across the indicator's name (or target) column
  // bound each row: text in one ruled row is that row's, whatever it is centred on.
  const rowCol = [colIndex(g, 'name'), val, cmp].find((j) => j >= 0)!;
  const band = ruledColumn(g.lines, (g.columns[rowCol]!.x0 + g.columns[rowCol]!.x1) / 2, g.lines[0]);
  const sameBand = (a: Frag, b: Frag) => {
    const x = band?.(a.line) ?? null;
    const y = band?.(b.line) ?? null;
    return x === null || y === null || x === y;
  };
  if (cmp >= 0) {
    keyCols.add(cmp);
    for (const f of g.frags[cmp]!.filter(keep)) keys.push({ frags: [f], top: f.v, bot: f.v });
  }
  if (val >= 0) {
    const vals = g.frags[val]!.filter(keep);
    let prev: Frag | null = null;
    let prevKey: Key | null = null;
    // The name column's lines, and its numbered names, taken once for every target below.
    const nameCol = colIndex(g, 'name');
    const nameLines = new Set(nameCol >= 0 ? g.frags[nameCol]!.map((x) => x.line) : []);
    const numberedNames = nameCol >= 0 ? g.frags[nameCol]!.filter((x) => /^(?:指标)?\d{1,2}[:：.、．]/.test(labelKey(x.text))) : [];
    // The widest line the target column prints: its cells' width.
    const valueWidth = Math.max(0, ...vals.map((x) => x.x1 - x.x0));
    for (const f of vals) {
      if (cmp >= 0) {
        // Targets beside a comparator are cells of that row; a target with no comparator near is a row.
        const near = keys.find((k) => Math.abs(k.top - f.v) < 0.75 || (f.v >= k.top && f.v <= k.bot));
        if (!near && startsTarget(f.text) && !keys.some((k) => Math.abs(k.top - f.v) <= ADJACENT)) {
          const k = { frags: [f], top: f.v, bot: f.v };
          keys.push(k);
        }
        continue;
      }
      keyCols.add(val);
      // A wrapped target: the next fragment does not begin a target and touches it, or it sits a
      // line further down (another cell's line printed between) and completes a readable target, or
      // continues words that are no target yet ("上限" / "LPR+50BPs") on a line printing no name.
      const dv = prev ? f.v - prev.v : Infinity;
      const before = prevKey ? prevKey.frags.map((x) => x.text).join('') : '';
      const named = nameLines.has(f.line);
      // A numbered name ("指标 2：…", "3.") printed since the target above begins another row.
      const numbered = prev !== null && numberedNames.some((x) => x.v > prev!.v && x.v <= f.v);
      // A line printing its own name beside a target, under a target already complete ("10余次" /
      // "办公设备购置等 约6类"), is the next row: a wrapped target goes on beside the name's wrapped
      // part or beside no name, a direction word ("以上") only completes it, and a unit's wrapped end
      // ("≤37 微克/立方" / "均浓度 米") reads as one target with it.
      // So is a line printing its own name under a line printing its own, when the target line above
      // left room for this one: a cell's text wraps only where its next words do not fit, so lines
      // that would have fit on the line above are another row's ("支持全市国有企业运动发展" / "完成率100%").
      const roomy = prev !== null && named && nameLines.has(prev.line) && prev.x1 - prev.x0 + (f.x1 - f.x0) <= valueWidth;
      const nextRow =
        roomy || (named && (readTarget(before) !== null || RATE_WITH_DIRECTION.test(labelKey(before))) && !DIRECTION_AFTER.test(labelKey(f.text)) && readTarget(before + f.text) === null);
      const continues =
        prev !== null &&
        prevKey !== null &&
        !numbered &&
        !nextRow &&
        sameBand(prev, f) &&
        ((!startsTarget(f.text) && (dv <= ADJACENT || (dv <= ADJACENT + 1.2 && (readTarget(before + f.text) !== null || (readTarget(before) === null && !named))))) ||
          // A list of targets ("2人；1人/天；2人；" / "9547平方米；2人；6" / "部") wraps at any of its items: a
          // line ending in the list's separator goes on with the next line of the column, which begins the
          // next item (touching it, or a line further down with another cell's line printed between).
          (LIST_GOES_ON.test(before) && dv <= ADJACENT + 1.2));
      if (continues) {
        prevKey!.frags.push(f);
        prevKey!.bot = f.v;
      } else {
        prevKey = { frags: [f], top: f.v, bot: f.v };
        keys.push(prevKey);
      }
      prev = f;
    }
  }
  if (band) {
    // A ruled row printing a target but no comparator (a 定性 row whose 性质 cell is blank) is a row
    // of its own. (A name alone is not: a cell's text may run over its border into a row of its own.)
    const keyed = new Set(keys.flatMap((k) => k.frags));
    const taken = new Set(keys.flatMap((k) => k.frags.map((f) => band(f.line))));
    const made = new Map<string, Key>();
    if (val >= 0) {
      for (const f of g.frags[val]!) {
        const b = band(f.line);
        if (!keep(f) || keyed.has(f) || b === null || taken.has(b)) continue;
        const k = made.get(b);
        if (k) {
          k.frags.push(f);
          k.top = Math.min(k.top, f.v);
          k.bot = Math.max(k.bot, f.v);
        } else {
          const n = { frags: [f], top: f.v, bot: f.v };
          made.set(b, n);
          keys.push(n);
        }
      }
    }
  }
  keys.sort((a, b) => a.top - b.top);
  // Each fragment's column (the first that holds it), taken once: a search of every column per fragment was quadratic in the grid.
  const columnOf = new Map<Frag, number>();
  g.frags.forEach((fs, j) => {
    for (const f of fs) if (!columnOf.has(f)) columnOf.set(f, j);
  });
  const rows: IndicatorRow[] = keys.map((k) => {
    const cells = new Map<number, Frag[]>();
    for (const f of k.frags) {
      const j = columnOf.get(f) ?? -1;
      const held = cells.get(j);
      if (held) held.push(f);
      else cells.set(j, [f]);
    }
    return { c: (k.top + k.bot) / 2, top: k.top, bot: k.bot, cells, level1: '', level2: '' };
  });
  if (rows.length === 0) return rows;
  // Text printed on a row's target line, or between the lines of a wrapped target, is that row's.
  const keyLines = new Map<SourceLine, IndicatorRow>();
  rows.forEach((r) => {
    for (const fs of r.cells.values()) for (const f of fs) keyLines.set(f.line, r);
  });
  // The row of each ruled row (null where two rows share one: the rules do not decide there).
  const bandRow = new Map<string, IndicatorRow | null>();
  if (band) {
    for (const r of rows) {
      for (const fs of r.cells.values()) {
        for (const f of fs) {
          const b = band(f.line);
          if (b === null) continue;
          bandRow.set(b, bandRow.has(b) && bandRow.get(b) !== r ? null : r);
        }
      }
    }
  }
  const within = (f: Frag) => {
    const b = band?.(f.line) ?? null;
    const ruled = b !== null ? bandRow.get(b) : undefined;
    if (ruled) return ruled;
    return keyLines.get(f.line) ?? rows.find((r) => r.bot > r.top && f.v > r.top && f.v < r.bot) ?? null;
  };
  const fixed = new Map<Frag, IndicatorRow>();
  // The fragments of column j that some row already holds.
  const placedIn = (j: number): Set<Frag> => {
    const placed = new Set<Frag>();
    for (const r of rows) for (const f of r.cells.get(j) ?? []) placed.add(f);
    return placed;
  };
  g.columns.forEach((col, j) => {
    if (!PER_ROW.includes(col.kind)) return;
    const placed = placedIn(j);
    for (const f of g.frags[j]!) {
      if (!keep(f) || placed.has(f)) continue;
      const r = within(f);
      if (!r) continue;
      fixed.set(f, r);
      r.cells.set(j, [...(r.cells.get(j) ?? []), f]);
      placed.add(f);
    }
  });
  for (const r of rows) {
    for (const fs of r.cells.values()) {
      for (const f of fs) {
        r.top = Math.min(r.top, f.v);
        r.bot = Math.max(r.bot, f.v);
      }
    }
  }
  const anchors: Anchor[] = rows.map((r) => ({ c: r.c, top: r.top, bot: r.bot, mayBeEmpty: true }));
  const barriers = blankGaps(
    g.frags
      .filter((_, j) => PER_ROW.includes(g.columns[j]!.kind))
      .flat()
      .filter(keep)
      .map((f) => f.v),
  );
  g.columns.forEach((col, j) => {
    if (!PER_ROW.includes(col.kind)) return;
    // In a target-keyed grid, the target column's continuation fragments are already in their rows.
    const placed = placedIn(j);
    const fs = g.frags[j]!.filter((f) => keep(f) && !fixed.has(f) && !placed.has(f));
    if (fs.length === 0) return;
    const owner = splitCentered(
      fs.map((f) => ({ top: f.v, bot: f.v })),
      anchors,
      { barriers, slack: g.slack },
    );
    fs.forEach((f, i) => {
      const r = rows[owner[i]!];
      if (!r) return;
      r.cells.set(
        j,
        [...(r.cells.get(j) ?? []), f].sort((a, b) => a.v - b.v || a.x0 - b.x0),
      );
    });
  });
  // A name's piece that closes a bracket it does not open ("地面站)") ends the name above that left
  // one open ("综合观测系统装备维修时限(国家"), not the name below.
  const nameJ = colIndex(g, 'name');
  if (nameJ >= 0) {
    const balance = (t: string) => (t.match(/[(（]/g) ?? []).length - (t.match(/[)）]/g) ?? []).length;
    const closesFirst = (t: string) => {
      let depth = 0;
      for (const ch of t) {
        if (ch === '(' || ch === '（') depth++;
        else if (ch === ')' || ch === '）') if (--depth < 0) return true;
      }
      return false;
    };
    for (let i = 1; i < rows.length; i++) {
      const above = rows[i - 1]!.cells.get(nameJ) ?? [];
      const here = rows[i]!.cells.get(nameJ) ?? [];
      const head = here[0];
      if (!head || here.length < 2 || above.length === 0 || !closesFirst(head.text) || balance(above.map((f) => f.text).join('')) <= 0) continue;
      if (head.line === [...rows[i]!.cells.entries()].find(([j]) => j !== nameJ)?.[1][0]?.line) continue;
      rows[i - 1]!.cells.set(nameJ, [...above, head]);
      rows[i]!.cells.set(nameJ, here.slice(1));
    }
  }
  for (const r of rows) {
    for (const fs of r.cells.values()) {
      for (const f of fs) {
        r.top = Math.min(r.top, f.v);
        r.bot = Math.max(r.bot, f.v);
      }
    }
  }
  void keyCols;
  return rows;
}

/** A merged level cell: its words joined and where it is printed. */
interface LevelLabel {
  text: string;
  top: number;
  bot: number;
}

/**
 * Joins a level column's fragments into labels: fragments that touch join while they spell a
 * level name ("经济成本指" / "标"), or while neither is a complete name; a complete name ends a label.
 */
export function levelLabels(frags: readonly Frag[]): LevelLabel[] {
  const out: LevelLabel[] = [];
  let cur: LevelLabel | null = null;
  let last: Frag | null = null;
  for (const f of [...frags].sort((a, b) => a.v - b.v)) {
    const text = labelKey(f.text);
    if (text === '') continue;
    if (cur && last && f.v - last.v <= ADJACENT + 1.2) {
      const joined = cur.text + text;
      const spells = isLevelTerm(joined) || startsLevelTerm(joined);
      if (!spells && f.v - last.v > ADJACENT) {
        cur = { text, top: f.v, bot: f.v };
        out.push(cur);
        last = f;
        continue;
      }
      const unknownWrap = !isLevelTerm(cur.text) && !isLevelTerm(text) && !startsLevelTerm(text) && !LEVEL1_WORDS.some((w) => text.startsWith(w));
      if (spells || unknownWrap) {
        cur.text = joined;
        cur.bot = f.v;
        last = f;
        continue;
      }
    }
    cur = { text, top: f.v, bot: f.v };
    out.push(cur);
    last = f;
  }
  return out;
}

/**
 * Spreads the level columns' merged cells over the rows (of one form) they are centred on. Labels
 * are given the contiguous runs of rows whose extent centres best on them; every label owns at
 * least one row where rows allow.
 */
export function spreadLevels(g: Grid, printed: IndicatorRow[], within: (f: Frag) => boolean): void {
  if (printed.length === 0) return;
  // A level label standing alone in the space between two rows heads rows the form left blank
  // (社会成本指标 with nothing under it): those rows take up that space, so it gets a blank row.
  const blanks: IndicatorRow[] = [];
  for (const kind of ['level2', 'level1'] as const) {
    const j = colIndex(g, kind);
    if (j < 0) continue;
    for (const l of levelLabels(g.frags[j]!.filter(within))) {
      const all = [...printed, ...blanks].sort((a, b) => a.c - b.c);
      const inside = all.some((r) => l.bot >= r.top - 1 && l.top <= r.bot + 1);
      const before = all.filter((r) => r.bot < l.top);
      const after = all.filter((r) => r.top > l.bot);
      if (inside || before.length === 0 || after.length === 0) continue;
      blanks.push({ c: (l.top + l.bot) / 2, top: l.top, bot: l.bot, cells: new Map(), level1: '', level2: '' });
    }
  }
  const rows = [...printed, ...blanks].sort((a, b) => a.c - b.c);
  for (const kind of ['level1', 'level2'] as const) {
    const j = colIndex(g, kind);
    if (j < 0 || rows.length === 0) continue;
    const labels = levelLabels(g.frags[j]!.filter(within));
    if (labels.length === 0) continue;
    let use = labels;
    if (labels.length > rows.length) {
      // More labels than rows: the rows cannot each hold one; give each row the label nearest it.
      use = rows.map((r) => labels.reduce((b, l) => (Math.abs((l.top + l.bot) / 2 - r.c) < Math.abs((b.top + b.bot) / 2 - r.c) ? l : b)));
      rows.forEach((r, i) => (r[kind] = use[i]!.text));
      continue;
    }
    // A label may span rows that print nothing (a level the form leaves blank): it may own none.
    // A label printed on a row's own lines surely spans that row: owning none costs more.
    const anchors: Anchor[] = labels.map((l) => ({ c: (l.top + l.bot) / 2, mayBeEmpty: true, emptyCost: printed.some((r) => l.bot >= r.top && l.top <= r.bot) ? 10 : 1 }));
    const owner = splitCentered(rowBands(rows), anchors, { slack: g.slack });
    rows.forEach((r, i) => (r[kind] = labels[owner[i]!]?.text ?? ''));
  }
}

/**
 * The bands rows occupy: each row's text extent widened to halfway to its neighbours' (a merged
 * cell spans whole rows, padding included, so its centre is the centre of their bands).
 */
export function rowBands(rows: ReadonlyArray<{ top: number; bot: number }>): Array<{ top: number; bot: number }> {
  return rows.map((r, i) => ({
    top: i > 0 ? Math.min(r.top, (rows[i - 1]!.bot + r.top) / 2) : r.top,
    bot: i + 1 < rows.length ? Math.max(r.bot, (r.bot + rows[i + 1]!.top) / 2) : r.bot,
  }));
}

/** Text of a row's cells in a column kind, joined as printed (top to bottom). */
export function cellText(g: Grid, r: IndicatorRow, kind: ColumnKind): string {
  const j = colIndex(g, kind);
  if (j < 0) return '';
  return joinText((r.cells.get(j) ?? []).map((f) => f.text));
}

/** The first and last source lines a row's cells were printed on. */
export function rowLines(r: IndicatorRow): { first: SourceLine; last: SourceLine } | null {
  const ls = [...r.cells.values()].flat().map((f) => f.line);
  if (ls.length === 0) return null;
  const sorted = [...ls].sort((a, b) => a.no - b.no);
  return { first: sorted[0]!, last: sorted[sorted.length - 1]! };
}

/** Provenance of a row: its first line (and last when it spans several), with the printed target as raw. */
export function rowSrc(r: IndicatorRow, raw: string): Src {
  const ls = rowLines(r)!;
  const s: Src = { line: ls.first.no, page: ls.first.page, raw };
  if (ls.last.no !== ls.first.no) s.endLine = ls.last.no;
  return s;
}

/**
 * An indicator from a row: level names (level 1 from its column, else from the level 2 it names),
 * the name, and the target read from the comparator, target and unit columns as printed. A target
 * that cannot be read keeps its text in `raw` with no comparator or value.
 */
export function indicatorOf(g: Grid, r: IndicatorRow): Indicator | null {
  let level1 = labelKey(r.level1);
  let level2 = labelKey(r.level2);
  let name = cellText(g, r, 'name');
  const combined = cellText(g, r, 'levels');
  if (combined !== '') {
    const s = splitLevels(combined);
    if (s) {
      level1 ||= s.level1;
      level2 ||= s.level2;
      name = name || s.name;
    } else name = name || labelKey(combined);
  }
  // A known level 2 names its level 1 (数量指标 is 产出); the level-1 column decides otherwise.
  const derived = level2 ? level1OfLevel2(level2) : null;
  if (derived) level1 = derived;
  let cmp = labelKey(cellText(g, r, 'comparator'));
  let value = cellText(g, r, 'value');
  const unit = cellText(g, r, 'unit');
  if (name === '' && value === '' && cmp === '') return null;
  const raw = [cmp, value, unit].filter((s) => s !== '').join(' ');
  // A comparator cell printed together with the target ("定性优", "≥90"): the word, then the target.
  const head = /^(定性|定量|[≥≤><=≧≦⩾⩽]|>=|<=)(.+)$/.exec(cmp);
  if (head) {
    cmp = head[1]!;
    value = joinText([head[2]!, value]);
  }
  let comparator: Indicator['comparator'] = null;
  let val: string | null = null;
  let u: string | null = null;
  let qualitative = false;
  let notApplicable = false;
  if (cmp === '定性') {
    const t = readTarget(value);
    qualitative = !t?.notApplicable;
    notApplicable = t?.notApplicable ?? false;
  } else {
    const base = cmp === '定量' ? '' : cmp;
    // Two figures in the target's cell ("≥18 4") are not one number: read neither.
    const split = /\d\s+[\d.]/.test(value);
    // The target with its own column's unit; a unit printed in the target's column, or a target
    // pushed into the unit's column, read together.
    const own = split ? null : readTarget(base + value);
    const joined = own || split ? null : readTarget(base + value + unit);
    const reading = own ?? joined;
    if (reading) {
      comparator = reading.comparator;
      val = reading.value;
      u = own && unit !== '' && reading.value !== null && !/\d/.test(unit) ? labelKey(unit) : reading.unit;
      qualitative = reading.qualitative;
      notApplicable = reading.notApplicable;
    } else if (!split && value !== '' && !/\d/.test(value) && cmp === '') {
      // A target printed without any figure ("效果显著", "较上年提高") is qualitative by what it says.
      qualitative = true;
    }
  }
  // A figure with no unit after it, in a form that prints the unit after the name ("完成审计项目(个)",
  // "信访事项及时受理率(%)"): that unit.
  const printed = tidy(name);
  if (val !== null && u === null && comparator !== null) {
    const m = /[(（]([^()（）\d]{1,6})[)）]$/.exec(printed);
    if (m && !/[年月日]前?$/.test(val)) u = m[1]!;
  }
  return { level1, level2, name: printed, raw, comparator, value: val, unit: u, qualitative, notApplicable, src: rowSrc(r, raw === '' ? name : raw) };
}

/** Column kinds of a grid that make it an indicator table. */
export function hasIndicatorColumns(columns: readonly GridColumn[]): boolean {
  return columns.some((c) => c.kind === 'value' || c.kind === 'comparator') && columns.some((c) => c.kind === 'name' || c.kind === 'levels' || c.kind === 'level2');
}

/** True for a header word of the grid repeated on a later page (a repeated header band line). */
export function isRepeatedHeader(line: SourceLine): boolean {
  const toks = tokensOf(line);
  const named = toks.filter((t) => headerKind(t.text) !== null).length;
  return named >= 2 && toks.every((t) => t.kind === 'text') && named >= toks.length / 2;
}
