/**
 * pdfjs-dist (legacy build) loaded for text extraction only: fiscus reads text with positions and
 * never renders a glyph. Plain JavaScript, so that `fiscus audit`'s worker threads can load it before
 * they register tsx (tsx would rewrite and source-map pdfjs's 3 MB again in every worker); read.ts
 * imports the same module (typed by pdfjs-text.d.mts).
 *
 * Three things make a read several times faster than stock pdfjs on Node 20, the extracted text staying
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
 *      V8 a new hidden class each time. All TextState fields are own, enumerable class fields, so a copy
 *      with TextState.prototype that receives each field reads the same values. They are assigned one
 *      by one in the class's order (a third of the time of `Object.assign`, which was 1.4 % of all CPU
 *      of reading the corpus: one clone per `q` of every page); the replacement applies only where the
 *      class declares exactly those fields. (EvalState.clone, which does rely on its prototype chain,
 *      is left alone.)
 *    - `sync-inflate`: pdfjs 5 inflates every Flate stream (content streams, fonts, cmaps) through a
 *      web `DecompressionStream`, which Node runs on the libuv thread pool behind several layers of
 *      web-stream promises: a third of a second per document in stream plumbing and waiting. zlib's
 *      `inflateSync` (the same zlib, hence the same bytes) is used instead where it reads the whole
 *      stream without error and consumes every input byte; on an error or trailing bytes the stock
 *      code runs as before (and falls back to pdfjs's own JavaScript inflater when that fails too).
 *    - `loca-in-order`: for each embedded TrueType font, pdfjs finds every glyph's byte range by
 *      sorting an object per glyph by offset and back by index (two comparator sorts over the font's
 *      full glyph count, 15,000 on average for the subset CJK fonts of the corpus). When the offsets
 *      are already in order — every font of the corpus — a stable sort leaves them in place, so the
 *      ranges are read off directly; otherwise the stock sorts run. Same ranges, same output.
 *    - `glyf-unchecked`: the same fonts' glyph outlines were each validated and copied into a new
 *      `glyf` table (`sanitizeGlyphLocations`, a fifth of all font work on the corpus) for the font file
 *      pdfjs would hand to the browser. Text takes nothing from outlines; the one result used further
 *      on, which glyphs are missing, trims only the font file's own character map (never the text's
 *      ToUnicode map, widths or categories): a glyph whose loca range holds 12 bytes or less is taken
 *      for missing, as the stock check finds for the empty slots of a subset font (kept in a byte per
 *      glyph: a dictionary of up to 65,535 keys cost more than the check it replaced). Until 2026-12-07
 *      this replacement declared its own `missingGlyphs` where the stock code then assigns the outer one:
 *      every embedded TrueType font threw there and was read as a missing font (pdfjs's fallback), which
 *      gave the same text on the corpus but not the font's own metrics (pinned-text.test checks them).
 *    - `font-program-unbuilt`: after that, checkAndRepair builds the font program a renderer would load
 *      (every code mapped to a glyph and moved to the private use area, new cmap, OS/2 and name
 *      tables, the file itself: half of all font work once the font no longer falls back). Text takes
 *      none of it: characters come from the ToUnicode map, widths from the PDF, metrics from head and
 *      hhea (read before). What it does take is kept: the name table's records, through which pdfjs
 *      amends a simple font's ToUnicode map. The font is left without a file (`data` undefined, as a
 *      font that is not embedded has none), so getOperatorList draws no glyph paths from it either.
 *      The 60 corpus PDFs give the same text, positions and drawn rules as stock pdfjs, byte for byte.
 *    - `missing-glyphs-unread`: with the font program unbuilt, glyf-unchecked's test of which glyphs are
 *      missing (a pass over the loca table of every embedded TrueType font, ~15,000 glyphs on average;
 *      about 200 ms of the corpus's 60 PDFs in a CPU profile) feeds nothing: its one reader,
 *      `hasGlyph`, is in the code after font-program-unbuilt's return. It is left out, only where both
 *      of those replacements apply (the font-count check before it stays).
 *    - `cmap-for-each-present`: `CMap.forEach` (every ToUnicode map read from a font, every built-in
 *      one) tried each code from 0 to the map's length, up to 65,536, on an array whose few thousand
 *      entries are spread over that range (V8 keeps it as a dictionary, a hash lookup per code).
 *      `Object.keys` lists the entries present, array indices in ascending order (the language's
 *      order for an array's own keys), and only those are visited; the callback still sees only
 *      entries that are not undefined, at codes below the map's length, as before. (An earlier
 *      version used `Array.prototype.forEach`, which skips the same holes but, on a dictionary-mode
 *      array, still asks for every index up to the length: 555 maps read over the 60 corpus PDFs
 *      took 798 ms that way, 101 ms by their keys.)
 *    - `builtin-cmap-parsed-once`: a built-in CMap (UniGB-UCS2-H, Adobe-GB1-UCS2 …) was parsed again
 *      for every font that names it, though pdfjs already keeps its file's bytes once per document
 *      (`builtInCMapCache`). It is parsed once per those bytes (hence per document and name), and
 *      every caller gets its own copy (own code-space ranges and map array), as it got its own parse:
 *      a copy may be shared into a ToUnicode map that is amended later. Some producers give each page
 *      its own non-embedded CJK font (one corpus PDF: 33 fonts on UniGB-UCS2-H).
 *    - `ucs2-to-unicode-once`: such a font's ToUnicode map (each of up to 65,536 codes through the
 *      CMap, then Adobe-GB1-UCS2) depends only on the two CMaps; when the font's CMap is the identity
 *      or a built-in one, the map is made once per document and each font gets a copy of it.
 *    - `fallback-font-char-once`: a non-embedded composite font whose ToUnicode map is that per-document
 *      one, not amended since (an amend forgets it), gets a copy of the font characters made from the
 *      first such font instead of walking the 65,536 codes again.
 *    - `text-transform-in-place`: the text content's current transform (ctm × text matrix × the font
 *      size and rise), taken twice per glyph, is multiplied out term by term with the same operations
 *      in the same order as `Util.transform` twice, without its intermediate arrays; the comparison
 *      with the last position, which only reads it, gets it in one array kept for it.
 *    - `text-loop-fresh-arrays`: the text pass emptied its array of operator arguments before every
 *      operator (`args.length = 0`), and a text item's array of string pieces after every item: setting
 *      an array's length is a call into V8's runtime (1.5–1.9 ms per document over the 60 corpus PDFs
 *      in a CPU profile, more than the young-generation allocation of a new array). Each gets a new
 *      array instead; nothing holds the old one (an operator's arguments are read before the next is
 *      parsed, the pieces are joined into the item's string), so the items are the same.
 *    - `hex-string-codes`: a hex string of a content stream (`<0A3B…> Tj`, how most of the corpus's CJK
 *      text is shown) was gathered as one-character strings in the lexer's shared buffer, emptied each
 *      time and joined at the end; its bytes are gathered as numbers in a new array and made one string
 *      by String.fromCharCode (the same characters). Over three interleaved pairs of runs of the 60
 *      corpus PDFs (warm, load 6.5–9.7), the two replacements took readPdf from 82.5 to 78.6 ms of
 *      CPU per document on average (every pair lower).
 * 3. `loopback-no-clone`, in pdfjs's main module (pdf.mjs): the fake worker's `LoopbackPort` passes
 *    every message between the two halves of pdfjs (which run in this one thread) through
 *    `structuredClone`, a deep copy of each chunk of text items. A message of primitives only is
 *    copied shallowly (the same thing); a text-content chunk gets fresh `chunk` and message objects
 *    around the same `items` array and item objects — the worker never touches them again (it starts
 *    a new `items` array after each chunk and builds a new object per item). Every other message, and
 *    any message with transfers, is still cloned.
 *    `text-content-chunk-size`, in pdf.mjs too: getTextContent reads a page's text as a stream whose
 *    high-water mark was 100 items: the worker's loop stops at every 100 items (fewer where a time slot
 *    ends) and waits until the reader has taken the chunk and asked for the next (a message each way
 *    and a round of stream promises). With 4,000 most pages come in one chunk. getTextContent joins the
 *    chunks in order (items appended, styles merged, the one `lang`), so the text content is the same;
 *    a chunk stays small enough for `items.push(...chunk)`.
 * And one addition, `text-content-paths`, in the worker: the drawn rules of a page (a table's cell borders) for the
 *    table reader, taken in the same pass over the content stream as its text instead of a second one
 *    through `getOperatorList` (which costs about twice the text pass: it builds glyph lists for every
 *    text operator). The text pass already parses every operator and keeps the CTM (its preprocessor
 *    applies `q` / `Q` / `cm`, a form XObject's matrix included); the path operators, which it skipped,
 *    are built by pdfjs's own `buildPath` (as `getOperatorList` builds them), and each painted path
 *    (stroke or fill; a clip's `n` paints nothing) is put among the text items as
 *    `{ type: "fiscusPath", paint, ctm, path }` — `paint` the operator, `ctm` a copy of the six numbers
 *    of the CTM (element by element: `Array.from` on a Float32Array was most of the cost of making each
 *    item, 1.2–1.6 s against 0.16–0.18 s per 2 M items in a micro-benchmark), `path` the Float32Array
 *    that `getOperatorList`'s `constructPath` carries. read.ts takes them out; without this replacement
 *    it reads the same paths from `getOperatorList` (src/importers/pdf/rulings.test.ts compares the two).
 *    Text items are unchanged: the pinned hashes still hold.
 *    A replacement whose text is not found exactly once (another pdfjs version) is not applied: pdfjs
 *    then does the stock work (slower, same text), and the pinned test's check of `applied` says so.
 *    A replacement may also change a second text (`also`) and need others applied first (`requires`).
 *    FISCUS_PDFJS_STOCK=1 loads the stock modules; FISCUS_PDFJS_SKIP=name,… leaves out the
 *    replacements named (for comparisons).
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

/** glyf-unchecked's test of which glyphs of an embedded TrueType font are missing (missing-glyphs-unread removes it again). */
const MISSING_GLYPHS = [
  '      const fiscusMissing = new Uint8Array(numGlyphs);',
  '      const locaBytes = tables.loca.data;',
  '      const glyfLength = tables.glyf.data.length;',
  '      const locaAt = isGlyphLocationsLong ? (k) => (locaBytes[4 * k] << 24 | locaBytes[4 * k + 1] << 16 | locaBytes[4 * k + 2] << 8 | locaBytes[4 * k + 3]) : (k) => (locaBytes[2 * k] << 9 | locaBytes[2 * k + 1] << 1);',
  '      let glyphStart = Math.min(locaAt(0), glyfLength);',
  '      for (let g = 0; g < numGlyphs; g++) {',
  '        const glyphEnd = Math.min(locaAt(g + 1), glyfLength);',
  '        if (!(glyphEnd - glyphStart > 12)) {',
  '          fiscusMissing[g] = 1;',
  '        }',
  '        glyphStart = glyphEnd;',
  '      }',
  '      const glyphsInfo = { missingGlyphs: fiscusMissing, maxSizeOfInstructions };',
];

