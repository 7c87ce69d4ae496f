/**
 * Column layout of `pdftotext -layout` text: tokens with their character offsets, header anchors, and
 * an order-preserving assignment of amount tokens to columns by position. Offsets are comparable
 * within one page (pdftotext lays each page out on its own grid), so anchors are per page.
 */
import { isAmountText } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';

/** A white-space separated token of a line and its character span on the page grid. */
export interface Tok {
  text: string;
  x: number;
  end: number;
  line: SourceLine;
}

/** Tokens of a line with page-grid offsets (the line's indentation counted back in). */
export function tokensOf(line: SourceLine): Tok[] {
  return [...line.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], x: line.indent + m.index, end: line.indent + m.index + m[0].length, line }));
}

/** Center of a token's span. */
export const centerOf = (t: { x: number; end: number }): number => (t.x + t.end) / 2;

/** True for a token printed as an amount ("156,211,123", "2,940.05", "0"). */
export const isAmountTok = (t: Tok): boolean => isAmountText(t.text);

/**
 * Label runs: adjacent non-amount tokens at most `gap` characters apart joined into one token
 * (names spaced out by the PDF, "因 公 出 国 （ 境 ） 费", or "1. 一般公共预算资金").
 */
export function labelRuns(toks: Tok[], gap = 2): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    const prev = out[out.length - 1];
    if (prev && !isAmountTok(t) && !isAmountTok(prev) && t.x - prev.end <= gap) {
      out[out.length - 1] = { text: prev.text + t.text, x: prev.x, end: t.end, line: prev.line };
    } else out.push({ ...t });
  }
  return out;
}

/** Center of the first match of `re` on one of `lines`, on the page grid, or null. */
export function anchorOf(lines: SourceLine[], re: RegExp, nth = 0): number | null {
  let seen = 0;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (const l of lines) {
    for (const m of l.text.matchAll(g)) {
      if (seen++ === nth) return l.indent + m.index + m[0].length / 2;
    }
  }
  return null;
}

/**
 * Assigns tokens (sorted by position) to columns at `anchors`, preserving order and minimising the
 * total distance between token centers and anchors. Returns, per column, the token or null; null
 * overall when there are more tokens than columns.
 */
export function assignToColumns(toks: Tok[], anchors: number[]): Array<Tok | null> | null {
  const n = toks.length;
  const m = anchors.length;
  if (n > m) return null;
  const sorted = [...toks].sort((a, b) => a.x - b.x);
  // cost[i][j]: best cost placing the first i tokens in the first j columns.
  const INF = Number.POSITIVE_INFINITY;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const take: boolean[][] = Array.from({ length: n + 1 }, () => new Array<boolean>(m + 1).fill(false));
  for (let j = 0; j <= m; j++) cost[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      const skip = cost[i]![j - 1]!;
      const use = cost[i - 1]![j - 1]! + Math.abs(centerOf(sorted[i - 1]!) - anchors[j - 1]!);
      if (use <= skip) {
        cost[i]![j] = use;
        take[i]![j] = true;
      } else cost[i]![j] = skip;
    }
  }
  const out: Array<Tok | null> = new Array<Tok | null>(m).fill(null);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (take[i]![j]) {
      out[j - 1] = sorted[i - 1]!;
      i--;
    }
    j--;
  }
  return out;
}

/** Median of numbers (for anchors calibrated from fully printed rows). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

export { blocksOf } from '../_lib/paragraphs.js';
