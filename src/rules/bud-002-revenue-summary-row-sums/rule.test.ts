import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell, setRoleCell, shanghaiFinalDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a unit whose appropriation subtotal differs from basic plus project', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'generalBasic', '780.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表2 测试单位: 一般公共预算拨款小计 4,424\.60 ≠ 基本支出拨款 780\.00 \+ 履职类项目拨款 3,644\.54/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 2, 't2-1', 'generalBasic', '780.07');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /基本支出拨款 780\.07/);
  assert.equal(infos[0]!.difference, '0.01');
});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai 收入决算表: 本年收入合计 = 财政拨款收入 + 其他收入, a wrong row is reported', () => {
  const fs = shErrors(setRoleCell(sh(), 'revenue-summary', 'f221', 'total', '41.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /221 住房保障支出: 本年收入合计 41\.00 ≠ 财政拨款收入 40\.00 \+ 其他收入 \(空\) = 40\.00/);
});
