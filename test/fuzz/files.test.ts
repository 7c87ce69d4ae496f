/**
 * The file fuzz run of `npm test` (test/fuzz/file-fuzz.ts): damaged disclosure workbooks, payments
 * files (CSV, XLSX), canonical JSON, disclosure texts and PDFs, read through the parser pool as the
 * server reads them. Each is read and checked, or refused naming what is wrong with it: no internal
 * error, no parse stopped by a thread's time or memory limit. `npm run fuzz -- --count N` runs a
 * longer version beside the HTTP fuzz.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBytes } from '../../src/app/import-document.js';
import { ParsePool } from '../../src/app/isolation/pool.js';
import { limitsWith } from '../../src/app/limits.js';
import { writeTemplate } from '../../src/reports/template/index.js';
import { ROOT } from '../e2e/helpers.js';
import { fileFuzzReport, runFileFuzz } from './file-fuzz.js';

const SEED = 20261206;
// The server's limits, but a time limit that an ordinary file never needs: a parse stopped by it is a failure.
const pool = new ParsePool(limitsWith({ worker: { threads: 2, timeMs: 60_000 } }));
after(() => pool.close());

test('seeded damaged files of every kind are read and checked, or refused naming what is wrong: never an internal error or a stopped thread', { timeout: 900_000 }, async () => {
  const sampleText = new Uint8Array(readFileSync(join(ROOT, 'samples/shenzhen-futian-data-center-2021-dept-budget.txt')));
  const samplePdf = new Uint8Array(readFileSync(join(ROOT, 'samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf')));
  const sampleDoc = await importBytes(sampleText, 'sample.txt');
  const sampleXlsx = await writeTemplate({ doc: sampleDoc, standardTables: [] });
  const r = await runFileFuzz({ pool, seed: SEED, count: Number(process.env.FILE_FUZZ_COUNT ?? 30), sampleText, samplePdf, sampleDoc, sampleXlsx });
  for (const line of fileFuzzReport(r, SEED)) console.log(line);
  assert.deepEqual(r.failures, []);
  // The damage is not so heavy that nothing is read: every kind has files read as well as files refused.
  for (const [kind, tally] of Object.entries(r.byKind)) {
    assert.ok(
      Object.keys(tally).some((k) => k.startsWith('read')),
      `${kind}: no file was read (${JSON.stringify(tally)})`,
    );
  }
});
