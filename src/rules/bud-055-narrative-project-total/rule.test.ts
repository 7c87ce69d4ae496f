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

const t5 = (total: string) => table('project-expenditure', 5, ['total'], [row('u', '单位', { total }, { kind: 'unit' })]);

test('a stated project total equal to table 5 passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('expenditure.project', '项目支出', { amount: '3,644.54' })], [t5('3,644.54')])), []);
});

test('a different project total is an error', () => {
  const fs = runRule(rule, doc([fact('expenditure.project', '项目支出', { amount: '3,644.54' }, 90)], [t5('3,600.00')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /项目支出.*3,644\.54.*3,600\.00/);
});

test('a project table that also lists the 经营支出 projects table 3 shows apart may exceed the narrative by them', () => {
  const t3 = table('expenditure-summary', 3, ['total', 'project', 'operatingExp'], [row('u3', '单位', { total: '3,844.54', project: '3,644.54', operatingExp: '200.00' }, { kind: 'unit' })]);
  const f = [fact('expenditure.project', '项目支出', { amount: '3,644.54' })];
  assert.deepEqual(runRule(rule, doc(f, [t3, t5('3,844.54')])), []);
  assert.equal(runRule(rule, doc(f, [t3, t5('3,944.54')])).length, 1);
});
