/**
 * Reading a PDF: pdfjs text items with positions → lines laid out like `pdftotext -layout` → the
 * same `SourceText` the text importers parse.
 *
 * Provenance of a value read from a PDF: `page` is the PDF page (1-based) and `line` the 1-based
 * line of the synthesized text (`PdfText.text`: a `===== page N =====` marker line before each page,
 * then its lines, blank lines where the page leaves a vertical gap). Feeding that text to
 * `readSourceText` gives the same lines, so a user can open it and find any cited line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FiscusError } from '../../domain/errors.js';
import type { PageRulings, SourceLine, SourceText } from '../text/source.js';
import { layoutPage, renderPages, type PdfItem, type PdfLine, type PdfPageLayout, type RawItem } from './layout.js';
// pdfjs, loaded on first use (commands that never read a PDF do not pay for it) and set up for text
// only: native built-ins restored, rendering-only font work skipped (see pdfjs-text.mjs).
import { loadPdfJs, textOnlyPatches, type PdfJs } from './pdfjs-text.mjs';
import { pathRulings, type PaintedPath, type Rulings } from './rulings.js';
import { minOf } from '../../domain/arrays.js';

export type { PdfItem, PdfLine, PdfPageLayout };

export interface PdfText {
  /** The lines as the text importers read them (page on every line, `no` = line of `text`). */
  source: SourceText;
  /** The synthesized layout text that `source.lines` number. */
  text: string;
  /** Per page: the lines with their positioned cells, for parsers that want x positions. */
  pages: PdfPageLayout[];
}

function assetDir(name: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), name) + '/';
}

function damaged(file: string, why: string): FiscusError {
  return new FiscusError('INPUT_UNREADABLE', `应为可读的 PDF，实为损坏的文件（${why}）`, { file, line: null }, '可读的 PDF', `损坏的文件（${why}）`);
}

/** Checks the frame of the file before pdfjs, which silently reconstructs truncated files. */
function checkFrame(bytes: Uint8Array, file: string): void {
  const head = Buffer.from(bytes.subarray(0, Math.min(1024, bytes.length))).toString('latin1');
  if (!head.includes('%PDF-')) throw damaged(file, '没有 %PDF- 文件头');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) throw damaged(file, `已截断：${bytes.length} 字节的末尾没有 %%EOF`);
}

function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 120 ? m.slice(0, 120) + '…' : m;
}

function pageRange(pages: number[]): string {
  if (pages.length === 1) return `第 ${pages[0]} 页`;
  return `第 ${pages[0]}…${pages[pages.length - 1]} 页`;
}

/**
 * Reads a PDF's text layer into numbered, paged lines. Truncated, damaged, password-protected and
 * image-only PDFs end in a FiscusError (INPUT_UNREADABLE) saying what was expected and found.
 */
export interface ReadPdfOptions {
  /** Called with the page count once the document is open, before any page is read (a caller's limit throws here). */
  checkPages?: (pages: number) => void;
}

/**
 * How fiscus opens a PDF with pdfjs (text only). `npm run bench` opens the corpus the same way to time
 * pdfjs's text extraction alone.
 */
const binaryFiles = new Map<string, Uint8Array>();
/** A file of pdfjs's own data (a packed CMap, a standard font), read from disk once per process. */
function pdfjsDataFile(path: string): Uint8Array {
  let b = binaryFiles.get(path);
  if (!b) {
    b = new Uint8Array(readFileSync(path));
    binaryFiles.set(path, b);
  }
  // pdfjs may transfer what it is given: a copy each time, the cache keeps its own.
  return new Uint8Array(b);
}
class CachedCMapReader {
  constructor(private readonly o: { baseUrl: string | null; isCompressed: boolean }) {}
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    return { cMapData: pdfjsDataFile(`${this.o.baseUrl}${name}${this.o.isCompressed ? '.bcmap' : ''}`), isCompressed: this.o.isCompressed };
  }
}
class CachedStandardFontReader {
  constructor(private readonly o: { baseUrl: string | null }) {}
  async fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return pdfjsDataFile(`${this.o.baseUrl}${filename}`);
  }
}

export function pdfjsDocumentOptions(bytes: Uint8Array) {
  return {
    CMapReaderFactory: CachedCMapReader,
    StandardFontDataFactory: CachedStandardFontReader,
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy, the caller keeps its bytes.
    data: new Uint8Array(bytes),
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    isEvalSupported: false,
    // Text only: no FontFace objects for rendering (saves a fifth of the time on embedded CJK fonts).
    disableFontFace: true,
    stopAtErrors: true,
    verbosity: 0,
  };
}

