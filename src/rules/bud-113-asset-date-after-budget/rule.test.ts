import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from './rule.js';
import { runRule } from '../engine.js';
import { emptyDoc } from '../_lib/test-doc.js';
import type { BudgetDocument } from '../../domain/model.js';

const narrative = (paras: Array<[number, string]>): BudgetDocument['narrative'] => ({
  parts: [
    {
      no: 4,
      title: '其他重要事项的情况说明',
      src: { line: 900, page: null, raw: '' },
      sections: [{ no: '六', title: '六、国有资产占有使用情况', src: { line: 905, page: null, raw: '' }, paragraphs: paras.map(([line, text]) => ({ text, src: { line, page: null, raw: text } })) }],
    },
  ],
  duties: [],
  projects: [],
  glossary: [],
  facts: [],
});
const run = (year: number, kind: BudgetDocument['kind'], paras: Array<[number, string]>) => runRule(rule, emptyDoc({ year, kind, narrative: narrative(paras) }));

test('the dates the regions use pass: end of last year, its autumn, January of the budget year (corpus quotes)', () => {
  const quotes: Array<[number, string]> = [
    [1, '截至 2025 年 12 月 31 日，福州市商务局共有车辆 5 辆。'], // fuzhou-commerce-bureau-2026-budget
    [2, '截至2025年8月31日，上海市数据局共有车辆4辆。'], // shanghai-data-bureau-2026-unit-budget
    [3, '截至 2025 年 10 月，深圳市统计局（本级）共有车辆 2 辆。'], // shenzhen-statistics-bureau-2026-budget
    [4, '截至2026年1月31日，本部门固定资产金额2,995.16万元。'], // guangzhou-petitions-bureau-2026-budget
    [5, '截至2025年12月,所属各预算单位共有车辆 41 辆。'], // chongqing-commerce-commission-2026-budget
  ];
  assert.deepEqual(run(2026, '部门预算', quotes), []);
});

test("a date after the budget's own publication is an error (yantai-audit-bureau-2026-budget.txt line 907); final accounts are not judged", () => {
  const q: Array<[number, string]> = [[907, '截至2026年12月31日，本单位共有车辆0辆，其中机要通信用车0辆。']];
  const fs = run(2026, '部门预算', q);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.severity, 'error');
  assert.match(fs[0]!.message, /写“截至2026年12月31日”，晚于 2026 年预算的编制和公开时点.*（第 907 行）$/);
  assert.deepEqual(run(2026, '部门决算', q), []);
});
