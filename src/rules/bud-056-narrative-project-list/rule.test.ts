import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import { fixtureFact as fact, fixtureForm, fixtureIndicator } from '../_lib/content.js';
import type { BudgetDocument, Fact, NarrativeProject, Table } from '../../domain/model.js';

const doc = (facts: Fact[], tables: Table[], projects: NarrativeProject[] = [], over: Partial<BudgetDocument> = {}) =>
  emptyDoc({ tables, narrative: { parts: [], duties: [], projects, glossary: [], facts }, ...over });
const project = (name: string, amount: string, items: NarrativeProject['items'] = [], line = 92): NarrativeProject => ({
  no: 1,
  name,
  amount: money(amount, line),
  description: '',
  items,
  src: { line, page: null, raw: name },
});
void money;
void row;
void table;
void fact;
void fixtureForm;
void fixtureIndicator;
void project;

const t5 = table('project-expenditure', 5, ['total'], [row('a', '购置费', { total: '101.66' }), row('b', '预算准备金', { total: '3.00' })]);

test('a list matching table 5 passes', () => {
  assert.deepEqual(runRule(rule, doc([], [t5], [project('购置费', '101.66'), project('预算准备金', '3.00')])), []);
});

test('a different amount is an error and an unlisted table 5 project a warning', () => {
  const fs = runRule(rule, doc([], [t5], [project('购置费', '110.66')]));
  assert.deepEqual(fs.map((f) => f.severity).sort(), ['error', 'warning']);
  assert.match(fs.find((f) => f.severity === 'error')!.message, /购置费.*110\.66.*101\.66/);
});

test('a listed project missing from table 5 is an error', () => {
  const fs = runRule(rule, doc([], [t5], [project('购置费', '101.66'), project('预算准备金', '3.00'), project('培训费', '1.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /培训费/);
});
