import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a general-budget column of table 5 that differs from table 7 project', () => {
  const d = doc();
  setCell(d, 5, 't5-1', 'general', '3,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表5 一般公共预算拨款 3,000\.00 ≠ 表7 项目支出 3,644\.54/);
  assert.equal(fs.length, 1);

});
