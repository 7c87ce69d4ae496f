/**
 * `fiscus export` end to end (issue 15 item 5): the Fiscal Data Package written with -o holds the
 * descriptor and the CSV files the reports layer makes of the same sample, byte for byte; one table as
 * CSV goes to standard output (with a byte-order mark, as printed); what cannot be done exits 2 with a
 * message naming what to give, and writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { importBytes } from '../../src/app/import-document.js';
import { fiscalDataPackage, tableCsv, tableViews } from '../../src/reports/fdp/package.js';
import { runCli } from '../support/cli.js';

const SAMPLE = resolve(import.meta.dirname, '../../../shared/samples/shenzhen-futian-data-center-2021-dept-budget.txt');

test('fiscus export --format fdp writes the package; --format csv --table prints one table', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-export-'));
  try {
    const doc = await importBytes(readFileSync(SAMPLE), 'shenzhen-futian-data-center-2021-dept-budget.txt');
    const want = fiscalDataPackage(doc);

    const out = join(dir, 'budget.zip');
    const fdp = await runCli(['export', SAMPLE, '--format', 'fdp', '-o', out]);
    assert.equal(fdp.code, 0, fdp.err);
    assert.match(fdp.err, /已写入财政数据包（ZIP）/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const files = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    assert.deepEqual(files.sort(), ['datapackage.json', ...want.files.map((f) => f.path)].sort());
    assert.deepEqual(JSON.parse(await zip.file('datapackage.json')!.async('string')), JSON.parse(JSON.stringify(want.descriptor)));
    for (const f of want.files) assert.equal(await zip.file(f.path)!.async('string'), f.text, `${f.path} as the reports layer makes it`);

    const t7 = tableViews(doc).find((v) => v.id === 't7')!;
    for (const table of ['t7', '7']) {
      const csv = await runCli(['export', SAMPLE, '--format', 'csv', '--table', table]);
      assert.equal(csv.code, 0, csv.err);
      assert.equal(csv.out, tableCsv(t7, { bom: true }), `--table ${table}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fiscus export refuses what it cannot do, naming what to give, and writes nothing', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-export-'));
  try {
    const out = join(dir, 'x.csv');
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'csv', '-o', out], /--format csv 须用 --table 指定一张表格（t1 收支总表、.*t7 一般公共预算支出表.*）.*（INPUT_INVALID）/],
      [['--format', 'csv', '--table', 't99', '-o', out], /本文档没有表格 "t99"（可选：t1 收支总表、.*）（NOT_FOUND）/],
      [['--format', 'fdp'], /--format fdp 须用 -o <路径> 指定输出文件.*（INPUT_INVALID）/],
      [['--format', 'fdp', '--table', 't7', '-o', out], /--table 只用于 --format csv.*（INPUT_INVALID）/],
      [['--format', 'xml', '-o', out], /--format 应为 fdp、csv 之一，实为 "xml".*（INPUT_INVALID）/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['export', SAMPLE, ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assert.equal(r.out, '');
      assert.equal(existsSync(out), false, `${args.join(' ')} writes nothing`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
