import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const t13 = (name: string, amount: string, period = '2021.01.01-2021.12.31') =>
  table(
    'performance-projects',
    13,
    ['total', 'general', 'other'],
    [row('p1', name, { total: amount, general: amount, other: null }, { texts: { project: { text: name }, period: { text: period } } })],
  );
const form = (name: string, amount: string) => fixtureForm({ name, amounts: { ...fixtureForm().amounts, total: money(amount), currentYear: money(amount, 80) } });

test('a form with the table 13 amount and period passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ tables: [t13('购置费', '101.66')], projectForms: [form('购置费', '101.66')] })), []);
});

test('a different amount is an error naming the project and both figures', () => {
  const fs = runRule(rule, emptyDoc({ tables: [t13('购置费', '101.66')], projectForms: [form('购置费', '100.66')] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /购置费.*101\.66.*100\.66/);
  assert.equal(fs[0]!.location.line, 80);
});

test('a different period is a warning', () => {
  const fs = runRule(rule, emptyDoc({ tables: [t13('购置费', '101.66', '2021.03.01-2021.12.31')], projectForms: [form('购置费', '101.66')] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /2021\.03\.01/);
});

test('sub-project forms with other names are left to the project-sum rule', () => {
  const f = { ...form('绩效管理', '138.00'), parentProject: '电子政务管理' };
  assert.deepEqual(runRule(rule, emptyDoc({ tables: [t13('电子政务管理', '145.50')], projectForms: [f] })), []);
});
