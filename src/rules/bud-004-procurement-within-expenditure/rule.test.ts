import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports procurement above the total', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'procurement', '5,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /其中：政府采购项目 5,000\.00 > 支出总计 4,424\.60/);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.difference, '575.40');
});
