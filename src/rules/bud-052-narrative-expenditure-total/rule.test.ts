import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table, summaryTable } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';
import type { Fact, Table } from '../../domain/model.js';

const doc = (facts: Fact[], tables: Table[]) => emptyDoc({ tables, narrative: { parts: [], duties: [], projects: [], glossary: [], facts } });
void row; void table; void summaryTable;

const t3 = (total: string) => table('expenditure-summary', 3, ['total', 'basic', 'project'], [row('u', '单位', { total, basic: null, project: null }, { kind: 'unit' })]);

test('every statement of the expenditure total equal to table 3 passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('expenditure.total', '部门预算支出', { amount: '4,424.60' }, 66), fact('expenditure.total', '预算', { amount: '4,424.60' }, 78)], [t3('4,424.60')])), []);
});

test('the statement that differs is reported at its own line', () => {
  const fs = runRule(rule, doc([fact('expenditure.total', '部门预算支出', { amount: '4,424.60' }, 66), fact('expenditure.total', '预算', { amount: '4,426.60' }, 78)], [t3('4,424.60')]));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.location.line, 78);
});
