import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffHref } from './pages.js';
import { importFile } from '../app/import-document.js';

test('a changed narrative figure links to its line on the narrative page, a table 14 task to the department-wide form', async () => {
  const doc = await importFile(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url).pathname);
  const second = doc.narrative.facts.filter((f) => f.key === 'expenditure.personnel')[1]!;
  const href = diffHref('1', { path: 'narrative.facts[expenditure.personnel#2].money', table: null, form: null, row: 'expenditure.personnel#2', field: 'money' }, doc);
  assert.equal(href, `/budgets/1/narrative#line-${second.src.line}`);
  assert.equal(
    diffHref('1', { path: 'departmentTargets.tasks[基本支出].total', table: 14, form: null, row: 'task:基本支出', field: 'total' }, doc, '?v=2'),
    '/budgets/1/tables/department-targets?v=2',
  );
  // A changed table cell links to its table by id and to its row.
  assert.equal(diffHref('1', { path: 'tables[7:general-budget-function].rows[t7-3].amounts.total', table: 7, form: null, row: 't7-3', field: 'total' }, doc), '/budgets/1/tables/t7#t7-r3');
});
