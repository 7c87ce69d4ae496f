import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Comparator } from '../domain/model.js';
import { evaluate, gradeOf, quantitativeRatio, executionRatio, categoryOf, type Actual } from './evaluation.js';

const cases: Array<[string, Comparator, string, string, string, boolean]> = [
  // name, comparator, target, actual, expected ratio, met
  ['≥ met exactly', '≥', '4', '4', '1.0000', true],
  ['≥ half done', '≥', '4', '2', '0.5000', false],
  ['≥ far above target is capped at the weight', '≥', '4', '400', '1.0000', true],
  ['≥ zero target is always met', '≥', '0', '0', '1.0000', true],
  ['≥ negative actual scores nothing', '≥', '10', '-3', '0.0000', false],
  ['> at the boundary scores fully but is not met', '>', '95', '95', '1.0000', false],
  ['≤ within target', '≤', '2', '1.5', '1.0000', true],
  ['≤ twice the ceiling scores half', '≤', '2', '4', '0.5000', false],
  ['≤ zero target with zero actual (0 incidents) is met', '≤', '0', '0', '1.0000', true],
  ['≤ zero target with one incident scores nothing', '≤', '0', '1', '0.0000', false],
  ['≤ with zero actual is met', '≤', '5', '0', '1.0000', true],
  ['< at the boundary is not met', '<', '5', '5', '1.0000', false],
  ['= exact', '=', '7', '7', '1.0000', true],
  ['= off by one of seven', '=', '7', '6', '0.8571', false],
  ['= far off floors at zero', '=', '7', '30', '0.0000', false],
  ['= zero target met only by zero', '=', '0', '1', '0.0000', false],
];

for (const [name, cmp, t, a, ratio, met] of cases) {
  test(`quantitative ratio: ${name}`, () => {
    const r = quantitativeRatio(cmp, t, a);
    assert.equal(r.ratio.toFixed(4), ratio);
    assert.equal(r.met, met);
  });
}

test('execution above 100 % is capped and below is proportional', () => {
  assert.equal(executionRatio('112.5').toFixed(4), '1.0000');
  assert.equal(executionRatio('87.5').toFixed(4), '0.8750');
  assert.equal(executionRatio('-5').toFixed(4), '0.0000');
});

test('grades follow 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60', () => {
  assert.deepEqual(['100', '90', '89.99', '80', '79.99', '60', '59.99', '0'].map(gradeOf), ['优', '优', '良', '良', '中', '中', '差', '差']);
});

test('预算执行率 is scored from execution, 效益 and 满意度 by level 1', () => {
  assert.equal(categoryOf({ level1: '产出指标', name: '预算执行率' }), 'execution');
  assert.equal(categoryOf({ level1: '效益指标', name: '有效性' }), 'effect');
  assert.equal(categoryOf({ level1: '满意度指标', name: '用户满意度' }), 'satisfaction');
  assert.equal(categoryOf({ level1: '产出指标', name: '巡检次数' }), 'output');
});

const ind = (level1: string, name: string, comparator: Comparator | null, value: string | null, opts: { qualitative?: boolean; notApplicable?: boolean } = {}) => ({
  level1,
  level2: '',
  name,
  comparator,
  value,
  unit: null,
  qualitative: opts.qualitative ?? comparator === null,
  notApplicable: opts.notApplicable ?? false,
});

test('a perfect year scores 100 and grade 优', () => {
  const inds = [ind('产出指标', '巡检次数', '≥', '4'), ind('效益指标', '有效性', null, null), ind('满意度指标', '满意度', '≥', '90')];
  const acts: Actual[] = [{ value: '4' }, { band: '完全达成' }, { value: '95' }];
  const e = evaluate(inds, acts, '100');
  assert.equal(e.total, '100.00');
  assert.equal(e.grade, '优');
  assert.deepEqual(e.byCategory, { execution: '10.00', output: '50.00', effect: '30.00', satisfaction: '10.00' });
  assert.equal(e.incomplete.length, 0);
});

