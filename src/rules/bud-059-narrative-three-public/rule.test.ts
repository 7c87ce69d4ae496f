import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import { fixtureFact as fact, fixtureForm, fixtureIndicator } from '../_lib/content.js';
import type { BudgetDocument, Fact, NarrativeProject, Table } from '../../domain/model.js';

const doc = (facts: Fact[], tables: Table[], projects: NarrativeProject[] = [], over: Partial<BudgetDocument> = {}) =>
  emptyDoc({ tables, narrative: { parts: [], duties: [], projects, glossary: [], facts }, ...over });
const project = (name: string, amount: string, items: NarrativeProject['items'] = [], line = 92): NarrativeProject => ({ no: 1, name, amount: money(amount, line), description: '', items, src: { line, page: null, raw: name } });
void money; void row; void table; void fact; void fixtureForm; void fixtureIndicator; void project;

const t12 = (total2021: string | null) => table('three-public', 12, ['total', 'overseas', 'reception'], [
  row('y0', '单位', { total: '5.00', overseas: null, reception: '5.00' }, { kind: 'unit', texts: { year: { text: '2020' } } }),
  row('y1', '单位', { total: total2021, overseas: null, reception: total2021 }, { kind: 'unit', texts: { year: { text: '2021' } } }),
]);

test('0.00 against an empty table 12 row passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('three-public.total', '“三公”经费', { amount: '0.00' }), fact('three-public.reception', '公务接待费', { amount: '0.00' })], [t12(null)])), []);
});

test('a stated amount against the budget-year row that differs is an error', () => {
  const fs = runRule(rule, doc([fact('three-public.reception', '公务接待费', { amount: '5.00' }, 129)], [t12('3.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /公务接待费.*5\.00.*3\.00/);
});
