/**
 * Text of narrow table cells joined back together. A PDF form prints "其中:财政拨" / "款资金(万" /
 * "元)" on three lines; joining the pieces with no separator restores "其中:财政拨款资金(万元)"
 * while a char → line map keeps every value's provenance.
 */
import type { Src } from '../../../domain/model.js';
import type { SourceLine } from '../../text/source.js';
import { srcOf } from '../context.js';

/** A piece of one source line (usually the whole line). */
export interface Piece {
  line: SourceLine;
  text: string;
}

export interface Joined {
  text: string;
  /** Offset in `text` where each piece starts. */
  starts: number[];
  pieces: Piece[];
}

/** Joins pieces with no separator (Chinese wraps anywhere, so the line break carries no space). */
export function joinPieces(pieces: Piece[]): Joined {
  let text = '';
  const starts: number[] = [];
  for (const p of pieces) {
    starts.push(text.length);
    text += p.text;
  }
  return { text, starts, pieces };
}

/** Joins whole lines. */
export function joinLines(lines: SourceLine[]): Joined {
  return joinPieces(lines.map((line) => ({ line, text: line.text })));
}

/** Index of the piece holding character `pos` (the last piece for the end position). */
export function pieceIndexAt(j: Joined, pos: number): number {
  let lo = 0;
  let hi = j.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The source line holding character `pos`. */
export function lineAt(j: Joined, pos: number): SourceLine {
  const p = j.pieces[pieceIndexAt(j, pos)];
  if (!p) throw new Error('lineAt on an empty joined text');
  return p.line;
}

/** True when `pos` is where a piece (a printed line) begins. */
export function isPieceStart(j: Joined, pos: number): boolean {
  return j.starts.includes(pos);
}

/** Trims white space off a span [a, b). */
export function trimSpan(j: Joined, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(j.text[a]!)) a++;
  while (b > a && /\s/.test(j.text[b - 1]!)) b--;
  return [a, b];
}

/** Provenance of the span [a, b): first and last line, page of the first, the span's text. */
export function spanSrc(j: Joined, a: number, b: number): Src {
  return srcOf(lineAt(j, a), j.text.slice(a, b), lineAt(j, Math.max(a, b - 1)));
}

/** A regular expression matching `label` with any white space between its characters. */
export function labelPattern(label: string): string {
  return [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
}

const LABEL_RES = new Map<string, RegExp>();

/**
 * The global expression of `labelPattern(label)`, made once per label: labels are a fixed vocabulary,
 * and findLabels sets `lastIndex` before each use and runs to the end without yielding.
 */
function labelRegExp(label: string): RegExp {
  let re = LABEL_RES.get(label);
  if (!re) LABEL_RES.set(label, (re = new RegExp(labelPattern(label), 'g')));
  return re;
}

export interface LabelSpec<K extends string> {
  key: K;
  /** Printed variants, tried in order at each position (put the longer variant first). */
  labels: readonly string[];
  /** Only accept the label where a printed line begins (body headings such as 项目用途). */
  atLineStart?: boolean;
}

export interface LabelHit<K extends string> {
  key: K;
  start: number;
  /** Where the label's value begins (after the label) and ends (at the next found label). */
  valueStart: number;
  valueEnd: number;
}

/**
 * Finds the labels in their printed order, each after the previous one found; a missing label is
 * skipped. Values run from the end of one found label to the start of the next.
 */
export function findLabels<K extends string>(j: Joined, specs: ReadonlyArray<LabelSpec<K>>): Map<K, LabelHit<K>> {
  const hits: LabelHit<K>[] = [];
  let cursor = 0;
  for (const spec of specs) {
    let best: { start: number; end: number } | null = null;
    for (const label of spec.labels) {
      const re = labelRegExp(label);
      re.lastIndex = cursor;
      let m: RegExpExecArray | null;
      while ((m = re.exec(j.text)) !== null) {
        if (!spec.atLineStart || isPieceStart(j, m.index)) break;
        re.lastIndex = m.index + 1;
      }
      if (m && (best === null || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length };
    }
    if (best) {
      hits.push({ key: spec.key, start: best.start, valueStart: best.end, valueEnd: j.text.length });
      cursor = best.end;
    }
  }
  for (let k = 0; k + 1 < hits.length; k++) hits[k]!.valueEnd = hits[k + 1]!.start;
  return new Map(hits.map((h) => [h.key, h]));
}
