/**
 * Reading a text disclosure: bytes → decoded text (UTF-8, else GB18030) → normalised lines with
 * their 1-based numbers. Rejects empty and binary input with a FiscusError naming the file.
 */
import { createHash } from 'node:crypto';
import { FiscusError } from '../../domain/errors.js';
import { normalizeText } from '../../domain/text.js';

/**
 * A cell of a line: a run of text and its horizontal extent in text columns (the width of one narrow
 * character). From a PDF the extent is measured (points ÷ the page's column width); from
 * `pdftotext -layout` text it is the character offset, an ideograph counting two columns wide so that
 * headers cover the columns their glyphs cover on the page.
 */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

export interface SourceLine {
  /** 1-based line number in the source file. */
  no: number;
  /** Normalised text (NFKC + radicals), trimmed of surrounding white space. */
  text: string;
  /** PDF page, when known (from "===== page N =====" markers or form feeds). */
  page: number | null;
  /** Leading white space of the raw line (pdftotext marks a new page with one space here). */
  indent: number;
  /** The line's cells with their extents (tables are read from these). */
  cells?: Cell[];
  /** Baseline from the top of the page in text columns (PDF only; text lines are one row apart). */
  y?: number;
  /** Font size in text columns (PDF only). */
  size?: number;
}

export interface SourceText {
  file: string;
  sha256: string;
  encoding: 'utf-8' | 'gb18030';
  lines: SourceLine[];
  /** Number of physical lines in the file. */
  lineCount: number;
  pages: number | null;
}

/** Decodes bytes: UTF-8 when valid, else GB18030 (GBK); binary or empty input is an error. */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes.length === 0) throw new FiscusError('INPUT_UNREADABLE', 'expected a disclosure text, found an empty file', { file, line: 1 });
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new FiscusError('INPUT_UNREADABLE', 'expected a text file, found binary data (NUL bytes)', { file, line: 1 });
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (control > head.length * 0.05) throw new FiscusError('INPUT_UNREADABLE', 'expected a text file, found binary data', { file, line: 1 });
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46)
    throw new FiscusError('INPUT_UNREADABLE', 'expected a text file, found a PDF (import the .pdf through the PDF importer)', { file, line: 1 });
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new FiscusError('INPUT_UNREADABLE', 'expected UTF-8 or GBK text, found undecodable bytes', { file, line: 1 });
    }
  }
}

const PAGE_MARK = /^=+\s*page\s+(\d+)\s*=+$/i;

/** Display columns of a character: two for East Asian wide characters, one otherwise. */
function wide(cp: number): boolean {
  return (
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
  );
}

/** Display width of a string in text columns (ideographs two, other characters one). */
export function displayColumns(s: string): number {
  let n = 0;
  for (const c of s) n += wide(c.codePointAt(0) ?? 0) ? 2 : 1;
  return n;
}

/**
 * The cells of a `pdftotext -layout` line: white-space separated tokens at their character offsets.
 * pdftotext starts each word at the column its x position gives and writes every glyph, ideographs
 * included, into one character cell: a token's extent is its offset and its length.
 */
export function cellsOfText(raw: string): Cell[] {
  const out: Cell[] = [];
  for (const m of raw.matchAll(/\S+/gu)) out.push({ text: m[0], x0: m.index, x1: m.index + m[0].length });
  return out;
}

/** Reads a text disclosure into normalised, numbered, non-empty lines. */
export function readSourceText(bytes: Uint8Array, file: string): SourceText {
  const { text, encoding } = decodeText(bytes, file);
  const raw = text.split(/\r\n|\r|\n/);
  const lines: SourceLine[] = [];
  // pdftotext separates pages with form feeds: count them when present.
  let page: number | null = text.includes('\f') ? 1 : null;
  let pages: number | null = page;
  raw.forEach((l, i) => {
    const parts = l.split('\f');
    if (parts.length > 1) {
      page = (page ?? 1) + parts.length - 1;
      pages = Math.max(pages ?? 0, page);
    }
    const t = normalizeText(parts.join(' ')).replace(/\s+$/u, '').replace(/^\s+/u, '');
    const pm = PAGE_MARK.exec(t);
    if (pm) {
      page = Number(pm[1]);
      pages = Math.max(pages ?? 0, page);
      return;
    }
    const indent = /^[ \t\u3000]*/.exec(l)?.[0].length ?? 0;
    if (t.length > 0) lines.push({ no: i + 1, text: t, page, indent, cells: cellsOfText(normalizeText(parts.join('')).replace(/[\t\u3000]/g, ' ')) });
  });
  if (lines.length === 0) throw new FiscusError('INPUT_UNREADABLE', 'expected a disclosure text, found only white space', { file, line: 1 });
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    lines,
    lineCount: raw.length,
    pages,
  };
}
