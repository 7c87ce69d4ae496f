import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, money } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a basic-expenditure task that differs from table 3 basic', () => {
  const d = doc();
  d.departmentTargets!.tasks[0]!.total = money('700.00', 901);
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表14 基本支出 总额 700\.00 ≠ 表3 基本支出 780\.06/);
  assert.equal(fs.length, 1);
});
