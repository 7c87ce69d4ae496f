import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports table 7 basic expenditure that differs from the basic appropriation of table 2', () => {
  const d = doc();
  setCell(d, 7, 't7-1', 'basic', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 基本支出 700\.00 ≠ 表2 基本支出拨款 780\.06/);
  assert.equal(fs.length, 1);
});

test('with a carry-over, table 7 lies between the year’s appropriation and that plus the carry-over', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'carryOver', '10.00');
  setCell(d, 7, 't7-1', 'total', '4,434.60'); // spends 10.00 carried over
  assert.deepEqual(
    run(d).filter((f) => f.severity !== 'info' && /支出总计/.test(f.message)),
    [],
  );
  setCell(d, 7, 't7-1', 'total', '4,444.60');
  const fs = run(d).filter((f) => f.severity === 'error');
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /表7 支出总计 4,444\.60 超过表2 一般公共预算拨款小计 \+ 上年结余、结转 4,434\.60/);
});
