import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a code not in the code table', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2080598';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'warning'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表7 编码 2080598（机关事业单位职业年金缴费支出）不在支出功能分类编码表中/);
  assert.equal(fs.length, 1);

});
