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

test('a quote opened in one indicator and closed at the start of the next is one cell wrapped over two lines, read as two rows: not reported; each alone still is (corpus: beijing-cpc-publicity-dept-2026-budget.txt lines 1631/1637)', () => {
  const ind = (name: string, line: number) => ({
    level1: '产出指标',
    level2: '数量指标',
    name,
    raw: '≥1次',
    comparator: '≥' as const,
    value: '1',
    unit: '次',
    qualitative: false,
    notApplicable: false,
    src: { line, page: null, raw: name },
  });
  const wrapped = fixtureForm({ name: '老新闻工作者新闻业务交流', indicators: [ind('新闻调研课题现场调研次数举办“老有所为新贡献', 1631), ind('奖”评选活动', 1637)] });
  assert.deepEqual(runRule(rule, emptyDoc({ projectForms: [wrapped] })), []);
  const apart = fixtureForm({ name: '老新闻工作者新闻业务交流', indicators: [ind('举办“老有所为新贡献', 1631), ind('调研次数', 1634), ind('奖”评选活动', 1637)] });
  assert.equal(runRule(rule, emptyDoc({ projectForms: [apart] })).length, 2);
});
