import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, money, row, table } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';

const t5 = (name: string, amount: string) => table('project-expenditure', 5, ['total'], [row('p1', name, { total: amount }, { src: { line: 70, page: null, raw: name } })]);
const form = (id: string, name: string, parent: string | null, amount: string) =>
  fixtureForm({ id, name, parentProject: parent, amounts: { ...fixtureForm().amounts, total: money(amount), currentYear: money(amount) } });

test('sub-project forms summing to the project pass', () => {
  const doc = emptyDoc({ tables: [t5('电子政务管理', '145.50')], projectForms: [form('a', '绩效管理', '电子政务管理', '138.00'), form('b', '项目审计', '电子政务管理', '7.50')] });
  assert.deepEqual(runRule(rule, doc), []);
});

test('forms summing to more than the project are an error naming the project and both figures', () => {
  const doc = emptyDoc({ tables: [t5('电子政务管理', '145.50')], projectForms: [form('a', '绩效管理', '电子政务管理', '138.00'), form('b', '项目审计', '电子政务管理', '8.50')] });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /电子政务管理.*145\.50.*146\.50/);
});

test('forms covering only part of the project are a warning naming the uncovered amount', () => {
  const doc = emptyDoc({
    tables: [t5('一般管理事务', '400.10')],
    projectForms: [form('a', '其他一般管理事务', '一般管理事务', '67.15'), form('b', '劳务派遣人员', '一般管理事务', '30.87'), form('c', '基层党建', '一般管理事务', '1.60')],
  });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /99\.62/);
  assert.match(fs[0]!.message, /300\.48/);
});

test('a one-cent remainder over two forms is information', () => {
  const doc = emptyDoc({ tables: [t5('电子政务管理', '145.50')], projectForms: [form('a', '绩效管理', '电子政务管理', '138.00'), form('b', '项目审计', '电子政务管理', '7.51')] });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'info');
});

test('a form named as the project itself counts for it', () => {
  const doc = emptyDoc({ tables: [t5('购置费', '101.66')], projectForms: [form('a', '购置费', null, '101.00')] });
  assert.equal(runRule(rule, doc)[0]?.severity, 'warning');
});
