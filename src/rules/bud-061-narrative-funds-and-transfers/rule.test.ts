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

const t8 = (v: string) => table('gov-fund-function', 8, ['total', 'basic', 'project'], [row('u', '单位', { total: v, basic: v, project: '0' }, { kind: 'unit' })]);

test('a statement of 0.00 against a table 8 of 0 passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('other.gov-fund', '政府性基金预算拨款', { amount: '0.00' })], [t8('0')])), []);
});

test('a table 8 with spending against a stated 0.00 is an error', () => {
  const fs = runRule(rule, doc([fact('other.gov-fund', '政府性基金预算拨款', { amount: '0.00' }, 186)], [t8('12.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /政府性基金.*12\.00/);
});
