import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports table 5 project appropriation that differs from table 2', () => {
  const d = doc();
  setCell(d, 5, 't5-1', 'generalDuty', '3,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表5 履职类项目拨款 3,000\.00 ≠ 表2 履职类项目拨款 3,644\.54/);
  assert.equal(fs.length, 1);
});

test('compares the general-budget subtotal with the three project appropriations', () => {
  const d = doc();
  setCell(d, 5, 't5-1', 'general', '3,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表5 一般公共预算拨款 3,000\.00 ≠ 表2 履职类项目拨款 \+ 财政专项资金拨款 \+ 政府投资项目拨款 3,644\.54/);
  assert.equal(fs.length, 1);
});
