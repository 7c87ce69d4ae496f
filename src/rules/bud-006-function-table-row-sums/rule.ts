import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { rowRelations } from '../_lib/relations.js';

/** Function tables rows: total = basic + project */
export const rule: Rule = {
  id: 'BUD-006',
  title: 'Function tables rows: total = basic + project',
  titleZh: '一般公共预算/政府性基金/国有资本经营预算支出表各行：支出总计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'docs/model.md tables 7–9 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'general-budget-function', 'gov-fund-function', 'state-capital-function', 'appropriation-expenditure', 'basic-expenditure-function'))
      checkRowRelations(ctx, t, rowRelations(t));
  },
};
