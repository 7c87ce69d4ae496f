import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { row, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a unit line that is not the sum of its classes', () => {
  const d = doc();
  setCell(d, 7, 't7-1', 'total', '4,424.70');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表7 测试单位: 支出总计 4,424\.70 ≠ 201 一般公共服务支出 4,263\.65 \+ 208 社会保障和就业支出 74\.31 \+ 221 住房保障支出 86\.64 = 4,424\.60/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 11, 't11-2', 'amount', '101.67');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /表11 测试单位/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('rows of years and of the change are no parts of the unit line above them', () => {
  const d = doc();
  const t12 = tbl(d, 12);
  t12.rows = [
    row('y1', '测试单位 2025年', { total: '3.50', reception: '1.00' }, { kind: 'unit', level: 1 }),
    row('y2', '2026年', { total: '3.00', reception: '0.50' }, { level: 2, parent: 'y1' }),
    row('y3', '增减变化金额', { total: '-0.50', reception: '-0.50' }, { level: 2, parent: 'y1' }),
  ];
  assert.deepEqual(run(d), []);
  t12.rows[1]!.label = '北京分中心';
  assert.ok(run(d).length > 0);
});

test('a total line without lines under it sums the top units, unless lines of no unit stand beside them', () => {
  const d = doc();
  const t12 = tbl(d, 12);
  // Two units and the total line of a per-unit table: the total is their sum, and 12.00 ≠ 10.00 is found.
  t12.rows = [row('t', '合计', { total: '12.00' }, { kind: 'total' }), row('u1', '甲单位', { total: '4.00' }, { kind: 'unit' }), row('u2', '乙单位', { total: '6.00' }, { kind: 'unit' })];
  const fs = run(d);
  assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.message)));
  assert.match(fs[0]!.message, /合计: 总计 12\.00 ≠ 甲单位 4\.00 \+ 乙单位 6\.00 = 10\.00/);
  // A project line at the units' level, under no unit (a table listing 单位 and 项目 side by side): whether
  // it is a part of the total or of the unit line above it, the layout does not say: nothing is asserted.
  t12.rows.splice(1, 0, row('p0', '某项目', { total: '2.00' }));
  assert.deepEqual(run(d), []);
});
