import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
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
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
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
