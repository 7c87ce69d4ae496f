import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { BudgetDocument, Fact } from '../../domain/model.js';

/** The three facts the reader takes from one change sentence, at `line`. */
const fact = (key: string, label: string, line: number, v: { amount?: string; percent?: string }): Fact => ({
  key, label, src: { line, page: null, raw: '' }, ...(v.amount !== undefined ? { money: money(v.amount, line) } : {}), ...(v.percent !== undefined ? { percent: v.percent } : {}),
});
const change = (base: string, label: string, current: string, amount: string, percent: string, line: number, amountKey = `${base}.change.amount`): Fact[] => [
  fact(base, label, line, { amount: current }),
  fact(amountKey, label, line, { amount }),
  fact(`${base}.change.percent`, label, line, { percent }),
];
const paragraphs = (paras: Array<[number, string]>): BudgetDocument['narrative']['parts'] => [
  { no: 2, title: '部门预算情况说明', src: { line: 1, page: null, raw: '' }, sections: [{ no: '一', title: '收支预算总体情况', src: { line: 1, page: null, raw: '' }, paragraphs: paras.map(([line, text]) => ({ text, src: { line, page: null, raw: text } })) }] },
];
const run = (facts: Fact[][], paras: Array<[number, string]> = []) =>
  runRule(rule, emptyDoc({ year: 2026, narrative: { parts: paragraphs(paras), duties: [], projects: [], glossary: [], facts: facts.flat() } }));

test('changes whose percent follows from the amounts pass (corpus phrasings)', () => {
  assert.deepEqual(
    run([
      // suzhou-data-bureau-2026-budget.txt line 949: "行政运行(项)支出2,016.5万元，与上年相比减少16.14万元，减少0.79%"
      change('function.item', '行政运行', '2016.5', '-16.14', '-0.79', 949),
      // hangzhou-transport-bureau-2026-budget.txt line 355: "机关运行经费财政拨款预算8,989.73万元，比上年预算数减少217.38万元，下降2.4%"
      change('operating-funds', '机关运行经费', '8989.73', '-217.38', '-2.4', 355),
      // fuzhou-commerce-bureau-2026-budget.txt line 718: "2026 年预算安排 6.10 万元，比上年减少 0.10 万元，下降 1.61%"
      change('three-public.reception', '公务接待费2026年预算安排', '6.10', '-0.10', '-1.61', 718, 'three-public.reception.change'),
    ]),
    [],
  );
});

test('a percent that does not follow from the amounts is an error (huzhou-veterans-affairs-bureau-2026-budget.txt lines 201–203, 229–231)', () => {
  const fs = run([
    change('operating-funds', '机关运行经费财政拨款预算', '48.78', '-4.98', '-9.0', 203), // "48.78 万元，比上年预算减少 4.98 万元，下降 9.0%"
    change('training-fees', '各单位培训费预算', '39.51', '-2.02', '-4.00', 231), // "39.51 万元，比上年预算数减少 2.02 万元，下降 4.00%"
  ]);
  assert.deepEqual(fs.map((f) => [f.severity, f.expected, f.actual]), [['error', '-9.3', '-9.0'], ['error', '-4.86', '-4.00']]);
  assert.match(fs[0]!.message, /上年 53\.76 万元.*应为 9\.3%，说明写 9\.0%（第 203 行）/);
});

test('a percent of a zero base is a warning (fuzhou-psb-patrol-special-police-detachment-2026-unit-budget.txt line 557)', () => {
  // "公务用车购置费 200.00 万元，比上年增加 200.00 万元，增长 100%"
  const fs = run([change('three-public.vehicle-purchase', '公务用车购置费', '200.00', '200.00', '100', 557)]);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /上年为 0，增减百分比无意义/);
});

test('facts of different sentences, totals and Shanghai items with a prior execution are left alone', () => {
  const far = change('training-fees', '培训费', '39.51', '-2.02', '-4.00', 231);
  far[0]!.src = { line: 200, page: null, raw: '' };
  const shanghai = [...change('function.item', '住房公积金', '352.67', '4.15', '0.53', 196), fact('function.item.prior-execution', '住房公积金', 196, { amount: '348.52' })];
  assert.deepEqual(run([far, shanghai, [fact('revenue.total', '收入', 5, { amount: '100' }), fact('revenue.change.amount', '收入', 5, { amount: '10' }), fact('revenue.change.percent', '收入', 5, { percent: '50' })]]), []);
});

test('a clause that prints last year\'s amount is recomputed from it (beijing-transport-commission-2026-budget.txt line 125)', () => {
  const ok = '2026年度收入预算1448787.35万元，比2025年年初预算数1506121.45万元减少57334.09万元，下降3.81%。';
  assert.deepEqual(run([], [[125, ok]]), []);
  const fs = run([], [[125, ok.replace('3.81%', '3.18%')]]);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '-3.81');
});
