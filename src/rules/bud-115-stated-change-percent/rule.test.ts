import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money } from '../_lib/test-doc.js';
import type { BudgetDocument, Fact } from '../../domain/model.js';

/** The three facts the reader takes from one change sentence, at `line`. */
const fact = (key: string, label: string, line: number, v: { amount?: string; percent?: string }): Fact => ({
  key,
  label,
  src: { line, page: null, raw: '' },
  ...(v.amount !== undefined ? { money: money(v.amount, line) } : {}),
  ...(v.percent !== undefined ? { percent: v.percent } : {}),
});
const change = (base: string, label: string, current: string, amount: string, percent: string, line: number, amountKey = `${base}.change.amount`): Fact[] => [
  fact(base, label, line, { amount: current }),
  fact(amountKey, label, line, { amount }),
  fact(`${base}.change.percent`, label, line, { percent }),
];
const paragraphs = (paras: Array<[number, string]>): BudgetDocument['narrative']['parts'] => [
  {
    no: 2,
    title: '部门预算情况说明',
    src: { line: 1, page: null, raw: '' },
    sections: [{ no: '一', title: '收支预算总体情况', src: { line: 1, page: null, raw: '' }, paragraphs: paras.map(([line, text]) => ({ text, src: { line, page: null, raw: text } })) }],
  },
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
  assert.deepEqual(
    fs.map((f) => [f.severity, f.expected, f.actual]),
    [
      ['error', '-9.3', '-9.0'],
      ['error', '-4.86', '-4.00'],
    ],
  );
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
  assert.deepEqual(
    run([
      far,
      shanghai,
      [fact('revenue.total', '收入', 5, { amount: '100' }), fact('revenue.change.amount', '收入', 5, { amount: '10' }), fact('revenue.change.percent', '收入', 5, { percent: '50' })],
    ]),
    [],
  );
});

test("a clause that prints last year's amount is recomputed from it (beijing-transport-commission-2026-budget.txt line 125)", () => {
  const ok = '2026年度收入预算1448787.35万元，比2025年年初预算数1506121.45万元减少57334.09万元，下降3.81%。';
  assert.deepEqual(run([], [[125, ok]]), []);
  const fs = run([], [[125, ok.replace('3.81%', '3.18%')]]);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.expected, '-3.81');
});

test('the percent is checked to ±1 in its last place, with its sign; the message names the direction and last year', () => {
  // 110 → 100: −10 is −9.0909…%.
  const at = (pct: string) => run([change('operating-funds', '机关运行经费', '100.00', '-10.00', pct, 10)]);
  assert.deepEqual([at('-9.09'), at('-9.1'), at('-9.10'), at('-9')], [[], [], [], []], 'within one unit of the last printed place');
  assert.deepEqual(
    at('-9.08').map((f) => [f.expected, f.actual, f.difference]),
    [['-9.09', '-9.08', '0.01']],
    '0.0109 off: beyond one unit of 0.01',
  );
  assert.deepEqual(
    at('-8').map((f) => f.expected),
    ['-9'],
  );
  const up = at('9.09');
  assert.deepEqual(
    up.map((f) => [f.severity, f.expected, f.actual]),
    [['error', '-9.09', '9.09']],
    'a rise stated for a fall',
  );
  assert.match(up[0]!.message, /机关运行经费：本年 100\.00 万元，比上年减少 10\.00 万元（上年 110\.00 万元），变动率应为 9\.09%，说明写 9\.09%（第 10 行）/);
  const rise = run([change('operating-funds', '机关运行经费', '110.00', '10.00', '5', 10)]);
  assert.match(rise[0]!.message, /比上年增加 10\.00 万元（上年 100\.00 万元），变动率应为 10%，说明写 5%/);
  // A stated 0 % or an exact 0 change has no sign to disagree with.
  assert.deepEqual(run([change('operating-funds', '机关运行经费', '100.00', '0.00', '0.00', 10)]), []);
  assert.deepEqual(run([change('operating-funds', '机关运行经费', '100.00', '0.004', '0', 10)]), []);
});

