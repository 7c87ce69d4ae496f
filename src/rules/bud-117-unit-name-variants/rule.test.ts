import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule, connectiveVariants } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const doc = (unit: string, paras: Array<[number, string]>): BudgetDocument =>
  emptyDoc({
    year: 2026,
    unit: { name: unit, subordinateUnits: [] },
    narrative: {
      parts: [
        {
          no: 1,
          title: '部门概况',
          src: { line: 1, page: null, raw: '' },
          sections: [{ no: '一', title: '主要职能', src: { line: 1, page: null, raw: '' }, paragraphs: paras.map(([line, text]) => ({ text, src: { line, page: null, raw: text } })) }],
        },
      ],
      duties: [],
      projects: [],
      glossary: [],
      facts: [],
    },
  });

test('the variants of a name are its connectives exchanged', () => {
  assert.deepEqual(connectiveVariants('深圳市规划和自然资源局大鹏管理局'), ['深圳市规划与自然资源局大鹏管理局', '深圳市规划及自然资源局大鹏管理局']);
  assert.deepEqual(connectiveVariants('北京市审计局'), []);
});

test('the name in one form, and short forms, pass (corpus phrasings)', () => {
  // shenzhen-planning-natural-resources-dapeng-bureau-2026-budget.txt line 206; the short form "大鹏管理局" is not judged.
  assert.deepEqual(
    runRule(
      rule,
      doc('深圳市规划和自然资源局大鹏管理局', [
        [206, '深圳市规划和自然资源局大鹏管理局部门预算支出4,505.81万元。'],
        [207, '大鹏管理局负责辖区规划和自然资源管理工作。'],
      ]),
    ),
    [],
  );
  // wuxi-housing-urban-rural-development-bureau-2026-unit-budget.txt: "无锡市住房和城乡建设局（本级）"
  assert.deepEqual(runRule(rule, doc('无锡市住房和城乡建设局', [[1127, '无锡市住房和城乡建设局(本级)2026年政府性基金支出预算支出67,808万元。']])), []);
});

test("the name printed with another connective is a warning (the issue's 规划与 vs 规划和)", () => {
  const fs = runRule(
    rule,
    doc('深圳市规划和自然资源局大鹏管理局', [
      [206, '深圳市规划和自然资源局大鹏管理局部门预算支出4,505.81万元。'],
      [300, '深圳市规划与自然资源局大鹏管理局2026年“三公”经费预算……'],
    ]),
  );
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'warning');
  assert.match(fs[0]!.message, /写“深圳市规划与自然资源局大鹏管理局”，本单位名称为“深圳市规划和自然资源局大鹏管理局”（1 处）（第 300 行）/);
});
