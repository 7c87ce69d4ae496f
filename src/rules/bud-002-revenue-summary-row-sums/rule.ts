import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { standardRelations } from '../_lib/columns.js';

/** Revenue summary rows add up by source */
export const rule: Rule = {
  id: 'BUD-002',
  title: 'Revenue summary rows add up by source',
  titleZh: '收入总表各行：收入总计 = 各来源之和，政府预算拨款与一般公共预算拨款等于其明细',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '收入总表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'docs/model.md table 2 columns; domain.md §3 row totals',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'revenue-summary'))
      checkRowRelations(
        ctx,
        t,
        standardRelations(t).filter((r) => r.total !== ''),
      );
  },
};
