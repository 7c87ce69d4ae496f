import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a procurement table total that differs from table 3', () => {
  const d = doc();
  setCell(d, 11, 't11-1', 'amount', '2,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表11 金额 2,000\.00 ≠ 表3 其中：政府采购项目 2,092\.56/);
  assert.equal(fs.length, 1);
});