export async function readPdf(bytes: Uint8Array, file: string, opts: ReadPdfOptions = {}): Promise<PdfText> {
  if (bytes.length === 0) throw new FiscusError('INPUT_UNREADABLE', '应为可读的 PDF，实为空文件', { file, line: null });
  checkFrame(bytes, file);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfjsDocumentOptions(bytes));
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'PasswordException') {
        throw new FiscusError('INPUT_UNREADABLE', '应为未加密的 PDF，实为有密码保护的 PDF', { file, line: null }, '未加密的 PDF', '有密码保护的 PDF');
      }
      throw damaged(file, describe(e));
    }
    opts.checkPages?.(doc.numPages);
    // The drawn rules come with the text items where pdfjs-text.mjs could add them (text-content-paths);
    // else from a second pass over the page (getOperatorList), which gives the same paths.
    const pathsWithText = (await textOnlyPatches()).applied.includes('text-content-paths');
    const pages: PdfPageLayout[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const vp = page.getViewport({ scale: 1 });
        const tc = await page.getTextContent();
        const raw: RawItem[] = [];
        const paths: PaintedPath[] = [];
        for (const it of tc.items) {
          if (!('str' in it)) {
            const p = it as unknown as Partial<TextPath>;
            if (p.type === 'fiscusPath' && p.ctm && p.path && p.paint !== undefined) paths.push(painted(pdfjs, vp.transform, p.paint, p.ctm, p.path));
            continue;
          }
          if (it.str === '') continue;
          // Into viewport space (top-left origin, page rotation and crop box applied).
          // pdfjs types the product of two transform matrices as any[]: it is six numbers [a b c d e f].
          const [a, b, c, d, e, f] = pdfjs.Util.transform(vp.transform, it.transform) as [number, number, number, number, number, number];
          const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || it.height;
          raw.push({ x: e, y: f, width: it.width, height: it.height, fontSize, text: it.str });
        }
        const layout = layoutPage(n, vp.width, vp.height, raw);
        layout.rulings = pathRulings(pathsWithText ? paths : await operatorListPaths(page, pdfjs, vp.transform));
        pages.push(layout);
        page.cleanup();
      } catch (e) {
        if (e instanceof FiscusError) throw e;
        throw damaged(file, `第 ${n} 页：${describe(e)}`);
      }
    }
    if (pages.length === 0) throw damaged(file, '没有页面');
    if (pages.every((p) => p.lines.length === 0)) {
      const all = pages.map((p) => p.no);
      const images = await hasImages(doc, pdfjs, Math.min(doc.numPages, 5));
      if (images) throw new FiscusError('INPUT_UNREADABLE', `应为有文本层的 PDF，实为只有图像（${pageRange(all)}）：需要 OCR`, { file, line: null }, '有文本层的 PDF', '只有图像');
      throw new FiscusError('INPUT_UNREADABLE', `应为有文本层的 PDF，实为没有文本（${pageRange(all)}）`, { file, line: null }, '有文本层的 PDF', '没有文本');
    }
    const text = renderPages(pages);
    return { source: toSource(text, pages, bytes, file), text, pages };
  } finally {
    await task.destroy();
  }
}

/** A painted path as pdfjs-text.mjs puts it among the text items (text-content-paths). */
interface TextPath {
  type: 'fiscusPath';
  paint: number;
  ctm: number[];
  path: Float32Array;
}

type Six = [number, number, number, number, number, number];

/** A path painted with operator `paint` under `ctm`, mapped into viewport space. */
function painted(pdfjs: PdfJs, viewport: number[], paint: number, ctm: readonly number[], path: ArrayLike<number>): PaintedPath {
  const O = pdfjs.OPS;
  const fill = paint === O.fill || paint === O.eoFill || paint === O.fillStroke || paint === O.eoFillStroke || paint === O.closeFillStroke || paint === O.closeEOFillStroke;
  const stroke = paint === O.stroke || paint === O.closeStroke || paint === O.fillStroke || paint === O.eoFillStroke || paint === O.closeFillStroke || paint === O.closeEOFillStroke;
  return { fill, stroke, m: pdfjs.Util.transform(viewport, ctm) as Six, path };
}

/**
 * The painted paths of a page from its operator list (what the text pass gives with text-content-paths):
 * the CTM followed through q / Q / cm and form XObjects, as the text pass's state follows it.
 */
