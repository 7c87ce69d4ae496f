import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, setCell } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a project total that is not general plus other funds', () => {
  const d = doc();
  setCell(d, 13, 't13-2', 'general', '3,500.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表13 电子政务运行维护: 合计 3,542\.88 ≠ 一般公共预算拨款 3,500\.00/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 13, 't13-2', 'general', '3,542.87');
  setCell(d, 13, 't13-2', 'other', '0.02');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /其他资金 0\.02/);
  assert.equal(infos[0]!.difference, '0.01');
});
