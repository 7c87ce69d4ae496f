import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a fund table total without fund appropriation in table 2', () => {
  const d = doc();
  setCell(d, 8, 't8-1', 'total', '5.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表8 支出总计 5\.00 ≠ 表2 政府性基金预算拨款 \(空\)/);
  assert.equal(fs.length, 1);
});

test('a fund table also spends the fund’s carry-over printed in table 2', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'govFund', '5.00');
  setCell(d, 2, 't2-1', 'carryOver', '1.00');
  setCell(d, 8, 't8-1', 'total', '6.00');
  assert.deepEqual(run(d), []);
  setCell(d, 8, 't8-1', 'total', '7.00');
  assert.equal(run(d).length, 1);
});
