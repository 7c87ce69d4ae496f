/**
 * Issue 11 in the CLI: a PDF with damaged content streams exits 2 with one line (it exited 1 with an
 * UnhandledPromiseRejection); a spreadsheet of 50,000 merged ranges, as a disclosure or as a payments
 * file, exits 2 naming the limit (it stalled, then died); nothing is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { damagedPdf } from '../support/damaged-pdf.js';
import { xlsxWith } from '../support/xlsx-bomb.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const BIN = root('bin/fiscus.js');
const dir = mkdtempSync(join(tmpdir(), 'fiscus-cli-iso-'));
const BAD_PDF = join(dir, 'bad.pdf');
writeFileSync(BAD_PDF, damagedPdf(readFileSync(root('samples/pdf/shanghai-putuo-wanli-subdistrict-office-2024-dept-budget.pdf'))));
const MERGES = join(dir, 'merges.xlsx');
writeFileSync(MERGES, xlsxWith({ merges: 50_000, width: 8, height: 3 }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

test('(a) import and validate of a PDF with damaged content streams: exit 2, one line, no output file', { timeout: 180_000 }, async () => {
  const out = join(dir, 'bad.json');
  const imp = await run(['import', BAD_PDF, '-o', out]);
  assert.equal(imp.code, 2, imp.stderr);
  assert.match(imp.stderr, /^bad\.pdf: 应为(可读的 PDF|有文本层的 PDF)，实为.+\n$/);
  assert.doesNotMatch(imp.stderr, /Unhandled|internal error|内部错误/);
  assert.equal(existsSync(out), false);
  const val = await run(['validate', BAD_PDF]);
  assert.equal(val.code, 2, val.stderr);
  assert.doesNotMatch(val.stderr, /Unhandled|internal error|内部错误/);
});

test('(b) a spreadsheet of 50,000 merged ranges: exit 2 naming the limit, as a disclosure and as a payments file', { timeout: 180_000 }, async () => {
  const imp = await run(['import', MERGES, '-o', join(dir, 'merges.json')]);
  assert.equal(imp.code, 2, imp.stderr);
  assert.equal(imp.stderr, 'merges.xlsx: 合并单元格区域数应不超过 10000 个（限制项 mergedRanges），实为 50000 个（工作表 sheet1.xml）（TOO_LARGE）\n');
  const pay = await run(['payments', 'import', root('samples/shenzhen-futian-data-center-2021-dept-budget.txt'), MERGES]);
  assert.equal(pay.code, 2, pay.stderr);
  assert.match(pay.stderr, /merges\.xlsx: 合并单元格区域数应不超过 10000 个（限制项 mergedRanges），实为 50000 个（工作表 sheet1\.xml）/);
});
