import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { money, row, ruleHarness, setCell, setRoleCell, shanghaiFinalDoc, tbl } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a grand total that is not subtotal plus carry-over', () => {
  const d = doc();
  setCell(d, 1, 't1-t1', 'amount', '4,500.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 收入总计: 收入总计 4,500\.00 ≠ 本年收入合计 4,424\.60 \+ 上年结余、结转 \(空\)/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 6, 't6-c2', 'amount', '0.01');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /结转下年 0\.01/);
  assert.equal(infos[0]!.difference, '0.01');
});

// Shanghai final account (决算): carry lines, 类-only summaries, one 财政拨款收入 column.
const sh = () => shanghaiFinalDoc();
const shErrors = (d: BudgetDocument) => run(d).filter((f) => f.severity === 'error');

test('accepts a consistent Shanghai final account', () => {
  assert.deepEqual(run(sh()), []);
});

test('Shanghai 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; a wrong carry line is reported', () => {
  const fs = shErrors(setRoleCell(sh(), 'income-expenditure-summary', 'c3', 'amount', '12.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /总计 115\.00 ≠ 本年收入合计 105\.00 \+ 使用非财政拨款结余\(含专用结余\) \(空\) \+ 年初结转和结余 12\.00 = 117\.00/);
});

test('lines printed between 本年收入合计 and 收入总计 add in (上级补助收入 printed below the subtotal)', () => {
  const d = doc();
  const t1 = tbl(d, 1);
  const total = t1.rows.find((r) => r.id === 't1-t1')!;
  total.amounts['amount'] = money('4,430.49', total.src.line);
  t1.rows.splice(t1.rows.indexOf(t1.rows.find((r) => r.id === 't1-c1')!), 0, row('t1-sup', '上级补助收入', { amount: '5.89' }, { side: 'revenue', level: 0 }));
  const exp = t1.rows.find((r) => r.id === 't1-t2')!;
  exp.amounts['amount'] = money('4,430.49', exp.src.line);
  t1.rows.splice(t1.rows.indexOf(t1.rows.find((r) => r.id === 't1-c2')!), 0, row('t1-rem', '上缴上级支出', { amount: '5.89' }, { side: 'expenditure', level: 0 }));
  assert.deepEqual(run(d), []);
  total.amounts['amount'] = money('4,440.49', total.src.line);
  assert.equal(run(d).length, 1);
});

test('a line level with the carry lines is a line of its own, not a breakdown (上年实户资金余额 after 使用非财政拨款结余)', () => {
  const d = doc();
  const t1 = tbl(d, 1);
  const total = t1.rows.find((r) => r.id === 't1-t1')!;
  total.amounts['amount'] = money('4,522.78', total.src.line);
  const carry = t1.rows.find((r) => r.id === 't1-c1')!;
  carry.label = '使用非财政拨款结余';
  carry.amounts['amount'] = null;
  t1.rows.splice(t1.rows.indexOf(carry) + 1, 0, row('t1-own', '上年实户资金余额', { amount: '98.18' }, { side: 'revenue', level: 0 }));
  assert.deepEqual(
    run(d).filter((f) => f.location.row === 't1-t1'),
    [],
  );
});

test('a carry-over on both sides adds in: 总计 = 本年合计 + 上年结余、结转 (revenue), + 结转下年 (expenditure)', () => {
  const d = doc();
  setCell(d, 1, 't1-c1', 'amount', '100.00');
  setCell(d, 1, 't1-t1', 'amount', '4,524.60');
  setCell(d, 1, 't1-c2', 'amount', '100.00');
  setCell(d, 1, 't1-t2', 'amount', '4,524.60');
  assert.deepEqual(run(d), []);
  setCell(d, 1, 't1-c2', 'amount', '90.00');
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => [f.severity, f.location.row]),
    [['error', 't1-t2']],
  );
  assert.match(fs[0]!.message, /支出总计 4,524\.60 ≠ 本年支出合计 4,424\.60 \+ 结转下年 90\.00/);
  assert.equal(fs[0]!.difference, '-10.00', 'the parts fall 10.00 short of the total');
});

test('a summary printing no carry line at all: 总计 is 本年合计 plus an empty 结转; a side without 本年合计 or 总计 is not checked', () => {
  const d = doc();
  const t1 = d.tables.find((t) => t.no === 1)!;
  t1.rows = t1.rows.filter((r) => r.kind !== 'carry');
  assert.deepEqual(run(d), []);
  setCell(d, 1, 't1-t2', 'amount', '4,500.00');
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.location.row),
    ['t1-t2'],
  );
  assert.match(fs[0]!.message, /支出总计 4,500\.00 ≠ 本年支出合计 4,424\.60 \+ 结转 \(空\)/);
  t1.rows = t1.rows.filter((r) => r.id !== 't1-s2');
  assert.deepEqual(run(d), [], 'no 本年支出合计: nothing to add up');
});
