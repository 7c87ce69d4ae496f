/**
 * The text read from the sample PDFs is pinned: pdfjs is loaded for text only (pdfjs-text.mjs: native
 * built-ins restored, rendering-only font work patched out of its worker), and none of that may change
 * a character. The hashes were taken with stock pdfjs before those changes; a run of stock pdfjs in a
 * child process must also give the very same result (text, lines, cells with positions and widths).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPdf } from './read.js';
import { patchWorkerSource, textOnlyPatches, PATCHES } from './pdfjs-text.mjs';
import { READ_PDF_URL, runInChild } from './test-pdf.js';

const DIR = fileURLToPath(new URL('../../../samples/pdf/', import.meta.url));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** sha256 of `readPdf(...).text`, taken with pdfjs-dist 5.5.207 as shipped (before pdfjs-text.mjs). */
const PINNED: Record<string, { sha256: string; length: number }> = {
  'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf': { sha256: '8013e7214ebd8dba87170b45dae70e0ed2df158e6fad371ea2415e08d25df223', length: 47756 },
  'shanghai-putuo-finance-bureau-2024-dept-final-accounts.pdf': { sha256: 'd401da9a9096ef5b45edbf721f69f3b2c3bf867c86f98c6876f36d025a1467ed', length: 28050 },
};

/** The whole result as one hash: text, numbered lines, and every cell's position and width. */
const whole = (r: Awaited<ReturnType<typeof readPdf>>) => sha(JSON.stringify({ text: r.text, lines: r.source.lines, pages: r.pages }));

test('the synthesized text of the sample PDFs is unchanged', async () => {
  for (const [name, want] of Object.entries(PINNED)) {
    const r = await readPdf(readFileSync(DIR + name), name);
    assert.equal(r.text.length, want.length, name);
    assert.equal(sha(r.text), want.sha256, name);
  }
});

test('every text-only replacement applies to the installed pdfjs, and the natives are back', async () => {
  const { applied, known } = await textOnlyPatches();
  // A pdfjs upgrade that moves the replaced code shows here (reading still works, only slower).
  assert.deepEqual(applied, known);
  assert.deepEqual(
    known,
    PATCHES.map((p) => p.name),
  );
  const native = (f: unknown) => /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
  assert.ok(native(Array.prototype.push), 'Array.prototype.push is native');
  assert.ok(native(JSON.parse), 'JSON.parse is native');
  assert.ok(native(JSON.stringify), 'JSON.stringify is native');
});

test('an embedded TrueType font is read as a font, not taken for a missing one', async () => {
  // The font's ascent comes from its own hhea table (0.859375, as stock pdfjs reads it: FISCUS_PDFJS_STOCK=1);
  // a font that failed to load and fell back to a system font keeps its descriptor's 0.855 instead. A
  // replacement that threw inside checkAndRepair (glyf-unchecked once did, for every TrueType font) shows here.
  const { loadPdfJs } = await import('./pdfjs-text.mjs');
  const { pdfjsDocumentOptions } = await import('./read.js');
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfjsDocumentOptions(readFileSync(DIR + 'shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf')));
  try {
    const page = await (await task.promise).getPage(1);
    const { styles } = await page.getTextContent();
    assert.deepEqual(Object.values(styles), [{ fontFamily: 'sans-serif', ascent: 0.859375, descent: -0.140625, vertical: false }]);
  } finally {
    await task.destroy();
  }
});

test('a replacement is applied only where its text occurs exactly once', () => {
  const p = PATCHES[0]!;
  assert.deepEqual(patchWorkerSource('nothing to replace').applied, []);
  assert.deepEqual(patchWorkerSource(`a\n${p.find}\nb`), { source: `a\n${p.replace}\nb`, applied: [p.name] });
  assert.deepEqual(patchWorkerSource(`${p.find}\n${p.find}`).applied, []);
});

test('stock pdfjs reads the samples exactly as the text-only setup does', { timeout: 120_000 }, async () => {
  const mine: Record<string, string> = {};
  for (const name of Object.keys(PINNED)) mine[name] = whole(await readPdf(readFileSync(DIR + name), name));
  const script = [
    `import { readFileSync } from 'node:fs';`,
    `import { createHash } from 'node:crypto';`,
    `import { readPdf } from ${JSON.stringify(READ_PDF_URL)};`,
    `const out = {};`,
    `for (const name of ${JSON.stringify(Object.keys(PINNED))}) {`,
    `  const r = await readPdf(readFileSync(${JSON.stringify(DIR)} + name), name);`,
    `  out[name] = createHash('sha256').update(JSON.stringify({ text: r.text, lines: r.source.lines, pages: r.pages })).digest('hex');`,
    `}`,
    `console.log(JSON.stringify(out));`,
  ];
  assert.deepEqual(runInChild(script, { FISCUS_PDFJS_STOCK: '1' }), mine);
});
