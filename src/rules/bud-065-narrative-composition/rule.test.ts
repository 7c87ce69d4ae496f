import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

const facts = (total: string) => [
  fact('expenditure.total', '部门预算支出', { amount: total }, 66),
  fact('expenditure.personnel', '人员支出', { amount: '741.53' }),
  fact('expenditure.public', '公用支出', { amount: '30.46' }),
  fact('expenditure.retiree', '离退休人员支出', { amount: '8.07' }),
  fact('expenditure.project', '项目支出', { amount: '3,644.54' }),
];

test('parts adding up to the stated total pass', () => {
  assert.deepEqual(runRule(rule, narrativeDoc(facts('4,424.60'), [])), []);
});

test('parts not adding up are an error', () => {
  const fs = runRule(rule, narrativeDoc(facts('4,434.60'), []));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /4,434\.60.*4,424\.60/);
});

test('a one-cent remainder over four parts is information', () => {
  assert.equal(runRule(rule, narrativeDoc(facts('4,424.61'), []))[0]?.severity, 'info');
});

test('revenue sources that do not add up are an error', () => {
  const fs = runRule(
    rule,
    narrativeDoc(
      [
        fact('revenue.total', '收入', { amount: '100.00' }),
        fact('revenue.gov-approp', '政府预算拨款', { amount: '90.00' }),
        fact('revenue.special-account', '财政专户', { amount: '0.00' }),
        fact('revenue.unit-funds', '单位资金', { amount: '0.00' }),
      ],
      [],
    ),
  );
  assert.equal(fs.length, 1);
});

test('a list that may name only some sources may fall short of the total, never exceed it', () => {
  const partial = (x: string) => [
    fact('revenue.total', '收入', { amount: '100.00' }),
    fact('revenue.gov-approp', '财政拨款收入', { amount: '90.00' }),
    fact('revenue.business', '事业收入', { amount: x }),
  ];
  assert.deepEqual(runRule(rule, narrativeDoc(partial('5.00'), [])), []);
  const fs = runRule(rule, narrativeDoc(partial('15.00'), []));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /收入 100\.00 ≠ 财政拨款收入 90\.00 \+ 事业收入 15\.00/);
});
