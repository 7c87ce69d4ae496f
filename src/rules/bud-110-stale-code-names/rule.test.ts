import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc, fnRow, table } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const doc = (year: number, label207: string, label210: string): BudgetDocument =>
  emptyDoc({
    profile: 'shanghai-budget',
    year,
    tables: [
      table(
        'general-budget-function',
        null,
        ['total', 'basic', 'project'],
        [fnRow('207', label207, { total: '20.00', basic: null, project: '20.00' }), fnRow('210', label210, { total: '30.00', basic: '30.00', project: null })],
      ),
    ],
  });

test('the names of the document year pass, and so do the old names in a year they were valid', () => {
  assert.deepEqual(runRule(rule, doc(2024, '文化旅游体育与传媒支出', '卫生健康支出')), []);
  assert.deepEqual(runRule(rule, doc(2018, '文化体育与传媒支出', '医疗卫生与计划生育支出')), []);
});

test('a name retired before the document year is reported with the current name', () => {
  const fs = runRule(rule, doc(2024, '文化体育与传媒支出', '医疗卫生与计划生育支出'));
  assert.equal(fs.length, 2);
  assert.match(fs[0]!.message, /207「文化体育与传媒支出」是支出功能分类的旧名称（用至 2018 年），2024 年应为「文化旅游体育与传媒支出」/);
  assert.match(fs[1]!.message, /210「医疗卫生与计划生育支出」.*卫生健康支出/);
});

test('a name that is simply different (not a former name) is left to BUD-042', () => {
  assert.deepEqual(runRule(rule, doc(2024, '文化支出', '卫生健康支出')), []);
});

test("a retired class name in the narrative of a later year is named with the year's name; in its own years it passes", () => {
  const narrative = (text: string) => ({
    parts: [
      {
        no: 2,
        title: '部门预算收支总体情况',
        src: { line: 1, page: null, raw: '' },
        sections: [{ no: '一', title: '', src: { line: 1, page: null, raw: '' }, paragraphs: [{ text, src: { line: 88, page: null, raw: text } }] }],
      },
    ],
    duties: [],
    projects: [],
    glossary: [],
    facts: [],
  });
  const text = '医疗卫生与计划生育支出（类）行政事业单位医疗（款）支出 120.00 万元。';
  const later = emptyDoc({ year: 2024, narrative: narrative(text) });
  const fs = runRule(rule, later);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /写“医疗卫生与计划生育支出”，是支出功能分类 210 的旧名称（用至 2018 年），2024 年应为「卫生健康支出」（第 88 行）/);
  assert.deepEqual(runRule(rule, emptyDoc({ year: 2018, narrative: narrative(text) })), []);
});
