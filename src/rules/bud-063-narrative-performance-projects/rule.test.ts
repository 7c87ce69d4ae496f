import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc, row, table } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';

const t13 = table(
  'performance-projects',
  13,
  ['total'],
  [row('u', '单位', { total: '3,644.54' }, { kind: 'unit' }), ...['一般管理事务', '电子政务管理', '电子政务运行维护', '购置费', '预算准备金'].map((n, i) => row('p' + i, n, { total: '1.00' }))],
);

test('5 projects and 3,644.54 against table 13 pass', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([fact('performance.project-count', '项目绩效目标', { count: 5 }), fact('performance.amount', '涉及预算资金', { amount: '3,644.54' })], [t13])), []);
});

test('a different count and amount are errors', () => {
  const fs = runRule(rule, narrativeDoc([fact('performance.project-count', '项目绩效目标', { count: 10 }, 151), fact('performance.amount', '涉及预算资金', { amount: '3,000.00' })], [t13]));
  assert.equal(fs.length, 2);
  assert.ok(fs.some((f) => /10 个.*5 个/.test(f.message)));
});
