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

test('this year and comparisons with last year pass', () => {
  const doc = emptyDoc({
    narrative: narrative('部门预算收支总体情况', '2021 年主要工作目标', [
      '2021 年部门预算收入 4,424.60 万元，比 2020 年增加 0.54 万元。',
      '公务用车购置费 2021 年预算数 0.00 万元，比 2020 年预算数增加 0.00 万元。',
    ]),
    projectForms: [fixtureForm()],
  });
  assert.deepEqual(runRule(rule, doc), []);
});

test('a form headed with last year is an error', () => {
  const fs = runRule(rule, emptyDoc({ projectForms: [fixtureForm({ name: '购置费', year: 2020 })] }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /购置费.*2020 年度.*2021/);
});

test('a stale year in a narrative heading and a budget phrase are warnings', () => {
  const doc = emptyDoc({ narrative: narrative('部门预算收支总体情况', '2020 年主要工作目标', ['纳入 2020 年部门预算共计 2,092.56 万元。']) });
  const fs = runRule(rule, doc);
  assert.equal(fs.length, 2);
  assert.ok(fs.every((f) => f.severity === 'warning'));
  assert.match(fs[1]!.message, /2020 年部门预算.*第 10 行/);
});

/** A 三公 table whose amount columns carry these headers. */
function sanGongTable(headers: string[][]): BudgetDocument['tables'][number] {
  return {
    no: 7,
    role: 'three-public',
    title: { text: '公开表7一般公共预算三公经费支出情况表', src: { line: 600, page: 20, raw: '' } },
    displayUnit: '万元',
    columns: headers.map((header, i) => ({ key: `c0_${i + 1}`, header, kind: 'amount' as const })),
    rows: [],
    src: { line: 600, page: 20, raw: '' },
  };
}

test("a table that prints last year's budget beside this year's compares on purpose (Yantai 公开表7, yantai-audit-bureau-2026-budget.txt line 620); a lone stale year is still named", () => {
  const both = emptyDoc({
    year: 2026,
    tables: [
      sanGongTable([
        ['2025年预算数', '合计'],
        ['2025年预算数', '因公出国（境）经费'],
        ['2026年预算数', '合计'],
        ['2026年预算数', '因公出国（境）经费'],
      ]),
    ],
  });
  assert.deepEqual(runRule(rule, both), []);
  const stale = emptyDoc({
    year: 2026,
    tables: [
      sanGongTable([
        ['2025年预算数', '合计'],
        ['2025年预算数', '因公出国（境）经费'],
      ]),
    ],
  });
  assert.equal(runRule(rule, stale).length, 2);
  const later = emptyDoc({
    year: 2026,
    tables: [
      sanGongTable([
        ['2027年预算数', '合计'],
        ['2026年预算数', '合计'],
      ]),
    ],
  });
  assert.equal(runRule(rule, later).length, 1);
});

test("a sentence that sets last year's phrase against the budget year's names last year on purpose; a stale phrase alone in its sentence is still named (shenzhen-public-works-bureau-2026-budget.txt line 134, chongqing-meteorological-bureau-2026-budget.txt line 64)", () => {
  const contrast = emptyDoc({ narrative: narrative('部门预算收支总体情况', '', ['预算收支减少主要原因说明：2020 年部门预算含中央基建资金，2021 年部门预算不含中央基建资金。']) });
  assert.deepEqual(runRule(rule, contrast), []);
  const stale = emptyDoc({ narrative: narrative('“三公”经费情况说明', '', ['2021 年部门预算含中央基建资金。2020 年部门预算 13.85 万元，比上年减少 5.45 万元。']) });
  assert.equal(runRule(rule, stale).length, 1);
});
