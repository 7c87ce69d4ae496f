import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import { fixtureForm } from '../_lib/content.js';
import type { BudgetDocument } from '../../domain/model.js';

/** A narrative with one part and one section holding the paragraphs (line 10, 11, …). */
const narrative = (partTitle: string, sectionTitle: string, paras: string[]): BudgetDocument['narrative'] => ({
  parts: [{ no: 2, title: partTitle, src: { line: 9, page: null, raw: '' }, sections: [{ no: '一', title: sectionTitle, src: { line: 9, page: null, raw: '' }, paragraphs: paras.map((text, i) => ({ text, src: { line: 10 + i, page: null, raw: text } })) }] }],
  duties: [], projects: [], glossary: [], facts: [],
});
void fixtureForm;

test('filled-in text passes, including a single multiplication sign', () => {
  const doc = emptyDoc({ narrative: narrative('部门预算收支总体情况', '', ['2021 年部门预算收入 4,424.60 万元。']), projectForms: [fixtureForm({ costLines: [{ no: 1, text: '6000元×4台=2.4万元', label: '', amount: null, src: { line: 5, page: null, raw: '' } }] })] });
  assert.deepEqual(runRule(rule, doc), []);
});

test('XX and 待填写 in the narrative are errors quoting the place and the line', () => {
  const doc = emptyDoc({ narrative: narrative('部门概况', '主要职能', ['负责XX工作。', '本单位职能待填写。']) });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 2);
  assert.match(fs[0]!.message, /部门概况.*XX.*第 10 行/);
  assert.match(fs[1]!.message, /待填写/);
});

test('a placeholder in a project form is found', () => {
  const f = fixtureForm({ name: '购置费', use: { text: '主要用于××设备购置。', src: { line: 44, page: null, raw: '' } } });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.location.line, 44);
});
