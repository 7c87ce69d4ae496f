import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { standardRelations } from '../_lib/columns.js';

/** Expenditure summary rows: total = basic + project */
export const rule: Rule = {
  id: 'BUD-003',
  title: 'Expenditure summary rows: total = basic + project',
  titleZh: '支出总表各行：支出总计 = 基本支出 + 项目支出',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'docs/model.md table 3 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'expenditure-summary')) checkRowRelations(ctx, t, standardRelations(t).filter((r) => r.total === 'total'));
  },
};
