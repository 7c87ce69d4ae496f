import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';
import type { CostLine } from '../../domain/model.js';

const cl = (quantity: string, unitPrice: string, amount: string): CostLine => ({
  no: 3,
  text: `购置服务器 ${quantity}台`,
  label: '购置服务器',
  amount: money(amount, 60),
  quantity,
  quantityUnit: '台',
  unitPrice: money(unitPrice, 60),
  src: { line: 60, page: null, raw: '' },
});

test('5 × 18.5 = 92.5 passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm({ costLines: [cl('5', '18.5', '92.5')] })] })), []);
});

test('a product different from the amount is an error naming the line and the figures', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ name: '购置费', costLines: [cl('4', '1.65', '6.8')] })] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /购置费/);
  assert.match(fs[0]!.message, /6\.60/);
  assert.match(fs[0]!.message, /6\.80/);
  assert.equal(fs[0]!.difference, '0.20');
});

test('a product rounded to the printed places is a rounding remainder', () => {
  // 3 × 0.3333 = 0.9999, printed as 1.00.
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ costLines: [cl('3', '0.3333', '1.00')] })] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
});

test('lines without quantity or unit price are not checked', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm()] })), []);
});
