import type { Rule } from '../types.js';
import { reconcile, reconcileWithin, hasColumn, columnSide } from '../_lib/cross.js';
import { tablesOf } from '../_lib/arith.js';
import { generalBudgetOnly, tableOf } from '../_lib/scope.js';

/**
 * Table 3 basic expenditure equals the table 4 total when table 4 covers every fund (Shenzhen
 * 基本支出总表 by source). Where the economic table holds the general public budget only (the national
 * 一般公共预算基本支出表), its total is a part of the basic expenditure: it may not exceed it.
 */
export const rule: Rule = {
  id: 'BUD-023',
  title: 'Table 3 basic expenditure equals the table 4 total',
  titleZh: '支出总表基本支出 = 基本支出总表总计（一般公共预算基本支出表不超过基本支出）',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '支出总表的合计行与栏目按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 basic/project split across tables; table 4 is the economic breakdown of basic expenditure (of every fund in Shenzhen, of the general public budget in the national template)',
  check(doc, ctx) {
    const a = tableOf(doc, 'expenditure-summary');
    if (!a || !hasColumn(a, 'basic')) return;
    // Every economic table of basic expenditure: some layouts print the general budget's and every fund's.
    for (const b of tablesOf(doc, 'basic-expenditure-economic')) {
      const key = hasColumn(b, 'total') ? 'total' : b.columns.filter((c) => c.kind === 'amount').length === 1 && hasColumn(b, 'amount') ? 'amount' : null;
      if (!key || b.rows.length === 0) continue;
      if (generalBudgetOnly(b)) reconcileWithin(ctx, columnSide(b, key), columnSide(a, 'basic'));
      else reconcile(ctx, columnSide(a, 'basic'), columnSide(b, key));
    }
  },
};
