import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, money, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a department-wide total that differs from table 3', () => {
  const d = doc();
  d.departmentTargets!.total!.total = money('4,400.00', 903);
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表14 合计 总额 4,400\.00 ≠ 表3 支出总计 4,424\.60/);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.location.line, 903);
});

test('a form total that is the sum of its rounded tasks may differ by their rounding (尾差, info)', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'total', '4,424.61');
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.severity),
    ['info'],
  );
});

test('outside the Shenzhen profile a department-wide form that differs from table 3 is a warning', () => {
  const d = doc();
  d.profile = 'generic';
  setCell(d, 3, 't3-1', 'total', '5,000.00');
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.severity),
    ['warning'],
  );
  assert.match(fs[0]!.message, /资金口径不一/);
});
