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

const items = (a: string, b: string) => [
  { label: '绩效管理', money: money(a) },
  { label: '项目评审费', money: money(b) },
];

test('items within the project pass', () => {
  assert.deepEqual(runRule(rule, doc([], [], [project('电子政务管理', '145.50', items('138', '7.5'))])), []);
});

test('items above the project are an error naming them', () => {
  const fs = runRule(rule, doc([], [], [project('电子政务管理', '145.50', items('140', '7.5'))]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /电子政务管理.*绩效管理.*147\.50.*2\.00/);
});

test('items above the project by a rounding remainder are information', () => {
  const fs = runRule(rule, doc([], [], [project('电子政务管理', '145.50', items('138.00', '7.51'))]));
  assert.equal(fs[0]?.severity, 'info');
});
