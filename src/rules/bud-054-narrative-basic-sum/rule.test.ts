import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table, summaryTable } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';
import type { Fact, Table } from '../../domain/model.js';

const doc = (facts: Fact[], tables: Table[]) => emptyDoc({ tables, narrative: { parts: [], duties: [], projects: [], glossary: [], facts } });
void row;
void table;
void summaryTable;

const t3 = (basic: string) => table('expenditure-summary', 3, ['total', 'basic', 'project'], [row('u', '单位', { total: null, basic, project: null }, { kind: 'unit' })]);
const facts = [
  fact('expenditure.personnel', '人员支出', { amount: '741.53' }, 68),
  fact('expenditure.public', '公用支出', { amount: '30.46' }, 68),
  fact('expenditure.retiree', '离退休人员支出', { amount: '8.07' }, 68),
];

test('741.53 + 30.46 + 8.07 = 780.06 passes', () => {
  assert.deepEqual(runRule(rule, doc(facts, [t3('780.06')])), []);
});

test('a basic expenditure of 790.06 is an error', () => {
  const fs = runRule(rule, doc(facts, [t3('790.06')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /790\.06.*780\.06/);
});

test('a one-cent remainder is information', () => {
  assert.equal(runRule(rule, doc(facts, [t3('780.07')]))[0]?.severity, 'info');
});
