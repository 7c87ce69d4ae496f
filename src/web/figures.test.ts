import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingHref, formAnchor, formPart, headerRows, rowAnchor, safeId } from './figures.js';
import { paragraphLines } from './narrative.js';
import type { Finding } from './figures.js';

test('header paths merge equal leading labels and short paths span the remaining rows', () => {
  const rows = headerRows([
    { header: ['总计'] },
    { header: ['政府预算拨款', '一般公共预算拨款', '小计'] },
    { header: ['政府预算拨款', '一般公共预算拨款', '履职类项目拨款'] },
    { header: ['政府预算拨款', '政府性基金预算拨款'] },
    { header: ['上年结余、结转'] },
  ]);
  assert.deepEqual(rows, [
    [
      { label: '总计', colspan: 1, rowspan: 3 },
      { label: '政府预算拨款', colspan: 3, rowspan: 1 },
      { label: '上年结余、结转', colspan: 1, rowspan: 3 },
    ],
    [
      { label: '一般公共预算拨款', colspan: 2, rowspan: 1 },
      { label: '政府性基金预算拨款', colspan: 1, rowspan: 2 },
    ],
    [
      { label: '小计', colspan: 1, rowspan: 1 },
      { label: '履职类项目拨款', colspan: 1, rowspan: 1 },
    ],
  ]);
});

test('neighbouring columns under different groups with the same second label do not merge', () => {
  const rows = headerRows([{ header: ['A', '小计'] }, { header: ['B', '小计'] }]);
  assert.deepEqual(rows[0], [
    { label: 'A', colspan: 1, rowspan: 1 },
    { label: 'B', colspan: 1, rowspan: 1 },
  ]);
});

test('row anchors read t7-r3 whether or not the row id carries the table prefix', () => {
  assert.equal(rowAnchor(7, 't7-3'), 't7-r3');
  assert.equal(rowAnchor(7, '3'), 't7-r3');
  assert.equal(rowAnchor(5, 'a b'), 't5-ra_20b');
});

test('a finding on a form field links to that part of the project page', () => {
  assert.equal(formPart('资金支出进度'), 'disbursement');
  assert.equal(formPart('测算明细'), 'costLines');
  assert.equal(formPart('目标值'), 'indicators');
  assert.equal(formPart('项目年度目标'), 'overview');
  assert.equal(formPart('备注'), null);
  const f = (location: Finding['location']): Finding => ({
    rule: 'BUD-072', severity: 'error', category: 'project-form', title: '', message: '', location,
    expected: null, actual: null, difference: null, unit: null,
  });
  assert.equal(findingHref('1', f({ section: 's', form: 'form-2', field: '资金支出进度', line: 1392, page: 25 })), `/budgets/1/projects/form-2#${formAnchor('form-2', 'disbursement')}`);
  assert.equal(findingHref('1', f({ section: 's', table: 5, row: 't5-4', line: 601, page: 11 })), '/budgets/1/tables/5#t5-r4');
  assert.equal(findingHref('1', f({ section: '第二部分', line: 40, page: 2 })), null);
});

test('indicator findings link to the indicator row; narrative findings to their line; ?v=N keeps the version', () => {
  const f = (location: Finding['location']): Finding => ({
    rule: 'BUD-088', severity: 'error', category: 'performance-target', title: '', message: '', location,
    expected: null, actual: null, difference: null, unit: null,
  });
  assert.equal(
    findingHref('1', f({ section: 's', item: '基础设施运行维护 / 故障率', field: '目标值', form: 'form-1', line: 1151, page: 23 })),
    `/budgets/1/projects/form-1#form-form-1-ind-${safeId('故障率')}`,
  );
  assert.equal(findingHref('1', f({ section: 's', item: '故障率', field: '目标值', table: 14, line: 935, page: 21 }), { v: 2 }), `/budgets/1/tables/14?v=2#t14-ind-${safeId('故障率')}`);
  const narrativeLine = (l: number) => (l <= 200 ? l - (l % 2) : null);
  assert.equal(findingHref('1', f({ section: '说明', field: 'expenditure.personnel', line: 83, page: 2 }), { narrativeLine }), '/budgets/1/narrative#line-82');
  assert.equal(findingHref('1', f({ section: '表13', line: 843, page: 19 }), { narrativeLine }), null);
});

test('a wrapped paragraph is cut back into its printed lines', () => {
  const p = { text: '收入4,424.60万元,比2020年增加0.54万元,增长0.01%。', src: { line: 62, endLine: 64, page: 2, raw: '收入 4,424.60 万元,比 2020 年增加 0.54 万元,增长\n0.01%。' } };
  assert.deepEqual(paragraphLines(p), [
    { line: 62, text: '收入4,424.60万元,比2020年增加0.54万元,增长' },
    { line: 64, text: '0.01%。' },
  ]);
});