/** pdfjs's TextState and its fields, as text-state-clone copies them (a guard: the replacement applies only where they are these). */
const TEXT_STATE_FIELDS = [
  'class TextState {',
  '  ctm = new Float32Array(IDENTITY_MATRIX);',
  '  fontName = null;',
  '  fontSize = 0;',
  '  loadedName = null;',
  '  font = null;',
  '  fontMatrix = FONT_IDENTITY_MATRIX;',
  '  textMatrix = IDENTITY_MATRIX.slice();',
  '  textLineMatrix = IDENTITY_MATRIX.slice();',
  '  charSpacing = 0;',
  '  wordSpacing = 0;',
  '  leading = 0;',
  '  textHScale = 1;',
  '  textRise = 0;',
  '  setTextMatrix(',
].join('\n');

/** pdfjs's text loop head, as text-loop-fresh-arrays replaces it (its replacement differs in one line). */
const TEXT_LOOP = [
  '      const operation = {};',
  '      let stop,',
  '        name,',
  '        isValidName,',
  '        args = [];',
  '      while (!(stop = timeSlotManager.check())) {',
  '        args.length = 0;',
  '        operation.args = args;',
].join('\n');

/** pdfjs's Lexer.getHexString, as hex-string-codes replaces it (its replacement differs in four places). */
const HEX_STRING = [
  '  getHexString() {',
  '    const strBuf = this.strBuf;',
  '    strBuf.length = 0;',
  '    let ch = this.currentChar;',
  '    let firstDigit = -1,',
  '      digit = -1;',
  '    this._hexStringNumWarn = 0;',
  '    while (true) {',
  '      if (ch < 0) {',
  '        warn("Unterminated hex string");',
  '        break;',
  '      } else if (ch === 0x3e) {',
  '        this.nextChar();',
  '        break;',
  '      } else if (specialChars[ch] === 1) {',
  '        ch = this.nextChar();',
  '        continue;',
  '      } else {',
  '        digit = toHexDigit(ch);',
  '        if (digit === -1) {',
  '          this._hexStringWarn(ch);',
  '        } else if (firstDigit === -1) {',
  '          firstDigit = digit;',
  '        } else {',
  '          strBuf.push(String.fromCharCode(firstDigit << 4 | digit));',
  '          firstDigit = -1;',
  '        }',
  '        ch = this.nextChar();',
  '      }',
  '    }',
  '    if (firstDigit !== -1) {',
  '      strBuf.push(String.fromCharCode(firstDigit << 4));',
  '    }',
  '    return strBuf.join("");',
  '  }',
].join('\n');

