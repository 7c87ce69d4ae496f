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

const t4 = (retire: string) =>
  table(
    'basic-expenditure-economic',
    4,
    ['total'],
    [
      row('g1', '工资福利支出', { total: '728.73' }, { kind: 'group', code: '301', codeSystem: 'econ' }),
      row('g2', '商品和服务支出', { total: '30.46' }, { kind: 'group', code: '302', codeSystem: 'econ' }),
      row('g3', '对个人和家庭的补助', { total: '20.87' }, { kind: 'group', code: '303', codeSystem: 'econ' }),
      row('i1', '退休费', { total: retire }, { code: '30302', codeSystem: 'econ' }),
      row('i2', '奖励金', { total: '12.80' }, { code: '30309', codeSystem: 'econ' }),
    ],
  );
const facts = (p: string, o: string, r: string) => [
  fact('expenditure.personnel', '人员支出', { amount: p }, 68),
  fact('expenditure.public', '公用支出', { amount: o }, 68),
  fact('expenditure.retiree', '离退休人员支出', { amount: r }, 68),
];

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

// Shanghai: 人员经费 without a separate 离退休 figure is 301 + 303 including 退休费.
test('人员经费 stated without 离退休 includes retiree pay: 728.73 + 20.87 = 749.60 passes', () => {
  assert.deepEqual(runRule(rule, doc([fact('expenditure.personnel', '人员经费', { amount: '749.60' }, 677)], [t4('8.07')])), []);
});

test('人员经费 that subtracts retiree pay is an error against 301 + 303', () => {
  const fs = runRule(rule, doc([fact('expenditure.personnel', '人员经费', { amount: '741.53' }, 677)], [t4('8.07')]));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /人员经费.*741\.53.*工资福利支出 728\.73 \+ 对个人和家庭的补助 20\.87 = 749\.60/);
});

test('人员经费 beside a stated 离退休 figure still excludes retiree pay', () => {
  const fs = runRule(rule, doc([fact('expenditure.personnel', '人员经费', { amount: '741.53' }, 68), fact('expenditure.retiree', '离退休人员支出', { amount: '8.07' }, 68)], [t4('8.07')]));
  assert.deepEqual(fs, []);
});

test('a general-budget-only economic table answers the general budget’s figures, not the department’s', () => {
  const general = { ...t4('8.07'), title: { text: '一般公共预算基本支出表' } };
  // The department's 人员支出 (every fund) is not compared with the general-budget table.
  assert.deepEqual(runRule(rule, doc(facts('2,000.00', '500.00', '8.07').slice(0, 2), [general])), []);
  const scoped = [fact('expenditure.general.personnel', '人员经费', { amount: '740.00' }, 70)];
  const fs = runRule(rule, doc(scoped, [general]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /人员经费.*740\.00/);
});

test('a table with 人员经费 and 公用经费 columns answers those figures by its column totals', () => {
  const t = table(
    'basic-expenditure-economic',
    6,
    ['total', 'personnel', 'public'],
    [
      row('c0', '合计', { total: '100.00', personnel: '70.00', public: '30.00' }, { kind: 'total' }),
      row('c1', '工资福利支出', { total: '60.00', personnel: '60.00', public: null }, { code: '301', codeSystem: 'econ' }),
      row('c2', '商品和服务支出', { total: '30.00', personnel: '2.00', public: '28.00' }, { code: '302', codeSystem: 'econ' }),
      row('c3', '对个人和家庭的补助', { total: '10.00', personnel: '8.00', public: '2.00' }, { code: '303', codeSystem: 'econ' }),
    ],
  );
  const ok = [fact('expenditure.personnel', '人员支出', { amount: '70.00' }, 68), fact('expenditure.public', '公用支出', { amount: '30.00' }, 68)];
  assert.deepEqual(runRule(rule, doc(ok, [t])), []);
  const fs = runRule(rule, doc([fact('expenditure.public', '公用支出', { amount: '32.00' }, 68)], [t]));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /公用支出.*32\.00.*30\.00/);
});
