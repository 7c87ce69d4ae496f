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

test('rates with a comparator or at 100 % pass', () => {
  const f = fixtureForm({ indicators: [ind('满意度指标', '满意度', '用户满意度', '≥90%'), ind('产出指标', '质量指标', '验收合格率', '100%'), ind('满意度指标', '满意度', '投诉率', '≤2%')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a satisfaction rate of 90 % without ≥ is a warning suggesting ≥90%', () => {
  const f = fixtureForm({ name: '网络和信息安全运行维护', indicators: [ind('产出指标', '质量指标', '安全设备正常运行率', '90%', 33)] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /安全设备正常运行率.*90%.*≥90%/);
  assert.equal(fs[0]!.expected, '≥90');
});

test('a complaint rate of 2 % without ≤ is a warning suggesting ≤', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ indicators: [ind('满意度指标', '满意度', '用户投诉率', '2%')] })] }));
  assert.equal(fs[0]?.expected, '≤2');
});
