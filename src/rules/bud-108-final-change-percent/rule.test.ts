import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { applies, runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const change = (label: string, current: string, amount: string, percent: string, line = 575): Fact[] => {
  const src = { line, page: null, raw: '' };
  return [
    { key: 'change.current', label, money: money(current), src },
    { key: 'change.amount', label, money: money(amount), src },
    { key: 'change.percent', label, percent, src },
  ];
};
const doc = (...facts: Fact[][]) =>
  emptyDoc({ kind: '部门决算', profile: 'shanghai-final-accounts', year: 2024, narrative: { parts: [], duties: [], projects: [], glossary: [], facts: facts.flat() } });

test('percentages that follow from current and change amounts pass (down 1.87 %, up 1.40 %)', () => {
  assert.deepEqual(runRule(rule, doc(change('收入支出总计', '2995.39', '-56.95', '-1.87'), change('机关运行经费支出', '184.65', '2.55', '1.40', 732))), []);
});

test('a percentage that does not follow is an error with the expected value', () => {
  const fs = runRule(rule, doc(change('收入支出总计', '2995.39', '-56.95', '-1.90')));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '-1.87');
  assert.match(fs[0]!.message, /上年 3052\.34 万元.*应为 -1\.87%，说明写 -1\.90%（第 575 行）/);
});

test('a percentage with the opposite sign of the change amount is an error', () => {
  const fs = runRule(rule, doc(change('机关运行经费支出', '184.65', '2.55', '-1.40', 732)));
  assert.equal(fs.length, 1);
});

test('budgets are not checked (their change sentences are BUD-060’s)', () => {
  const d = doc(change('收入支出总计', '2995.39', '-56.95', '-1.90'));
  d.kind = '部门预算';
  assert.equal(applies(rule, d), false);
  d.kind = '部门决算';
  assert.equal(applies(rule, d), true);
});
