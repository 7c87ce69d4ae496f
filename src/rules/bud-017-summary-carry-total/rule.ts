import type { Rule } from '../types.js';
import { locRow, rowName, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';
import { carryLines, sideAmount, sideLine, underCarry } from '../_lib/cross.js';

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
        const tot = sideLine(t, side, 'total');
        if (!tot || !sub) continue;
        // Every line printed between 本年合计 and 总计 adds in: carry lines, and in some layouts other
        // sources or uses printed there (Yantai: 上级补助收入 and 附属单位上缴收入 below 本年收入合计).
        const rows = t.rows.filter((r) => r.side === side);
        let between = rows.slice(rows.indexOf(sub) + 1, rows.indexOf(tot)).filter((r) => (r.kind === 'carry' || r.kind === 'item' || r.kind === 'group') && !underCarry(t, r));
        // A subtotal printed as the heading of the classes ("一、本年支出合计" above them, Hangzhou) has
        // the classes after it: they are its parts, not further lines of 总计.
        if (between.some((r) => r.codeSystem === 'function')) between = between.filter((r) => r.kind === 'carry');
        const carries = [...new Set([...carryLines(t, side), ...between])].sort((a, b) => t.rows.indexOf(a) - t.rows.indexOf(b));
        compareTotal(ctx, {
          total: sideAmount(t, tot),
          parts: [sideAmount(t, sub), ...(carries.length > 0 ? carries.map((c) => sideAmount(t, c)) : [null])],
          subject: `${tableName(t)} ${rowName(tot)}`,
          totalLabel: rowName(tot),
          partLabels: [rowName(sub), ...(carries.length > 0 ? carries.map((c) => rowName(c)) : ['结转'])],
          location: locRow(t, tot, t.sides[side]),
        });
      }
    }
  },
};
