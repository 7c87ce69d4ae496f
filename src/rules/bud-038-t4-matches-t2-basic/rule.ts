import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, hasColumn, columnSide } from '../_lib/cross.js';

/** Table 4 general-budget column equals table 2 basic appropriation */
export const rule: Rule = {
  id: 'BUD-038',
  title: 'Table 4 general-budget column equals table 2 basic appropriation',
  titleZh: '基本支出总表一般公共预算拨款 = 收入总表基本支出拨款',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 basic/project split of tables 2, 3, 4',
  check(doc, ctx) {
    const a = tableOf(doc, 'basic-expenditure-economic');
    const b = tableOf(doc, 'revenue-summary');
    if (!a || !b || !hasColumn(a, 'general') || !hasColumn(b, 'generalBasic')) return;
    reconcile(ctx, columnSide(a, 'general'), columnSide(b, 'generalBasic'));
  },
};
