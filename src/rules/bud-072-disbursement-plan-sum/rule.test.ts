import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const plan = (amounts: string[]) => amounts.map((a, i) => ({ quarter: i + 1, amount: money(a, 50), src: { line: 50, page: null, raw: a } }));
const amounts = (a: string) => ({ ...fixtureForm().amounts, total: money(a), currentYear: money(a) });

test('a plan that sums to the project amount passes', () => {
  const f = fixtureForm({ amounts: amounts('30.87'), disbursement: plan(['7.71', '7.72', '7.72', '7.72']) });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('four quarters of 249.9 against 1,074.56 are an error with both figures', () => {
  const f = fixtureForm({ name: '应用系统运行维护', amounts: amounts('1,074.56'), disbursement: plan(['249.9', '249.9', '249.9', '249.9']) });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /应用系统运行维护/);
  assert.match(fs[0]!.message, /1,074\.56/);
  assert.match(fs[0]!.message, /999\.60/);
  assert.equal(fs[0]!.expected, '1074.56');
  assert.equal(fs[0]!.actual, '999.60');
  assert.equal(fs[0]!.difference, '-74.96');
});

test('a plan off by one cent over four quarters is a rounding remainder', () => {
  const f = fixtureForm({ amounts: amounts('30.87'), disbursement: plan(['7.72', '7.72', '7.72', '7.72']) });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
});

test('the plan is checked against this year\'s amount, not the multi-year total', () => {
  const f = fixtureForm({ amounts: { ...amounts('100.00'), total: money('300.00') } });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});
