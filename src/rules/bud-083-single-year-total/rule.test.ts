import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const amounts = (total: string, cur: string) => ({ ...fixtureForm().amounts, total: money(total, 6), currentYear: money(cur, 7) });

test('a one-year project whose total equals this year’s amount passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm({ amounts: amounts('1,270.74', '1,270.74') })] })), []);
});

test('a multi-year project may have a larger total', () => {
  const f = fixtureForm({ amounts: amounts('3,000.00', '1,000.00'), period: { start: '2021-01-01', end: '2023-12-31', src: { line: 3, page: null, raw: '' } } });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a one-year project whose total differs from this year’s amount is an error at the total', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ name: '基础设施运行维护', amounts: amounts('1,280.74', '1,270.74') })] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /基础设施运行维护.*1,280\.74.*1,270\.74/);
  assert.equal(fs[0]!.location.line, 6);
  assert.equal(fs[0]!.difference, '10.00');
});
