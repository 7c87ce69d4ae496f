import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingHref, formAnchor, formPart, rowAnchor, safeId, TARGETS_PAGE } from './figures.js';
import { sampleDocument } from '../reports/testing/fixture.js';
import { paragraphLines } from './narrative.js';
import type { Finding } from './figures.js';

test('row anchors read t7-r3 whether or not the row id carries the table id as prefix', () => {
  assert.equal(rowAnchor('t7', 't7-3'), 't7-r3');
  assert.equal(rowAnchor('t7', '3'), 't7-r3');
  assert.equal(rowAnchor('t5', 'a b'), 't5-ra_20b');
  assert.equal(rowAnchor('t12', 'f2010301'), 't12-rf2010301');
});

test('a finding on a form field links to that part of the project page', () => {
  assert.equal(formPart('资金支出进度'), 'disbursement');
  assert.equal(formPart('测算明细'), 'costLines');
  assert.equal(formPart('目标值'), 'indicators');
  assert.equal(formPart('项目年度目标'), 'overview');
  assert.equal(formPart('备注'), null);
  const f = (location: Finding['location']): Finding => ({
    rule: 'BUD-072',
    severity: 'error',
    category: 'project-form',
    title: '',
    message: '',
    location,
    expected: null,
    actual: null,
    difference: null,
    unit: null,
  });
  assert.equal(findingHref('1', f({ section: 's', form: 'form-2', field: '资金支出进度', line: 1392, page: 25 })), `/budgets/1/projects/form-2#${formAnchor('form-2', 'disbursement')}`);
  // A table finding links to its table by id and to its row's anchor.
  assert.equal(findingHref('1', f({ section: 's', tableId: 't5', table: 5, row: 't5-4', line: 601, page: 11 })), '/budgets/1/tables/t5#t5-r4');
  assert.equal(findingHref('1', f({ section: '2024年部门收入预算总表', tableId: 't2', table: null, row: 'f201', line: 90, page: 3 })), '/budgets/1/tables/t2#t2-rf201');
  assert.equal(findingHref('1', f({ section: '第二部分', line: 40, page: 2 })), null);
});

test('indicator findings link to the indicator row; narrative findings to their line; ?v=N keeps the version', () => {
  const f = (location: Finding['location']): Finding => ({
    rule: 'BUD-088',
    severity: 'error',
    category: 'performance-target',
    title: '',
    message: '',
    location,
    expected: null,
    actual: null,
    difference: null,
    unit: null,
  });
  const doc = sampleDocument();
  // The indicator is the one of the form the location names: by its id (index) or, for findings
  // stored before indicator ids, by the item compared with the form's indicator names.
  assert.equal(
    findingHref('1', f({ section: 's', item: '运行维护 / 系统巡检次数', field: '目标值', form: 'form-1', line: 1151, page: 23 }), { doc }),
    `/budgets/1/projects/form-1#form-form-1-ind-${safeId('系统巡检次数')}`,
  );
  assert.equal(
    findingHref('1', f({ section: 's', field: '目标值', form: 'form-1', indicator: '4', line: 1151, page: 23 }), { doc }),
    `/budgets/1/projects/form-1#form-form-1-ind-${safeId('用户投诉率')}`,
  );
  // Without the document the link still opens the form's indicators.
  assert.equal(findingHref('1', f({ section: 's', item: '运行维护 / 系统巡检次数', field: '目标值', form: 'form-1', line: 1151, page: 23 })), '/budgets/1/projects/form-1#form-form-1-indicators');
  const name = doc.departmentTargets!.indicators[0]!.name;
  // Table 14 of a Shenzhen budget is its department-wide form: the indicator is found by its data.
  assert.equal(findingHref('1', f({ section: 's', item: name, field: '目标值', table: 14, line: 935, page: 21 }), { v: 2, doc }), `/budgets/1/tables/${TARGETS_PAGE}?v=2#dt-ind-${safeId(name)}`);
  assert.equal(findingHref('1', f({ section: 's', field: '目标值', table: 14, indicator: '0', line: 935, page: 21 }), { doc }), `/budgets/1/tables/${TARGETS_PAGE}#dt-ind-${safeId(name)}`);
  const narrativeLine = (l: number) => (l <= 200 ? l - (l % 2) : null);
  assert.equal(findingHref('1', f({ section: '说明', field: 'expenditure.personnel', line: 83, page: 2 }), { narrativeLine }), '/budgets/1/narrative#line-82');
  assert.equal(findingHref('1', f({ section: '表13', line: 843, page: 19 }), { narrativeLine }), null);
  // A fact key finds the fact's line in the document, not the line the prose names.
  const fact = doc.narrative.facts[0]!;
  assert.equal(findingHref('1', f({ section: '说明', fact: fact.key, line: null, page: null }), { doc, narrativeLine: (l) => l }), `/budgets/1/narrative#line-${fact.src.line}`);
});

test('a wrapped paragraph is cut back into its printed lines', () => {
  const p = { text: '收入4,424.60万元,比2020年增加0.54万元,增长0.01%。', src: { line: 62, endLine: 64, page: 2, raw: '收入 4,424.60 万元,比 2020 年增加 0.54 万元,增长\n0.01%。' } };
  assert.deepEqual(paragraphLines(p), [
    { line: 62, text: '收入4,424.60万元,比2020年增加0.54万元,增长' },
    { line: 64, text: '0.01%。' },
  ]);
});
