import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table } from '../_lib/test-doc.js';

const note = { text: '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。', src: { line: 858, page: 31, raw: '' } };

test('an empty table with its note and a filled table without one pass', () => {
  const empty = table('gov-fund-function', null, ['total'], [row('total', '合计', { total: null })], { note });
  const filled = table('three-public', null, ['total'], [row('y', '2024年预算数', { total: '47.91' })]);
  assert.deepEqual(runRule(rule, emptyDoc({ tables: [empty, filled] })), []);
});

test('a note saying the table is empty beside non-zero figures is a warning', () => {
  const t = table('three-public', null, ['total', 'overseas'], [row('y', '2024年预算数', { total: '47.91', overseas: '0' })], { note });
  const fs = runRule(rule, emptyDoc({ tables: [t] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /空表.*858.*47\.91/);
});
