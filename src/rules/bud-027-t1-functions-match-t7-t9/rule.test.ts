import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a table 1 function line that differs from table 7', () => {
  const d = doc();
  setCell(d, 1, 't1-e7', 'amount', '50.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 2080505 机关事业单位基本养老保险缴费支出 50\.00 ≠ 表7 2080505 支出总计（表7） 50\.40/);
  assert.equal(fs.length, 1);
});

test('allows table 1 to exceed table 7 when other money funds it, but not to fall below', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'business', '10.00');
  setCell(d, 1, 't1-e7', 'amount', '60.40');
  assert.deepEqual(run(d), []);
  setCell(d, 1, 't1-e7', 'amount', '40.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 2080505 .* 40\.00 ≠ 表7/);
  assert.equal(fs.length, 1);
});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai: a 类-only income-expenditure summary is compared at 类 level; a wrong 类 is reported', () => {
  const fs = shErrors(setRoleCell(sh(), 'income-expenditure-summary', 'e1', 'amount', '59.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /201 一、一般公共服务支出 59\.00 ≠ 一般公共预算财政拨款支出决算表 201 支出总计/);
});
