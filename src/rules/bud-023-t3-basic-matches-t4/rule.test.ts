import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports table 3 basic expenditure that differs from table 4', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'basic', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表3 基本支出 700\.00 ≠ 表4 总计 780\.06/);
  assert.equal(fs.length, 1);
});

test('a general-budget-only economic table is a part of the basic expenditure: it may be less, never more', () => {
  const d = doc();
  const t4 = tbl(d, 4);
  t4.title = { text: '一般公共预算基本支出表' };
  setCell(d, 4, 't4-1', 'total', '700.00');
  assert.deepEqual(run(d), []);
  setCell(d, 4, 't4-1', 'total', '800.00');
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /^表4 总计 800\.00 超过表3 基本支出 780\.06，超出 19\.94 万元/);
});
