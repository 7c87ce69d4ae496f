/**
 * Cheap counts taken before a parser sees a file, so that a file over a limit is refused with the
 * limit's name instead of costing the parser's memory and time: rows, merged ranges and unpacked
 * size of a spreadsheet (read from its ZIP container without exceljs), lines of a text, nesting of
 * a JSON document. A container these functions cannot read is left to the parser to report.
 */
import { inflateRawSync } from 'node:zlib';
import type { Limits } from '../limits.js';
import { overLimit } from '../limits.js';
import { byteOrderMark, decodeUnicode } from '../../importers/text/source.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of a ZIP's central directory; null when there is none to read (the parser will say why). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    out.push({
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
      method: b.readUInt16LE(p + 10),
      compressedSize: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The unpacked bytes of one entry, at most `max` (RangeError beyond); null when unreadable. */
function unpack(bytes: Uint8Array, e: ZipEntry, max: number): Buffer | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localOffset;
  if (h + 30 > b.length || b.readUInt32LE(h) !== 0x04034b50) return null;
  const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new RangeError('unpacked size over the limit', { cause: err });
    return null;
  }
}

/** Occurrences of `needle` in `b` followed by one of `next` (a tag name and what may follow it). */
function countTags(b: Buffer, needle: string, next: readonly number[]): number {
  const n = Buffer.from(needle, 'latin1');
  let count = 0;
  for (let i = b.indexOf(n); i >= 0; i = b.indexOf(n, i + n.length)) if (next.includes(b[i + n.length]!)) count++;
  return count;
}

const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Cells covered by a range "A1:C3" (1 for a single cell, 0 when unreadable). */
export function rangeArea(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim().toUpperCase());
  if (!m) return 0;
  if (!m[3]) return 1;
  return (Math.abs(col(m[3]) - col(m[1]!)) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
}

/** The merged ranges of a worksheet part and the cells they cover. */
function merges(b: Buffer): { ranges: number; cells: number } {
  const n = Buffer.from('<mergeCell ', 'latin1');
  let ranges = 0;
  let cells = 0;
  for (let i = b.indexOf(n); i >= 0; i = b.indexOf(n, i + n.length)) {
    ranges++;
    const ref = /ref="([^"]*)"/.exec(b.toString('latin1', i, Math.min(b.length, i + 80)))?.[1];
    if (ref) cells += rangeArea(ref);
  }
  return { ranges, cells };
}

const SPACE_OR_CLOSE = [0x20, 0x3e, 0x09, 0x0a, 0x0d, 0x2f];

/**
 * Refuses a spreadsheet over the limits of unpacked size, rows per worksheet, merged ranges and
 * merged cells per worksheet (TOO_LARGE naming the limit and the worksheet part).
 */
export function checkSpreadsheet(bytes: Uint8Array, file: string, limits: Limits): void {
  const entries = zipEntries(bytes);
  if (!entries) return;
  const claimed = entries.reduce((s, e) => s + e.size, 0);
  if (claimed > limits.unpackedBytes) throw overLimit('unpackedBytes', limits.unpackedBytes, claimed, { file, line: null });
  let left = limits.unpackedBytes;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && !/^xl\/sharedStrings\.xml$/i.test(e.name)) continue;
    let part: Buffer | null;
    try {
      part = unpack(bytes, e, left);
    } catch {
      throw overLimit('unpackedBytes', limits.unpackedBytes, `更多（解压到 ${e.name} 时）`, { file, line: null });
    }
    if (!part) continue;
    left -= part.length;
    if (!/worksheets/i.test(e.name)) continue;
    const where = { file, line: null };
    const sheet = `工作表 ${e.name.replace(/^xl\/worksheets\//i, '')}`;
    const rows = countTags(part, '<row', SPACE_OR_CLOSE);
    if (rows > limits.rows) throw overLimit('rows', limits.rows, rows, where, sheet);
    const m = merges(part);
    if (m.ranges > limits.mergedRanges) throw overLimit('mergedRanges', limits.mergedRanges, m.ranges, where, sheet);
    if (m.cells > limits.mergedCells) throw overLimit('mergedCells', limits.mergedCells, m.cells, where, sheet);
  }
}

/** Lines of a text (a CSV's rows): refused over `limit` (named `name`). */
export function checkLines(bytes: Uint8Array, file: string, max: number, name: 'lines' | 'rows'): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 1;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) {
    if (++n > max) throw overLimit(name, max, `更多（第 ${n} 行，第 ${i + 1} 字节）`, { file, line: n });
  }
}

/** Nesting depth of JSON text (brackets outside strings): refused over `max`. */
export function checkJsonDepth(bytes: Uint8Array, file: string, max: number): void {
  // UTF-16/32 (by their byte-order mark) are counted in UTF-8: their code units hold bracket bytes.
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-8') bytes = new TextEncoder().encode(decodeUnicode(bytes.subarray(bom.length), bom.encoding, false));
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x0a) line++;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw overLimit('depth', max, `更多（第 ${line} 行）`, { file, line });
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
