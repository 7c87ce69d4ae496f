import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const t13 = table(
  'performance-projects',
  13,
  ['total'],
  [
    row('a', '购置费', { total: '101.66' }, { texts: { project: { text: '购置费' } } }),
    row('b', '预算准备金', { total: '3.00' }, { texts: { project: { text: '预算准备金' } }, src: { line: 95, page: null, raw: '' } }),
  ],
);

test('every table 13 project with a form (own name or parent) passes', () => {
  const doc = emptyDoc({ tables: [t13], projectForms: [fixtureForm({ name: '购置费' }), fixtureForm({ id: 'f2', name: '准备金测算', parentProject: '预算准备金' })] });
  assert.deepEqual(runRule(rule, doc), []);
});

test('a table 13 project without a form is a warning naming it', () => {
  const fs = runRule(rule, emptyDoc({ tables: [t13], projectForms: [fixtureForm({ name: '购置费' })] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /预算准备金/);
  assert.equal(fs[0]!.location.line, 95);
});
