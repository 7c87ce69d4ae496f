import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { columnSide, hasColumn, reconcile, reconcileWithCarry, withinDocumentCarry } from '../_lib/cross.js';

/** Table 5 source columns equal the project expenditure of tables 7–9 */
export const rule: Rule = {
  id: 'BUD-031',
  title: 'Table 5 source columns equal the project expenditure of tables 7–9',
  titleZh: '项目支出总表各预算拨款列 = 表7/8/9 项目支出',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '各表合计行的栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §3 basic/project split across tables',
  check(doc, ctx) {
    const a = tableOf(doc, 'project-expenditure');
    if (!a) return;
    const pairs = [
      ['general', 'general-budget-function'],
      ['govFund', 'gov-fund-function'],
      ['stateCapital', 'state-capital-function'],
    ] as const;
    for (const [col, role] of pairs) {
      const b = tableOf(doc, role);
      if (!b || !hasColumn(a, col) || !hasColumn(b, 'project')) continue;
      // The table's 上年结余、结转 column may fund part of table 7's spending: then only bounds hold.
      const carry = col === 'govFund' || col === 'stateCapital' || !hasColumn(a, 'carryOver') ? undefined : columnSide(a, 'carryOver');
      if (carry && carry.fig.fen !== 0) reconcileWithCarry(ctx, columnSide(b, 'project'), columnSide(a, col), carry);
      else if ((!carry || carry.fig.fen === 0) && withinDocumentCarry(doc, columnSide(a, col), columnSide(b, 'project'))) continue;
      else reconcile(ctx, columnSide(a, col), columnSide(b, 'project'));
    }
  },
};
