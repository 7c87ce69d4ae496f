/**
 * Test helper: builds small, valid PDFs by hand (text in standard or CJK fonts, image-only pages,
 * password-protected files) so the reader's tests need no sample file and no system tool.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Run {
  /** Points from the left edge. */
  x: number;
  /** Baseline, points from the bottom edge (PDF space). */
  y: number;
  size: number;
  text: string;
  /** F1 Helvetica, F2 Times-Roman (ASCII text); CJK a Type0 font with UCS-2 codes (any BMP text). */
  font?: 'F1' | 'F2' | 'CJK';
}

/**
 * A rule drawn on the page from (x0, y0) to (x1, y1): a stroked line, or (`fill`) a filled rectangle
 * 0.6 pt thick around that line, as some producers draw cell borders.
 */
export interface RuleSpec {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  fill?: boolean;
}

export interface PageSpec {
  runs?: Run[];
  /** Rules drawn before the text, in the space of `ruleMatrix` (PDF space when absent). */
  rules?: RuleSpec[];
  /** A matrix [a b c d e f] set with `cm` for the rules (e.g. [1 0 0 -1 0 height]: y from the top). */
  ruleMatrix?: [number, number, number, number, number, number];
  /** Paint a small grey image on the page (an image XObject). */
  image?: boolean;
  width?: number;
  height?: number;
}

export interface BuildOptions {
  /** Encrypt (RC4 40-bit, revision 2) with this user password. */
  userPassword?: string;
}

function pdfString(s: string): string {
  return '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

function hex(bytes: Uint8Array): string {
  return '<' + Buffer.from(bytes).toString('hex') + '>';
}

function ucs2(s: string): string {
  let h = '';
  for (const c of s) h += (c.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0');
  return '<' + h + '>';
}

function content(p: PageSpec): string {
  const ops: string[] = [];
  if (p.image) ops.push('q 200 0 0 200 100 300 cm /Im1 Do Q');
  if (p.rules?.length) {
    ops.push(`q ${p.ruleMatrix ? `${p.ruleMatrix.join(' ')} cm ` : ''}0.5 w`);
    for (const r of p.rules) {
      if (!r.fill) ops.push(`${r.x0} ${r.y0} m ${r.x1} ${r.y1} l S`);
      else if (r.y0 === r.y1) ops.push(`${Math.min(r.x0, r.x1)} ${r.y0 - 0.3} ${Math.abs(r.x1 - r.x0)} 0.6 re f`);
      else ops.push(`${r.x0 - 0.3} ${Math.min(r.y0, r.y1)} 0.6 ${Math.abs(r.y1 - r.y0)} re f`);
    }
    ops.push('Q');
  }
  for (const r of p.runs ?? []) {
    const font = r.font ?? 'F1';
    const str = font === 'CJK' ? ucs2(r.text) : pdfString(r.text);
    ops.push(`BT /${font} ${r.size} Tf 1 0 0 1 ${r.x} ${r.y} Tm ${str} Tj ET`);
  }
  return ops.join('\n');
}

/** RC4, for the standard security handler. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 255;
    j = (j + s[a]!) & 255;
    [s[a], s[j]] = [s[j]!, s[a]!];
    out[k] = data[k]! ^ s[(s[a]! + s[j]!) & 255]!;
  }
  return out;
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function padPassword(pw: string): Buffer {
  return Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
}

/** Builds a PDF with the given pages. */
export function buildPdf(pages: PageSpec[], opts: BuildOptions = {}): Uint8Array {
  const objs: string[] = [];
  const add = (body: string) => objs.push(body);
  // 1 catalog, 2 pages, 3 F1, 4 F2, 5 CJK Type0, 6 CIDFont, 7 image, then per page: page + content.
  const kids = pages.map((_, i) => `${8 + i * 2} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>');
  // CIDs 1–95 of Adobe-GB1 are the half-width ASCII glyphs: half an em, as in real CJK fonts.
  add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> /DW 1000 /W [1 95 500] >>`,
  );
  add('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x40\x80\xc0\xff\nendstream');
  for (const p of pages) {
    const n = objs.length + 1;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width ?? 595} ${p.height ?? 842}] /Resources << /Font << /F1 3 0 R /F2 4 0 R /CJK 5 0 R >> /XObject << /Im1 7 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    const c = content(p);
    add(`<< /Length ${Buffer.byteLength(c, 'latin1')} >>\nstream\n${c}\nendstream`);
  }
  const id = createHash('md5').update(JSON.stringify(pages)).digest();
  let encrypt = '';
  let objKey: ((num: number) => Uint8Array) | null = null;
  if (opts.userPassword !== undefined) {
    // Standard security handler, revision 2 (PDF 1.7 §7.6.3.3–4, algorithms 2, 3 and 4).
    const owner = padPassword('owner-' + opts.userPassword);
    const O = rc4(createHash('md5').update(owner).digest().subarray(0, 5), padPassword(opts.userPassword));
    const P = -4;
    const p = Buffer.alloc(4);
    p.writeInt32LE(P);
    const key = createHash('md5')
      .update(Buffer.concat([padPassword(opts.userPassword), O, p, id]))
      .digest()
      .subarray(0, 5);
    const U = rc4(key, PAD);
    encrypt = ` /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex(O)} /U ${hex(U)} /P ${P} >>`;
    objKey = (num) =>
      createHash('md5')
        .update(Buffer.concat([key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])]))
        .digest()
        .subarray(0, 10);
  }
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    let b = body;
    if (objKey) {
      // Encrypt stream data so that the file is a genuine encrypted PDF, not just a flagged one.
      const m = /^([\s\S]*?\nstream\n)([\s\S]*)(\nendstream)$/.exec(body);
      if (m) b = m[1]! + Buffer.from(rc4(objKey(i + 1), Buffer.from(m[2]!, 'latin1'))).toString('latin1') + m[3]!;
    }
    const s = Buffer.from(`${i + 1} 0 obj\n${b}\nendobj\n`, 'latin1');
    offsets.push(offset);
    chunks.push(s);
    offset += s.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /ID [${hex(id)} ${hex(id)}]${encrypt} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A deterministic pseudo-random generator for reproducible fuzzing (shared with the other fuzz suites). */
export { seeded } from '../../../test/support/seeded.js';

/** The module URL of readPdf, for a script run in another process. */
export const READ_PDF_URL = new URL('./read.ts', import.meta.url).href;

/**
 * Runs an ES module script (its lines) in a new Node process through tsx, with `env` added (pdfjs patch
 * switches such as FISCUS_PDFJS_STOCK or FISCUS_PDFJS_SKIP, read when pdfjs loads), and answers the JSON
 * its last line of output prints.
 */
export function runInChild(lines: string[], env: Record<string, string>): unknown {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', lines.join('\n')], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as unknown;
}
