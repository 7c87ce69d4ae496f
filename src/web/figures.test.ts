import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingHref, formAnchor, formPart, headerRows, rowAnchor } from './figures.js';
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
