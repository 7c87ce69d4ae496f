import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a negative amount', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'procurement', '-1.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表3 测试单位: 其中：政府采购项目 为负数 -1\.00/);
  assert.equal(fs.length, 1);

});

test('does not apply to final accounts', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'procurement', '-1.00');
  d.kind = '部门决算';
  const fs = run(d);
  assert.deepEqual(fs, []);

});
