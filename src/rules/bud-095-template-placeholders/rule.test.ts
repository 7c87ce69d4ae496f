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

test('filled-in text passes, including a single multiplication sign', () => {
  const doc = emptyDoc({
    narrative: narrative('部门预算收支总体情况', '', ['2021 年部门预算收入 4,424.60 万元。']),
    projectForms: [fixtureForm({ costLines: [{ no: 1, text: '6000元×4台=2.4万元', label: '', amount: null, src: { line: 5, page: null, raw: '' } }] })],
  });
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

test("a template's alternatives left unresolved are named (xian-healthcare-security-bureau-2022-budget.txt lines 321–325); chosen wording passes", () => {
  const quote =
    '其中：因公出国（境）经费 0 万元，较上年增加（减少）0 万元（0%），增加（减少）的主要原因是未安排出国任务；公务接待费 1 万元，较上年减少 2.04 万元（67.11%），减少的主要原因是本年压缩公务接待支出预算。';
  const fs = runRule(rule, emptyDoc({ narrative: narrative('“三公”经费预算情况', '', [quote, '公务接待费较上年减少 2.04 万元（下降 67.11%）。']) }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /保留了模板的备选写法「增加（减少）」，未按实际情况选定：“…）经费 0 万元，较上年增加（减少）0 万元（0%），增加（…”（第 10 行）$/);
});

test('a reason announced and not given is named; a reason given passes', () => {
  const fs = runRule(
    rule,
    emptyDoc({ narrative: narrative('部门预算收支总体情况', '', ['支出预算 4,424.60 万元，比上年增加 0.54 万元，主要原因是。', '比上年减少 3.00 万元，主要原因是压缩一般性支出。']) }),
  );
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /写明“原因”却未填写原因：“…比上年增加 0\.54 万元，主要原因是。”/);
});
