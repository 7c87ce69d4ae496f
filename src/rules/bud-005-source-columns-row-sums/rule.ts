import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { rowRelations } from '../_lib/relations.js';

/** Basic and project expenditure rows add up by source */
export const rule: Rule = {
  id: 'BUD-005',
  title: 'Basic and project expenditure rows add up by source',
  titleZh: '基本支出总表、项目支出总表各行：总计 = 各资金来源之和（一般公共预算基本支出表：合计 = 人员经费 + 公用经费）',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'docs/model.md tables 4 and 5 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'basic-expenditure-economic', 'project-expenditure')) checkRowRelations(ctx, t, rowRelations(t));
  },
};
