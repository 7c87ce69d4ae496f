import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

const facts = (pct: string) => [
  fact('revenue.total', '部门预算收入', { amount: '4,424.60' }),
  fact('revenue.change.amount', '比2020年增加', { amount: '0.54' }),
  fact('revenue.change.percent', '增长', { percent: pct }, 64),
];

test('0.54 on 4,424.06 printed as 0.01% passes', () => {
  assert.deepEqual(runRule(rule, narrativeDoc(facts('0.01'), [])), []);
});

test('a percent that does not follow from the amounts is an error with the right value', () => {
  const fs = runRule(rule, narrativeDoc(facts('0.12'), []));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '0.01');
  assert.match(fs[0]!.message, /4,424\.06/);
});

test('a decrease is signed', () => {
  const f = [fact('expenditure.total', '支出', { amount: '90.00' }), fact('expenditure.change.amount', '减少', { amount: '0' }), fact('expenditure.change.percent', '下降', { percent: '-10.0' })];
  f[1]!.money!.fen = -10_000_000;
  assert.deepEqual(runRule(rule, narrativeDoc(f, [])), []);
});
