import type { Rule } from '../types.js';
import { locRow, rowName, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';
import { sideAmount, sideLine } from '../_lib/cross.js';

/** Revenue total equals expenditure total */
export const rule: Rule = {
  id: 'BUD-018',
  title: 'Revenue total equals expenditure total',
  titleZh: '收支总表：收入总计 = 支出总计',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '收支两侧各行的栏目按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 "revenue 总计 = expenditure 总计"; a budget balances',
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.sides) continue;
      const rev = sideLine(t, 'revenue', 'total');
      const exp = sideLine(t, 'expenditure', 'total');
      if (!rev || !exp) continue;
      compareTotal(ctx, {
        total: sideAmount(t, rev),
        parts: [sideAmount(t, exp)],
        subject: tableName(t),
        totalLabel: rowName(rev),
        partLabels: [rowName(exp)],
        location: locRow(t, exp, t.sides.expenditure),
      });
    }
  },
};
