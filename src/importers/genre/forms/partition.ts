/**
 * Splitting a column's fragments (or a grid's rows) among the cells they belong to when cells are
 * vertically centred: a merged cell's text (a project's name, a level label, a field's label) is
 * printed in the middle of the rows it spans, so each anchor owns the contiguous run of items whose
 * extent is centred on it. Items between two anchors go to one or the other, split where the sum of
 * squared centring errors is least.
 */

import { maxOf, minOf } from '../../../domain/arrays.js';

/** Something with a vertical extent (a line: top = bot; a row: its first and last line). */
export interface Extent {
  top: number;
  bot: number;
}

/** An anchor: the centre of a cell, and the extent its own text already covers (if any). */
export interface Anchor {
  c: number;
  top?: number;
  bot?: number;
  /** True when the anchor may own no items (a field label whose value is printed inline). */
  mayBeEmpty?: boolean;
  /** What owning no items costs when it may (default 0). */
  emptyCost?: number;
  /** What each item owned costs (an anchor that rarely owns text: a field holding a figure). */
  perItem?: number;
}

const mid = (e: Extent) => (e.top + e.bot) / 2;

export interface SplitOptions {
  /** Positions of blank space no cell crosses. */
  barriers?: readonly number[];
  /**
   * How far off centre a cell may be printed without cost: about half a line where positions are
   * text rows (pdftotext rounds each baseline to a row), little where they are measured (PDF).
   */
  slack?: number;
  /**
   * Positions of page breaks, and what a split there is worth: a generator that paginates a grid
   * of merged cells tends to start a page with a new cell, so a split at a break is preferred unless
   * the centring clearly says the cell runs on.
   */
  breaks?: readonly number[];
  breakBonus?: number;
  /**
   * The widest gap allowed between two pieces of one cell: a wrapped cell's lines follow each other,
   * so a group with a wider hole in it is two cells' text (each such hole costs as a far miss).
   */
  compact?: number;
  /** Per item, the anchor it surely belongs to (-1: none): giving it another costs as a far miss. */
  fixed?: readonly number[];
  /**
   * Report (in the `doubts` argument) the items between anchors g and g+1 that a split costing at
   * most this much more than the best would give to the other anchor.
   */
  doubt?: number;
}

/**
 * What an anchor owns so far while a split is costed: the extent, the count, the items fixed elsewhere,
 * and (where holes are counted) the extents owned, `m` of them in the scratch arrays below. One per
 * split, reset for each cost: a cost runs for every split point of every gap, and allocated nothing.
 */
interface Owned {
  top: number;
  bot: number;
  n: number;
  misplaced: number;
  spans: boolean;
  m: number;
}

/** The extents an anchor owns while its holes are counted (tops and bottoms, grown as needed). */
let spanTops = new Float64Array(256);
let spanBots = new Float64Array(256);

function addSpan(o: Owned, top: number, bot: number): void {
  if (o.m === spanTops.length) {
    const t = new Float64Array(2 * o.m);
    t.set(spanTops);
    spanTops = t;
    const b = new Float64Array(2 * o.m);
    b.set(spanBots);
    spanBots = b;
  }
  spanTops[o.m] = top;
  spanBots[o.m] = bot;
  o.m++;
}

/**
 * How many holes wider than `compact` the `m` owned extents leave: sorted by top (stably, in place: the
 * order Array.prototype.sort gives), each top further than `compact` below the lowest bottom reached.
 */
function holesIn(m: number, compact: number): number {
  for (let i = 1; i < m; i++) {
    const t = spanTops[i]!;
    const b = spanBots[i]!;
    let j = i - 1;
    while (j >= 0 && spanTops[j]! > t) {
      spanTops[j + 1] = spanTops[j]!;
      spanBots[j + 1] = spanBots[j]!;
      j--;
    }
    spanTops[j + 1] = t;
    spanBots[j + 1] = b;
  }
  let holes = 0;
  let reach = spanBots[0]!;
  for (let i = 1; i < m; i++) {
    if (spanTops[i]! - reach > compact) holes++;
    reach = Math.max(reach, spanBots[i]!);
  }
  return holes;
}

