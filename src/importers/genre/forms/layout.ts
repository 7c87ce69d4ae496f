/**
 * The geometry a form is read from: one vertical coordinate running through all pages of a block
 * (a merged cell printed across a page break is centred over its whole span), the column bands of
 * a header, and the fragments of text each line prints in each column.
 */
import type { SourceLine } from '../../text/source.js';
import { tokensOf, type Tok } from '../tokens.js';
import { headerKind, inHeader, isHeaderNoise, startsHeader, startsHeaderNoise, labelKey, type ColumnKind } from './vocabulary.js';
import { maxOf, minOf } from '../../../domain/arrays.js';

/**
 * Vertical positions of lines in line units (one text line, or one line pitch of a PDF page),
 * continuous over page breaks: the first line of a page sits one row gap below the last line of
 * the page before.
 */
export function verticalPositions(lines: readonly SourceLine[]): Positions {
  const measured = lines.some((l) => l.y !== undefined);
  const out = new Positions(measured ? 0.05 : 0.75);
  const sizes = lines
    .map((l) => l.size)
    .filter((s): s is number => typeof s === 'number' && s > 0)
    .sort((a, b) => a - b);
  const pitch = sizes.length > 0 ? Math.max(0.5, sizes[Math.floor(sizes.length / 2)]! * 1.25) : 1;
  // Per page: positions from the baseline (PDF) or the line number (text); pages stacked one and a
  // half units apart. PDF lines are not always in baseline order (a line grouped by its first item).
  const pages: SourceLine[][] = [];
  for (const l of lines) {
    const last = pages[pages.length - 1];
    if (last && last[0]!.page === l.page) last.push(l);
    else pages.push([l]);
  }
  const raws = pages.map((ls) => ls.map((l) => (l.y !== undefined ? l.y / pitch : l.no)));
  // A page break joins the last row of a page to the first of the next as a row gap would: the
  // typical gap between lines that are not the wrapped lines of one cell.
  const gaps: number[] = [];
  for (const raw of raws) {
    const s = [...raw].sort((a, b) => a - b);
    for (let i = 1; i < s.length; i++) if (s[i]! - s[i - 1]! > 1.2) gaps.push(s[i]! - s[i - 1]!);
  }
  gaps.sort((a, b) => a - b);
  const pageGap = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 1.5;
  let base = 0;
  pages.forEach((ls, p) => {
    const raw = raws[p]!;
    const lo = minOf(raw);
    let hi = base;
    ls.forEach((l, i) => {
      const v = base + raw[i]! - lo;
      out.set(l, v);
      hi = Math.max(hi, v);
    });
    base = hi + pageGap;
  });
  return out;
}

/** Vertical positions of a block's lines, and how precise they are (see SplitOptions.slack). */
export class Positions extends Map<SourceLine, number> {
  constructor(readonly slack: number) {
    super();
  }
}

/** Lines whose positions are at most this far apart are adjacent (a wrapped cell's next line). */
export const ADJACENT = 1.5;

/** A column of a grid: what it holds, its header, and the horizontal band its text falls in. */
export interface GridColumn {
  kind: ColumnKind;
  header: string;
  /** Extent of the header text. */
  x0: number;
  x1: number;
  /** The band assigned to the column (bounded by the white space between columns). */
  lo: number;
  hi: number;
}

/** Text of one line in one column. */
export interface Frag {
  text: string;
  x0: number;
  x1: number;
  v: number;
  line: SourceLine;
  toks: Tok[];
}

const isCjk = (c: string) => /[\u3000-\u9fff\uff00-\uffef]/u.test(c);

/** Joins text pieces as printed: no space between ideographs, one between Latin words and figures. */
export function joinText(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    const s = p.trim();
    if (s === '') continue;
    if (out !== '' && !isCjk(out[out.length - 1]!) && !isCjk(s[0]!) && /[\w%.)]$/.test(out) && /^[\w(]/.test(s)) out += ' ';
    out += s;
  }
  return out;
}

/**
 * The header words a text glues together, longest first at each point through to the end, or null
 * when it is not two or more of them (remembered by text: every line of a band is tried, page after page).
 */
const gluedParts: (text: string) => readonly string[] | null = (() => {
  const seen = new Map<string, readonly string[] | null>();
  const partsOnce = (text: string): readonly string[] | null => {
    const k = labelKey(text);
    if (k.length < 6 || headerKind(k) !== null || k.length !== text.replace(/\s+/g, '').length) return null;
    const parts: string[] = [];
    let at = 0;
    while (at < k.length) {
      let n = k.length - at;
      while (n > 1 && headerKind(k.slice(at, at + n)) === null) n--;
      if (n <= 1) return null;
      parts.push(k.slice(at, at + n));
      at += n;
    }
    return parts.length < 2 ? null : parts;
  };
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = partsOnce(text);
      if (seen.size >= 100_000) seen.clear();
      seen.set(text, out);
    }
    return out;
  };
})();

