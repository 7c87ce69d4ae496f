import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, row, table } from '../_lib/test-doc.js';
import { fixtureIndicator } from '../_lib/content.js';
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

test('table 14 with a budget execution rate passes', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ departmentTargets: dept([ind('产出指标', '成本指标', '预算执行率', '＞95%')]) })), []);
});

test('table 14 without it is a warning', () => {
  const fs = runRule(rule, emptyDoc({ departmentTargets: dept([ind('产出指标', '数量指标', '系统巡检次数', '≥4次')]) }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /预算执行率/);
});

test('a budget execution rate that is not a percentage is a warning', () => {
  assert.equal(runRule(rule, emptyDoc({ departmentTargets: dept([ind('产出指标', '成本指标', '预算执行率', '及时')]) })).length, 1);
});

test("no table 14 is not this rule's business", () => {
  assert.deepEqual(runRule(rule, emptyDoc()), []);
});

test('a template that scores the execution rate in a field of its own (执行率分值（10分）) is not missing it', () => {
  const d = dept([ind('成本指标', '经济成本指标', '市内外勤经费标准', '35')]);
  const block = table(
    'department-targets',
    null,
    [],
    [
      row('r1', '年审计事务', {}, { src: { line: 1, page: null, raw: '  年 审计事务     285.87    285.87\n  主                         执行率分值' } }),
      row('r2', '要任务', {}, { src: { line: 2, page: null, raw: '  要 购买中介机构     350      350           （10分）' } }),
    ],
    { id: 't23', src: { line: 1, page: null, raw: '部门整体支出绩效目标表' } },
  );
  assert.deepEqual(runRule(rule, emptyDoc({ profile: 'generic', departmentTargets: d, tables: [block] })), []);
  // Without that field the rate is still missing.
  assert.equal(runRule(rule, emptyDoc({ profile: 'generic', departmentTargets: d })).length, 1);
});

test('a row whose target states the execution rate as a percentage (按年度计划进度执行 → 1-12月执行率≥95%) sets the rate; an execution rate without a figure does not (xian-state-owned-assets-commission-2022-budget.txt line 818)', () => {
  const words = (name: string, raw: string) => fixtureIndicator('产出指标', '时效指标', name, raw, { comparator: null, value: null, unit: null, qualitative: false, notApplicable: false });
  assert.deepEqual(runRule(rule, emptyDoc({ departmentTargets: dept([words('按年度计划进度执行', '1- 12月执行率≥95%')]) })), []);
  assert.equal(runRule(rule, emptyDoc({ departmentTargets: dept([words('按年度计划进度执行', '执行率稳步提高')]) })).length, 1);
});
