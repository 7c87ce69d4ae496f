/**
 * The sample PDFs through the import use case: read (pages, lines and time printed), then the same
 * profile decision and the same amounts as the sample text extracted from that PDF by pdftotext.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FiscusError } from '../../src/domain/errors.js';
import { importBytes } from '../../src/app/import-document.js';
import { readPdf } from '../../src/importers/pdf/index.js';
import { allAmounts } from '../import/helpers.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
// Every sample PDF imports as the text pdftotext extracted from it does. (The finance bureau's final
// accounts, produced by ONLYOFFICE, print table 3's 合计 amounts on the baseline of the 类 款 项
// header; the Shanghai parser takes amounts on that header line as the next row's.)
const IMPORT_AS_TEXT = new Set(['shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf', 'shanghai-putuo-finance-bureau-2024-dept-final-accounts.pdf']);
const PDFS = readdirSync(join(SAMPLES, 'pdf'))
  .filter((f) => f.endsWith('.pdf'))
  .sort();

async function attempt(bytes: Uint8Array, file: string) {
  try {
    return await importBytes(bytes, file);
  } catch (e) {
    if (e instanceof FiscusError) return e;
    throw e;
  }
}

for (const name of PDFS) {
  test(`${name} reads${IMPORT_AS_TEXT.has(name) ? ', and imports as its pdftotext text does' : ''}`, async () => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES, 'pdf', name)));
    const t0 = performance.now();
    const pdf = await readPdf(bytes, name);
    const ms = performance.now() - t0;
    console.log(`${name}: ${pdf.pages.length} pages, ${pdf.source.lines.length} lines, read in ${ms.toFixed(0)} ms (first read in this process, pdfjs load included)`);
    assert.ok(pdf.pages.length > 20);
    assert.ok(pdf.source.lines.every((l) => l.page !== null && l.page >= 1 && l.page <= pdf.pages.length));
    assert.equal(pdf.source.pages, pdf.pages.length);

    if (!IMPORT_AS_TEXT.has(name)) return;
    const txt = name.replace(/\.pdf$/, '.txt');
    const fromText = await attempt(readFileSync(join(SAMPLES, txt)), txt);
    const fromPdf = await attempt(bytes, name);
    if (fromText instanceof FiscusError || fromPdf instanceof FiscusError) {
      // Until a profile reads this layout, both routes must refuse it alike.
      assert.ok(
        fromText instanceof FiscusError && fromPdf instanceof FiscusError,
        `text: ${String(fromText instanceof FiscusError ? fromText.message : 'imported')}; pdf: ${String(fromPdf instanceof FiscusError ? fromPdf.message : 'imported')}`,
      );
      assert.equal(fromPdf.code, fromText.code);
      assert.equal(fromPdf.message, fromText.message);
      console.log(`${name}: no profile reads it yet (${fromPdf.message})`);
      return;
    }
    assert.equal(fromPdf.source.format, 'pdf');
    assert.equal(fromPdf.profile, fromText.profile);
    const fen = (d: unknown) =>
      allAmounts(d)
        .map((a) => a.fen)
        .sort((a, b) => a - b);
    assert.deepEqual(fen(fromPdf), fen(fromText));
    console.log(`${name}: imported as ${fromPdf.profile}, ${allAmounts(fromPdf).length} amounts as from the text`);
  });
}
