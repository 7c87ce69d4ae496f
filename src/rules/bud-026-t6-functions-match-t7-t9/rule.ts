import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcileFunctionCodes } from '../_lib/cross.js';

/** Table 6 function lines equal tables 7–9 by code */
export const rule: Rule = {
  id: 'BUD-026',
  title: 'Table 6 function lines equal tables 7–9 by code',
  titleZh: '政府预算拨款收支总表各功能科目 = 表7、表8、表9 同一科目支出总计之和',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "the same … function breakdown in tables 1, 2, 3, 6, 7"; table 6 expenditure = general budget + government funds + state capital',
  check(doc, ctx) {
    const t6 = tableOf(doc, 'appropriation-summary');
    if (t6) reconcileFunctionCodes(ctx, doc, t6);
  },
};
