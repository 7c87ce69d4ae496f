import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnKeyOf } from './columns.js';
import { roleRelations } from './relations.js';
import { figureColumnKindOf, finalFigureKindOf } from './final-accounts.js';

test('a final account’s figure kinds scope their columns: 年初预算数 and 调整预算数 / 全年预算数 prefix, 决算数 is the table’s own', () => {
  assert.equal(columnKeyOf(['年初预算数', '小计']), 'initial.total');
  assert.equal(columnKeyOf(['年初预算数', '基本支出']), 'initial.basic');
  assert.equal(columnKeyOf(['年初预算', '项目支出']), 'initial.project');
  assert.equal(columnKeyOf(['调整预算数', '合计']), 'adjusted.total');
  assert.equal(columnKeyOf(['全年预算数', '基本支出']), 'adjusted.basic');
  assert.equal(columnKeyOf(['决算数', '合计']), 'total');
  assert.equal(columnKeyOf(['决算数', '基本支出']), 'basic');
  assert.equal(columnKeyOf(['决算数', '项目支出']), 'project');
});

test('a figure kind printed as a column of its own is that figure’s total', () => {
  assert.equal(columnKeyOf(['年初预算数']), 'initial.total');
  assert.equal(columnKeyOf(['调整预算数']), 'adjusted.total');
  assert.equal(columnKeyOf(['全年预算数']), 'adjusted.total');
  assert.equal(columnKeyOf(['决算数']), 'total');
  // "预算调整数" may print the adjustment alone: unknown, not the adjusted budget.
  assert.equal(columnKeyOf(['预算调整数']), null);
});

test('the budget’s own words keep their keys', () => {
  assert.equal(columnKeyOf(['预算数']), 'amount');
  assert.equal(columnKeyOf(['2024年预算数'], 2024), 'amount');
  assert.equal(columnKeyOf(['2023年决算数'], 2024), 'prior');
  assert.equal(columnKeyOf(['上年结转', '一般公共预算资金']), 'carryOver.general');
  assert.equal(columnKeyOf(['本年支出', '基本支出']), 'basic');
});

test('the figure kind of a column header is stricter than a line’s: plain 预算数 names no column group', () => {
  assert.equal(figureColumnKindOf('年初 预算数'), 'initial');
  assert.equal(figureColumnKindOf('预算数'), null);
  assert.equal(finalFigureKindOf('预算数'), 'initial');
  assert.equal(finalFigureKindOf('预算调整数'), 'adjusted');
  assert.equal(figureColumnKindOf('决算数'), 'final');
});

test('in a final account’s header that prints a 决算数 group, a plain 预算数 group is the initial budget (the 三公 table’s 预算数 | 决算数); elsewhere it scopes nothing', () => {
  const initialBudget = true;
  assert.equal(columnKeyOf(['预算数', '合计'], null, { initialBudget }), 'initial.total');
  assert.equal(columnKeyOf(['预算数', '公务用车购置及运行费', '小计'], null, { initialBudget }), 'initial.vehicles');
  assert.equal(columnKeyOf(['预算数', '公务接待费'], null, { initialBudget }), 'initial.reception');
  assert.equal(columnKeyOf(['决算数', '公务用车购置及运行费', '公务用车购置费'], null, { initialBudget }), 'vehiclePurchase');
  assert.equal(columnKeyOf(['预算数', '公务接待费']), 'reception');
  assert.equal(columnKeyOf(['预算数'], null, { initialBudget }), 'amount');
});

test('a final account’s 三公 table is summed on its 预算数 columns as on its 决算数 columns', () => {
  const keys = ['total', 'overseas', 'vehicles', 'vehiclePurchase', 'vehicleRunning', 'reception'];
  const has = (k: string) => keys.includes(k.replace(/^initial\./, ''));
  assert.deepEqual(roleRelations('three-public', has), [
    { total: 'total', parts: ['overseas', 'reception', 'vehicles'] },
    { total: 'vehicles', parts: ['vehiclePurchase', 'vehicleRunning'] },
    { total: 'initial.total', parts: ['initial.overseas', 'initial.reception', 'initial.vehicles'] },
    { total: 'initial.vehicles', parts: ['initial.vehiclePurchase', 'initial.vehicleRunning'] },
  ]);
  assert.equal(roleRelations('three-public', (k) => keys.includes(k)).length, 2);
});

test('a subtotal under a group heading wrapped over two header lines is the whole heading’s (公务用车购置及 / 运行维护费 / 小计 is 公务用车购置及运行维护费)', () => {
  assert.equal(columnKeyOf(['2021年', '公务用车购置及', '运行维护费', '小计'], 2022), 'prior.vehicles');
  assert.equal(columnKeyOf(['公务用车购置及运行维护费', '小计']), 'vehicles');
  assert.equal(columnKeyOf(['运行维护费', '小计']), 'vehicleRunning');
});

test('人员经费支出 | 公用经费支出 | 专项业务经费支出 (a table that splits its spending so, without a 基本支出 column) name 人员经费, 公用经费 and 项目支出, which together make the total', () => {
  assert.equal(columnKeyOf(['人员经费支出']), 'personnel');
  assert.equal(columnKeyOf(['公用经费支出']), 'public');
  assert.equal(columnKeyOf(['专项业务经费支出']), 'project');
  assert.equal(columnKeyOf(['专项业务经费']), 'project');
  const keys = ['total', 'personnel', 'public', 'project'];
  for (const role of ['general-budget-economic', 'general-budget-function'] as const) {
    assert.deepEqual(
      roleRelations(role, (k) => keys.includes(k)),
      [{ total: 'total', parts: ['personnel', 'public', 'project'] }],
    );
  }
});
