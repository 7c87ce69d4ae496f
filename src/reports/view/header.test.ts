import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerGrid } from './header.js';

test('a flat header is one row of single cells', () => {
  const g = headerGrid([['预算单位'], ['支出总计'], ['基本支出']]);
  assert.equal(g.length, 1);
  assert.deepEqual(g[0]!.map((c) => [c.text, c.rowspan, c.colspan]), [['预算单位', 1, 1], ['支出总计', 1, 1], ['基本支出', 1, 1]]);
});

test('shared path prefixes merge across columns and short paths span down', () => {
  const g = headerGrid([
    ['预算单位'],
    ['本年收入', '政府预算拨款', '一般公共预算拨款', '小计'],
    ['本年收入', '政府预算拨款', '一般公共预算拨款', '基本支出拨款'],
    ['本年收入', '政府预算拨款', '政府性基金预算拨款'],
    ['本年收入', '财政专户管理资金'],
    ['上年结余、结转'],
  ]);
  assert.equal(g.length, 4);
  assert.deepEqual(g[0]!.map((c) => [c.text, c.rowspan, c.colspan, c.col]), [
    ['预算单位', 4, 1, 0],
    ['本年收入', 1, 4, 1],
    ['上年结余、结转', 4, 1, 5],
  ]);
  assert.deepEqual(g[1]!.map((c) => [c.text, c.rowspan, c.colspan]), [['政府预算拨款', 1, 3], ['财政专户管理资金', 3, 1]]);
  assert.deepEqual(g[2]!.map((c) => [c.text, c.rowspan, c.colspan]), [['一般公共预算拨款', 1, 2], ['政府性基金预算拨款', 2, 1]]);
  assert.deepEqual(g[3]!.map((c) => [c.text, c.rowspan, c.colspan]), [['小计', 1, 1], ['基本支出拨款', 1, 1]]);
});

test('equal labels under different parents do not merge', () => {
  const g = headerGrid([['收入', '项目'], ['收入', '预算数'], ['支出', '项目'], ['支出', '预算数']]);
  assert.deepEqual(g[0]!.map((c) => [c.text, c.colspan]), [['收入', 2], ['支出', 2]]);
  assert.equal(g[1]!.length, 4);
});
