import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';
import type { BudgetDocument } from '../../domain/model.js';

/** A narrative with one part and one section holding the paragraphs (line 10, 11, …). */
const narrative = (partTitle: string, sectionTitle: string, paras: string[]): BudgetDocument['narrative'] => ({
  parts: [
    {
      no: 2,
      title: partTitle,
      src: { line: 9, page: null, raw: '' },
      sections: [{ no: '一', title: sectionTitle, src: { line: 9, page: null, raw: '' }, paragraphs: paras.map((text, i) => ({ text, src: { line: 10 + i, page: null, raw: text } })) }],
    },
  ],
  duties: [],
  projects: [],
  glossary: [],
  facts: [],
});
void fixtureForm;

test('a department budget calling itself 部门预算 passes, and so does a unit budget with 部门预算绩效管理', () => {
  assert.deepEqual(runRule(rule, emptyDoc({ narrative: narrative('部门预算收支总体情况', '', []) })), []);
  assert.deepEqual(runRule(rule, emptyDoc({ kind: '单位预算', narrative: narrative('单位预算绩效管理情况', '', []) })), []);
  assert.deepEqual(runRule(rule, emptyDoc({ kind: '单位预算', narrative: narrative('部门预算绩效管理情况', '', []) })), []);
});

test('a unit budget headed 部门预算 is a warning', () => {
  const fs = runRule(rule, emptyDoc({ kind: '单位预算', narrative: narrative('部门预算收支总体情况', '', []) }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /单位预算.*部门预算收支总体情况/);
});

test('a budget titled as final accounts is a warning', () => {
  const fs = runRule(rule, emptyDoc({ title: { text: '2021 年部门决算', src: { line: 1, page: null, raw: '' } } }));
  assert.equal(fs.length, 1);
});
