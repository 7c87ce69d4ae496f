/**
 * Reading a text disclosure: bytes → decoded text (by its byte-order mark, else UTF-8, else
 * GB18030) → normalised lines with their 1-based numbers. Rejects empty and binary input with a FiscusError naming the file.
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
  /**
   * The line as printed, before normalisation, trimmed (NFKC makes the full-width comma "，" a ","):
   * what typography checks read (importers/text/punctuation.ts). PDF: the cells' text, one space apart.
   */
  raw?: string;
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
  /**
   * The rules (cell borders) drawn on the line's page: PDF only, one object shared by the page's lines,
   * empty where the page draws none. Absent where nothing was measured (text input).
   */
  rulings?: PageRulings;
}

/**
 * The rules a PDF page draws, in the units of its lines: x in text columns from the page's left text
 * edge (as Cell.x0), y in text columns from the top of the page (as SourceLine.y).
 */
export interface PageRulings {
  /** Horizontal rules, top to bottom. */
  h: ReadonlyArray<{ y: number; x0: number; x1: number }>;
  /** Vertical rules, left to right. */
  v: ReadonlyArray<{ x: number; y0: number; y1: number }>;
  /** The page's left text edge and text column width, in points: x × charWidth + left is the x on the page (pages compared). */
  left: number;
  charWidth: number;
}

export interface SourceText {
  file: string;
  sha256: string;
  encoding: TextEncodingName;
  lines: SourceLine[];
  /** Number of physical lines in the file. */
  lineCount: number;
  pages: number | null;
}

/** The Unicode encodings a byte-order mark names. */
export type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** The encodings a text is read in: a byte-order mark's, else UTF-8 when valid, else GB18030. */
export type TextEncodingName = UnicodeEncoding | 'gb18030';

/**
 * The byte-order mark the bytes begin with, if any: its encoding and length. UTF-32 LE is looked for
 * before UTF-16 LE, whose mark (FF FE) begins it.
 */
export function byteOrderMark(bytes: Uint8Array): { encoding: UnicodeEncoding; length: number } | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes bytes (without their byte-order mark) in a Unicode encoding. UTF-8 and UTF-16 through
 * TextDecoder; UTF-32, which TextDecoder does not know, here. `fatal`: a malformed sequence throws
 * (a TypeError) instead of becoming U+FFFD.
 */
export function decodeUnicode(bytes: Uint8Array, encoding: UnicodeEncoding, fatal = true): string {
  if (encoding !== 'utf-32le' && encoding !== 'utf-32be') return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  if (fatal && bytes.length % 4 !== 0) throw new TypeError(`UTF-32 text of ${bytes.length} bytes, not a multiple of 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = encoding === 'utf-32le';
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    let cp = view.getUint32(i, little);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      if (fatal) throw new TypeError(`not a Unicode code point in UTF-32 text: 0x${cp.toString(16)} at byte ${i}`);
      cp = 0xfffd;
    }
    chunk.push(cp);
    // Code points go to fromCodePoint a few thousand at a time: a spread of a whole file would overflow the stack.
    if (chunk.length === 4096) parts.push(String.fromCodePoint(...chunk.splice(0)));
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Refuses text whose first 8 KB hold NUL or many other control characters (bytes, or code units once decoded). */
function refuseBinary(head: ArrayLike<number>, file: string): void {
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) throw new FiscusError('INPUT_UNREADABLE', '应为文本文件，实为二进制数据（含 NUL 字节）', { file, line: 1 });
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (control > head.length * 0.05) throw new FiscusError('INPUT_UNREADABLE', '应为文本文件，实为二进制数据', { file, line: 1 });
}

/**
 * Decodes bytes: by their byte-order mark when they have one (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE),
 * else UTF-8 when valid, else GB18030 (GBK); binary or empty input is an error.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncodingName } {
  if (bytes.length === 0) throw new FiscusError('INPUT_UNREADABLE', '应为公开文本，实为空文件', { file, line: 1 });
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    let text: string;
    try {
      text = decodeUnicode(bytes.subarray(bom.length), bom.encoding);
    } catch {
      throw new FiscusError('INPUT_UNREADABLE', `字节顺序标记之后应为 ${bom.encoding.toUpperCase()} 文本，实为无法解码的字节`, { file, line: 1 });
    }
    const head = text.slice(0, 8192);
    refuseBinary(
      Array.from(head, (c) => c.charCodeAt(0)),
      file,
    );
    return { text, encoding: bom.encoding };
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  refuseBinary(head, file);
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) throw new FiscusError('INPUT_UNREADABLE', '应为文本文件，实为 PDF（请按 PDF 导入 .pdf 文件）', { file, line: 1 });
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new FiscusError('INPUT_UNREADABLE', '应为 UTF-8 或 GBK 文本，实为无法解码的字节', { file, line: 1 });
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
  // As raw.matchAll(/\S+/gu) gives them, without a regular expression per line: the white space of
  // \s is tested only where a character might be one (ASCII blanks, or above U+007F).
  const n = raw.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(raw.charCodeAt(i))) i++;
    out.push({ text: raw.slice(start, i), x0: start, x1: i });
  }
  return out;
}

const SPACE = /\s/;

/** True for the code units \s matches (white space and line terminators; none is a surrogate). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0xfeff || ((c === 0x1680 || (c >= 0x2000 && c <= 0x3000)) && SPACE.test(String.fromCharCode(c)));
}

/** Length of the leading run of spaces, tabs and ideographic spaces of a line (its indent). */
function indentOf(l: string): number {
  let i = 0;
  for (let c = l.charCodeAt(0); c === 0x20 || c === 0x09 || c === 0x3000; c = l.charCodeAt(++i));
  return i;
}

/** Reads a text disclosure into normalised, numbered, non-empty lines. */
export function readSourceText(bytes: Uint8Array, file: string): SourceText {
  const { text, encoding } = decodeText(bytes, file);
  // Without a carriage return (nearly every text), its lines are those between line feeds.
  const raw = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const lines: SourceLine[] = [];
  // pdftotext separates pages with form feeds: count them when present.
  const feeds = text.includes('\f');
  let page: number | null = feeds ? 1 : null;
  let pages: number | null = page;
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    const parts = feeds && l.includes('\f') ? l.split('\f') : null;
    if (parts !== null) {
      page = (page ?? 1) + parts.length - 1;
      pages = Math.max(pages ?? 0, page);
    }
    // Without a form feed (nearly every line) the line joined with ' ' and with '' is the line itself: normalised once.
    const spaced = parts !== null ? parts.join(' ') : l;
    const normal = normalizeText(spaced);
    // trim() removes exactly what \s matches (white space and line terminators).
    const t = normal.trim();
    if (t.length === 0) continue;
    if (t.charCodeAt(0) === 0x3d /* = */) {
      const pm = PAGE_MARK.exec(t);
      if (pm) {
        page = Number(pm[1]);
        pages = Math.max(pages ?? 0, page);
        continue;
      }
    }
    const joined = parts !== null ? normalizeText(parts.join('')) : normal;
    // The cells are the runs of what is not white space: a tab or an ideographic space (which NFKC has
    // already made a space) separates them as a space does, at the same offsets.
    lines.push({ no: i + 1, text: t, raw: spaced.trim(), page, indent: indentOf(l), cells: cellsOfText(joined) });
  }
  if (lines.length === 0) throw new FiscusError('INPUT_UNREADABLE', '应为公开文本，实为只有空白字符', { file, line: 1 });
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    lines,
    lineCount: raw.length,
    pages,
  };
}
