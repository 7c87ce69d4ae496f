import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a general-budget column of table 4 that differs from table 7 basic', () => {
  const d = doc();
  setCell(d, 4, 't4-1', 'general', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表4 一般公共预算拨款 700\.00 ≠ 表7 基本支出 780\.06/);
  assert.equal(fs.length, 1);
});

test('compares the fund column with table 8', () => {
  const d = doc();
  setCell(d, 4, 't4-1', 'govFund', '5.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表4 政府性基金预算拨款 5\.00 ≠ 表8 基本支出 0\.00/);
  assert.equal(fs.length, 1);
});

test('the total of a general-budget-only economic table equals table 7 basic', () => {
  const d = doc();
  const t4 = tbl(d, 4);
  t4.title = { text: '一般公共预算基本支出表' };
  t4.columns = t4.columns.filter((c) => c.key !== 'general' && c.key !== 'govApprop');
  setCell(d, 4, 't4-1', 'total', '700.00');
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /表4 总计 700\.00 ≠ 表7 基本支出 780\.06/);
});
