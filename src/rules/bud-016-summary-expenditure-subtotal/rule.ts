import type { Rule } from '../types.js';
import { locRow, rowName, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';
import { sideAmount, sideLine, knownTopRows } from '../_lib/cross.js';

/** Expenditure subtotal equals the sum of the function classes */
export const rule: Rule = {
  id: 'BUD-016',
  title: 'Expenditure subtotal equals the sum of the function classes',
  titleZh: '收支总表：本年支出合计 = 各功能类支出（及上缴上级、对附属单位补助）之和',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '合计行与其组成行按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3; table 1/6 layout: 本年支出合计 = Σ 类 + 上缴上级支出 + 对附属单位补助支出',
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.sides) continue;
      const sub = sideLine(t, 'expenditure', 'subtotal');
      if (!sub) continue;
      // Not checked while a line may be a 款 whose code the reader could not resolve (knownTopRows).
      const parts = knownTopRows(t, 'expenditure');
      if (!parts || parts.length === 0) continue;
      compareTotal(ctx, {
        total: sideAmount(t, sub),
        parts: parts.map((r) => sideAmount(t, r)),
        subject: `${tableName(t)} ${rowName(sub)}`,
        totalLabel: rowName(sub),
        partLabels: parts.map(rowName),
        location: locRow(t, sub, t.sides.expenditure),
      });
    }
  },
};
