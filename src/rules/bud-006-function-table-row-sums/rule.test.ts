import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, money, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a function line whose total is not basic plus project', () => {
  const d = doc();
  setCell(d, 7, 't7-4', 'basic', '619.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 2010399 其他政府办公厅（室）及相关机构事务支出: 支出总计 4,263\.65 ≠ 基本支出 619\.00 \+ 项目支出 3,644\.54 = 4,263\.54/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 7, 't7-4', 'basic', '619.12');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /2010399/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('basic expenditure equals personnel plus operating funds where the table splits it', () => {
  const d = doc();
  const t7 = tbl(d, 7);
  t7.columns.push(col('personnel', undefined, ['人员经费']), col('public', undefined, ['公用经费']));
  const r = t7.rows[0]!;
  r.amounts['personnel'] = money('700.00');
  r.amounts['public'] = money('80.06');
  assert.deepEqual(run(d), []);
  r.amounts['public'] = money('8.06');
  assert.deepEqual(
    run(d).map((f) => f.message),
    ['表7 测试单位: 基本支出 780.06 ≠ 人员经费 700.00 + 公用经费 8.06 = 708.06，相差 72.00 万元'],
  );
});
