import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { narrativeDoc, narrativeProject, row, table } from '../_lib/test-doc.js';

const t5 = table('project-expenditure', 5, ['total'], [row('a', '购置费', { total: '101.66' }), row('b', '预算准备金', { total: '3.00' })]);

test('a list matching table 5 passes', () => {
  assert.deepEqual(runRule(rule, narrativeDoc([], [t5], [narrativeProject('购置费', '101.66'), narrativeProject('预算准备金', '3.00')])), []);
});

test('a different amount is an error and an unlisted table 5 project a warning', () => {
  const fs = runRule(rule, narrativeDoc([], [t5], [narrativeProject('购置费', '110.66')]));
  assert.deepEqual(fs.map((f) => f.severity).sort(), ['error', 'warning']);
  assert.match(fs.find((f) => f.severity === 'error')!.message, /购置费.*110\.66.*101\.66/);
});

test('a listed project missing from table 5 is an error', () => {
  const fs = runRule(rule, narrativeDoc([], [t5], [narrativeProject('购置费', '101.66'), narrativeProject('预算准备金', '3.00'), narrativeProject('培训费', '1.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /培训费/);
});
