import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table, summaryTable } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';
import type { Fact, Table } from '../../domain/model.js';

const doc = (facts: Fact[], tables: Table[]) => emptyDoc({ tables, narrative: { parts: [], duties: [], projects: [], glossary: [], facts } });
void row; void table; void summaryTable;

const t1 = (total: string) => summaryTable('income-expenditure-summary', 1, [row('r', '收入总计', { amount: total }, { kind: 'total', side: 'revenue' })]);

test('a stated revenue equal to table 1 passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('revenue.total', '部门预算收入', { amount: '4,424.60' }, 62)], [t1('4,424.60')])), []);
});

test('a different revenue is an error with both figures and the line', () => {
  const fs = runRule(rule, doc([fact('revenue.total', '部门预算收入', { amount: '4,424.60' }, 62)], [t1('4,420.60')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /部门预算收入.*4,424\.60.*4,420\.60/);
  assert.equal(fs[0]!.location.line, 62);
});
