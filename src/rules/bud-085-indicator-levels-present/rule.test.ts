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

test('forms with output, outcome and satisfaction indicators pass', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm()] })), []);
});

test('a form without satisfaction indicators is an error naming the form and the level', () => {
  const f = fixtureForm({ name: '项目审计' });
  f.indicators = f.indicators.filter((i) => !i.level1.includes('满意'));
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /项目审计.*缺少满意度指标/);
});

test('table 14 is checked too', () => {
  const fs = runRule(rule, emptyDoc({ departmentTargets: dept([ind('产出指标', '数量指标', '系统巡检次数', '≥4次')]) }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /部门整体.*效益指标、满意度指标/);
});

test('other layouts: a form without any indicator is not judged; a missing level is a warning there (levels read from the layout: reviewed, xian-petitions-bureau-2026-budget.txt lines 797, 979)', () => {
  const bare = fixtureForm({ name: '日常保障运行' });
  bare.indicators = [];
  const noSat = fixtureForm({ name: '办刊经费' });
  noSat.indicators = noSat.indicators.filter((i) => !i.level1.includes('满意'));
  const noOut = fixtureForm({ name: '课题研究' });
  noOut.indicators = noOut.indicators.filter((i) => !i.level1.includes('产出'));
  const fs = runRule(rule, emptyDoc({ profile: 'generic', projectForms: [bare, noSat, noOut] }));
  assert.deepEqual(
    fs.map((f) => [f.severity, /办刊经费|课题研究/.exec(f.message)?.[0]]),
    [
      ['warning', '办刊经费'],
      ['warning', '课题研究'],
    ],
  );
  assert.match(fs[1]!.message, /绩效目标表各行的指标层级按版式推断，未经印证/);
});

test('a first level the reader could not take is named by the second (社会效益指标 → 效益)', () => {
  const f = fixtureForm({ name: '物业管理服务' });
  f.indicators = f.indicators.map((i) => ({ ...i, level1: i.level1.includes('效益') ? '指标' : i.level1 }));
  assert.ok(f.indicators.some((i) => i.level1 === '指标' && /效益/.test(i.level2)));
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [f] })), []);
});

test('other layouts: a template without level columns (指标名称 / 指标性质 / 指标值 only) is not judged, form or table 14', () => {
  // The genre shape: indicators printed by name with comparator, value, unit and weight, no 一级/二级指标.
  const flat = [ind('', '', '重要商品储备数量', '≥7500吨'), ind('', '', '外资企业对政策与政府服务满意度', '≥90%'), ind('', '', '年度预算执行率', '=100%')];
  const f = fixtureForm({ name: '商务发展专项', indicators: flat });
  assert.deepEqual(runRule(rule, emptyDoc({ profile: 'generic', projectForms: [f], departmentTargets: dept(flat) })), []);
  // The Shenzhen template always prints the levels: there it is still an error.
  assert.equal(runRule(rule, emptyDoc({ projectForms: [f] })).length, 1);
});

test('other layouts: in a grid whose rows were split among projects with doubt, a missing level is not asserted; one info per grid', () => {
  const noOut = fixtureForm({ id: 't12-f3', name: '报刊赠阅经费' });
  noOut.indicators = noOut.indicators.filter((i) => !i.level1.includes('效益'));
  const ok = fixtureForm({ id: 't12-f4', name: '法律服务费' });
  const elsewhere = fixtureForm({ id: 't13-f1', name: '课题研究' });
  elsewhere.indicators = elsewhere.indicators.filter((i) => !i.level1.includes('效益'));
  const note = {
    severity: 'warning' as const,
    code: 'form-rows-uncertain',
    table: 't12',
    row: null,
    message: '第 1467–1470 行的 1 个绩效指标可能属于项目“报刊赠阅经费”或“法律服务费”',
    src: { line: 1467, page: null, raw: '' },
  };
  const fs = runRule(rule, emptyDoc({ profile: 'generic', projectForms: [noOut, ok, elsewhere], importNotes: [note] }));
  assert.deepEqual(fs.map((f) => f.severity).sort(), ['info', 'warning']);
  const err = fs.find((f) => f.severity === 'warning')!;
  assert.match(err.message, /课题研究.*缺少效益指标/);
  const info = fs.find((f) => f.severity === 'info')!;
  assert.match(info.message, /1 个项目.*核对未进行.*报刊赠阅经费/);
});
