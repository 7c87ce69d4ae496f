import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { money, row, ruleHarness, setCell, setRoleCell, shanghaiFinalDoc, tbl } from '../_lib/test-doc.js';
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
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
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

test('a source stated in table 2 with its carry-over matches table 6’s year line plus its carry-over line', () => {
  const d = doc();
  const t6 = tbl(d, 6);
  const carry = t6.rows.find((r) => r.id === 't6-c1')!;
  carry.amounts['amount'] = money('10.00', carry.src.line);
  t6.rows.splice(t6.rows.indexOf(carry) + 1, 0, row('t6-c1a', '（一）一般公共预算拨款', { amount: '10.00' }, { side: 'revenue', kind: 'item', level: 1, code: 'general', codeSystem: 'revenue' }));
  setCell(d, 2, 't2-1', 'general', '4,434.60');
  assert.deepEqual(
    run(d).filter((f) => /一般公共预算拨款/.test(f.message) && f.location.row === 't6-r2'),
    [],
  );
  setCell(d, 2, 't2-1', 'general', '4,444.60');
  assert.ok(run(d).some((f) => f.location.row === 't6-r2'));
});

test("table 2 read without any appropriation column is not a column of zeros: nothing is compared (Xi'an 部门综合预算收入总表, headers not recognised)", () => {
  const d = doc();
  const t2 = tbl(d, 2);
  // The headers of the appropriation columns were not recognised: the columns are kept under generic keys.
  const generic = new Map(t2.columns.filter((c) => ['general', 'govFund', 'stateCapital', 'govApprop'].includes(c.key) || /^general/.test(c.key)).map((c, i) => [c.key, `c0_${i + 2}`]));
  for (const c of t2.columns) c.key = generic.get(c.key) ?? c.key;
  for (const r of t2.rows) r.amounts = Object.fromEntries(Object.entries(r.amounts).map(([k, v]) => [generic.get(k) ?? k, v]));
  assert.deepEqual(run(d), []);
});
