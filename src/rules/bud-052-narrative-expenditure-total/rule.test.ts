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

const t3 = (total: string) => table('expenditure-summary', 3, ['total', 'basic', 'project'], [row('u', '单位', { total, basic: null, project: null }, { kind: 'unit' })]);

test('every statement of the expenditure total equal to table 3 passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('expenditure.total', '部门预算支出', { amount: '4,424.60' }, 66), fact('expenditure.total', '预算', { amount: '4,424.60' }, 78)], [t3('4,424.60')])), []);
});

test('the statement that differs is reported at its own line', () => {
  const fs = runRule(rule, doc([fact('expenditure.total', '部门预算支出', { amount: '4,424.60' }, 66), fact('expenditure.total', '预算', { amount: '4,426.60' }, 78)], [t3('4,424.60')]));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.location.line, 78);
});

// Shanghai final account: "本年支出合计" is the year's money (表1 subtotal), 总计 adds the carry lines.
import { shanghaiFinalDoc } from '../_lib/test-doc.js';
const sh = (facts: Fact[]) => {
  const d = shanghaiFinalDoc();
  d.narrative.facts = facts;
  return d;
};

test('a stated 本年支出合计 equal to the summary subtotal and table total passes (总计 differs by the carry lines)', () => {
  assert.deepEqual(runRule(rule, sh([fact('expenditure.total', '本年支出合计', { amount: '100.00' }, 581)])), []);
});

test('a stated 本年支出合计 that differs from the subtotal is an error', () => {
  const fs = runRule(rule, sh([fact('expenditure.total', '本年支出合计', { amount: '101.00' }, 581)])).filter((f) => f.severity === 'error');
  assert.ok(fs.length >= 1);
  assert.match(fs[0]!.message, /本年支出合计.*101\.00.*100\.00/);
});

test('a stated 支出总计 is compared with 总计, not with the per-unit table of the year', () => {
  assert.deepEqual(runRule(rule, sh([fact('expenditure.total', '支出总计', { amount: '115.00' }, 575)])), []);
  const fs = runRule(rule, sh([fact('expenditure.total', '支出总计', { amount: '100.00' }, 575)]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /表1 支出总计/);
});
