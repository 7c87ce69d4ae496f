/**
 * The PDF reader against poppler's `pdftotext -layout` on the sample PDFs: every figure pdftotext
 * sees on a page, the reader sees on the same page (pdfplumber-style extractors lose inline figures in
 * some producers' PDFs; this is the guard), the cells mostly agree, and the time of both is printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../../src/domain/text.js';
import { readPdf } from '../../src/importers/pdf/index.js';

const DIR = fileURLToPath(new URL('../../samples/pdf/', import.meta.url));
const SAMPLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

function pdftotext(path: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
}

/** Figures as printed: digits with thousands separators and decimals ("1,633,000", "25.77", "0"). */
function figures(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) m.set(x[0], (m.get(x[0]) ?? 0) + 1);
  return m;
}

function missing(want: Map<string, number>, have: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of want) if ((have.get(k) ?? 0) < n) out.push(`${k}×${n - (have.get(k) ?? 0)}`);
  return out;
}

const cells = (page: string): string[] =>
  page
    .split('\n')
    .flatMap((l) => l.trim().split(/\s{2,}/))
    .filter((c) => c !== '');

test('the samples are there to compare', () => {
  assert.ok(SAMPLES.length >= 2, SAMPLES.join(', '));
});

for (const name of SAMPLES) {
  test(`${name}: every figure pdftotext sees on a page, the reader sees on that page`, async () => {
    const path = join(DIR, name);
    const bytes = new Uint8Array(readFileSync(path));
    await readPdf(bytes, name); // warm-up: pdfjs loads once per process, measured separately below
    const t0 = performance.now();
    const mine = await readPdf(bytes, name);
    const tMine = performance.now() - t0;
    const t1 = performance.now();
    const theirs = pdftotext(path);
    const tTheirs = performance.now() - t1;
    // pdftotext ends every page with a form feed; the last one opens an empty page.
    const theirPages = theirs.split('\f').slice(0, mine.pages.length);
    assert.equal(theirs.split('\f').filter((p) => p.trim() !== '').length, mine.pages.filter((p) => p.lines.length > 0).length, 'pages with text');
    const myPages = mine.text.split(/^===== page \d+ =====$/m).slice(1);
    let agree = 0;
    let total = 0;
    for (const [i, page] of theirPages.entries()) {
      const want = figures(normalizeText(page));
      const have = figures(myPages[i] ?? '');
      assert.deepEqual(missing(want, have), [], `page ${i + 1}: figures pdftotext sees and the reader does not`);
      assert.deepEqual(missing(have, want), [], `page ${i + 1}: figures the reader sees and pdftotext does not`);
      const mineCells = new Set(cells(myPages[i] ?? ''));
      const theirCells = cells(normalizeText(page));
      total += theirCells.length;
      agree += theirCells.filter((c) => mineCells.has(c)).length;
    }
    const n = [...figures(mine.text.replace(/^===== page \d+ =====$/gm, ''))].reduce((s, [, k]) => s + k, 0);
    console.log(
      `${name}: ${mine.pages.length} pages, ${mine.source.lines.length} lines, ${n} figures; readPdf ${tMine.toFixed(0)} ms, pdftotext -layout ${tTheirs.toFixed(0)} ms; cells as pdftotext ${agree}/${total} (${((100 * agree) / total).toFixed(1)}%)`,
    );
    // Cell boundaries differ where pdftotext merges a cell with its neighbour by one space or
    // orders stacked cells differently; the large majority must agree.
    assert.ok(agree / total > 0.9, `${agree}/${total} cells as pdftotext`);
  });
}
