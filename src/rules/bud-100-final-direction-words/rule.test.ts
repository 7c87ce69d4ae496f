import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { FinalAccountComparison } from '../../domain/model.js';

const cmp = (budget: string, actual: string, direction: FinalAccountComparison['direction']): FinalAccountComparison => ({
  subject: '行政运行',
  budget: money(budget),
  actual: money(actual),
  direction,
  percent: null,
  reason: '人员变化',
  src: { line: 623, page: 22, raw: '' },
});
const doc = (...c: FinalAccountComparison[]) => emptyDoc({ kind: '部门决算', profile: 'shanghai-final-accounts', finalAccounts: { comparisons: c } });

test('小于 with a smaller actual, 持平 with equal figures and 大于 with a larger actual pass', () => {
  assert.deepEqual(runRule(rule, doc(cmp('1,560.05', '1,511.89', '小于'), cmp('10.00', '10.00', '持平'), cmp('5.00', '6.00', '大于'))), []);
});

test('小于 with an actual above the budget is an error naming both figures and the line', () => {
  const fs = runRule(rule, doc(cmp('100.00', '120.00', '小于')));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /行政运行.*120\.00.*100\.00.*小于.*623/);
  assert.equal(fs[0]!.difference, '20.00');
});

test('持平 with a 10 % gap is an error, 等于 with any gap too', () => {
  assert.equal(runRule(rule, doc(cmp('100.00', '90.00', '持平'), cmp('100.00', '99.99', '等于'))).length, 2);
});
