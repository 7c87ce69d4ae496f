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

test('compatible targets of the same indicator pass', () => {
  const doc = emptyDoc({
    departmentTargets: dept([ind('产出指标', '质量指标', 'IDC机房运行维护故障率', '≤ 2%'), ind('满意度指标', '满意度', '用户满意度', '≥90%')]),
    projectForms: [fixtureForm({ indicators: [ind('产出指标', '质量指标', 'IDC机房运行维护故障率', '≤1%'), ind('满意度指标', '满意度', '用户满意度', '95%')] })],
  });
  assert.deepEqual(runRule(rule, doc), []);
});

test('a failure rate of ≤ 2 % in table 14 and 100 % in a form is an error naming both', () => {
  const doc = emptyDoc({
    departmentTargets: dept([ind('产出指标', '质量指标', 'IDC机房运行维护故障率', '≤ 2%', 935)]),
    projectForms: [fixtureForm({ name: '基础设施运行维护', indicators: [ind('产出指标', '质量指标', 'IDC机房运行维护故障率', '100%', 1157)] })],
  });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /IDC机房运行维护故障率.*≤2%.*935.*基础设施运行维护.*100%.*1157/);
});

test('counts of the same name are not compared', () => {
  const doc = emptyDoc({
    departmentTargets: dept([ind('产出指标', '数量指标', '运维系统数量', '7个')]),
    projectForms: [fixtureForm({ indicators: [ind('产出指标', '数量指标', '运维系统数量', '5个')] })],
  });
  assert.deepEqual(runRule(rule, doc), []);
});
