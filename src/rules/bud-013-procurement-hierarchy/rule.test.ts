import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { ruleHarness, row, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a category that is not the sum of its classes', () => {
  const d = doc();
  setCell(d, 11, 't11-3', 'amount', '100.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表11 A 货物: 金额 101\.66 ≠ A02 通用设备 100\.00/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  tbl(d, 11).rows.splice(3, 0, row('t11-x', '家具用具', { amount: '0.01' }, { code: 'A06', codeSystem: 'procurement', level: 2, parent: 't11-2' }));
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /A 货物/);
  assert.equal(infos[0]!.difference, '0.01');
});
