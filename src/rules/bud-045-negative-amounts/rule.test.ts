import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { col, money, row, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a negative amount', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'procurement', '-1.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表3 测试单位: 其中：政府采购项目 为负数 -1\.00/);
  assert.equal(fs.length, 1);
});

test('does not apply to final accounts', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'procurement', '-1.00');
  d.kind = '部门决算';
  const fs = run(d);
  assert.deepEqual(fs, []);
});

test('a change against last year may be negative, as a row or as a column', () => {
  const d = doc();
  const t12 = tbl(d, 12);
  t12.rows.push(row('t12-3', '增减变化金额', { total: '-0.50', overseas: '0.00', reception: '-0.50', vehicles: '0.00', vehiclePurchase: '0.00', vehicleRunning: '0.00' }));
  t12.columns.push(col('change', undefined, ['比上年增减']), col('c3_1', undefined, ['增减变化情况', '合计']));
  t12.rows[0]!.amounts['change'] = money('-0.50');
  t12.rows[0]!.amounts['c3_1'] = money('-0.50');
  assert.deepEqual(run(d), []);
  t12.rows[0]!.amounts['reception'] = money('-1.00');
  assert.equal(run(d).length, 1);
});