async function operatorListPaths(
  page: { getOperatorList(o?: { annotationMode?: number }): Promise<{ fnArray: number[]; argsArray: unknown[] }> },
  pdfjs: PdfJs,
  viewport: number[],
): Promise<PaintedPath[]> {
  const O = pdfjs.OPS;
  // Annotations' appearances are not the page's content (the text pass does not read them either).
  const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const out: PaintedPath[] = [];
  const stack: number[][] = [];
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === O.save) stack.push(ctm);
    else if (fn === O.restore) ctm = stack.pop() ?? ctm;
    else if (fn === O.transform && args) ctm = pdfjs.Util.transform(ctm, args) as number[];
    else if (fn === O.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as number[] | null | undefined;
      if (m && m.length === 6) ctm = pdfjs.Util.transform(ctm, m) as number[];
    } else if (fn === O.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === O.constructPath && args) {
      const [paint, data] = args as [number, [Float32Array | null]];
      const path = data?.[0];
      if (paint !== O.endPath && path && path.length > 0) out.push(painted(pdfjs, viewport, paint, ctm, path));
    }
  });
  return out;
}

async function hasImages(doc: { getPage(n: number): Promise<{ getOperatorList(): Promise<{ fnArray: number[] }> }> }, pdfjs: PdfJs, upTo: number): Promise<boolean> {
  const ops = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
  for (let n = 1; n <= upTo; n++) {
    try {
      const list = await (await doc.getPage(n)).getOperatorList();
      if (list.fnArray.some((f) => ops.has(f))) return true;
    } catch {
      // A page whose images cannot be decoded still tells us nothing about text: keep looking.
    }
  }
  return false;
}

/**
 * Numbers the synthesized text's lines exactly as readSourceText would, and gives each line its
 * measured cells: x in text columns of its page (points ÷ the page's column width, from the page's
 * left text edge), the baseline and the font size in the same unit.
 */
function toSource(text: string, pages: PdfPageLayout[], bytes: Uint8Array, file: string): SourceText {
  const raw = text.split('\n');
  const lines: SourceLine[] = [];
  let page: number | null = null;
  let layout: PdfPageLayout | undefined;
  let next = 0;
  let left = 0;
  let rulings: PageRulings | undefined;
  raw.forEach((l, i) => {
    const pm = /^===== page (\d+) =====$/.exec(l);
    if (pm) {
      page = Number(pm[1]);
      layout = pages.find((p) => p.no === page);
      next = 0;
      left = layout ? minOf(layout.lines.flatMap((x) => x.items.map((it) => it.x))) : 0;
      if (!Number.isFinite(left)) left = 0;
      rulings = layout?.rulings ? inTextUnits(layout.rulings, left, layout.charWidth) : undefined;
      return;
    }
    const t = l.trim();
    if (t.length === 0) return;
    const line: SourceLine = { no: i + 1, text: t, page, indent: l.length - l.trimStart().length };
    const pl = layout?.lines[next];
    if (pl && layout) {
      next++;
      const cw = layout.charWidth;
      line.cells = pl.items.map((it) => ({ text: it.text, x0: (it.x - left) / cw, x1: (it.x + it.width - left) / cw }));
      line.y = pl.y / cw;
      line.size = (pl.items[0]?.fontSize ?? cw) / cw;
      if (pl.raw !== undefined) line.raw = pl.raw;
      if (rulings) line.rulings = rulings;
    }
    lines.push(line);
  });
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: 'utf-8',
    lines,
    lineCount: raw.length - (text.endsWith('\n') ? 1 : 0),
    pages: pages.length,
  };
}

/** A page's rules in the units of its lines (see PageRulings). */
function inTextUnits(r: Rulings, left: number, cw: number): PageRulings {
  const u = (v: number) => Math.round((v / cw) * 1000) / 1000;
  return {
    h: r.h.map((x) => ({ y: u(x.y), x0: u(x.x0 - left), x1: u(x.x1 - left) })),
    v: r.v.map((x) => ({ x: u(x.x - left), y0: u(x.y0), y1: u(x.y1) })),
    left,
    charWidth: cw,
  };
}

/**
 * The page (1-based) each named destination of a PDF's internal links leads to: a printed package's
 * 目录 links `#table-1` → page 11. For the print's own output (fiscus' HTML printed by Chromium, whose
 * named destinations are the HTML ids); a link to an unknown destination is left out.
 */
export async function pdfLinkPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfjsDocumentOptions(bytes));
  try {
    const doc = await task.promise;
    const out = new Map<string, number>();
    for (let n = 1; n <= doc.numPages; n++) {
      const annotations = (await (await doc.getPage(n)).getAnnotations()) as Array<{ subtype?: string; dest?: unknown }>;
      for (const a of annotations) {
        if (a.subtype !== 'Link' || typeof a.dest !== 'string' || out.has(a.dest)) continue;
        const dest = (await doc.getDestination(a.dest)) as [unknown, ...unknown[]] | null;
        if (dest) out.set(a.dest, (await doc.getPageIndex(dest[0] as never)) + 1);
      }
    }
    return out;
  } finally {
    await task.destroy();
  }
}
