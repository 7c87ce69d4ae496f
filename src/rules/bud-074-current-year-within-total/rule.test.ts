import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const amounts = (total: string, cur: string) => ({ ...fixtureForm().amounts, total: money(total, 6), currentYear: money(cur, 7) });

test("this year's amount equal to or below the total passes", () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm({ amounts: amounts('300.00', '100.00') }), fixtureForm({ id: 'f2' })] })), []);
});

test("this year's amount above the total is an error with both figures", () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ name: '购置费', amounts: amounts('100.00', '101.66') })] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /购置费.*101\.66.*100\.00/);
  assert.equal(fs[0]!.difference, '1.66');
  assert.equal(fs[0]!.location.line, 7);
});
