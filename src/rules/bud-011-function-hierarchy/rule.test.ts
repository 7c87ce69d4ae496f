import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a class that is not the sum of its 款', () => {
  const d = doc();
  setCell(d, 7, 't7-3', 'basic', '619.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /201 一般公共服务支出: 基本支出 619\.11 ≠ 20103 政府办公厅（室）及相关机构事务 619\.00/);
  assert.equal(fs.length, 2); // 201 ≠ 20103 and 20103 ≠ 2010399

});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 7, 't7-12', 'total', '63.61');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /22102 住房改革支出/);
  assert.equal(infos[0]!.difference, '0.01');

});
