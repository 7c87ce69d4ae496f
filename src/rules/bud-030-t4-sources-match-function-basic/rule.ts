import type { Rule } from '../types.js';
import { tablesOf } from '../_lib/arith.js';
import { generalBudgetOnly, tableOf } from '../_lib/scope.js';
import { columnSide, hasColumn, reconcile, reconcileWithCarry, withinDocumentCarry } from '../_lib/cross.js';

/** Table 4 source columns equal the basic expenditure of tables 7–9 */
export const rule: Rule = {
  id: 'BUD-030',
  title: 'Table 4 source columns equal the basic expenditure of tables 7–9',
  titleZh: '基本支出总表各预算拨款列 = 表7/8/9 基本支出',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '各表合计行的栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the function view (table 7) and the economic view (table 4) of basic expenditure agree"',
  check(doc, ctx) {
    for (const a of tablesOf(doc, 'basic-expenditure-economic')) {
      if (a.rows.length === 0) continue;
      // A general-budget-only economic table (national 一般公共预算基本支出表): its total is table 7's basic.
      const single = a.columns.filter((c) => c.kind === 'amount').length === 1 && hasColumn(a, 'amount') ? 'amount' : 'total';
      const general = generalBudgetOnly(a) && !hasColumn(a, 'general') ? single : 'general';
      const pairs = [
        [general, 'general-budget-function'],
        ['govFund', 'gov-fund-function'],
        ['stateCapital', 'state-capital-function'],
      ] as const;
      for (const [col, role] of pairs) {
        const b = tableOf(doc, role);
        if (!b || !hasColumn(a, col) || !hasColumn(b, 'basic')) continue;
        // The table's 上年结余、结转 column may fund part of table 7's spending: then only bounds hold.
        const carry = col === 'govFund' || col === 'stateCapital' || !hasColumn(a, 'carryOver') ? undefined : columnSide(a, 'carryOver');
        if (carry && carry.fig.fen !== 0) reconcileWithCarry(ctx, columnSide(b, 'basic'), columnSide(a, col), carry);
        else if ((!carry || carry.fig.fen === 0) && withinDocumentCarry(doc, columnSide(a, col), columnSide(b, 'basic'))) continue;
        else reconcile(ctx, columnSide(a, col), columnSide(b, 'basic'));
      }
    }
  },
};
