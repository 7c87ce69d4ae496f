import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { consistentDoc, setCell } from '../rules/_lib/test-doc.js';
import { RULES } from '../rules/registry.js';
import type { ValidationReport } from '../app/validate.js';
import type { BudgetDocument } from '../domain/model.js';

const SAMPLE = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));

const BIN = fileURLToPath(new URL('../../bin/fiscus.js', import.meta.url));

/**
 * Runs `node bin/fiscus.js` (a child process: under `node --test` this process's stdout carries
 * the test runner's own protocol, so it cannot be captured here).
 */
function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 }, (e, out, err) => {
      resolve({ code: e ? Number((e as { code?: number }).code ?? 99) : 0, out, err });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'fiscus-validate-'));
function docFile(name: string, broken: boolean): string {
  const d = consistentDoc();
  // Without table 14 and its indicators (an authored document), every rule accepts it.
  d.departmentTargets = null;
  d.profile = 'authored';
  if (broken) setCell(d, 3, 't3-1', 'basic', '700.00');
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(d));
  return p;
}

test('validate --format json prints one object with tool, document, summary and findings', async () => {
  const r = await cli(['validate', docFile('bad.json', true), '--format', 'json']);
  assert.equal(r.code, 1);
  const j = JSON.parse(r.out) as ValidationReport;
  assert.deepEqual(Object.keys(j), ['tool', 'document', 'summary', 'findings', 'coverage']);
  assert.deepEqual(j.tool, { name: 'fiscus', version: '0.1.0', rules: RULES.length });
  assert.deepEqual(j.document, { unit: '测试单位', year: 2021, kind: '部门预算' });
  const f = j.findings.find((x) => x.rule === 'BUD-003');
  assert.ok(f, 'BUD-003 finding');
  assert.deepEqual(Object.keys(f), ['rule', 'severity', 'category', 'title', 'message', 'location', 'expected', 'actual', 'difference', 'unit']);
  assert.equal(f.expected, '4424.60');
  assert.equal(f.actual, '4344.54');
  assert.equal(f.difference, '-80.06');
  assert.equal(f.unit, '万元');
  assert.deepEqual(Object.keys(f.location), ['section', 'item', 'field', 'line', 'page']);
  assert.deepEqual([f.location.section, f.location.item, f.location.field], ['支出总表', '测试单位', '支出总计']);
  assert.equal(j.summary.error, j.findings.filter((x) => x.severity === 'error').length);
});

test('validate prints compiler-style text grouped by severity with a summary line', async () => {
  const r = await cli(['validate', docFile('bad2.json', true)]);
  assert.equal(r.code, 1);
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines[0]!, /^# 错误 \(\d+\)$/);
  assert.ok(
    lines.some((l) => /^bad2\.json:\d+: error BUD-003 表3 测试单位: 支出总计 4,424\.60 ≠ .* \(expected 4424\.60, actual 4344\.54, difference -80\.06 万元\)$/.test(l)),
    r.out,
  );
  assert.match(lines[lines.length - 1]!, new RegExp(`^\\d+ errors?, \\d+ warnings?, \\d+ info \\(${RULES.length} rules\\)$`));
  // The coverage block sits between the findings and the summary line; a JSON document records no
  // printed text, so no recall is claimed for it.
  const at = lines.findIndex((l) => l.startsWith('# 覆盖情况'));
  assert.ok(at > 0, r.out);
  assert.ok(
    lines.slice(at).some((l) => /^金额：已读取 表格 \d+ 个/.test(l)),
    r.out,
  );
});

test('validate exits 0 on a consistent document and honours --fail-on', async () => {
  const good = docFile('good.json', false);
  const r = await cli(['validate', good]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^0 errors, /m);
  const bad = docFile('bad3.json', true);
  assert.equal((await cli(['validate', bad, '--fail-on', 'never'])).code, 0);
  assert.equal((await cli(['validate', bad, '--fail-on', 'warning'])).code, 1);
});

