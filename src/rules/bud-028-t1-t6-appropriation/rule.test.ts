import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a table 6 appropriation line that differs from table 1', () => {
  const d = doc();
  setCell(d, 6, 't6-r1', 'amount', '4,000.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表6 政府预算拨款 4,000\.00 ≠ 表1 一、政府预算拨款 4,424\.60/);
  assert.equal(fs.length, 1);
});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai: the year appropriation is compared, the carry-over breakdown (年初结转) is not', () => {
  const fs = shErrors(setRoleCell(sh(), 'appropriation-summary', 'r1', 'amount', '99.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /一、一般公共预算财政拨款 99\.00 ≠ 收入支出决算总表 一、一般公共预算财政拨款收入 100\.00/);
});
