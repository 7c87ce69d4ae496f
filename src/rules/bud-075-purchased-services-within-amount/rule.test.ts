import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const withPs = (ps: string) =>
  fixtureForm({ name: '基础设施运行维护', amounts: { ...fixtureForm().amounts, total: money('1,270.74'), currentYear: money('1,270.74'), purchasedServices: money(ps, 9) } });

test('purchased services within the amount pass', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [withPs('1,246.56'), withPs('1,270.74')] })), []);
});

test('purchased services above the amount are an error', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [withPs('1,300.00')] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /基础设施运行维护.*1,300\.00.*1,270\.74/);
  assert.equal(fs[0]!.location.field, '政府购买服务资金');
});
