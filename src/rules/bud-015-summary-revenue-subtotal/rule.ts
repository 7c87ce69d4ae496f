import type { Rule } from '../types.js';
import { locRow, rowName, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';
import { sideAmount, sideLine, knownTopRows } from '../_lib/cross.js';

/** Revenue subtotal equals the sum of the sources */
export const rule: Rule = {
  id: 'BUD-015',
  title: 'Revenue subtotal equals the sum of the sources',
  titleZh: '收支总表：本年收入合计 = 各收入来源之和',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '合计行按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3; table 1/6 layout: 本年收入合计 = 一、+ 二、+ 三、',
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.sides) continue;
      const sub = sideLine(t, 'revenue', 'subtotal');
      if (!sub) continue;
      // Not checked while a line may be a 款 whose code the reader could not resolve (knownTopRows).
      const parts = knownTopRows(t, 'revenue');
      if (!parts || parts.length === 0) continue;
      compareTotal(ctx, {
        total: sideAmount(t, sub),
        parts: parts.map((r) => sideAmount(t, r)),
        subject: `${tableName(t)} ${rowName(sub)}`,
        totalLabel: rowName(sub),
        partLabels: parts.map(rowName),
        location: locRow(t, sub, t.sides.revenue),
      });
    }
  },
};