/** How many of the sorted values lie below `x` (`orEqual`: at or below it). */
function countBelow(sorted: Float64Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    const v = sorted[m]!;
    if (v < x || (orEqual && v === x)) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** How many of the sorted values lie strictly between `lo` and `hi` (none when hi ≤ lo). */
function barriersWithin(sorted: Float64Array, lo: number, hi: number): number {
  if (!(hi > lo) || sorted.length === 0) return 0;
  return countBelow(sorted, hi, false) - countBelow(sorted, lo, true);
}

/** Adds items `list[start..end)` to what anchor `j` owns. */
function take(o: Owned, items: readonly Extent[], fixed: readonly number[] | undefined, j: number, list: readonly number[], start: number, end: number): void {
  for (let x = start; x < end; x++) {
    const i = list[x]!;
    const it = items[i]!;
    const f = fixed?.[i] ?? -1;
    if (f >= 0 && f !== j) o.misplaced++;
    if (it.top < o.top) o.top = it.top;
    if (it.bot > o.bot) o.bot = it.bot;
    if (o.spans) addSpan(o, it.top, it.bot);
    o.n++;
  }
}

/**
 * Assigns each item (sorted by position) to an anchor (sorted by centre): returns the anchor's index
 * per item, or -1 for every item when there are no anchors. Items above the first anchor go to it,
 * items below the last go to it, and the items between two neighbouring anchors are split at the
 * point that centres both groups best.
 */
export function splitCentered(items: readonly Extent[], anchors: readonly Anchor[], opts: SplitOptions = {}, doubts?: Array<{ gap: number; items: number[] }>): number[] {
  // Sorted once: a cost counts the barriers inside an extent by two binary searches.
  const barriers = Float64Array.from(opts.barriers ?? []).sort();
  const slack = opts.slack ?? 0.75;
  const compact = opts.compact;
  const k = anchors.length;
  if (k === 0) return items.map(() => -1);
  if (k === 1) return items.map(() => 0);
  // Gap g (0..k-2) holds the items between anchors g and g+1; the head and tail hold the others.
  const head: number[] = [];
  const tail: number[] = [];
  const gaps: number[][] = Array.from({ length: k - 1 }, () => []);
  items.forEach((it, i) => {
    const p = mid(it);
    if (p < anchors[0]!.c) head.push(i);
    else if (p >= anchors[k - 1]!.c) tail.push(i);
    else {
      let g = 0;
      while (g < k - 2 && p >= anchors[g + 1]!.c) g++;
      gaps[g]!.push(i);
    }
  });
  const o: Owned = { top: Infinity, bot: -Infinity, n: 0, misplaced: 0, spans: compact !== undefined, m: 0 };
  // Cost of anchor j owning: head (j = 0), the tail part of gap j-1 from t, the head part of gap j up to u, tail (j = k-1).
  const cost = (j: number, from: number, upto: number): number => {
    const a = anchors[j]!;
    // The extents are only needed to count holes (compact); the items owned are taken from the gaps
    // in place (this runs for every split point of every gap: no copies, no closure, no array per call).
    o.top = a.top ?? Infinity;
    o.bot = a.bot ?? -Infinity;
    o.n = 0;
    o.misplaced = 0;
    o.m = 0;
    if (o.spans && a.top !== undefined && a.bot !== undefined) addSpan(o, a.top, a.bot);
    if (j === 0) take(o, items, opts.fixed, j, head, 0, head.length);
    if (j > 0) {
      const g = gaps[j - 1]!;
      take(o, items, opts.fixed, j, g, from, g.length);
    }
    if (j < k - 1) {
      const g = gaps[j]!;
      take(o, items, opts.fixed, j, g, 0, Math.min(upto, g.length));
    }
    if (j === k - 1) take(o, items, opts.fixed, j, tail, 0, tail.length);
    const { top, bot, n, misplaced } = o;
    if (n === 0) return a.mayBeEmpty ? (a.emptyCost ?? 0) : 1e9;
    // Printed positions are rounded to text rows: a centre within three quarters of a line is exact.
    const e = Math.abs((top + bot) / 2 - a.c);
    const d = Math.max(0, e - slack);
    // A cell never spans a blank line: the lines of a wrapped cell follow each other.
    let crossed = barriersWithin(barriers, top, bot);
    if (a.top !== undefined && a.bot !== undefined) crossed -= barriersWithin(barriers, Math.max(top, a.top), Math.min(bot, a.bot));
    const holes = compact !== undefined && o.m > 1 ? holesIn(o.m, compact) : 0;
    return d * d + 0.01 * e * e + 10 * crossed + 10 * holes + 100 * misplaced + (a.perItem ?? 0) * n;
  };
  // A split whose boundary falls on a page break earns the bonus.
  const breaks = opts.breaks ?? [];
  const bonusAt = (g: number, t: number): number => {
    if (breaks.length === 0) return 0;
    const gi = gaps[g]!;
    const after = gi[t] ?? (g + 1 < k - 1 && gaps[g + 1]!.length > 0 ? gaps[g + 1]![0] : tail[0]);
    const before = t > 0 ? gi[t - 1] : g > 0 && gaps[g - 1]!.length > 0 ? gaps[g - 1]![gaps[g - 1]!.length - 1] : head[head.length - 1];
    if (after === undefined || before === undefined) return 0;
    const lo = items[before]!.bot;
    const hi = items[after]!.top;
    return breaks.some((b) => b >= lo - 0.25 && b <= hi + 0.25) ? (opts.breakBonus ?? 0) : 0;
  };
  // dp over the split point t of each gap (items [0, t) of gap g go to anchor g, the rest to g+1):
  // forward (anchors up to g) and backward (anchors after g), so that the cost of the best split
  // through any point is known (how sure the split is).
  // The middle anchors' costs are met twice, forward and backward (cost(g, s, t) for every split s of
  // gap g-1 and t of gap g): each is computed once, where the table stays small.
  const memo: Array<Float64Array | null> = anchors.map((_, j) => {
    if (j === 0 || j === k - 1) return null;
    const size = (gaps[j - 1]!.length + 1) * (gaps[j]!.length + 1);
    return size <= 1_000_000 ? new Float64Array(size).fill(NaN) : null;
  });
  const costOf = (j: number, from: number, upto: number): number => {
    const m = memo[j];
    if (!m) return cost(j, from, upto);
    const at = from * (gaps[j]!.length + 1) + upto;
    let v = m[at]!;
    if (Number.isNaN(v)) {
      v = cost(j, from, upto);
      m[at] = v;
    }
    return v;
  };
  const fwd: number[][] = [];
  const choice: number[][] = [];
  fwd.push(Array.from({ length: gaps[0]!.length + 1 }, (_, t) => cost(0, 0, t) - bonusAt(0, t)));
  for (let g = 1; g < k - 1; g++) {
    const prev = fwd[g - 1]!;
    const cur: number[] = [];
    const ch: number[] = [];
    for (let t = 0; t <= gaps[g]!.length; t++) {
      let best = Infinity;
      let bi = 0;
      const bonus = bonusAt(g, t);
      for (let s = 0; s < prev.length; s++) {
        const v = prev[s]! + costOf(g, s, t) - bonus;
        if (v < best) {
          best = v;
          bi = s;
        }
      }
      cur.push(best);
      ch.push(bi);
    }
    fwd.push(cur);
    choice.push(ch);
  }
  const bwd: number[][] = new Array<number[]>(k - 1);
  bwd[k - 2] = Array.from({ length: gaps[k - 2]!.length + 1 }, (_, t) => cost(k - 1, t, 0));
  for (let g = k - 3; g >= 0; g--) {
    const next = bwd[g + 1]!;
    const bonus = next.map((_, u) => bonusAt(g + 1, u));
    bwd[g] = Array.from({ length: gaps[g]!.length + 1 }, (_, t) => {
      let best = Infinity;
      for (let u = 0; u < next.length; u++) best = Math.min(best, costOf(g + 1, t, u) - bonus[u]! + next[u]!);
      return best;
    });
  }
  const last = fwd[k - 2]!;
  let best = Infinity;
  let bt = 0;
  for (let s = 0; s < last.length; s++) {
    const v = last[s]! + bwd[k - 2]![s]!;
    if (v < best) {
      best = v;
      bt = s;
    }
  }
  // Walk back the split points.
  const splits: number[] = new Array<number>(k - 1).fill(0);
  splits[k - 2] = bt;
  for (let g = k - 2; g >= 1; g--) splits[g - 1] = choice[g - 1]![splits[g]!]!;
  const out: number[] = new Array<number>(items.length).fill(-1);
  for (const i of head) out[i] = 0;
  for (const i of tail) out[i] = k - 1;
  gaps.forEach((gi, g) => gi.forEach((i, n) => (out[i] = n < splits[g]! ? g : g + 1)));
  // Splits almost as good as the best: the items between them could belong to either anchor.
  const tol = opts.doubt ?? 0;
  if (tol > 0 && doubts) {
    for (let g = 0; g < k - 1; g++) {
      const near = fwd[g]!.map((f, t) => (f + bwd[g]![t]! <= best + tol ? t : -1)).filter((t) => t >= 0);
      const lo = minOf(near);
      const hi = maxOf(near);
      if (hi > lo) doubts.push({ gap: g, items: gaps[g]!.slice(lo, hi) });
    }
  }
  return out;
}

/** Positions of blank space between lines (a gap of two units or more): boundaries no cell crosses. */
export function blankGaps(positions: readonly number[]): number[] {
  const ps = [...positions].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i < ps.length; i++) if (ps[i]! - ps[i - 1]! >= 2) out.push((ps[i]! + ps[i - 1]!) / 2);
  return out;
}

/** The squared centring error of each anchor under an assignment (for judging how sure a split is). */
export function centringErrors(items: readonly Extent[], anchors: readonly Anchor[], owner: readonly number[]): number[] {
  return anchors.map((a, j) => {
    let top = a.top ?? Infinity;
    let bot = a.bot ?? -Infinity;
    owner.forEach((o, i) => {
      if (o !== j) return;
      top = Math.min(top, items[i]!.top);
      bot = Math.max(bot, items[i]!.bot);
    });
    if (!Number.isFinite(top)) return 0;
    return Math.abs((top + bot) / 2 - a.c);
  });
}
