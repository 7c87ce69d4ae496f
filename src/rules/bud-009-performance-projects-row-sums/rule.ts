import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { standardRelations } from '../_lib/columns.js';

/** Performance projects: total = general budget + other funds */
export const rule: Rule = {
  id: 'BUD-009',
  title: 'Performance projects: total = general budget + other funds',
  titleZh: '绩效管理项目情况表各行：合计 = 一般公共预算拨款 + 其他资金',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'docs/model.md table 13 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'performance-projects'))
      checkRowRelations(
        ctx,
        t,
        standardRelations(t).filter((r) => r.total === 'total'),
      );
  },
};
