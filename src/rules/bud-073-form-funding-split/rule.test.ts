import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const amounts = (cur: string, fiscal: string, other: string | null, transfer: string | null) => ({
  total: money(cur),
  currentYear: money(cur, 6),
  fiscal: money(fiscal),
  other: other === null ? null : money(other),
  transfer: transfer === null ? null : money(transfer),
  purchasedServices: null,
});

test('fiscal + other + transfer equal to the amount passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm({ amounts: amounts('138.00', '100.00', '38.00', '0.00') })] })), []);
});

test('sources short of the amount are an error', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ name: '绩效管理', amounts: amounts('138.00', '100.00', '0.00', null) })] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /绩效管理/);
  assert.match(fs[0]!.message, /138\.00/);
  assert.match(fs[0]!.message, /100\.00/);
});

test('a one-cent remainder between two rounded sources is information', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ amounts: amounts('10.00', '6.67', '3.34', null) })] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
});
