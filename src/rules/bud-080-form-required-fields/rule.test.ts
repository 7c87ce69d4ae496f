import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table } from '../_lib/test-doc.js';
import type { ProjectForm } from '../../domain/model.js';
import { fixtureForm } from '../_lib/content.js';

test('a complete form passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [fixtureForm()] })), []);
});

test('a form without goal, cost lines and plan is reported once listing what is missing', () => {
  const { annualGoal: _g, ...rest } = fixtureForm({ name: '项目审计', costLines: [], disbursement: [] });
  const fs = runRule(rule, emptyDoc({ projectForms: [rest] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /项目审计.*项目年度目标、测算明细、资金支出进度/);
});

// The genre's other templates: a form read by the generic reader from a printed block `t11`, kept as a
// table whose rows are the lines the form prints.
const block = (id: string, lines: string[]) =>
  table(
    'project-targets',
    null,
    [],
    lines.map((l, i) => row(`r${i + 1}`, l.replace(/\s+/g, ''), {}, { src: { line: i + 1, page: null, raw: l } })),
    { id },
  );
const generic = (f: Partial<ProjectForm>): ProjectForm => {
  const { attribute: _a, competentDepartment: _c, ...rest } = fixtureForm({ costLines: [], disbursement: [] });
  return { ...rest, ...f };
};

test('another template: a field it does not print is not required (no 项目属性, 主管部门, 测算明细, 资金支出进度)', () => {
  // A grid of projects: 项目名称 | 项目总额 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值.
  const t = block('t12', ['项目名称    项目总额    财政资金    其他资金    绩效目标    一级指标    二级指标    三级指标']);
  const fs = runRule(rule, emptyDoc({ profile: 'generic', tables: [t], projectForms: [generic({ id: 't12-f1' }), generic({ id: 't12-f2', name: '机动经费' })] }));
  assert.deepEqual(fs, []);
});

test('another template printing only 实施期目标 (no 年度目标) does not require an annual goal', () => {
  const t = block('t11', ['资金总额：    1778.31', '项目实施期    优化平台驾驶员、车辆配比', ' 目标', '一级指标   二级指标   三级指标   目标值']);
  const { annualGoal: _g, ...f } = generic({ id: 't11-f1' });
  assert.deepEqual(runRule(rule, emptyDoc({ profile: 'generic', tables: [t], projectForms: [f] })), []);
});

test('another template: a field its block prints but the form leaves empty is still reported (年度目标 printed blank)', () => {
  const t = block('t15', [
    '项目名称        市级科技创新专项',
    '主管部门        福州市科学技术局           实施单位',
    '资金总额                 2000.00',
    '年度目标',
    '一级指标     二级指标        三级指标               指标值',
  ]);
  const { annualGoal: _g, ...f } = generic({ id: 't15-f1', name: '市级科技创新专项', competentDepartment: { text: '福州市科学技术局' } });
  const fs = runRule(rule, emptyDoc({ profile: 'generic', tables: [t], projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /市级科技创新专项」绩效目标申报表缺少项目年度目标（/);
  // 主管部门 is printed there too: a form of that block without it is reported.
  const { annualGoal: _h, ...g } = generic({ id: 't15-f1', name: '市级科技创新专项' });
  assert.match(runRule(rule, emptyDoc({ profile: 'generic', tables: [t], projectForms: [g] }))[0]!.message, /缺少项目主管部门、项目年度目标/);
});

test('another template: a field other forms of the same block fill is required of every form of it', () => {
  const a = generic({ id: 't11-f1', competentDepartment: { text: '某局' } });
  const b = generic({ id: 't11-f2', name: '专项经费' });
  const c = generic({ id: 't12-f1', name: '另一表样的项目' });
  const fs = runRule(rule, emptyDoc({ profile: 'generic', projectForms: [a, b, c] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /专项经费.*缺少项目主管部门/);
});
