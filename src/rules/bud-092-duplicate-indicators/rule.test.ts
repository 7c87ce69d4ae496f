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

test('distinct indicators pass', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm()] })), []);
});

test('the same indicator twice in a form is a warning naming both lines', () => {
  const f = fixtureForm({ name: '绩效管理', indicators: [ind('产出指标', '数量指标', '等级保护系统测评数', '4个', 20), ind('产出指标', '质量指标', '等级保护 系统测评数', '4个', 25)] });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /绩效管理.*等级保护.*20.*25/);
});

test('repeated 不适用 rows are not duplicates', () => {
  const f = fixtureForm({ indicators: [ind('效益指标', '经济效益指标', '不适用', '不适用'), ind('效益指标', '生态效益指标', '不适用', '不适用')] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('a duplicate among rows the reader placed with doubt (form-rows-uncertain) is not asserted (beijing-public-security-bureau-2026-budget.txt lines 513/536)', () => {
  const f = fixtureForm({ name: '公安信息网络购建', indicators: [ind('产出指标', '质量指标', '系统正常运行率', '≥99%', 513), ind('产出指标', '质量指标', '系统正常运行率', '≥98%', 536)] });
  const doc = emptyDoc({ projectForms: [f] });
  assert.equal(runRule(rule, doc).length, 1);
  doc.importNotes = [{ severity: 'warning', code: 'form-rows-uncertain', table: 't11', row: null, message: '…可能属于…', src: { line: 530, endLine: 537, page: 18, raw: '' } }];
  assert.deepEqual(runRule(rule, doc), []);
});

test('a duplicate resting on a row given to its project by centring alone (placeInferred) is not asserted; rows whose place was read still are (beijing-finance-bureau-2026-budget.txt lines 479/515)', () => {
  const first = ind('产出指标', '数量指标', '培训班次', '≥3次', 479);
  const second = ind('产出指标', '数量指标', '培训班次', '≥2次', 515);
  const doc = emptyDoc({ projectForms: [fixtureForm({ name: '决算管理工作服务', indicators: [first, second] })] });
  assert.equal(runRule(rule, doc).length, 1);
  second.placeInferred = true;
  assert.deepEqual(runRule(rule, doc), []);
});
