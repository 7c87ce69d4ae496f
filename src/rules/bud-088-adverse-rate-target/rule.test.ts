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

test('failure and complaint rates with a ceiling pass', () => {
  const f = fixtureForm({
    indicators: [ind('产出指标', '质量指标', 'IDC机房运行维护故障率', '≤ 2%'), ind('满意度指标', '满意度', '用户投诉率', '≤2%'), ind('产出指标', '质量指标', '验收合格率', '100%')],
  });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a failure rate targeted at 100 % is an error naming form and indicator', () => {
  const f = fixtureForm({ name: '基础设施运行维护', indicators: [ind('产出指标', '质量指标', 'IDC机房运行维护故障率', '100%', 1157)] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /基础设施运行维护.*IDC机房运行维护故障率.*100%/);
  assert.equal(fs[0]!.location.line, 1157);
});

test('a complaint rate with a floor is an error', () => {
  const f = fixtureForm({ indicators: [ind('满意度指标', '满意度', '用户投诉率', '≥5%')] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [f] })).length, 1);
});

test('rates of the absence of the bad event or of dealing with it are favourable: 100% is right for them', () => {
  for (const [name, raw] of [
    ['重大安保任务无差错率', '=100%'],
    ['协调故障排除率', '≥99%'],
    ['系统故障响应率', '≥95%'],
  ] as const) {
    const f = fixtureForm();
    f.indicators = [fixtureIndicator('产出指标', '质量指标', name, raw, readTarget(raw)!)];
    assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), [], name);
  }
});
