import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, hasColumn, columnSide } from '../_lib/cross.js';

/** Table 11 total equals table 3 procurement */
export const rule: Rule = {
  id: 'BUD-034',
  title: 'Table 11 total equals table 3 procurement',
  titleZh: '政府采购项目支出表合计 = 支出总表其中政府采购项目',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "table 11, the narrative and the project forms agree on procurement"',
  check(doc, ctx) {
    const a = tableOf(doc, 'procurement');
    const b = tableOf(doc, 'expenditure-summary');
    if (!a || !b || !hasColumn(a, 'amount') || !hasColumn(b, 'procurement')) return;
    reconcile(ctx, columnSide(a, 'amount'), columnSide(b, 'procurement'));
  },
};
