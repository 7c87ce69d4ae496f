import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const tp = table(
  'three-public',
  null,
  ['total', 'overseas', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning', 'operatingFunds'],
  [row('y2024', '2024年预算数', { total: '47.91', overseas: '0', reception: '1.35', vehicles: '46.56', vehiclePurchase: '25', vehicleRunning: '21.56', operatingFunds: '443.18' })],
);
const fact = (key: string, v: string, line: number): Fact => ({ key, label: key, money: money(v), src: { line, page: 32, raw: '' } });
const doc = (...f: Fact[]) => emptyDoc({ profile: 'shanghai-budget', tables: [tp], narrative: { parts: [], duties: [], projects: [], glossary: [], facts: f } });

test('narrative figures equal to the table pass', () => {
  assert.deepEqual(runRule(rule, doc(fact('three-public.total', '47.91', 864), fact('operating-funds', '443.18', 871), fact('three-public.reception', '1.35', 869))), []);
});

test('a narrative 机关运行经费 different from the table is an error with both figures', () => {
  const fs = runRule(rule, doc(fact('operating-funds', '434.18', 871)));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /机关运行经费.*434\.18.*871.*443\.18/);
});
