/**
 * The commas a disclosure prints in its Chinese text, counted on the lines as printed (before
 * normalisation, which makes the full-width "，" a ","): how many are full-width, and where a
 * half-width "," stands between Chinese words ("…规划,促进…", "…万元,主要用于…"). Thousands
 * separators (between digits) are not counted. BUD-118 reads it.
 */
import type { Src } from '../../domain/model.js';
import type { SourceLine } from './source.js';

/** The places of half-width commas kept in the model (the count is always whole). */
export const HALF_WIDTH_PLACES = 10;

/** A "," after a Chinese character or closing bracket/quote, before one or at the end of the line. */
const HALF = /(?<=[\p{Script=Han}）”』」])[ \t]*,(?=[ \t]*(?:[\p{Script=Han}（“『「]|$))/gu;
const FULL = /，/g;
const HALF_ONE = new RegExp(HALF.source, 'u');

export interface PunctuationCensus {
  fullWidthCommas: number;
  halfWidthCommas: number;
  /** The first places of half-width commas (line, page, the words around the line's first one as printed). */
  halfWidthAt: Src[];
}

/**
 * False when no "," of the line follows (past spaces and tabs) a character beyond ASCII, as a Chinese
 * character or a closing bracket is: then HALF finds nothing (most commas are thousands separators).
 */
function mayHoldHalfWidth(raw: string): boolean {
  for (let at = raw.indexOf(','); at >= 0; at = raw.indexOf(',', at + 1)) {
    let i = at - 1;
    while (i >= 0 && (raw.charCodeAt(i) === 0x20 || raw.charCodeAt(i) === 0x09)) i--;
    if (i >= 0 && raw.charCodeAt(i) >= 0x80) return true;
  }
  return false;
}

/** The census of `lines`, or null when no line kept its printed text (a spreadsheet, a JSON). */
export function punctuationOf(lines: readonly SourceLine[]): PunctuationCensus | null {
  if (!lines.some((l) => l.raw !== undefined)) return null;
  const out: PunctuationCensus = { fullWidthCommas: 0, halfWidthCommas: 0, halfWidthAt: [] };
  for (const l of lines) {
    const raw = l.raw;
    if (!raw) continue;
    // Most lines hold no comma at all: the expressions (one with a look-behind over Han script) only where one is.
    if (raw.includes('，')) out.fullWidthCommas += raw.match(FULL)?.length ?? 0;
    if (!mayHoldHalfWidth(raw)) continue;
    const found = [...raw.matchAll(HALF)];
    if (found.length === 0) continue;
    out.halfWidthCommas += found.length;
    // The words around the line's first one (a table line runs long), runs of spaces as one, so
    // that a PDF's cells and its text's columns give the same excerpt.
    const flat = raw.replace(/\s{2,}/g, ' ');
    const at = flat.search(HALF_ONE);
    const excerpt = (at > 24 ? '…' : '') + flat.slice(Math.max(0, at - 24), at + 24) + (at + 24 < flat.length ? '…' : '');
    if (out.halfWidthAt.length < HALF_WIDTH_PLACES) out.halfWidthAt.push({ line: l.no, page: l.page, raw: excerpt });
  }
  return out;
}
