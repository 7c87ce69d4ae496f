import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { standardRelations } from '../_lib/columns.js';

/** Basic and project expenditure rows add up by source */
export const rule: Rule = {
  id: 'BUD-005',
  title: 'Basic and project expenditure rows add up by source',
  titleZh: '基本支出总表、项目支出总表各行：总计 = 各资金来源之和',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'docs/model.md tables 4 and 5 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'basic-expenditure-economic', 'project-expenditure')) checkRowRelations(ctx, t, standardRelations(t).filter((r) => r.total !== ''));
  },
};
