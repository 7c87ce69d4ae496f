import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { reconcile, hasColumn, columnSide } from '../_lib/cross.js';

/** Table 4 source columns equal the basic expenditure of tables 7–9 */
export const rule: Rule = {
  id: 'BUD-030',
  title: 'Table 4 source columns equal the basic expenditure of tables 7–9',
  titleZh: '基本支出总表各预算拨款列 = 表7/8/9 基本支出',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "the function view (table 7) and the economic view (table 4) of basic expenditure agree"',
  check(doc, ctx) {
    const a = tableByRole(doc, 'basic-expenditure-economic');
    if (!a) return;
    const pairs = [['general', 'general-budget-function'], ['govFund', 'gov-fund-function'], ['stateCapital', 'state-capital-function']] as const;
    for (const [col, role] of pairs) {
      const b = tableByRole(doc, role);
      if (!b || !hasColumn(a, col) || !hasColumn(b, 'basic')) continue;
      reconcile(ctx, columnSide(a, col), columnSide(b, 'basic'));
    }
  },
};
