import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a general-budget column of table 5 that differs from table 7 project', () => {
  const d = doc();
  setCell(d, 5, 't5-1', 'general', '3,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表5 一般公共预算拨款 3,000\.00 ≠ 表7 项目支出 3,644\.54/);
  assert.equal(fs.length, 1);
});

test('without a carry-over column of its own, table 5 may state a source with the carry-over table 2 prints', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'carryOver', '0.11');
  setCell(d, 5, 't5-1', 'general', '3,644.65');
  const t5 = tbl(d, 5);
  t5.columns = t5.columns.filter((c) => c.key !== 'carryOver');
  assert.deepEqual(run(d), []);
  setCell(d, 5, 't5-1', 'general', '3,645.65');
  assert.equal(run(d).length, 1);
});
