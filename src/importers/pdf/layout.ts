/**
 * From positioned text items to lines laid out like `pdftotext -layout`: items grouped by baseline,
 * sorted by x, split words joined, gaps turned into spaces in proportion to their width. Pure: no
 * pdfjs here, so the geometry is testable with hand-made items.
 */
import { normalizeText } from '../../domain/text.js';
import type { Rulings } from './rulings.js';

/** One piece of text as the PDF placed it; coordinates in points, origin top-left, y = baseline. */
export interface PdfItem {
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  /** Normalised text (NFKC + CJK radicals). */
  text: string;
  /** The text as the PDF gives it, before normalisation (half- and full-width punctuation still told apart). */
  raw?: string;
}

/** A line of one page: its items (split words already joined) and the synthesized layout text. */
export interface PdfLine {
  /** Baseline (points from the top of the page). */
  y: number;
  /** Layout text, trimmed at the end; leading spaces kept (see `indent`). */
  text: string;
  /** Leading spaces of `text`. */
  indent: number;
  /** The cells of the line, left to right, with their x position and width in points. */
  items: PdfItem[];
  /** The cells' text before normalisation, one space between cells. */
  raw?: string;
}

export interface PdfPageLayout {
  /** 1-based page number. */
  no: number;
  width: number;
  height: number;
  /** Points per text column on this page (the width estimate of one narrow character). */
  charWidth: number;
  lines: PdfLine[];
  /** The rules the page draws (cell borders), in points, viewport space (see rulings.ts); set by read.ts. */
  rulings?: Rulings;
}

/**
 * Display width of a character in text columns: East Asian wide characters (CJK ideographs, kana,
 * Hangul, CJK punctuation, full-width forms) take two, as in a terminal.
 */
export function charColumns(c: string): number {
  return codePointColumns(c.codePointAt(0) ?? 0);
}

/** Display width of a code point in text columns (see charColumns). */
function codePointColumns(cp: number): number {
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Display width of a string in text columns. */
export function textColumns(s: string): number {
  // By code point, as for-of walks a string (a surrogate pair is one, a lone surrogate itself), without
  // a string per character: this runs for every text item of every page.
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    n += codePointColumns(cp);
  }
  return n;
}

/** Raw item before grouping: a PdfItem's fields, its text not yet normalised. */
export type RawItem = PdfItem;

/**
 * Estimates the width of one text column on a page: the median width per display column over the
 * items, so that a digit (one column) and an ideograph (two) measure alike.
 */
export function estimateCharWidth(items: readonly PdfItem[]): number {
  const per: number[] = [];
  for (const it of items) {
    const cols = textColumns(it.text);
    if (cols > 0 && it.width > 0) per.push(it.width / cols);
  }
  if (per.length === 0) return 5;
  per.sort((a, b) => a - b);
  const m = per[Math.floor(per.length / 2)]!;
  return m > 0.5 ? m : 5;
}

/** Groups items into lines by baseline; the tolerance is relative to the smaller font size. */
function groupLines(items: PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfItem[] }[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    // Cells of one table row may sit up to about half an em off each other's baseline (producers
    // align columns top, middle or bottom: ONLYOFFICE prints amounts 0.58 em above their label);
    // 0.6 em keeps them on one line while two lines of text (≥ 1 em apart) never merge. The band
    // is measured from its first (topmost) item so that lines cannot chain together.
    if (last && Math.abs(it.y - last.y) <= 0.6 * Math.min(it.fontSize, last.size)) {
      last.items.push(it);
    } else {
      lines.push({ y: it.y, size: it.fontSize, items: [it] });
    }
  }
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

/** True when no item of `a` overlaps an item of `b` horizontally. */
function disjoint(a: PdfItem[], b: PdfItem[]): boolean {
  return a.every((i) => b.every((j) => i.x + i.width <= j.x + 1 || j.x + j.width <= i.x + 1));
}

/** A line's baseline (its first item's). */
const baseline = (l: PdfItem[]) => l[0]!.y;

/**
 * A table cell whose text wraps is often centred on its row: its first line sits above the row's
 * baseline, the rest below. pdftotext emits the row first, then the cell's lines; so do we, so that
 * parsers reading continuation lines after their row see the whole label. Pattern: A, R, B with A
 * and B in R's empty space at the same x, each less than 1.1 em from R.
 */
function centredCells(lines: PdfItem[][]): PdfItem[][] {
  const out = [...lines];
  for (let i = 0; i + 2 < out.length; i++) {
    const a = out[i]!;
    const r = out[i + 1]!;
    const b = out[i + 2]!;
    const size = r[0]!.fontSize;
    if (r.length < 2 || Math.abs(a[0]!.x - b[0]!.x) > 1) continue;
    if (baseline(r) - baseline(a) > 1.1 * size || baseline(b) - baseline(r) > 1.1 * size) continue;
    if (!disjoint(a, r) || !disjoint(b, r)) continue;
    out[i] = r;
    out[i + 1] = a;
    i++;
  }
  return out;
}

