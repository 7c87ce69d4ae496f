import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports table 6 appropriation that differs from table 2', () => {
  const d = doc();
  setCell(d, 6, 't6-r2', 'amount', '4,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表6 一般公共预算拨款 4,000\.00 ≠ 表2 一般公共预算拨款小计 4,424\.60/);
  assert.equal(fs.length, 1);

});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai: appropriation 本年收入合计 equals table 2 财政拨款收入; 总计 and the carry breakdown are not compared', () => {
  const fs = shErrors(setRoleCell(sh(), 'appropriation-summary', 's1', 'amount', '101.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /本年收入合计 101\.00 ≠ 收入决算表 财政拨款收入 100\.00/);
});
