import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { reconcile, hasColumn, columnSide } from '../_lib/cross.js';

/** Table 3 basic expenditure equals the table 4 total */
export const rule: Rule = {
  id: 'BUD-023',
  title: 'Table 3 basic expenditure equals the table 4 total',
  titleZh: '支出总表基本支出 = 基本支出总表总计',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 basic/project split across tables; table 4 is the economic breakdown of basic expenditure',
  check(doc, ctx) {
    const a = tableByRole(doc, 'expenditure-summary');
    const b = tableByRole(doc, 'basic-expenditure-economic');
    if (!a || !b || !hasColumn(a, 'basic') || !hasColumn(b, 'total')) return;
    reconcile(ctx, columnSide(a, 'basic'), columnSide(b, 'total'));
  },
};
