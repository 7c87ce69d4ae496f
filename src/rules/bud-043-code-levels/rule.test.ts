import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a 项 printed under the wrong 款', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2080701';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表7 2080701 机关事业单位职业年金缴费支出 列在 20805 行政事业单位养老支出 之下，但其上级编码应为 20807/);
  assert.equal(fs.length, 1);

});

test('reports a code of the wrong shape', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '20805061';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /编码 20805061（机关事业单位职业年金缴费支出）不符合支出功能分类的编码位数/);
  assert.equal(fs.length, 1);

});
