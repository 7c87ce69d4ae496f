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

test("a department-wide count may add up several projects: 7 个 against a project's 5 个 agrees", () => {
  const doc = emptyDoc({
    departmentTargets: dept([ind('产出指标', '数量指标', '运维系统数量', '7个')]),
    projectForms: [fixtureForm({ indicators: [ind('产出指标', '数量指标', '运维系统数量', '5个')] })],
  });
  assert.deepEqual(runRule(rule, doc), []);
});

test("counts, amounts and dates are compared too: a department-wide target below one project's, or a project due after the department, is a warning naming both", () => {
  const doc = emptyDoc({
    departmentTargets: dept([
      ind('产出指标', '数量指标', '运维系统数量', '≤3个', 930),
      ind('成本指标', '经济成本指标', '设备购置金额', '=40万元', 931),
      ind('产出指标', '时效指标', '系统上线时间', '2021年10月31日', 932),
      ind('产出指标', '数量指标', '培训人次', '≤300人次', 933),
    ]),
    projectForms: [
      fixtureForm({
        name: '应用系统运行维护',
        indicators: [
          ind('产出指标', '数量指标', '运维系统数量', '≥5个', 1100),
          ind('成本指标', '经济成本指标', '设备购置金额', '42.7万元', 1101),
          ind('产出指标', '时效指标', '系统上线时间', '2021年12月31日前', 1102),
          ind('产出指标', '数量指标', '培训人次', '≥500次', 1103),
        ],
      }),
    ],
  });
  const fs = runRule(rule, doc);
  assert.deepEqual(
    fs.map((f) => [f.severity, /「(.*?)」/.exec(f.message)![1]]),
    [
      ['warning', '运维系统数量'],
      ['warning', '设备购置金额'],
      ['warning', '系统上线时间'],
    ],
    'different units (人次 / 次) are not compared',
  );
  assert.match(fs[0]!.message, /≤3个.*930.*应用系统运行维护.*≥5个.*1100.*部门整体目标少于其中一个项目的目标/);
  assert.match(fs[2]!.message, /项目的完成时间晚于部门整体目标/);
});