/** Header words printed with no space between them ("一级指标二级指标") as one word each. */
export function splitGlued(t: Tok): Tok[] {
  const parts = gluedParts(t.text);
  if (parts === null) return [t];
  const w = (t.x1 - t.x0) / parts.reduce((n, p) => n + p.length, 0);
  let x = t.x0;
  return parts.map((p) => {
    const u = { ...t, text: p, x0: x, x1: x + p.length * w };
    x += p.length * w;
    return u;
  });
}

/** A header found in a band of lines. */
export interface HeaderBand {
  /** Index (in the lines searched) of the first and last line of the band. */
  first: number;
  last: number;
  columns: GridColumn[];
}

/** True when a line reads as part of a header band: short words, no figures that are not part of a header. */
function headerLike(toks: Tok[]): boolean {
  if (toks.length === 0) return false;
  return toks.every((t) => {
    if (t.kind === 'amount' || t.kind === 'dash') return false;
    const k = labelKey(t.text);
    if (t.kind === 'int') return false;
    return k.length <= 14 && (headerKind(k) !== null || inHeader(k) || isHeaderNoise(k) || startsHeaderNoise(k) || /^[(（]?[%\d分万元]*[)）:：]?$/.test(k));
  });
}

interface Stack {
  toks: Tok[];
  text: string;
  x0: number;
  x1: number;
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * The columns a header band names. Header words may wrap over two or three lines ("绩效指" / "标性质");
 * each word is joined with the words directly below it that overlap it, and the longest chain that
 * is a known header names a column. Group headers ("其中：", "绩效指标" above 一级/二级/三级) name none.
 */
export function readHeaderBand(band: ReadonlyArray<readonly Tok[]>): GridColumn[] {
  const used = new Set<Tok>();
  const found: Stack[] = [];
  const kinds: ColumnKind[] = [];
  for (let li = 0; li < band.length; li++) {
    for (const t of band[li]!) {
      if (used.has(t)) continue;
      // Chains downwards through the word that overlaps most on each of the next lines, each line
      // taken or skipped (a line between two halves may print another column's header there:
      // "指标值类" / "指标值" / "型"); the longest chain that is a header names the column.
      const found1: { toks: Tok[] | null } = { toks: null };
      const grow = (chain: Tok[], lj: number): void => {
        if (headerKind(chain.map((c) => c.text).join('')) !== null && (!found1.toks || chain.length > found1.toks.length)) found1.toks = [...chain];
        if (lj >= band.length || lj > li + 3) return;
        const cur = chain[chain.length - 1]!;
        const below = band[lj]!.filter((u) => !used.has(u) && overlap(u, cur) > 0.3 * Math.min(u.x1 - u.x0, cur.x1 - cur.x0));
        const best = below.sort((a, b) => overlap(b, cur) - overlap(a, cur))[0];
        if (best) grow([...chain, best], lj + 1);
        grow(chain, lj + 1);
      };
      grow([t], li + 1);
      const toks = found1.toks;
      if (!toks) continue;
      const text = toks.map((c) => c.text).join('');
      toks.forEach((c) => used.add(c));
      found.push({ toks, text, x0: minOf(toks.map((c) => c.x0)), x1: maxOf(toks.map((c) => c.x1)) });
      kinds.push(headerKind(text)!);
    }
  }
  let cols: GridColumn[] = found.map((s, i) => ({ kind: kinds[i]!, header: labelKey(s.text), x0: s.x0, x1: s.x1, lo: -Infinity, hi: Infinity }));
  // "绩效指标" over 一级 / 二级 / 三级指标 groups them; it names a column only where they are absent.
  if (cols.some((c) => c.kind === 'level1' || c.kind === 'level2' || c.kind === 'name')) cols = cols.filter((c) => c.kind !== 'levels');
  cols.sort((a, b) => a.x0 + a.x1 - (b.x0 + b.x1));
  return cols;
}

/**
 * Finds the header band of a grid among `lines` (from index `from`): the line, with the lines just
 * above and below it that read as header text, whose words name at least `min` columns of which at
 * least one is of `need`.
 */
export function findHeader(lines: readonly SourceLine[], from: number, need: readonly ColumnKind[], min = 2, to = lines.length): HeaderBand | null {
  const toks = lines.map((l) => tokensOf(l).flatMap(splitGlued));
  for (let i = from; i < to; i++) {
    if (!toks[i]!.some((t) => headerKind(t.text) !== null)) continue;
    if (!headerLike(toks[i]!)) continue;
    // Lines above and below join the band when they read as header text printed over or under the
    // headers of this line (a wrapped header), not beside them (a field label at the margin).
    // A line joins when each of its words is a header, or overlaps a header's piece on the line
    // next to it in the band, or on the line after that (one line of other headers between).
    const headerish = (u: Tok) => headerKind(u.text) !== null || inHeader(u.text) || startsHeader(u.text);
    const stacked = (ts: readonly Tok[], next: ReadonlyArray<readonly Tok[]>, below?: readonly Tok[]) =>
      ts.every(
        (t) =>
          isHeaderNoise(t.text) ||
          headerKind(t.text) !== null ||
          next.some((us) => us.some((u) => overlap(t, u) > 0 && headerish(u))) ||
          // A header wrapped under the band ("一级" / "指标"): its two halves make a header.
          (below ?? []).some((u) => overlap(t, u) > 0 && headerKind(t.text + u.text) !== null),
      );
    // Above the line: its words stack over headers between it and two lines below this one; below
    // the line: under headers from two lines above this one down to it.
    // Lines of one header band are printed next to each other (at most a blank line between).
    const touch = (a: SourceLine, b: SourceLine) => (a.y !== undefined && b.y !== undefined && a.page === b.page ? Math.abs(b.y - a.y) <= 2.6 * (a.size ?? 2) : Math.abs(b.no - a.no) <= 2);
    let last = i;
    while (
      last + 1 < to &&
      last - i < 4 &&
      touch(lines[last]!, lines[last + 1]!) &&
      headerLike(toks[last + 1]!) &&
      stacked(toks[last + 1]!, toks.slice(Math.max(from, i - 2), last + 1), toks[last + 2])
    )
      last++;
    let first = i;
    while (first - 1 >= from && i - first < 3 && touch(lines[first - 1]!, lines[first]!) && headerLike(toks[first - 1]!) && stacked(toks[first - 1]!, toks.slice(first, Math.min(to, i + 3)))) first--;
    const columns = readHeaderBand(toks.slice(first, last + 1));
    const distinct = new Set(columns.map((c) => c.kind));
    if (distinct.size >= min && columns.some((c) => need.includes(c.kind))) return { first, last, columns };
    i = last;
  }
  return null;
}

/**
 * Bounds each column's band at the white space between it and its neighbour: the x between the two
 * headers' centres that the fewest body words cross, nearest the middle of the gap between headers.
 */
export function setBands(columns: GridColumn[], body: ReadonlyArray<readonly Tok[]>): void {
  const words = body.flat();
  for (let j = 0; j + 1 < columns.length; j++) {
    const a = columns[j]!;
    const b = columns[j + 1]!;
    // Search the gap between the two headers' words (centred headers sit inside their columns).
    const from = a.x1 < b.x0 ? a.x1 : (a.x0 + a.x1) / 2;
    const to = a.x1 < b.x0 ? b.x0 : (b.x0 + b.x1) / 2;
    const gapMid = a.x1 <= b.x0 ? (a.x1 + b.x0) / 2 : (from + to) / 2;
    let best = gapMid;
    let bestN = Infinity;
    for (let x = from; x <= to; x += 0.25) {
      let n = 0;
      for (const w of words) if (w.x0 < x - 0.05 && w.x1 > x + 0.05) n++;
      if (n < bestN || (n === bestN && Math.abs(x - gapMid) < Math.abs(best - gapMid))) {
        bestN = n;
        best = x;
      }
    }
    a.hi = best;
    b.lo = best;
  }
  if (columns.length > 0) {
    columns[0]!.lo = -Infinity;
    columns[columns.length - 1]!.hi = Infinity;
  }
}

/** The column a word falls in (by its centre), or -1. */
export function columnOf(columns: readonly GridColumn[], t: { x0: number; x1: number }): number {
  const c = (t.x0 + t.x1) / 2;
  return columns.findIndex((col) => c >= col.lo && c < col.hi);
}

/** Splits a line's words into fragments per column. */
export function fragmentsOf(line: SourceLine, toks: readonly Tok[], v: number, columns: readonly GridColumn[], place: (t: Tok) => number = (t) => columnOf(columns, t)): Map<number, Frag> {
  const out = new Map<number, Frag>();
  for (const t of toks) {
    const j = place(t);
    if (j < 0) continue;
    const f = out.get(j);
    if (f) {
      f.toks.push(t);
      f.text = joinText([f.text, t.text]);
      f.x0 = Math.min(f.x0, t.x0);
      f.x1 = Math.max(f.x1, t.x1);
    } else out.set(j, { text: t.text, x0: t.x0, x1: t.x1, v, line, toks: [t] });
  }
  return out;
}
