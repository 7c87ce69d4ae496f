import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { row, ruleHarness, rowOf, table, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a 项 printed under the wrong 款', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '2080701';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 2080701 机关事业单位职业年金缴费支出 列在 20805 行政事业单位养老支出 之下，但其上级编码应为 20807/);
  assert.equal(fs.length, 1);
});

test('reports a code of the wrong shape', () => {
  const d = doc();
  rowOf(d, 7, 't7-9').code = '20805061';
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /编码 20805061（机关事业单位职业年金缴费支出）不符合支出功能分类的编码位数/);
  assert.equal(fs.length, 1);
});

test('fits regional layouts: local economic sub-items, function codes in a procurement table, an unresolved parent line', () => {
  const d = doc();
  const t4 = tbl(d, 4);
  // 3021101 差旅费 (a region's sub-item of 30211) under 302.
  t4.rows.push(
    row('x1', '商品和服务支出', { total: '1.00' }, { code: '302', codeSystem: 'econ', level: 1 }),
    row('x2', '差旅费', { total: '1.00' }, { code: '3021101', codeSystem: 'econ', level: 3 }),
  );
  // A procurement table listing function codes (its 品目 are in another column).
  d.tables.push(table('procurement', null, ['amount'], [row('p1', '一般公共服务支出', { amount: '1.00' }, { code: '201', codeSystem: 'procurement' })]));
  // 21011 after a 卫生健康支出 line whose code was not resolved: not "under 208".
  const t7 = tbl(d, 7);
  t7.rows.push(row('h0', '卫生健康支出', { total: '1.00' }, { level: 1 }), row('h1', '行政事业单位医疗', { total: '1.00' }, { code: '21011', codeSystem: 'function', level: 2 }));
  assert.deepEqual(run(d), []);
  t4.rows.push(row('x3', '差旅费', { total: '1.00' }, { code: '30211999', codeSystem: 'econ', level: 3 }));
  assert.equal(run(d).length, 1);
});

test('in a flat list a code is not "under" the shorter code printed before it', () => {
  const d = doc();
  d.tables.push(
    table(
      'basic-expenditure-economic',
      null,
      ['total'],
      [
        row('f1', '邮电费', { total: '1.00' }, { code: '30207', codeSystem: 'econ' }),
        row('f2', '差旅费', { total: '46.56' }, { code: '3021101', codeSystem: 'econ' }),
        row('f3', '工会经费', { total: '279.59' }, { code: '30228', codeSystem: 'econ' }),
      ],
    ),
  );
  assert.deepEqual(run(d), []);
});
