import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const narrative = (paras: Array<[number, string]>): BudgetDocument['narrative'] => ({
  parts: [
    {
      no: 2,
      title: '部门预算情况说明',
      src: { line: 1, page: null, raw: '' },
      sections: [{ no: '一', title: '“三公”经费预算情况', src: { line: 1, page: null, raw: '' }, paragraphs: paras.map(([line, text]) => ({ text, src: { line, page: null, raw: text } })) }],
    },
  ],
  duties: [],
  projects: [],
  glossary: [],
  facts: [],
});
const run = (paras: Array<[number, string]>) => runRule(rule, emptyDoc({ narrative: narrative(paras) }));

test('changes whose words agree pass (corpus phrasings)', () => {
  assert.deepEqual(
    run([
      [1, '2022 年本部门当年一般公共预算“三公”经费预算支出 3.5 万元，较上年增加 0.46 万元（15.13%），增加的主要原因是上年因系统技术原因导致公务用车运行维护费用无法列入部门年初预算。'], // xian-healthcare-security-bureau-2022-budget line 319
      [2, '公务接待费 1 万元，较上年减少 2.04 万元（67.11%），减少的主要原因是本年压缩公务接待支出预算。'],
      [3, '与上年持平，无增减变化。'],
    ]),
    [],
  );
});

test('a zero change stated with a direction word is a warning, once per paragraph (guangzhou-petitions-bureau-2026-budget.txt line 560)', () => {
  const fs = run([[560, '2026年“三公”经费预算数为2.3万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化。']]);
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /写“增加0万元”等 2 处：增减为零应写“持平”/);
});

test('a reason that seems to run the other way is not judged: base effects and negations (hangzhou-transport-bureau-2026-budget.txt lines 258, 336)', () => {
  assert.deepEqual(
    run([
      [258, '比上年执行数减少 1,234.00 万元，主要原因是2025年执行数中含追加的水路集装箱运输补助资金。'],
      [336, '比上年减少 3,000.00 万元，主要原因是2026年未安排新增预算。'],
    ]),
    [],
  );
});
