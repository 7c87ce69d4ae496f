import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, money, ruleHarness, rowOf, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a total that is not basic plus project', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'basic', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表3 测试单位: 支出总计 4,424\.60 ≠ 基本支出 700\.00 \+ 项目支出 3,644\.54 = 4,344\.54/);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '4424.60');
  assert.equal(fs[0]!.actual, '4344.54');
  assert.equal(fs[0]!.location.line, rowOf(d, 3, 't3-1').src.line);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'basic', '780.07');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /支出总计/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('the national 支出总表 adds the other uses, and splits basic expenditure into personnel and operating funds', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  t3.columns.push(col('personnel', undefined, ['人员经费']), col('public', undefined, ['公用经费']), col('remitSuperior', undefined, ['上缴上级支出']));
  const r = t3.rows[0]!;
  r.amounts['personnel'] = money('700.00');
  r.amounts['public'] = money('80.06');
  r.amounts['remitSuperior'] = money('0.00');
  assert.deepEqual(run(d), []);
  r.amounts['remitSuperior'] = money('10.00');
  r.amounts['public'] = money('70.06');
  const fs = run(d);
  assert.deepEqual(
    fs.map((f) => f.message),
    [
      '表3 测试单位: 支出总计 4,424.60 ≠ 基本支出 780.06 + 项目支出 3,644.54 + 上缴上级支出 10.00 = 4,434.60，相差 10.00 万元',
      '表3 测试单位: 基本支出 780.06 ≠ 人员经费 700.00 + 公用经费 70.06 = 770.06，相差 10.00 万元',
    ],
  );
});

test('a row with a figure in 结转下年 is not checked: the layouts differ on whether it is a part', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  t3.columns.push(col('carryForward', undefined, ['结转下年']));
  t3.rows[0]!.amounts['carryForward'] = money('5.00');
  setCell(d, 3, 't3-1', 'basic', '700.00');
  assert.deepEqual(run(d), []);
});
