import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableTypeOfTitle, titleParts } from './tables.js';

test('a table number before the title is read whole, in Arabic or Chinese numerals', () => {
  const cases: Array<[string, number | null, string]> = [
    ['表1 2026年部门收支总表', 1, '2026年部门收支总表'],
    ['表12 2026年项目支出绩效目标表', 12, '2026年项目支出绩效目标表'],
    ['表一2026年部门收支总体情况表', 1, '2026年部门收支总体情况表'],
    ['表十2026年部门整体绩效目标表', 10, '2026年部门整体绩效目标表'],
    ['表十一2026年市级重点专项资金绩效目标表（一级项目）', 11, '2026年市级重点专项资金绩效目标表（一级项目）'],
    ['表二十一 2026年政府采购预算表', 21, '2026年政府采购预算表'],
    ['公开01表 2026年部门财务收支预算总表', 1, '2026年部门财务收支预算总表'],
    ['预算01表 2026年收支总表', 1, '2026年收支总表'],
    ['表3-1 2026年一般公共预算支出表', 3, '2026年一般公共预算支出表'],
    ['2026年部门收支总表', null, '2026年部门收支总表'],
  ];
  for (const [line, no, title] of cases) {
    const p = titleParts(line);
    assert.equal(p.no, no, line);
    assert.equal(p.title, title, line);
    assert.equal(p.year, 2026, line);
  }
});

test('digits running on from an Arabic number are not a table number', () => {
  assert.equal(titleParts('表12026年部门收支总表').no, null);
});

test('the national template’s titles name their role whether or not they print 财政拨款, in budgets and in final accounts', () => {
  const cases: Array<[string, string | null]> = [
    // Budgets: 一般公共预算 with or without 财政拨款 / 拨款.
    ['表6 2026年一般公共预算财政拨款基本支出表', 'basic-expenditure-economic'],
    ['一般公共预算财政拨款基本支出表（按功能分类）', 'basic-expenditure-function'],
    ['一般公共预算财政拨款支出预算表（按政府预算支出经济分类）', 'general-budget-economic'],
    ['一般公共预算财政拨款项目支出表（按经济分类）', 'project-expenditure-economic'],
    ['一般公共预算拨款支出表', 'general-budget-function'],
    // Final accounts: an economic-class or project table is never the function table.
    ['一般公共预算财政拨款支出决算表', 'general-budget-function'],
    ['一般公共预算支出决算表', 'general-budget-function'],
    ['一般公共预算财政拨款支出决算表（按经济分类）', 'general-budget-economic'],
    ['一般公共预算财政拨款基本支出决算表（按经济分类）', 'basic-expenditure-economic'],
    ['一般公共预算财政拨款项目支出决算表', 'project-expenditure'],
    ['财政拨款支出决算明细表', 'appropriation-expenditure'],
    ['机关运行经费支出决算表', 'operating-funds'],
    ['政府采购支出决算表', 'procurement'],
    ['部门决算收支总表', 'income-expenditure-summary'],
    ['财政拨款收支决算总表', 'appropriation-summary'],
    ['国有资产占用情况表', null],
  ];
  for (const [title, role] of cases) assert.equal(tableTypeOfTitle(title)?.role ?? null, role, title);
});
