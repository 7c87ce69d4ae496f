import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, money } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports tasks that do not add up to the 合计 line', () => {
  const d = doc();
  d.departmentTargets!.tasks[0]!.total = money('700.00', 901);
  d.departmentTargets!.tasks[0]!.fiscal = money('700.00', 901);
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(fs.every((f) => f.severity === 'error'), JSON.stringify(fs.map((f) => f.severity)));
  assert.match(fs[0]!.message, /表14 合计: 总额 4,424\.60 ≠ 基本支出 总额 700\.00 \+ 信息化服务 总额 3,644\.54/);
  assert.equal(fs.length, 2); // 总额 and 财政拨款 columns

});

test('reports a rounding remainder as info', () => {
  const d = doc();
  d.departmentTargets!.tasks[0]!.fiscal = money('780.07', 901);
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /财政拨款/);
  assert.equal(infos[0]!.difference, '0.01');

});
