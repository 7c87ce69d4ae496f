import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table } from '../_lib/test-doc.js';

const doc = (reserve: string) =>
  emptyDoc({
    tables: [
      table('expenditure-summary', 3, ['total', 'basic', 'project'], [row('u', '测试单位', { total: '4,424.60', basic: '780.06', project: '3,644.54' }, { kind: 'unit' })]),
      table('project-expenditure', 5, ['total'], [row('p1', '电子政务运行维护', { total: '3,641.54' }), row('p2', '预算准备金', { total: reserve }, { src: { line: 90, page: null, raw: '' } })]),
    ],
  });

test('a reserve of 3.00 against 3,644.54 of projects passes', () => {
  assert.deepEqual(runRule(rule, doc('3.00')), []);
});

test('a reserve exactly at 5 % passes', () => {
  // 5 % of 3,644.54 is 182.227: 182.22 is within, 182.23 is not.
  assert.deepEqual(runRule(rule, doc('182.22')), []);
  assert.equal(runRule(rule, doc('182.23')).length, 1);
});

test('a reserve above 5 % is an error naming the share and the limit', () => {
  const fs = runRule(rule, doc('200.00'));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /预算准备金.*200\.00.*3,644\.54.*5\.49%/);
  assert.equal(fs[0]!.location.line, 90);
});