test('validate exits 2 on unusable input and on a bad option', async () => {
  const p = join(dir, 'broken.json');
  writeFileSync(p, '{"schema": 1');
  const r = await cli(['validate', p]);
  assert.equal(r.code, 2);
  // Chinese first, the expected/found of the CLI's contract after it (docs/cli.md).
  assert.match(r.err, /^broken\.json:1: JSON 有语法错误（.+） \(expected JSON, found a syntax error/);
  assert.equal((await cli(['validate', join(dir, 'missing.txt')])).code, 2);
  const bad = await cli(['validate', docFile('x.json', false), '--format', 'yaml']);
  assert.equal(bad.code, 2);
  assert.equal(bad.err, '--format 应为 text 或 json，实为 "yaml" (expected --format text or json, found "yaml")（INPUT_INVALID）\n');
});

test('validate reads the reference sample and reports its findings with source lines', async () => {
  const r = await cli(['validate', SAMPLE, '--format', 'json', '--fail-on', 'never']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out) as ValidationReport;
  assert.equal(j.document.unit, '深圳市福田区数据管理中心');
  // 工资福利支出 728.73 against its nine items summing to 728.74: a rounding remainder, not an error.
  const info = j.findings.find((f) => f.rule === 'BUD-012' && f.severity === 'info');
  assert.ok(info);
  assert.equal(info.location.line, 465);
  assert.equal(info.difference, '0.01');
});

test('validate reports coverage: recognised tables, amounts read against printed, missing tables, unread parts', async () => {
  const r = await cli(['validate', SAMPLE, '--fail-on', 'never']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  const at = lines.indexOf('# 覆盖情况（识别方式 shenzhen-dept-budget，置信度 0.95）');
  assert.ok(at > 0, r.out);
  assert.equal(lines[at + 1], '已识别表格 13 张：');
  assert.equal(lines[at + 2], 'shenzhen-futian-data-center-2021-dept-budget.txt:228（第 6 页）: 《收支总表》34 行 × 1 列，金额 21 个'.replace(/^/, '  '));
  assert.match(r.out, /^金额：印刷 \d+ 个，已读取 \d+ 个，召回率 [01]\.\d{3}（表格 \d+ 个，说明 \d+ 个，绩效目标表 \d+ 个）$/m);
  assert.match(r.out, /^印刷但未定位的金额 \d+ 个，未知单元格 \d+ 个$/m);
  assert.match(r.out, /^缺少的标准表格：无$/m);
  assert.match(r.out, /^未能读取的部分：无$/m);
  assert.match(r.out, /^因未能读取而未做的检查：无$|^因未能读取而未做的检查（\d+）：$/m);

  const j = JSON.parse((await cli(['validate', SAMPLE, '--format', 'json', '--fail-on', 'never'])).out) as ValidationReport;
  const c = j.coverage;
  assert.deepEqual(Object.keys(c), [
    'recogniser',
    'confidence',
    'recall',
    'printedAmounts',
    'heldAmounts',
    'tableAmounts',
    'narrativeAmounts',
    'formAmounts',
    'unplacedAmounts',
    'unknownCells',
    'tables',
    'missingTables',
    'unread',
    'notChecked',
  ]);
  assert.equal(c.recogniser, 'shenzhen-dept-budget');
  assert.equal(c.tables.length, 13);
  const t0 = c.tables[0];
  assert.ok(t0);
  assert.deepEqual(Object.keys(t0), ['id', 'title', 'role', 'rows', 'columns', 'amounts', 'unplaced', 'unknownCells', 'unreadRows', 'unmappedColumns', 'line', 'page']);
  assert.deepEqual([t0.title, t0.rows, t0.line, t0.page], ['收支总表', 34, 228, 6]);
  assert.ok(c.printedAmounts !== null && c.heldAmounts !== null && c.printedAmounts > 300 && c.heldAmounts <= c.printedAmounts);
  assert.equal(c.recall, c.heldAmounts / c.printedAmounts);
  assert.deepEqual(c.missingTables, []);
  assert.deepEqual(c.unread, []);
  assert.ok(Array.isArray(c.notChecked));
});

test('import -o prints a one-line summary with coverage; --coverage prints it in full', async () => {
  const out = join(dir, 'sample.json');
  const r = await cli(['import', SAMPLE, '-o', out, '--coverage']);
  assert.equal(r.code, 0, r.err);
  const lines = r.err.trimEnd().split('\n');
  assert.match(lines[lines.length - 1]!, /sample\.json: 深圳市福田区数据管理中心 2021 部门预算, 13 tables, 10 project forms, recall [01]\.\d{3} \([\d,]+\/[\d,]+ amounts\), \d+ unplaced$/);
  assert.equal(lines[0], '# 覆盖情况（识别方式 shenzhen-dept-budget，置信度 0.95）');
  const doc = JSON.parse(readFileSync(out, 'utf8')) as BudgetDocument;
  assert.ok(doc.coverage, 'the JSON carries the coverage');
  assert.equal(doc.coverage.tables.length, 13);
  // Without -o the JSON goes to standard output and nothing to standard error.
  const plain = await cli(['import', SAMPLE]);
  assert.equal(plain.err, '');
  assert.equal((JSON.parse(plain.out) as BudgetDocument).coverage?.printedAmounts, doc.coverage.printedAmounts);
});

test('an unread part is listed with its line and page, in text and JSON', async () => {
  const d = consistentDoc();
  d.departmentTargets = null;
  d.profile = 'authored';
  d.importNotes.push({
    severity: 'error',
    code: 'row-unreadable',
    table: 't3',
    row: null,
    message: '表《支出总表》第 2 行未能读取：expected one amount per column',
    src: { line: 42, page: 3, raw: 'x' },
  });
  const p = join(dir, 'unread.json');
  writeFileSync(p, JSON.stringify(d));
  const r = await cli(['validate', p, '--fail-on', 'never']);
  assert.match(r.out, /^未能读取的部分（1）：\n {2}unread\.json:42（第 3 页）: 表《支出总表》第 2 行未能读取：expected one amount per column$/m);
  const j = JSON.parse((await cli(['validate', p, '--format', 'json', '--fail-on', 'never'])).out) as ValidationReport;
  assert.deepEqual(j.coverage.unread, [{ message: '表《支出总表》第 2 行未能读取：expected one amount per column', code: 'row-unreadable', table: 't3', row: null, line: 42, page: 3 }]);
  assert.equal(j.coverage.recall, null);
});
