import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports table 4 general budget that differs from the basic appropriation', () => {
  const d = doc();
  setCell(d, 4, 't4-1', 'general', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表4 一般公共预算拨款 700\.00 ≠ 表2 基本支出拨款 780\.06/);
  assert.equal(fs.length, 1);
});
