/**
 * The Shenzhen sample text set as a PDF (each cell placed at its column, one page per pdftotext page)
 * must import through the PDF reader to the same amounts as the text itself. Independent of the
 * report renderer: the PDF is built by hand from the sample.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBytes } from '../../src/app/import-document.js';
import { buildPdf, type PageSpec, type Run } from '../../src/importers/pdf/test-pdf.js';
import { textColumns } from '../../src/importers/pdf/layout.js';
import { allAmounts, sampleBytes, sampleText, withoutProvenance, SAMPLE_NAME } from '../import/helpers.js';

const SIZE = 8;
const COL = SIZE / 2;

/** Splits the text into pages at pdftotext's page-start mark (a line indented by one space). */
function toPdf(text: string): Uint8Array {
  const pages: string[][] = [];
  for (const [i, line] of text.replace(/\n$/, '').split('\n').entries()) {
    if (i === 0 || /^ \S/.test(line)) pages.push([]);
    pages[pages.length - 1]!.push(line);
  }
  return buildPdf(
    pages.map((lines): PageSpec => {
      const height = (lines.length + 4) * SIZE * 1.5;
      const runs: Run[] = [];
      lines.forEach((line, i) => {
        const y = height - (i + 2) * SIZE * 1.5;
        // Cells (runs of text separated by two or more spaces) at their display column.
        for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
          runs.push({ x: 20 + textColumns(line.slice(0, m.index)) * COL, y, size: SIZE, text: m[0], font: 'CJK' });
        }
      });
      return { runs, width: 700, height };
    }),
  );
}

test('the Shenzhen sample set as a PDF imports to the same amounts as its text', async () => {
  const fromText = await importBytes(sampleBytes(), SAMPLE_NAME);
  const pdf = toPdf(sampleText().normalize('NFKC'));
  const t0 = performance.now();
  const fromPdf = await importBytes(pdf, 'shenzhen-sample.pdf');
  console.log(`synthetic Shenzhen PDF: ${fromPdf.source.pages} pages, ${pdf.length} bytes, imported in ${(performance.now() - t0).toFixed(0)} ms`);
  assert.equal(fromPdf.source.format, 'pdf');
  assert.equal(fromPdf.unit.name, fromText.unit.name);
  assert.equal(fromPdf.year, fromText.year);
  const a = allAmounts(fromText).map((x) => `${x.path}=${x.fen}`);
  const b = allAmounts(fromPdf).map((x) => `${x.path}=${x.fen}`);
  assert.ok(a.length > 300, `the text import has ${a.length} amounts`);
  assert.deepEqual(b, a);
  assert.equal(fromPdf.tables.length, fromText.tables.length);
  assert.equal(fromPdf.projectForms.length, fromText.projectForms.length);
  // Beyond amounts: the whole model (texts, codes, indicators) apart from provenance.
  assert.deepEqual(withoutProvenance(fromPdf), withoutProvenance(fromText));
  // Provenance: the same amounts cite a line, now a line of the PDF's layout text.
  const cited = (d: unknown) => allAmounts(d).map((x) => x.line !== null);
  assert.deepEqual(cited(fromPdf), cited(fromText));
});
