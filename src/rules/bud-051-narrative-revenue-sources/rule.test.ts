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

const t1 = summaryTable('income-expenditure-summary', 1, [
  row('a', '一、政府预算拨款', { amount: '4,424.60' }, { side: 'revenue', code: 'govApprop', codeSystem: 'revenue' }),
  row('b', '二、财政专户管理资金', { amount: null }, { side: 'revenue', code: 'specialAccount', codeSystem: 'revenue' }),
]);

test('sources equal to table 1 pass, an empty cell counting as 0', () => {
  assert.deepEqual(runRule(rule, doc([fact('revenue.gov-approp', '政府预算拨款', { amount: '4,424.60' }), fact('revenue.special-account', '财政专户拨款', { amount: '0.00' })], [t1])), []);
});

test('a stated source where table 1 is empty is an error', () => {
  const fs = runRule(rule, doc([fact('revenue.special-account', '财政专户拨款', { amount: '12.00' }, 64)], [t1]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /财政专户拨款.*12\.00/);
});
