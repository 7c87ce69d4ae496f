import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { row, ruleHarness, setCell, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a table 1 source that differs from table 2', () => {
  const d = doc();
  setCell(d, 1, 't1-r2', 'amount', '4,400.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 1\.一般公共预算拨款 4,400\.00 ≠ 表2 一般公共预算拨款小计 4,424\.60/);
  assert.equal(fs.length, 1);
});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai: table 2 total (本年收入合计) is compared with table 1 本年收入合计, not 总计', () => {
  const fs = shErrors(setRoleCell(sh(), 'income-expenditure-summary', 's1', 'amount', '106.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /本年收入合计 106\.00 ≠ 收入决算表 本年收入合计 105\.00/);
});

test('a table 2 read without any row is not a table of zeros', () => {
  const d = doc();
  d.tables.find((t) => t.no === 2)!.rows = [];
  assert.deepEqual(run(d), []);
});

/** The budget with 100.00 万元 carried over from last year, in table 1's carry line and table 2's carryOver column. */
function withCarry(t1Carry: string): BudgetDocument {
  const d = doc();
  setCell(d, 1, 't1-c1', 'amount', t1Carry);
  setCell(d, 1, 't1-t1', 'amount', '4,524.60');
  setCell(d, 2, 't2-1', 'carryOver', '100.00');
  setCell(d, 2, 't2-1', 'total', '4,524.60');
  return d;
}

test('table 1 carry-over (上年结余、结转) is table 2 carryOver column, and 总计 is table 2 total with it', () => {
  assert.deepEqual(run(withCarry('100.00')), []);
  const fs = run(withCarry('90.00'));
  assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.message)));
  assert.match(fs[0]!.message, /表1 上年结余、结转 90\.00 ≠ 表2 .*100\.00/);
  assert.equal(fs[0]!.location.row, 't1-c1');
  // Table 2 without the carry-over: table 1's 总计 (which adds it) no longer matches table 2's total.
  const noCarry = withCarry('100.00');
  setCell(noCarry, 2, 't2-1', 'total', '4,424.60');
  const total = run(noCarry);
  assert.ok(
    total.some((f) => /收入总计 4,524\.60 ≠ 表2 .*4,424\.60/.test(f.message)),
    JSON.stringify(total.map((f) => f.message)),
  );
});

test("Shanghai: each revenue source of table 1 is table 2's column of that source; a source printed under a carry line is a breakdown of it, not compared", () => {
  const fs = shErrors(setRoleCell(sh(), 'income-expenditure-summary', 'r2', 'amount', '6.00'));
  assert.deepEqual(
    fs.map((f) => f.location.row),
    ['r2'],
  );
  assert.match(fs[0]!.message, /八、其他收入 6\.00 ≠ 收入决算表 其他收入 5\.00/);
  const d = sh();
  const t1 = d.tables.find((t) => t.role === 'income-expenditure-summary')!;
  const c3 = t1.rows.findIndex((r) => r.id === 'c3');
  t1.rows.splice(c3 + 1, 0, row('c3a', '其他收入', { amount: '3.00' }, { side: 'revenue', kind: 'item', level: 2, parent: 'c3', code: 'otherIncome', codeSystem: 'revenue' }));
  assert.deepEqual(shErrors(d), []);
});
