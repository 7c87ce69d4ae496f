import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a table 3 total that differs from table 1', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'total', '4,400.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表1 本年支出合计 4,424\.60 ≠ 表3 支出总计 4,400\.00/);
  assert.equal(fs.length, 1);

});

test('a department line printed level with its own 本级 unit is the total, not a part', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  const own = structuredClone(t3.rows[0]!);
  own.id = 't3-2';
  own.label = '测试单位（本级）';
  t3.rows.push(own);
  assert.deepEqual(run(d), []);
});