test("no finding where the figures cannot be last year's: a change larger than the amount, a zero base stated as 0 %", () => {
  assert.deepEqual(run([change('operating-funds', '机关运行经费', '10.00', '20.00', '200', 10)]), []);
  assert.deepEqual(run([change('three-public.vehicle-purchase', '公务用车购置费', '200.00', '200.00', '0', 557)]), []);
  const zero = run([change('three-public.vehicle-purchase', '公务用车购置费', '200.00', '200.00', '-100', 557)]);
  assert.match(zero[0]!.message, /说明却写 100%（第 557 行）/);
  assert.deepEqual([zero[0]!.expected, zero[0]!.actual, zero[0]!.unit], [null, '-100', '%']);
});

test('the three facts pair only within one sentence: the amount at most a line before the percent, the current at most three before the amount', () => {
  const spread = (currentLine: number, amountLine: number, percentLine: number) => {
    const fs = change('operating-funds', '机关运行经费', '100.00', '-10.00', '-5.00', percentLine);
    fs[0]!.src = { line: currentLine, page: null, raw: '' };
    fs[1]!.src = { line: amountLine, page: null, raw: '' };
    return run([fs]).length;
  };
  assert.deepEqual([spread(7, 10, 11), spread(6, 10, 11), spread(10, 9, 11), spread(10, 10, 12), spread(12, 10, 11)], [1, 0, 0, 0, 0]);
  // A fact wrapped over lines counts from its last line.
  const wrapped = change('operating-funds', '机关运行经费', '100.00', '-10.00', '-5.00', 20);
  wrapped[0]!.src = { line: 10, endLine: 17, page: null, raw: '' };
  wrapped[1]!.src = { line: 18, endLine: 19, page: null, raw: '' };
  assert.equal(run([wrapped]).length, 1);
  // Another label is another subject.
  const other = change('operating-funds', '机关运行经费', '100.00', '-10.00', '-5.00', 30);
  other[2]!.label = '培训费';
  assert.deepEqual(run([other]), []);
});

test("a clause with last year's amount: its direction word and figures, a rise or a fall; unreadable figures are left alone", () => {
  const ok = '2026年度支出预算110.00万元，比上年预算数100.00万元增加10.00万元，增长10.00%。';
  assert.deepEqual(run([], [[7, ok]]), []);
  const wrongWord = run([], [[7, ok.replace('增长10.00%', '下降10.00%')]]);
  assert.deepEqual(
    wrongWord.map((f) => [f.expected, f.actual]),
    [['10.00', '-10.00']],
  );
  assert.match(wrongWord[0]!.message, /10\.00 万元占上年 100\.00 万元应为 10\.00%（第 7 行）/);
  const wrongPct = run([], [[7, ok.replace('增长10.00%', '增长11.00%')]]);
  assert.deepEqual(
    wrongPct.map((f) => [f.expected, f.actual]),
    [['10.00', '11.00']],
  );
  assert.deepEqual(run([], [[7, ok.replace('增长10.00%', '增长10.01%')]]), [], 'one unit of the last place');
  assert.deepEqual(run([], [[7, '比上年100.00万元减少10.00万元，下降10%。']]), []);
  assert.deepEqual(run([], [[7, '比上年100.00万元减少0.00万元，增长0%。']]), [], 'no change: no direction to disagree with');
  assert.deepEqual(run([], [[7, '比上年100.00万元减少0.10万元，增长0%。']]), [], 'a stated 0 % has no direction (−0.1 % within one unit)');
  assert.deepEqual(run([], [[7, '比上年0.00万元增加10.00万元，增长5%。']]), [], 'no percent of a zero base here');
  assert.deepEqual(run([], [[7, '比上年1.1234567万元增加10.00万元，增长5%。']]), [], 'a figure that is no amount');
});

test('a change-percent fact without its percent, or a change without a current amount, is no statement', () => {
  const noPercent = change('operating-funds', '机关运行经费', '100.00', '-10.00', '-5.00', 10);
  delete noPercent[2]!.percent;
  assert.deepEqual(run([noPercent]), []);
  const noCurrent = change('operating-funds', '机关运行经费', '100.00', '-10.00', '-5.00', 10).slice(1);
  assert.deepEqual(run([noCurrent]), []);
  const currentWithoutMoney = change('operating-funds', '机关运行经费', '100.00', '-10.00', '-5.00', 10);
  delete currentWithoutMoney[0]!.money;
  assert.deepEqual(run([currentWithoutMoney]), []);
});
