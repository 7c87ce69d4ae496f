import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { row, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports an expenditure subtotal that is not the sum of the classes', () => {
  const d = doc();
  setCell(d, 6, 't6-s2', 'amount', '4,400.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表6 本年支出合计: 本年支出合计 4,400\.00 ≠ 201 一般公共服务支出 4,263\.65 \+ 208 社会保障和就业支出 74\.31 \+ 221 住房保障支出 86\.64/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 1, 't1-e9', 'amount', '86.65');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /221 住房保障支出 86\.65/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('not checked while a line without a code may be a 款 rather than a class', () => {
  const d = doc();
  const t1 = tbl(d, 1);
  // 进修及培训 printed under 教育支出, its code not resolved and no parent: its level is unknown.
  t1.rows.splice(
    t1.rows.findIndex((r) => r.kind === 'subtotal'),
    0,
    row('x', '进修及培训', { amount: '5.00' }, { side: 'expenditure', level: 1, parent: null }),
  );
  assert.deepEqual(run(d), []);
  t1.rows.find((r) => r.id === 'x')!.label = '一、教育支出';
  assert.equal(run(d).length, 1);
});

test('a side printing one total under several classifications (the same line twice) is not summed', () => {
  const d = doc();
  const t1 = tbl(d, 1);
  const at = t1.rows.findIndex((r) => r.kind === 'subtotal');
  t1.rows.splice(
    at,
    0,
    row('k1', '一、财政拨款', { amount: '4,424.60' }, { side: 'expenditure', level: 0, parent: null }),
    row('k2', '一、财政拨款', { amount: '4,424.60' }, { side: 'expenditure', level: 0, parent: null }),
  );
  assert.deepEqual(run(d), []);
});

test('a line without a code that prints the subtotal itself heads the classes ("一、部门预算")', () => {
  const d = doc();
  const t1 = tbl(d, 1);
  t1.rows.splice(
    t1.rows.findIndex((r) => r.side === 'expenditure'),
    0,
    row('hd', '一、部门预算', { amount: '4,424.60' }, { side: 'expenditure', level: 0, parent: null }),
  );
  assert.deepEqual(run(d), []);
});
