/** The format of a file to import, told from its first bytes. */
import { byteOrderMark, decodeUnicode } from '../importers/text/source.js';

export type SourceFormat = 'pdf' | 'xlsx' | 'json' | 'text';

/** Sniffs the format from the first bytes (a text with a UTF-16 or UTF-32 byte-order mark by its first characters). */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-8')
    return decodeUnicode(bytes.subarray(bom.length, bom.length + 256), bom.encoding, false)
      .trimStart()
      .startsWith('{')
      ? 'json'
      : 'text';
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'json';
  return 'text';
}
