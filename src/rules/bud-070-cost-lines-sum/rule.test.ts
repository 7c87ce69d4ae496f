import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';
import type { CostLine } from '../../domain/model.js';

const line = (no: number, amount: string, l: number): CostLine => ({ no, text: `${no}、费用 ${amount}万元`, label: '费用', amount: money(amount, l), src: { line: l, page: null, raw: '' } });

test('cost lines that add up to the amount pass', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm()] })), []);
});

test('cost lines short of the amount are an error naming the project and both figures', () => {
  const f = fixtureForm({ name: '应急项目和设备维修', amounts: { ...fixtureForm().amounts, currentYear: money('42.70', 6), total: money('42.70', 6) }, costLines: [line(1, '42.67', 30)] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /应急项目和设备维修/);
  assert.match(fs[0]!.message, /42\.70/);
  assert.match(fs[0]!.message, /42\.67/);
  assert.equal(fs[0]!.difference, '-0.03');
  assert.equal(fs[0]!.location.line, 30);
});

test('four-decimal cost lines within the rounding tolerance are information', () => {
  const f = fixtureForm({
    amounts: { ...fixtureForm().amounts, currentYear: money('606.28'), total: money('606.28') },
    costLines: [line(1, '47.382', 40), line(2, '558.9', 41)],
  });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
  assert.match(fs[0]!.message, /尾差/);
});

test('a form without cost amounts is skipped', () => {
  const f = fixtureForm({ costLines: [] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});
