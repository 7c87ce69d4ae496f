/**
 * pdfjs-dist (legacy build) loaded for text extraction only: fiscus reads text with positions and
 * never renders a glyph. Plain JavaScript, so that `fiscus audit`'s worker threads can load it before
 * they register tsx (tsx would rewrite and source-map pdfjs's 3 MB again in every worker); read.ts
 * imports the same module (typed by pdfjs-text.d.mts).
 *
 * Two things make a read several times faster than stock pdfjs on Node 20, the extracted text staying
 * byte for byte the same (src/importers/pdf/pinned-text.test.ts pins it for the sample PDFs):
 *
 * 1. Native built-ins back. The legacy build bundles core-js, which on Node 20's V8 replaces
 *    `Array.prototype.push` (V8 ≤ 12.1 does not throw on a non-writable length), `JSON.parse` and
 *    `JSON.stringify` (JSON.rawJSON / parse-with-source proposals) with JavaScript versions, for the
 *    whole process. pdfjs's font compiler pushes megabytes one element at a time, and every later
 *    `push` and `JSON.stringify` of fiscus itself paid too. The natives are put back once pdfjs is
 *    loaded: they behave identically for everything pdfjs and fiscus do (ordinary arrays, no raw JSON).
 *    Its other polyfills (Promise.withResolvers, Map.getOrInsertComputed, …) add what Node 20 lacks
 *    and stay.
 *
 * 2. A text-only copy of pdfjs's worker module (the "fake worker" that runs in this thread), made at
 *    load time from the installed pdf.worker.mjs by exact, unique text replacements (`PATCHES`). Each
 *    removes work whose result only ever reaches the rendering of glyphs, never text content:
 *    - `cff-compile`: an embedded OpenType font with CFF outlines inside a composite (CID) TrueType
 *      font — e.g. ONLYOFFICE's `BAAAAA+FangSong`, "Mismatch between font type and embedded font
 *      file" — has all its glyph programs validated (`parseCharStrings`) and recompiled
 *      (`CFFCompiler.compile`) into the font file pdfjs would hand to the browser. Text content takes
 *      characters from the ToUnicode/cmap, widths from the PDF's /W array, and the font matrix and
 *      bbox from the CFF top dict; those still come from the same `CFFParser.parse()` (only its
 *      per-glyph charstring validation is skipped) and `numGlyphs` from the same CharStrings count.
 *      The original CFF table is kept in the unused font file instead of the recompiled one. (Only
 *      `getOperatorList`, which read.ts calls to tell an image-only PDF from an empty one, draws glyph
 *      paths from that file; it runs on both sample PDFs without error, and read.ts already skips a
 *      page whose operator list fails.)
 *    - `text-state-clone`: `TextState.clone()` made each copy's prototype the state it copied
 *      (`Object.create(this)`), which turns every saved graphics state (`q`) into a prototype and costs
 *      V8 a new hidden class each time. All TextState fields are own, enumerable class fields that the
 *      copy receives by `Object.assign`, so giving the copy TextState.prototype instead reads the same
 *      values. (EvalState.clone, which does rely on its prototype chain, is left alone.)
 *    A replacement whose text is not found exactly once (another pdfjs version) is not applied: pdfjs
 *    then does the stock work (slower, same text), and the pinned test's check of `applied` says so.
 *    FISCUS_PDFJS_STOCK=1 loads the stock worker module (for comparisons).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The built-ins as they are before pdfjs is first loaded (this module is imported before pdfjs). */
const NATIVES = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

const isNative = (f) => typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));

function restoreNatives() {
  // Only genuine natives are put back (pdfjs may have been imported before this module).
  if (Array.prototype.push !== NATIVES.push && isNative(NATIVES.push)) Array.prototype.push = NATIVES.push;
  if (JSON.parse !== NATIVES.parse && isNative(NATIVES.parse)) JSON.parse = NATIVES.parse;
  if (JSON.stringify !== NATIVES.stringify && isNative(NATIVES.stringify)) JSON.stringify = NATIVES.stringify;
}

/** Exact replacements in pdfjs-dist 5.5.207's legacy/build/pdf.worker.mjs (see the header). */
export const PATCHES = [
  {
    name: 'cff-compile',
    find: [
      '        const parser = new CFFParser(new Stream(tables["CFF "].data), properties, SEAC_ANALYSIS_ENABLED);',
      '        const cff = parser.parse();',
      '        cff.duplicateFirstGlyph();',
      '        const compiler = new CFFCompiler(cff);',
      '        tables["CFF "].data = compiler.compile();',
      '        numGlyphsFromCFF = cff.charStringCount;',
    ].join('\n'),
    replace: [
      '        const parser = new CFFParser(new Stream(tables["CFF "].data), properties, SEAC_ANALYSIS_ENABLED);',
      '        /* fiscus text-only: glyph programs are neither validated nor recompiled (outlines are never drawn). */',
      '        parser.parseCharStrings = ({ charStrings }) => ({ charStrings, seacs: [], widths: [] });',
      '        const cff = parser.parse();',
      '        numGlyphsFromCFF = cff.charStringCount;',
    ].join('\n'),
  },
  {
    name: 'text-state-clone',
    find: [
      '  clone() {',
      '    const clone = Object.assign(Object.create(this), this);',
      '    clone.textMatrix = this.textMatrix.slice();',
    ].join('\n'),
    replace: [
      '  clone() {',
      '    /* fiscus text-only: all fields are own; the copy need not inherit from the state it copies. */',
      '    const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);',
      '    clone.textMatrix = this.textMatrix.slice();',
    ].join('\n'),
  },
];

/** Applies the PATCHES that match exactly once; returns the new source and the names applied. */
export function patchWorkerSource(source) {
  const applied = [];
  let out = source;
  for (const p of PATCHES) {
    const at = out.indexOf(p.find);
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) continue;
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
    applied.push(p.name);
  }
  return { source: out, applied };
}

let loaded = null;

async function load() {
  let pdfjs;
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    restoreNatives();
  }
  const workerFile = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const workerUrl = pathToFileURL(workerFile).href;
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  let worker = null;
  let applied = [];
  try {
    if (process.env.FISCUS_PDFJS_STOCK !== '1') {
      try {
        const patched = patchWorkerSource(await readFile(workerFile, 'utf8'));
        if (patched.applied.length > 0) {
          // The stock file's source map does not fit the patched text: dropped; stack traces still name the file.
          const source = patched.source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n') + `//# sourceURL=${workerUrl}\n`;
          worker = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));
          applied = patched.applied;
        }
      } catch {
        worker = null;
        applied = [];
      }
    }
    worker ??= await import(workerUrl);
  } finally {
    restoreNatives();
  }
  // pdfjs's fake worker (the only kind on Node) takes its message handler from this global when set.
  globalThis.pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
  return { pdfjs, applied };
}

/** pdfjs for text extraction, loaded once per thread. */
export function loadPdfJs() {
  loaded ??= load();
  return loaded.then((l) => l.pdfjs);
}

/** Which text-only replacements are in effect (after loadPdfJs). */
export async function textOnlyPatches() {
  loaded ??= load();
  return { applied: (await loaded).applied, known: PATCHES.map((p) => p.name) };
}
