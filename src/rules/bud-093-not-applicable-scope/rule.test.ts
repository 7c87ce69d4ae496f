import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { fixtureForm, fixtureIndicator } from '../_lib/content.js';
import { readTarget } from '../../importers/_lib/indicator.js';
import type { DepartmentTargets } from '../../domain/model.js';

const ind = (l1: string, l2: string, name: string, raw: string, line: number | null = null) => fixtureIndicator(l1, l2, name, raw, readTarget(raw)!, line);
const dept = (indicators: ReturnType<typeof ind>[]): DepartmentTargets => ({
  year: 2021,
  unitName: { text: '测试单位' },
  overallGoal: { text: '目标' },
  tasks: [],
  indicators,
  src: { line: 1, page: null, raw: '' },
});
void dept;

test('不适用 under economic, ecological and sustainability outcomes passes', () => {
  const f = fixtureForm({ indicators: [ind('效益指标', '经济效益指标', '不适用', '不适用'), ind('效益指标', '生态效益指标', '不适用', '不适用'), ind('效益指标', '可持续影响', '不适用', '不适用')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('不适用 under output or satisfaction is a warning naming the level', () => {
  const f = fixtureForm({ name: '项目审计', indicators: [ind('产出指标', '数量指标', '审计项目数', '不适用'), ind('满意度指标', '服务对象满意度指标', '用户满意度', '不适用')] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 2);
  assert.match(fs[0]!.message, /项目审计.*产出指标\/数量指标.*审计项目数/);
});

test('不适用 under the cost sub-levels 社会成本 and 生态环境成本 passes (the newer template asks for it there)', () => {
  const f = fixtureForm({
    indicators: [
      ind('成本指标', '经济成本指标', '项目支出控制数', '≤417.41万元'),
      ind('成本指标', '社会成本指标', '不适用该指标', '不适用'),
      // A second level wrapped over two lines: its tail went into the name.
      ind('成本指标', '生态环境', '不适用生态环境成本指标', '不适用'),
    ],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
  assert.deepEqual(runRule(rule, emptyDoc({ departmentTargets: dept(f.indicators) })), []);
});

test('不适用 under 经济成本 or 社会效益 is still a warning', () => {
  const f = fixtureForm({ name: '项目审计', indicators: [ind('成本指标', '经济成本指标', '项目总成本', '不适用'), ind('效益指标', '社会效益指标', '社会影响', '不适用')] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 2);
  assert.match(fs[0]!.message, /成本指标\/经济成本指标.*项目总成本/);
  assert.match(fs[1]!.message, /效益指标\/社会效益指标/);
});

test('不适用 under 成本 without a printed second level is not judged (which sub-level is meant is unknown)', () => {
  const f = fixtureForm({ indicators: [ind('成本指标', '', '生态成本', '不适用')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});
