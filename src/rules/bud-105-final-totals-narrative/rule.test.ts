import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, summaryTable } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const t4 = summaryTable('appropriation-summary', 4, [
  row('r1', '本年收入合计', { amount: '2,940.05' }, { side: 'revenue', kind: 'subtotal' }),
  row('r2', '总计', { amount: '2,961.68' }, { side: 'revenue', kind: 'total' }),
]);
const fact = (v: string): Fact => ({ key: 'appropriation.total', label: '财政拨款收入支出总计', money: money(v), src: { line: 593, page: 21, raw: '' } });
const doc = (f: Fact) => emptyDoc({ kind: '部门决算', profile: 'shanghai-final-accounts', tables: [t4], narrative: { parts: [], duties: [], projects: [], glossary: [], facts: [f] } });

test('a narrative total equal to the table passes', () => {
  assert.deepEqual(runRule(rule, doc(fact('2961.68'))), []);
});

test('财政拨款收入支出总计 0.3 万元 against a table total of 2,961.68 is an error', () => {
  const fs = runRule(rule, doc(fact('0.3')));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '2961.68');
  assert.match(fs[0]!.message, /0\.30.*593.*2,961\.68/);
});
