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

test('balanced quotes and brackets pass', () => {
  const doc = emptyDoc({ narrative: narrative('部门概况', '主要职能', ['负责全区通用应用系统（含"织网工程"系统）的建设。', '保证“福田政府在线”网站正常运行。']) });
  assert.deepEqual(runRule(rule, doc), []);
});

test('an unmatched closing quote is a warning quoting the text', () => {
  const f = fixtureForm({
    name: '应用系统运行维护',
    costLines: [{ no: 4, text: '福田区政府电子邮件系统维护服务、福田政府在线”网站新增服务功能', label: '', amount: null, src: { line: 1370, page: null, raw: '' } }],
  });
  const fs = runRule(rule, emptyDoc({ projectForms: [f] }));
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /应用系统运行维护.*测算明细.*”.*没有配对.*第 1370 行/);
});

test('doubled punctuation and an unclosed bracket are warnings', () => {
  const doc = emptyDoc({ narrative: narrative('部门概况', '主要职能', ['负责电子政务工作。。', '负责网络（含政务外网的建设。']) });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 2);
  assert.match(fs[0]!.message, /。。/);
  assert.match(fs[1]!.message, /（/);
});
