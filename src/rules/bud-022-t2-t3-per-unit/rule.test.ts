import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a unit whose revenue and expenditure totals differ', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'total', '4,400.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /测试单位: 表2 测试单位 收入总计 4,400\.00 ≠ 表3 测试单位 支出总计 4,424\.60/);
  assert.equal(fs.length, 1);
});
