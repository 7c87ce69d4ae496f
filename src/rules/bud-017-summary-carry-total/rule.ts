import type { Rule } from '../types.js';
import { locRow, rowName, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';
import { carryLines, sideAmount, sideLine } from '../_lib/cross.js';

/** Subtotal plus carry-over equals the grand total */
export const rule: Rule = {
  id: 'BUD-017',
  title: 'Subtotal plus carry-over equals the grand total',
  titleZh: '收支总表：本年合计 + 上年结转（结转下年）= 总计',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'domain.md §3 "合计 + 上年结转 = 总计"',
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.sides) continue;
      for (const side of ['revenue', 'expenditure'] as const) {
        const sub = sideLine(t, side, 'subtotal');
        // A final account prints several carry lines (使用非财政拨款结余, 年初结转和结余 …): all add in.
        const carries = carryLines(t, side);
        const tot = sideLine(t, side, 'total');
        if (!tot || !sub) continue;
        compareTotal(ctx, {
          total: sideAmount(t, tot), parts: [sideAmount(t, sub), ...(carries.length > 0 ? carries.map((c) => sideAmount(t, c)) : [null])],
          subject: `${tableName(t)} ${rowName(tot)}`, totalLabel: rowName(tot), partLabels: [rowName(sub), ...(carries.length > 0 ? carries.map((c) => rowName(c)) : ['结转'])],
          location: locRow(t, tot, t.sides[side]),
        });
      }
    }
  },
};
