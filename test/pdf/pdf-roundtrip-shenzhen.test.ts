/**
 * Issue 7: the PDF that `fiscus report --format pdf` generates from the Shenzhen sample, read by the
 * PDF importer itself (pdfjs, no pdftotext), gives the same amounts as the text import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { importBytes, importFile } from '../../src/app/import-document.js';
import { renderReport } from '../../src/app/report.js';
import { figures } from './amounts.js';

const SAMPLE = resolve(import.meta.dirname, '../../samples/shenzhen-futian-data-center-2021-dept-budget.txt');

test('the generated PDF package imports through the PDF reader to the same amounts as the text', async () => {
  const doc = await importFile(SAMPLE);
  const pdf = (await renderReport(doc, { format: 'pdf', findings: [] })) as Uint8Array;
  const back = await importBytes(pdf, 'package.pdf');
  assert.equal(back.source.format, 'pdf');
  assert.equal(back.profile, 'shenzhen-dept-budget');
  const a = figures(doc);
  assert.ok(a.length > 700);
  assert.deepEqual([...figures(back)].sort(), [...a].sort());
  // Provenance of a PDF import names the PDF page.
  const t7 = back.tables.find((t) => t.no === 7)!;
  assert.ok(t7.rows.every((r) => r.src.page !== null && r.src.page > 1));
});
