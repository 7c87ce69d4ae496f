import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports revenue and expenditure totals that differ', () => {
  const d = doc();
  setCell(d, 6, 't6-t2', 'amount', '4,424.70');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表6: 收入总计 4,424\.60 ≠ 支出总计 4,424\.70/);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.difference, '0.10');
});
