import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table, summaryTable } from '../_lib/test-doc.js';
import { fixtureFact as fact } from '../_lib/content.js';
import type { Fact, Table } from '../../domain/model.js';

const doc = (facts: Fact[], tables: Table[]) => emptyDoc({ tables, narrative: { parts: [], duties: [], projects: [], glossary: [], facts } });
void row; void table; void summaryTable;

const t4 = (retire: string) => table('basic-expenditure-economic', 4, ['total'], [
  row('g1', '工资福利支出', { total: '728.73' }, { kind: 'group', code: '301', codeSystem: 'econ' }),
  row('g2', '商品和服务支出', { total: '30.46' }, { kind: 'group', code: '302', codeSystem: 'econ' }),
  row('g3', '对个人和家庭的补助', { total: '20.87' }, { kind: 'group', code: '303', codeSystem: 'econ' }),
  row('i1', '退休费', { total: retire }, { code: '30302', codeSystem: 'econ' }),
  row('i2', '奖励金', { total: '12.80' }, { code: '30309', codeSystem: 'econ' }),
]);
const facts = (p: string, o: string, r: string) => [fact('expenditure.personnel', '人员支出', { amount: p }, 68), fact('expenditure.public', '公用支出', { amount: o }, 68), fact('expenditure.retiree', '离退休人员支出', { amount: r }, 68)];

test('741.53 = 728.73 + 20.87 − 8.07, 30.46 and 8.07 pass', () => {
  assert.deepEqual(runRule(rule, doc(facts('741.53', '30.46', '8.07'), [t4('8.07')])), []);
});

test('a wrong personnel figure is an error naming the economic classes', () => {
  const fs = runRule(rule, doc(facts('749.60', '30.46', '8.07'), [t4('8.07')]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /人员支出.*749\.60.*工资福利支出/);
});

test('a one-cent difference over three rounded parts is information', () => {
  const fs = runRule(rule, doc(facts('741.54', '30.46', '8.07'), [t4('8.07')]));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
});
