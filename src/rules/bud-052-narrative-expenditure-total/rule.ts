import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { compareStated, firstRow, moneyFacts, unitLine } from '../_lib/content.js';

/** The expenditure total the narrative states (part 2 and part 3) equals table 1 支出总计 and table 3 支出总计. */
export const rule: Rule = {
  id: 'BUD-052',
  title: 'The narrative expenditure total equals the tables',
  titleZh: '说明中的支出总额与收支总表、支出总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables',
  check(doc, ctx) {
    const t1 = firstRow(tableByRole(doc, 'income-expenditure-summary'), 'total', 'expenditure');
    const t3 = unitLine(tableByRole(doc, 'expenditure-summary'));
    for (const f of moneyFacts(doc, 'expenditure.total')) {
      if (t1?.amounts['amount'] !== undefined) compareStated(ctx, doc, f, [t1.amounts['amount']], ['表1 支出总计'], '表1 支出总计');
      if (t3?.amounts['total'] !== undefined) compareStated(ctx, doc, f, [t3.amounts['total']], ['表3 支出总计'], '表3 支出总计');
    }
  },
};