/** `text` with each `[from, to]` made once; a `from` not found exactly once is this file's mistake. */
function edited(text, pairs) {
  let out = text;
  for (const [from, to] of pairs) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`pdfjs-text.mjs: ${JSON.stringify(from)} is not in the text exactly once`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
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
    find: ['  clone() {', '    const clone = Object.assign(Object.create(this), this);', '    clone.textMatrix = this.textMatrix.slice();'].join('\n'),
    replace: [
      '  clone() {',
      '    /* fiscus text-only: each of the class fields (its only properties) copied in their order; the copy need not inherit from the state it copies. */',
      '    const clone = Object.create(TextState.prototype);',
      '    clone.ctm = this.ctm;',
      '    clone.fontName = this.fontName;',
      '    clone.fontSize = this.fontSize;',
      '    clone.loadedName = this.loadedName;',
      '    clone.font = this.font;',
      '    clone.fontMatrix = this.fontMatrix;',
      '    clone.textMatrix = this.textMatrix.slice();',
      '    clone.textLineMatrix = this.textLineMatrix;',
      '    clone.charSpacing = this.charSpacing;',
      '    clone.wordSpacing = this.wordSpacing;',
      '    clone.leading = this.leading;',
      '    clone.textHScale = this.textHScale;',
      '    clone.textRise = this.textRise;',
    ].join('\n'),
    // The fields copied above are the class's, exactly: another list (another pdfjs) leaves the stock clone.
    also: {
      find: TEXT_STATE_FIELDS,
      replace: TEXT_STATE_FIELDS,
    },
  },
  {
    name: 'sync-inflate',
    find: [
      '  async asyncGetBytesFromDecompressionStream(name) {',
      '    this.stream.reset();',
      '    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();',
      '    try {',
    ].join('\n'),
    replace: [
      '  async asyncGetBytesFromDecompressionStream(name) {',
      '    this.stream.reset();',
      '    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();',
      '    /* fiscus: zlib inflates in this thread where it reads the whole stream without error; anything else takes the stock path. */',
      '    if (name === "deflate") {',
      '      try {',
      '        const r = globalThis.process.getBuiltinModule("node:zlib").inflateSync(bytes, { info: true });',
      '        if (r.engine.bytesWritten === bytes.length) return { decompressed: new Uint8Array(r.buffer), compressed: bytes };',
      '      } catch {}',
      '    }',
      '    try {',
    ].join('\n'),
  },
  {
    name: 'loca-in-order',
    find: [
      '      const locaEntries = [];',
      '      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {',
      '        let offset = itemDecode(locaData, j);',
      '        if (offset > oldGlyfDataLength) {',
      '          offset = oldGlyfDataLength;',
      '        }',
      '        locaEntries.push({',
      '          index: i,',
      '          offset,',
      '          endOffset: 0',
      '        });',
      '      }',
      '      locaEntries.sort((a, b) => a.offset - b.offset);',
      '      for (i = 0; i < numGlyphs; i++) {',
      '        locaEntries[i].endOffset = locaEntries[i + 1].offset;',
      '      }',
      '      locaEntries.sort((a, b) => a.index - b.index);',
      '      for (i = 0; i < numGlyphs; i++) {',
      '        const {',
      '          offset,',
      '          endOffset',
      '        } = locaEntries[i];',
      '        if (offset !== 0 || endOffset !== 0) {',
      '          break;',
      '        }',
      '        const nextOffset = locaEntries[i + 1].offset;',
      '        if (nextOffset === 0) {',
      '          continue;',
      '        }',
      '        locaEntries[i].endOffset = nextOffset;',
      '        break;',
      '      }',
      '      const last = locaEntries.at(-2);',
      '      if (last.offset !== 0 && last.endOffset === 0) {',
      '        last.endOffset = oldGlyfDataLength;',
      '      }',
      '      const missingGlyphs = Object.create(null);',
      '      let writeOffset = 0;',
      '      itemEncode(locaData, 0, writeOffset);',
      '      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {',
      '        const glyphProfile = sanitizeGlyph(oldGlyfData, locaEntries[i].offset, locaEntries[i].endOffset, newGlyfData, writeOffset, hintsValid);',
    ].join('\n'),
    replace: [
      '      /* fiscus: the same glyph ranges without two comparator sorts of an object per glyph when the offsets are already in order (a stable sort then leaves them where they are). */',
      '      const locaStarts = new Float64Array(numGlyphs + 1);',
      '      const locaEnds = new Float64Array(numGlyphs + 1);',
      '      let locaInOrder = true;',
      '      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {',
      '        let offset = itemDecode(locaData, j);',
      '        if (offset > oldGlyfDataLength) {',
      '          offset = oldGlyfDataLength;',
      '        }',
      '        locaStarts[i] = offset;',
      '        if (i > 0 && offset < locaStarts[i - 1]) {',
      '          locaInOrder = false;',
      '        }',
      '      }',
      '      if (locaInOrder) {',
      '        for (i = 0; i < numGlyphs; i++) {',
      '          locaEnds[i] = locaStarts[i + 1];',
      '        }',
      '      } else {',
      '        const locaEntries = [];',
      '        for (i = 0; i < numGlyphs + 1; i++) {',
      '          locaEntries.push({',
      '            index: i,',
      '            offset: locaStarts[i],',
      '            endOffset: 0',
      '          });',
      '        }',
      '        locaEntries.sort((a, b) => a.offset - b.offset);',
      '        for (i = 0; i < numGlyphs; i++) {',
      '          locaEntries[i].endOffset = locaEntries[i + 1].offset;',
      '        }',
      '        locaEntries.sort((a, b) => a.index - b.index);',
      '        for (i = 0; i < numGlyphs + 1; i++) {',
      '          locaEnds[i] = locaEntries[i].endOffset;',
      '        }',
      '      }',
      '      for (i = 0; i < numGlyphs; i++) {',
      '        if (locaStarts[i] !== 0 || locaEnds[i] !== 0) {',
      '          break;',
      '        }',
      '        const nextOffset = locaStarts[i + 1];',
      '        if (nextOffset === 0) {',
      '          continue;',
      '        }',
      '        locaEnds[i] = nextOffset;',
      '        break;',
      '      }',
      '      if (numGlyphs < 1) {',
      '        throw new TypeError("no glyph before the last loca entry");',
      '      }',
      '      if (locaStarts[numGlyphs - 1] !== 0 && locaEnds[numGlyphs - 1] === 0) {',
      '        locaEnds[numGlyphs - 1] = oldGlyfDataLength;',
      '      }',
      '      const missingGlyphs = Object.create(null);',
      '      let writeOffset = 0;',
      '      itemEncode(locaData, 0, writeOffset);',
      '      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {',
      '        const glyphProfile = sanitizeGlyph(oldGlyfData, locaStarts[i], locaEnds[i], newGlyfData, writeOffset, hintsValid);',
    ].join('\n'),
  },
  {
    name: 'glyf-unchecked',
    find: '      const glyphsInfo = sanitizeGlyphLocations(tables.loca, tables.glyf, numGlyphs, isGlyphLocationsLong, hintsValid, dupFirstEntry, maxSizeOfInstructions);',
    replace: [
      '      /* fiscus text-only: glyph outlines are neither checked nor copied (never drawn). A glyph whose loca range holds no outline (12 bytes or less, as in the',
      '         empty slots of a subset font) is missing, as the stock check finds; the text never depends on it (it only trims the font-file mapping). A font the',
      '         stock code fails on (no glyph before the last loca entry) still fails. */',
      '      if (numGlyphs < 1) {',
      '        throw new TypeError("no glyph before the last loca entry");',
      '      }',
      ...MISSING_GLYPHS,
    ].join('\n'),
  },
  {
    name: 'font-program-unbuilt',
    find: ['    const charCodeToGlyphId = Object.create(null);', '    function hasGlyph(glyphId) {', '      return !missingGlyphs[glyphId];', '    }'].join('\n'),
    replace: [
      '    /* fiscus text-only: the font program handed to a renderer (cmap, OS/2 and name tables, the file) is not built; only what the text takes from it is kept (see pdfjs-text.mjs). */',
      '    if (tables.name) {',
      '      const [namePrototype, nameRecords] = readNameTable(tables.name);',
      '      this.psName = namePrototype[0][6] || null;',
      '      if (!properties.composite) {',
      '        adjustTrueTypeToUnicode(properties, this.isSymbolicFont, nameRecords);',
      '      }',
      '    }',
      '    return undefined;',
      '    const charCodeToGlyphId = Object.create(null);',
      '    function hasGlyph(glyphId) {',
      '      return !missingGlyphs[glyphId];',
      '    }',
    ].join('\n'),
  },
  {
    name: 'missing-glyphs-unread',
    requires: ['glyf-unchecked', 'font-program-unbuilt'],
    find: MISSING_GLYPHS.join('\n'),
    replace: [
      '      /* fiscus text-only: which glyphs are missing is read only by the font program, which is not built (see pdfjs-text.mjs, missing-glyphs-unread). */',
      '      const glyphsInfo = { missingGlyphs: null, maxSizeOfInstructions };',
    ].join('\n'),
  },
  {
    name: 'cmap-for-each-present',
    find: [
      '    if (length <= 0x10000) {',
      '      for (let i = 0; i < length; i++) {',
      '        if (map[i] !== undefined) {',
      '          callback(i, map[i]);',
      '        }',
      '      }',
      '    } else {',
    ].join('\n'),
    replace: [
      '    if (length <= 0x10000) {',
      '      /* fiscus: the same entries in the same order, only those present visited (see pdfjs-text.mjs). */',
      '      const keys = Object.keys(map);',
      '      for (let k = 0; k < keys.length; k++) {',
      '        const i = +keys[k];',
      '        const value = map[i];',
      '        if (i < length && value !== undefined) {',
      '          callback(i, value);',
      '        }',
      '      }',
      '    } else {',
    ].join('\n'),
  },
  {
    name: 'builtin-cmap-parsed-once',
    find: [
      '  const {',
      '    cMapData,',
      '    isCompressed',
      '  } = await fetchBuiltInCMap(name);',
      '  const cMap = new CMap(true);',
      '  if (isCompressed) {',
      '    return new BinaryCMapReader().process(cMapData, cMap, useCMap => extendCMap(cMap, fetchBuiltInCMap, useCMap));',
      '  }',
      '  const lexer = new Lexer(new Stream(cMapData));',
      '  return parseCMap(cMap, lexer, fetchBuiltInCMap, null);',
      '}',
    ].join('\n'),
    replace: [
      '  const fetched = await fetchBuiltInCMap(name);',
      '  const {',
      '    cMapData,',
      '    isCompressed',
      '  } = fetched;',
      '  /* fiscus text-only: one parse per document and name (see pdfjs-text.mjs), each caller gets its own copy. */',
      '  let parsed = fiscusParsedCMaps.get(fetched);',
      '  if (parsed === undefined) {',
      '    parsed = (async () => {',
      '      const cMap = new CMap(true);',
      '      if (isCompressed) {',
      '        return new BinaryCMapReader().process(cMapData, cMap, useCMap => extendCMap(cMap, fetchBuiltInCMap, useCMap));',
      '      }',
      '      const lexer = new Lexer(new Stream(cMapData));',
      '      return parseCMap(cMap, lexer, fetchBuiltInCMap, null);',
      '    })();',
      '    if (fetched !== null && typeof fetched === "object") {',
      '      fiscusParsedCMaps.set(fetched, parsed);',
      '    }',
      '  }',
      '  const cMap = fiscusCopyCMap(await parsed);',
      '  fiscusBuiltInNames.set(cMap, name);',
      '  return cMap;',
      '}',
      'const fiscusParsedCMaps = new WeakMap();',
      'const fiscusBuiltInNames = new WeakMap();',
      'function fiscusCopyCMap(cMap) {',
      '  const copy = Object.assign(Object.create(Object.getPrototypeOf(cMap)), cMap);',
      '  copy.codespaceRanges = cMap.codespaceRanges.map(range => range.slice());',
      '  copy._map = cMap._map.slice();',
      '  return copy;',
      '}',
    ].join('\n'),
  },
  {
    name: 'ucs2-to-unicode-once',
    requires: ['builtin-cmap-parsed-once'],
    find: [
      '      const ucs2CMapName = Name.get(`${registry}-${ordering}-UCS2`);',
      '      const ucs2CMap = await CMapFactory.create({',
      '        encoding: ucs2CMapName,',
      '        fetchBuiltInCMap: this._fetchBuiltInCMapBound,',
      '        useCMap: null',
      '      });',
      '      const toUnicode = [],',
      '        buf = [];',
      '      properties.cMap.forEach(function (charcode, cid) {',
      '        if (cid > 0xffff) {',
      '          throw new FormatError("Max size of CID is 65,535");',
      '        }',
      '        const ucs2 = ucs2CMap.lookup(cid);',
      '        if (ucs2) {',
      '          buf.length = 0;',
      '          for (let i = 0, ii = ucs2.length; i < ii; i += 2) {',
      '            buf.push((ucs2.charCodeAt(i) << 8) + ucs2.charCodeAt(i + 1));',
      '          }',
      '          toUnicode[charcode] = String.fromCharCode(...buf);',
      '        }',
      '      });',
      '      return new ToUnicodeMap(toUnicode);',
    ].join('\n'),
    replace: [
      '      const ucs2CMapName = Name.get(`${registry}-${ordering}-UCS2`);',
      '      /* fiscus text-only: the map of an identity or built-in CMap through a built-in UCS2 CMap is made once per document (see pdfjs-text.mjs). */',
      '      const fiscusCMapKey = properties.cMap instanceof IdentityCMap ? "Identity" : fiscusBuiltInNames.get(properties.cMap);',
      '      let fiscusMaps = null;',
      '      const fiscusKey = `${fiscusCMapKey}|${ucs2CMapName.name}`;',
      '      if (fiscusCMapKey !== undefined && this.builtInCMapCache !== null && typeof this.builtInCMapCache === "object") {',
      '        fiscusMaps = fiscusToUnicodeMaps.get(this.builtInCMapCache);',
      '        if (fiscusMaps === undefined) {',
      '          fiscusMaps = new Map();',
      '          fiscusToUnicodeMaps.set(this.builtInCMapCache, fiscusMaps);',
      '        }',
      '        const made = fiscusMaps.get(fiscusKey);',
      '        if (made !== undefined) {',
      '          const fiscusMap = new ToUnicodeMap(made.toUnicode.slice());',
      '          fiscusPristineMaps.set(fiscusMap, made);',
      '          return fiscusMap;',
      '        }',
      '      }',
      '      const ucs2CMap = await CMapFactory.create({',
      '        encoding: ucs2CMapName,',
      '        fetchBuiltInCMap: this._fetchBuiltInCMapBound,',
      '        useCMap: null',
      '      });',
      '      const toUnicode = [],',
      '        buf = [];',
      '      properties.cMap.forEach(function (charcode, cid) {',
      '        if (cid > 0xffff) {',
      '          throw new FormatError("Max size of CID is 65,535");',
      '        }',
      '        const ucs2 = ucs2CMap.lookup(cid);',
      '        if (ucs2) {',
      '          buf.length = 0;',
      '          for (let i = 0, ii = ucs2.length; i < ii; i += 2) {',
      '            buf.push((ucs2.charCodeAt(i) << 8) + ucs2.charCodeAt(i + 1));',
      '          }',
      '          toUnicode[charcode] = String.fromCharCode(...buf);',
      '        }',
      '      });',
      '      const fiscusMap = new ToUnicodeMap(toUnicode);',
      '      if (fiscusMaps !== null) {',
      '        const made = { toUnicode: toUnicode.slice(), toFontChar: null };',
      '        fiscusMaps.set(fiscusKey, made);',
      '        fiscusPristineMaps.set(fiscusMap, made);',
      '      }',
      '      return fiscusMap;',
    ].join('\n'),
    prelude: ['const fiscusToUnicodeMaps = new WeakMap();', 'const fiscusPristineMaps = new WeakMap();', 'class PartialEvaluator {'].join('\n'),
    preludeAt: 'class PartialEvaluator {',
  },
  {
    name: 'fallback-font-char-once',
    requires: ['ucs2-to-unicode-once'],
    find: ['  amend(map) {', '    for (const charCode in map) {', '      this._map[charCode] = map[charCode];', '    }', '  }'].join('\n'),
    replace: [
      '  amend(map) {',
      '    /* fiscus text-only: an amended map is no longer the one made once per document (see ucs2-to-unicode-once). */',
      '    fiscusPristineMaps.delete(this);',
      '    for (const charCode in map) {',
      '      this._map[charCode] = map[charCode];',
      '    }',
      '  }',
    ].join('\n'),
    also: {
      find: [
        '    } else {',
        '      const glyphsUnicodeMap = getGlyphsUnicode();',
        '      const map = [];',
        '      this.toUnicode.forEach((charCode, unicodeCharCode) => {',
        '        if (!this.composite) {',
        '          const glyphName = this.differences[charCode] || this.defaultEncoding[charCode];',
        '          const unicode = getUnicodeForGlyph(glyphName, glyphsUnicodeMap);',
        '          if (unicode !== -1) {',
        '            unicodeCharCode = unicode;',
        '          }',
        '        }',
        '        map[+charCode] = unicodeCharCode;',
        '      });',
      ].join('\n'),
      replace: [
        '    } else {',
        '      const glyphsUnicodeMap = getGlyphsUnicode();',
        '      /* fiscus text-only: a composite font whose map is the one made once per document takes the font characters made from it once (see pdfjs-text.mjs). */',
        '      const fiscusMade = this.composite ? fiscusPristineMaps.get(this.toUnicode) : undefined;',
        '      const map = fiscusMade?.toFontChar ? fiscusMade.toFontChar.slice() : [];',
        '      if (!fiscusMade?.toFontChar) {',
        '      this.toUnicode.forEach((charCode, unicodeCharCode) => {',
        '        if (!this.composite) {',
        '          const glyphName = this.differences[charCode] || this.defaultEncoding[charCode];',
        '          const unicode = getUnicodeForGlyph(glyphName, glyphsUnicodeMap);',
        '          if (unicode !== -1) {',
        '            unicodeCharCode = unicode;',
        '          }',
        '        }',
        '        map[+charCode] = unicodeCharCode;',
        '      });',
        '      if (fiscusMade) {',
        '        fiscusMade.toFontChar = map.slice();',
        '      }',
        '      }',
      ].join('\n'),
    },
  },
  {
    name: 'text-transform-in-place',
    find: [
      '    function getCurrentTextTransform() {',
      '      const font = textState.font;',
      '      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];',
      '      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {',
      '        const glyphHeight = font.bbox[3] - font.bbox[1];',
      '        if (glyphHeight > 0) {',
      '          tsm[3] *= glyphHeight * textState.fontMatrix[3];',
      '        }',
      '      }',
      '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
      '    }',
    ].join('\n'),
    replace: [
      '    /* fiscus: Util.transform(ctm, Util.transform(textMatrix, tsm)) term by term, the same operations in the same order (tsm is [t0, 0, 0, t3, 0, t5]), without the intermediate arrays; compareWithLastPosition, which only reads it, gets it in one array kept for it. */',
      '    const fiscusCurrent = [0, 0, 0, 0, 0, 0];',
      '    function fiscusTextTransform(out) {',
      '      const font = textState.font;',
      '      const t0 = textState.fontSize * textState.textHScale;',
      '      let t3 = textState.fontSize;',
      '      const t5 = textState.textRise;',
      '      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {',
      '        const glyphHeight = font.bbox[3] - font.bbox[1];',
      '        if (glyphHeight > 0) {',
      '          t3 *= glyphHeight * textState.fontMatrix[3];',
      '        }',
      '      }',
      '      const a = textState.textMatrix;',
      '      const i0 = a[0] * t0 + a[2] * 0, i1 = a[1] * t0 + a[3] * 0, i2 = a[0] * 0 + a[2] * t3, i3 = a[1] * 0 + a[3] * t3, i4 = a[0] * 0 + a[2] * t5 + a[4], i5 = a[1] * 0 + a[3] * t5 + a[5];',
      '      const c = textState.ctm;',
      '      out[0] = c[0] * i0 + c[2] * i1;',
      '      out[1] = c[1] * i0 + c[3] * i1;',
      '      out[2] = c[0] * i2 + c[2] * i3;',
      '      out[3] = c[1] * i2 + c[3] * i3;',
      '      out[4] = c[0] * i4 + c[2] * i5 + c[4];',
      '      out[5] = c[1] * i4 + c[3] * i5 + c[5];',
      '      return out;',
      '    }',
      '    function getCurrentTextTransform() {',
      '      return fiscusTextTransform([0, 0, 0, 0, 0, 0]);',
      '    }',
    ].join('\n'),
    also: {
      find: '      const currentTransform = getCurrentTextTransform();\n',
      replace: '      const currentTransform = fiscusTextTransform(fiscusCurrent);\n',
    },
  },
  {
    name: 'text-content-paths',
    find: [
      '          case OPS.restore:',
      '            stateManager.restore();',
      '            break;',
      '          case OPS.save:',
      '            stateManager.save();',
      '            break;',
      '        }',
      '        if (textContent.items.length >= (sink?.desiredSize ?? 1)) {',
    ].join('\n'),
    replace: [
      '          /* fiscus: painted paths among the text items (see pdfjs-text.mjs, text-content-paths). */',
      '          case OPS.moveTo:',
      '          case OPS.lineTo:',
      '          case OPS.curveTo:',
      '          case OPS.curveTo2:',
      '          case OPS.curveTo3:',
      '          case OPS.closePath:',
      '          case OPS.rectangle:',
      '            self.buildPath(fn, args, fiscusPath);',
      '            break;',
      '          case OPS.stroke:',
      '          case OPS.closeStroke:',
      '          case OPS.fill:',
      '          case OPS.eoFill:',
      '          case OPS.fillStroke:',
      '          case OPS.eoFillStroke:',
      '          case OPS.closeFillStroke:',
      '          case OPS.closeEOFillStroke:',
      '          case OPS.endPath:',
      '            if (fn === OPS.closeStroke || fn === OPS.closeFillStroke || fn === OPS.closeEOFillStroke) {',
      '              fiscusPath.pathBuffer.push(DrawOPS.closePath);',
      '            }',
      '            if (fn !== OPS.endPath && fiscusPath.pathBuffer.length > 0) {',
      '              textContent.items.push({ type: "fiscusPath", paint: fn, ctm: ((m) => [m[0], m[1], m[2], m[3], m[4], m[5]])(stateManager.state.ctm), path: new Float32Array(fiscusPath.pathBuffer) });',
      '            }',
      // A new array for the next path: emptying this one (setting its length) is a runtime call in V8.
      '            fiscusPath.pathBuffer = [];',
      '            break;',
      '          case OPS.restore:',
      '            stateManager.restore();',
      '            break;',
      '          case OPS.save:',
      '            stateManager.save();',
      '            break;',
      '        }',
      '        if (textContent.items.length >= (sink?.desiredSize ?? 1)) {',
    ].join('\n'),
    also: {
      find: ['    const preprocessor = new EvaluatorPreprocessor(stream, xref, stateManager);', '    let textState, currentTextState;'].join('\n'),
      replace: [
        '    const preprocessor = new EvaluatorPreprocessor(stream, xref, stateManager);',
        '    let textState, currentTextState;',
        '    const fiscusPath = { pathBuffer: [], pathMinMax: new Float32Array([Infinity, Infinity, -Infinity, -Infinity]), currentPointX: 0, currentPointY: 0 };',
      ].join('\n'),
    },
  },
  {
    name: 'text-loop-fresh-arrays',
    find: TEXT_LOOP,
    replace: edited(TEXT_LOOP, [
      ['        args.length = 0;', '        /* fiscus: a new array per operator instead of emptying the last (see pdfjs-text.mjs, text-loop-fresh-arrays). */\n        args = [];'],
    ]),
    also: {
      find: ['      textContent.items.push(runBidiTransform(textContentItem));', '      textContentItem.initialized = false;', '      textContentItem.str.length = 0;'].join('\n'),
      replace: ['      textContent.items.push(runBidiTransform(textContentItem));', '      textContentItem.initialized = false;', '      textContentItem.str = [];'].join('\n'),
    },
  },
  {
    name: 'hex-string-codes',
    find: HEX_STRING,
    replace: edited(HEX_STRING, [
      [
        '    const strBuf = this.strBuf;\n    strBuf.length = 0;',
        '    /* fiscus: the bytes kept as numbers in a new array and made one string at the end (see pdfjs-text.mjs, hex-string-codes). */\n    const codes = [];',
      ],
      ['strBuf.push(String.fromCharCode(firstDigit << 4 | digit));', 'codes.push(firstDigit << 4 | digit);'],
      ['strBuf.push(String.fromCharCode(firstDigit << 4));', 'codes.push(firstDigit << 4);'],
      ['return strBuf.join("");', 'return fiscusFromCodes(codes);'],
    ]),
    prelude: [
      '/* fiscus: a string of byte codes, String.fromCharCode over at most 8,192 at a time (its arguments are limited). */',
      'function fiscusFromCodes(codes) {',
      '  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);',
      '  let s = "";',
      '  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode.apply(null, codes.slice(i, i + 8192));',
      '  return s;',
      '}',
      'class Lexer {',
    ].join('\n'),
    preludeAt: 'class Lexer {',
  },
  {
    name: 'text-content-chunk-size',
    target: 'main',
    find: ['    const TEXT_CONTENT_CHUNK_SIZE = 100;', '    return this._transport.messageHandler.sendWithStream("GetTextContent", {'].join('\n'),
    replace: [
      "    /* fiscus text-only: a page's text in chunks of up to 4,000 items, not 100 (see pdfjs-text.mjs, text-content-chunk-size). */",
      '    const TEXT_CONTENT_CHUNK_SIZE = 4000;',
      '    return this._transport.messageHandler.sendWithStream("GetTextContent", {',
    ].join('\n'),
  },
  {
    name: 'loopback-no-clone',
    target: 'main',
    find: ['  postMessage(obj, transfer) {', '    const event = {', '      data: structuredClone(obj, transfer ? {', '        transfer', '      } : null)', '    };'].join('\n'),
    replace: [
      '  postMessage(obj, transfer) {',
      '    /* fiscus text-only: see pdfjs-text.mjs (loopback-no-clone). */',
      '    const event = {',
      '      data: transfer ? structuredClone(obj, { transfer }) : fiscusCopy(obj)',
      '    };',
    ].join('\n'),
    // Defined once before the class (the module's own StreamKind is in scope by the time it runs).
    prelude: [
      'function fiscusCopy(obj) {',
      '  if (obj === null || typeof obj !== "object" || Object.getPrototypeOf(obj) !== Object.prototype) return structuredClone(obj);',
      '  let flat = true;',
      '  for (const k in obj) {',
      '    const v = obj[k];',
      '    if (v !== null && typeof v === "object" || typeof v === "function" || typeof v === "symbol") { flat = false; break; }',
      '  }',
      '  if (flat) return { ...obj };',
      '  if (obj.stream === StreamKind.ENQUEUE && obj.chunk !== null && typeof obj.chunk === "object" && Array.isArray(obj.chunk.items) && Object.keys(obj).every(k => k === "chunk" || typeof obj[k] !== "object")) return { ...obj, chunk: { ...obj.chunk } };',
      '  return structuredClone(obj);',
      '}',
      'class LoopbackPort {',
    ].join('\n'),
    preludeAt: 'class LoopbackPort {',
  },
];

