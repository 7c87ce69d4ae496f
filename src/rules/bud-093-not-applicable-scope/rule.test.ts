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
  year: 2021, unitName: { text: '测试单位' }, overallGoal: { text: '目标' }, tasks: [], indicators, src: { line: 1, page: null, raw: '' },
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
