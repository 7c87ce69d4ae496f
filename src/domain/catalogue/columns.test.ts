import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnKeyOf } from './columns.js';
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
