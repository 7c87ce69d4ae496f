import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { row, ruleHarness, setCell, tbl } from '../_lib/test-doc.js';

const { run, doc } = ruleHarness(rule);

test('accepts a consistent budget', () => {
  assert.deepEqual(run(doc()), []);
});

test('reports a revenue subtotal that is not the sum of the sources', () => {
  const d = doc();
  setCell(d, 1, 't1-s1', 'amount', '4,400.00');
  const fs = run(d);
  assert.ok(fs.length > 0, 'expected a finding');
  assert.ok(
    fs.every((f) => f.severity === 'error'),
    JSON.stringify(fs.map((f) => f.severity)),
  );
  assert.match(fs[0]!.message, /表1 本年收入合计: 本年收入合计 4,400\.00 ≠ 一、政府预算拨款 4,424\.60/);
  assert.equal(fs.length, 1);
});

test('reports a rounding remainder as info', () => {
  const d = doc();
  setCell(d, 1, 't1-r5', 'amount', '0.01');
  const fs = run(d);
  const infos = fs.filter((f) => f.severity === 'info');
  assert.ok(infos.length > 0, 'expected an info finding');
  assert.match(infos[0]!.message, /尾差 0\.01 万元/);
  assert.match(infos[0]!.message, /二、财政专户管理资金 0\.01/);
  assert.equal(infos[0]!.difference, '0.01');
});

test('a source printed below 本年收入合计 is a line of 总计, not of the subtotal', () => {
  const d = doc();
  const t1 = tbl(d, 1);
  const sub = t1.rows.find((r) => r.id === 't1-s1')!;
  t1.rows.splice(t1.rows.indexOf(sub) + 1, 0, row('t1-sup', '上级补助收入', { amount: '205.89' }, { side: 'revenue', level: 0 }));
  assert.deepEqual(run(d), []);
});
