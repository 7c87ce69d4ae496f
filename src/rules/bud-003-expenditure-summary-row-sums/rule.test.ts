import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, rowOf, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a total that is not basic plus project', () => {
  const d = doc();
  setCell(d, 3, 't3-1', 'basic', '700.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
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
