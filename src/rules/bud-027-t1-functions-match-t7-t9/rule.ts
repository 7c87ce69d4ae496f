import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { allAppropriation, reconcileFunctionCodes } from '../_lib/cross.js';

/** Table 1 function lines equal tables 7–9 by code */
export const rule: Rule = {
  id: 'BUD-027',
  title: 'Table 1 function lines equal tables 7–9 by code',
  titleZh: '收支总表各功能科目 = 表7、表8、表9 同一科目支出总计之和',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '收支总表支出侧各栏目按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the same … function breakdown in tables 1 … 7"; when all revenue is appropriation, table 1 = tables 7 + 8 + 9, otherwise table 1 includes them',
  check(doc, ctx) {
    const t1 = tableOf(doc, 'income-expenditure-summary');
    if (!t1) return;
    const exact = allAppropriation(doc);
    // With other money than appropriation, table 1 may exceed tables 7–9 but never fall below them.
    reconcileFunctionCodes(ctx, doc, t1, (mine, theirs) => !exact && mine.fen >= theirs.fen);
  },
};