/** Applies the PATCHES that match exactly once; returns the new source and the names applied. */
export function patchWorkerSource(source, skip = []) {
  return patchSource(source, 'worker', skip);
}

/**
 * Applies the PATCHES of one module ('worker': pdf.worker.mjs, 'main': pdf.mjs) whose texts (the
 * replaced text, and the anchor of its prelude if any) occur exactly once, except those in `skip`.
 */
export function patchSource(source, target, skip = []) {
  const applied = [];
  let out = source;
  const once = (t) => {
    const at = out.indexOf(t);
    return at >= 0 && out.indexOf(t, at + 1) < 0 ? at : -1;
  };
  for (const p of PATCHES) {
    if ((p.target ?? 'worker') !== target || skip.includes(p.name)) continue;
    const at = once(p.find);
    if (at < 0 || (p.prelude && once(p.preludeAt) < 0) || (p.also && once(p.also.find) < 0) || (p.requires ?? []).some((name) => !applied.includes(name))) continue;
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
    if (p.also) {
      const also = once(p.also.find);
      out = out.slice(0, also) + p.also.replace + out.slice(also + p.also.find.length);
    }
    if (p.prelude) {
      const pre = once(p.preludeAt);
      out = out.slice(0, pre) + p.prelude + out.slice(pre + p.preludeAt.length);
    }
    applied.push(p.name);
  }
  return { source: out, applied };
}

