import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { compareStated, firstRow, moneyFacts, unitLine } from '../_lib/content.js';

/** The revenue total the narrative states equals table 1 收入总计 and table 2 收入总计. */
export const rule: Rule = {
  id: 'BUD-050',
  title: 'The narrative revenue total equals the tables',
  titleZh: '说明中的收入总额与收支总表、收入总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables: every amount the narrative states equals the tables',
  check(doc, ctx) {
    const t1 = firstRow(tableByRole(doc, 'income-expenditure-summary'), 'total', 'revenue');
    const t2 = unitLine(tableByRole(doc, 'revenue-summary'));
    for (const f of moneyFacts(doc, 'revenue.total')) {
      if (t1?.amounts['amount'] !== undefined) compareStated(ctx, doc, f, [t1.amounts['amount']], ['表1 收入总计'], '表1 收入总计');
      if (t2?.amounts['total'] !== undefined) compareStated(ctx, doc, f, [t2.amounts['total']], ['表2 收入总计'], '表2 收入总计');
    }
  },
};
