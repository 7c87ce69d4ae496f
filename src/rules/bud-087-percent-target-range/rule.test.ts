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

test('percentages from 0 to 100 pass', () => {
  const f = fixtureForm({ indicators: [ind('产出指标', '质量指标', '验收合格率', '100%'), ind('满意度指标', '满意度', '投诉率', '≤0%')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a share above 100 % is an error naming the indicator and value', () => {
  const f = fixtureForm({ name: '基层党建', indicators: [ind('产出指标', '数量指标', '基层党建工作完成率', '110%', 12)] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /基层党建工作完成率.*110%/);
});

test('a growth rate above 100 % is not a share and passes', () => {
  const f = fixtureForm({ indicators: [ind('效益指标', '经济效益指标', '数据调用量增长率', '≥120%')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});