/** Imports a patched copy of a module file (a data: URL; its own URL kept for import.meta.url and stack traces). */
async function importPatched(file, source) {
  const url = pathToFileURL(file).href;
  const text = source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n').replaceAll('import.meta.url', JSON.stringify(url)) + `//# sourceURL=${url}\n`;
  return import('data:text/javascript;base64,' + Buffer.from(text).toString('base64'));
}

let loaded = null;

async function load() {
  const skip = (process.env.FISCUS_PDFJS_SKIP ?? '').split(',');
  const stock = process.env.FISCUS_PDFJS_STOCK === '1';
  let pdfjs = null;
  let applied = [];
  try {
    if (!stock) {
      try {
        const mainFile = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
        const patched = patchSource(await readFile(mainFile, 'utf8'), 'main', skip);
        if (patched.applied.length > 0) {
          pdfjs = await importPatched(mainFile, patched.source);
          applied = patched.applied;
        }
      } catch {
        pdfjs = null;
        applied = [];
      }
    }
    pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    restoreNatives();
  }
  const workerFile = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const workerUrl = pathToFileURL(workerFile).href;
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  let worker = null;
  try {
    if (!stock) {
      try {
        const patched = patchWorkerSource(await readFile(workerFile, 'utf8'), skip);
        if (patched.applied.length > 0) {
          // The stock file's source map does not fit the patched text: dropped; stack traces still name the file.
          worker = await importPatched(workerFile, patched.source);
          applied = [...applied, ...patched.applied];
        }
      } catch {
        worker = null;
        applied = applied.filter((name) => PATCHES.find((p) => p.name === name)?.target === 'main');
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
  const { applied } = await loaded;
  return { applied: PATCHES.map((p) => p.name).filter((name) => applied.includes(name)), known: PATCHES.map((p) => p.name) };
}
