import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { rowRelations } from '../_lib/relations.js';

/** Expenditure summary rows: total = basic + project */
export const rule: Rule = {
  id: 'BUD-003',
  title: 'Expenditure summary rows: total = basic + project (+ other uses)',
  titleZh: '支出总表各行：支出总计 = 基本支出 + 项目支出（+ 经营支出、上缴上级、对附属单位补助），基本支出 = 人员经费 + 公用经费',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'docs/model.md table 3 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'expenditure-summary')) checkRowRelations(ctx, t, rowRelations(t));
  },
};
