import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('warns about a table without the columns of its role', () => {
  const d = doc();
  tbl(d, 3).columns = tbl(d, 3).columns.filter((c) => c.key !== 'basic');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'warning'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表3“支出总表”缺少栏目：基本支出/);
  assert.equal(fs.length, 1);
});

test('a table that prints no figure has nothing to reconcile', () => {
  const d = doc();
  const t = tbl(d, 8);
  t.columns = [];
  for (const r of t.rows) r.amounts = {};
  assert.deepEqual(
    run(d).filter((f) => f.location.table === 8),
    [],
  );
});

test('a single figure column stands for the total, and 三公经费合计 for the 三公 total', () => {
  const d = doc();
  const t5 = tbl(d, 5);
  for (const c of t5.columns) if (c.key === 'total') c.key = 'amount';
  for (const r of t5.rows)
    if ('total' in r.amounts) {
      r.amounts['amount'] = r.amounts['total']!;
      delete r.amounts['total'];
    }
  const t12 = tbl(d, 12);
  for (const c of t12.columns) if (c.key === 'total') c.key = 'threePublic';
  assert.deepEqual(run(d), []);
});

test('columns the reader could not name make the checks "not made" (info), not the table lacking them', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  for (const c of t3.columns) if (c.key === 'basic') c.key = 'c1_2';
  const fs = run(d);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
  assert.match(fs[0]!.message, /表3“支出总表”未能确定栏目：基本支出（表中 1 个金额栏未能命名）/);
});

test('基本支出 printed as its parts 人员支出 and 公用支出 is printed', () => {
  const d = doc();
  const t3 = tbl(d, 3);
  t3.columns = t3.columns.filter((c) => c.key !== 'basic');
  t3.columns.push({ key: 'personnel', header: ['基本支出', '人员支出'], kind: 'amount' }, { key: 'public', header: ['基本支出', '公用支出'], kind: 'amount' });
  assert.deepEqual(run(d), []);
});
