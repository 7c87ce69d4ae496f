import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

test('a complete form passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm()] })), []);
});

test('a form without goal, cost lines and plan is reported once listing what is missing', () => {
  const { annualGoal: _g, ...rest } = fixtureForm({ name: '项目审计', costLines: [], disbursement: [] });
  const fs = runRule(rule, emptyDoc({ projectForms: [rest] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /项目审计.*项目年度目标、测算明细、资金支出进度/);
});