test('weights split equally inside a category and shortfalls need a reason and a correction', () => {
  const inds = [ind('产出指标', 'A', '≥', '4'), ind('产出指标', 'B', '≥', '10'), ind('效益指标', 'C', null, null), ind('满意度指标', 'D', '≥', '90')];
  const acts: Actual[] = [{ value: '4' }, { value: '5', reason: '采购延迟' }, { band: '基本达成', reason: 'r', correction: 'c' }, { value: '90' }];
  const e = evaluate(inds, acts, '90');
  // execution 9 + output 25 + 12.5 + effect 24 + satisfaction 10
  assert.equal(e.byCategory.output, '37.50');
  assert.equal(e.byCategory.effect, '24.00');
  assert.equal(e.executionScore, '9.00');
  assert.equal(e.total, '80.50');
  assert.equal(e.grade, '良');
  assert.equal(e.incomplete.length, 1);
  assert.equal(e.incomplete[0]!.indicator.name, 'B');
  assert.deepEqual(e.incomplete[0]!.missing, ['correction']);
});

test('qualitative bands earn 100/80/50/0 % of the weight', () => {
  const inds = ['完全达成', '基本达成', '部分达成', '未达成'].map((n) => ind('效益指标', n, null, null));
  const e = evaluate(inds, [{ band: '完全达成' }, { band: '基本达成' }, { band: '部分达成' }, { band: '未达成' }], null);
  assert.deepEqual(
    e.indicators.map((s) => s.ratio),
    ['1.0000', '0.8000', '0.5000', '0.0000'],
  );
});

test('not-applicable indicators are dropped and the rest re-weighted', () => {
  const inds = [ind('产出指标', 'A', '≥', '1'), ind('效益指标', '经济效益', null, null, { notApplicable: true }), ind('效益指标', '社会效益', null, null), ind('满意度指标', 'D', '≥', '90')];
  const e = evaluate(inds, [{ value: '1' }, undefined, { band: '完全达成' }, { value: '90' }], '100');
  assert.equal(e.indicators[1]!.dropped, true);
  assert.equal(e.indicators[2]!.weight, '30.0000');
  assert.equal(e.total, '100.00');
});

test('a category with no applicable indicator gives its weight to the others in proportion', () => {
  const inds = [ind('产出指标', 'A', '≥', '1'), ind('效益指标', '经济效益', null, null, { notApplicable: true }), ind('满意度指标', 'D', '≥', '90')];
  const e = evaluate(inds, [{ value: '1' }, undefined, { value: '90' }], '100');
  // 10 + 50 + 10 = 70 present → scaled to 100: execution 14.2857, output 71.4286, satisfaction 14.2857
  assert.equal(e.effectiveWeights.effect, '0.0000');
  assert.equal(e.effectiveWeights.output, '71.4286');
  assert.equal(e.total, '100.00');
});

test('an indicator marked not applicable for the year is dropped too', () => {
  const inds = [ind('产出指标', 'A', '≥', '1'), ind('产出指标', 'B', '≥', '1')];
  const e = evaluate(inds, [{ value: '0', reason: 'x', correction: 'y' }, { notApplicable: true }], null);
  assert.equal(e.indicators[1]!.dropped, true);
  assert.equal(e.indicators[0]!.weight, '100.0000');
  assert.equal(e.total, '0.00');
  assert.equal(e.grade, '差');
});

test('a missing actual scores zero and is reported as needing an explanation', () => {
  const e = evaluate([ind('产出指标', 'A', '≥', '4')], [undefined], '100');
  assert.equal(e.indicators[0]!.score, '0.00');
  assert.equal(e.indicators[0]!.note, '未填写实际值');
  assert.deepEqual(e.indicators[0]!.missing, ['reason', 'correction']);
});
