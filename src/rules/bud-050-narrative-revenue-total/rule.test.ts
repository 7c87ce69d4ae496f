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

// Shanghai final account: "本年收入合计" is the year's money (表1 subtotal), 总计 adds the carry lines.
import { shanghaiFinalDoc } from '../_lib/test-doc.js';
const sh = (facts: Fact[]) => {
  const d = shanghaiFinalDoc();
  d.narrative.facts = facts;
  return d;
};

test('a stated 本年收入合计 equal to the summary subtotal and table total passes (总计 differs by the carry lines)', () => {
  assert.deepEqual(runRule(rule, sh([fact('revenue.total', '本年收入合计', { amount: '105.00' }, 581)])), []);
});

test('a stated 本年收入合计 that differs from the subtotal is an error', () => {
  const fs = runRule(rule, sh([fact('revenue.total', '本年收入合计', { amount: '106.00' }, 581)])).filter((f) => f.severity === 'error');
  assert.ok(fs.length >= 1);
  assert.match(fs[0]!.message, /本年收入合计.*106\.00.*105\.00/);
});

test('a stated 收入总计 is compared with 总计, not with the per-unit table of the year', () => {
  assert.deepEqual(runRule(rule, sh([fact('revenue.total', '收入总计', { amount: '115.00' }, 575)])), []);
  const fs = runRule(rule, sh([fact('revenue.total', '收入总计', { amount: '105.00' }, 575)]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /表1 收入总计/);
});