/**
 * Joins items the PDF split inside a word (gap below a fifth of the font size, on one baseline) and drops text
 * drawn twice at nearly the same place (fake bold).
 */
function joinItems(items: PdfItem[]): PdfItem[] {
  const out: PdfItem[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (prev) {
      const tol = 0.2 * Math.min(prev.fontSize, it.fontSize);
      const prevEnd = prev.x + prev.width;
      if (prev.text.endsWith(it.text) && Math.abs(prevEnd - (it.x + it.width)) < tol) continue;
      // A word the PDF split keeps its baseline: text of the same size starting where it ends on another
      // baseline of the line band (a wrapped cell's last line, the next cell's text centred lower beside it)
      // is a cell of its own. (A smaller piece off the baseline is an index of the word: "m" + "3".)
      const nextCell = Math.abs(it.y - prev.y) > tol && it.x >= prevEnd - tol && it.fontSize >= 0.9 * prev.fontSize;
      if (it.x - prevEnd <= tol && it.x >= prev.x && !nextCell) {
        const end = Math.max(prevEnd, it.x + it.width);
        out[out.length - 1] = {
          ...prev,
          text: prev.text + it.text,
          raw: (prev.raw ?? prev.text) + (it.raw ?? it.text),
          width: end - prev.x,
          height: Math.max(prev.height, it.height),
          fontSize: Math.max(prev.fontSize, it.fontSize),
        };
        continue;
      }
    }
    out.push({ ...it });
  }
  return out;
}

/**
 * Lays out one page: normalises item text, drops white-space items (pdfjs invents them with
 * unreliable widths), groups by baseline, joins split words and renders each line with spaces in
 * proportion to the x gaps: a cell starts at character offset (x − page's left text edge) ÷
 * charWidth, or two spaces after the previous cell when the text before it runs longer.
 */
export function layoutPage(no: number, width: number, height: number, raw: readonly RawItem[]): PdfPageLayout {
  const items: PdfItem[] = [];
  for (const r of raw) {
    // trimStart / trimEnd drop exactly what /^\s+/u and /\s+$/u match (white space and line terminators).
    const text = normalizeText(r.text).trimEnd();
    const lead = r.text.length - r.text.trimStart().length;
    // Leading spaces inside an item shift its visible start; trailing ones are dropped above.
    const t = text.trimStart();
    if (t === '') continue;
    const cw0 = r.width / Math.max(1, textColumns(r.text));
    items.push({ x: r.x + lead * cw0, y: r.y, width: Math.max(0, r.width - lead * cw0), height: r.height, fontSize: r.fontSize, text: t, raw: r.text.trim() });
  }
  const charWidth = estimateCharWidth(items);
  const left = items.reduce((m, it) => Math.min(m, it.x), Infinity);
  const lines: PdfLine[] = [];
  for (const group of centredCells(groupLines(items))) {
    const cells = joinItems(group);
    let text = '';
    let cols = 0;
    let prevEnd = -Infinity;
    for (const c of cells) {
      const want = Math.max(0, Math.round((c.x - left) / charWidth));
      let pad: number;
      if (cols === 0 && text === '') pad = want;
      else {
        const gap = c.x - prevEnd;
        // A word space stays one space: ideographs are not exactly two columns wide, so the
        // column of a later item drifts within running text. Anything wider separates cells: at
        // least two spaces, so column splitters (/\s{2,}/) see the boundary, and as many as keep
        // the cell at its column for alignment with the lines above and below.
        pad = gap <= 0.6 * c.fontSize ? 1 : Math.max(2, want - cols);
      }
      text += ' '.repeat(pad) + c.text;
      // Columns are character offsets, as in pdftotext -layout: parsers find a cell's column by its
      // index in the line, so an ideograph counts one, whatever its width on the page.
      cols += pad + c.text.length;
      prevEnd = c.x + c.width;
    }
    const y = cells.reduce((s, c) => s + c.y, 0) / Math.max(1, cells.length);
    const indent = text.length - text.trimStart().length;
    lines.push({ y, text: text.trimEnd(), indent, items: cells, raw: cells.map((c) => c.raw ?? c.text).join(' ') });
  }
  return { no, width, height, charWidth, lines };
}

/** The marker line that starts page `n` in the synthesized text (what readSourceText recognises). */
export function pageMarker(n: number): string {
  return `===== page ${n} =====`;
}

/**
 * Renders pages to one text: a page marker before each page, then its lines, with one blank line
 * where the baseline gap exceeds 1.75 × the font size (as pdftotext leaves between table rows).
 */
export function renderPages(pages: readonly PdfPageLayout[]): string {
  const out: string[] = [];
  for (const p of pages) {
    out.push(pageMarker(p.no));
    let prev: PdfLine | null = null;
    for (const l of p.lines) {
      const size = Math.max(l.items[0]?.fontSize ?? 10, prev?.items[0]?.fontSize ?? 0);
      if (prev && l.y - prev.y > 1.75 * size) out.push('');
      out.push(l.text);
      prev = l;
    }
  }
  return out.join('\n') + '\n';
}
