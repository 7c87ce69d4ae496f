import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, fnRow, money, table } from '../_lib/test-doc.js';
import type { Fact } from '../../domain/model.js';

const label = '住房保障支出(类)住房改革支出(款)住房公积金(项)';
const facts = (head: string, planned: string): Fact[] => [
  { key: 'function.item', label, money: money(head), src: { line: 195, page: null, raw: '' } },
  { key: 'function.item.planned', label, money: money(planned), src: { line: 196, page: null, raw: '' } },
];
const fn = table(
  'general-budget-function',
  null,
  ['total', 'basic', 'project'],
  [
    fnRow('221', '住房保障支出', { total: '350.3499', basic: '350.3499', project: '0' }),
    fnRow('22102', '住房改革支出', { total: '350.3499', basic: '350.3499', project: '0' }),
    fnRow('2210201', '住房公积金', { total: '350.3499', basic: '350.3499', project: '0' }),
  ],
);
const doc = (f: Fact[]) => emptyDoc({ profile: 'shanghai-budget', tables: [fn], narrative: { parts: [], duties: [], projects: [], glossary: [], facts: f } });

test('an item stating the rounded table amount twice passes', () => {
  assert.deepEqual(runRule(rule, doc(facts('350.35', '350.35'))), []);
});

test('a second, different amount for the same item is reported against the first and the table', () => {
  const fs = runRule(rule, doc(facts('350.35', '352.67')));
  assert.equal(fs.length, 2);
  assert.match(fs[0]!.message, /350\.35.*352\.67.*196/);
  assert.equal(fs[1]!.expected, '350.35');
  assert.equal(fs[1]!.actual, '352.67');
});
