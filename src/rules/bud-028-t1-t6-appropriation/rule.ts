import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { carryFen, carryOfSource, equalsWithCarry, reconcile, cellFigure, sideKey, underCarry } from '../_lib/cross.js';
import { rowName } from '../_lib/location.js';

/** Table 6 appropriation lines equal table 1 */
export const rule: Rule = {
  id: 'BUD-028',
  title: 'Table 6 appropriation lines equal table 1',
  titleZh: '政府预算拨款收支总表收入各项 = 收支总表政府预算拨款各项',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "table 6 = table 1 where appropriation"',
  check(doc, ctx) {
    const t1 = tableOf(doc, 'income-expenditure-summary');
    const t6 = tableOf(doc, 'appropriation-summary');
    if (!t1 || !t6) return;
    const k1 = sideKey(t1, 'revenue');
    const k6 = sideKey(t6, 'revenue');
    const approp = t1.rows.find((r) => r.side === 'revenue' && r.code === 'govApprop' && !underCarry(t1, r));
    // 收入总计 adds the carry-over (上年结转) to the year's appropriation that table 1's line states.
    const carried = carryFen(t6, 'revenue') !== 0;
    for (const r6 of t6.rows) {
      // Rows under 年初财政拨款结转和结余 break down the carry-over, not the year's appropriation.
      if (r6.side !== 'revenue' || underCarry(t6, r6)) continue;
      if (r6.kind === 'total' && carried) continue;
      const r1 = r6.kind === 'total' || r6.kind === 'subtotal' ? approp : r6.code ? t1.rows.find((r) => r.side === 'revenue' && r.code === r6.code && !underCarry(t1, r)) : undefined;
      if (!r1) continue;
      const a = { table: t6, label: rowName(r6), fig: cellFigure(r6, k6), key: k6 };
      const b = { table: t1, label: rowName(r1), fig: cellFigure(r1, k1), key: k1 };
      if (r6.code && equalsWithCarry(a.fig, b.fig, carryOfSource(t6, r6.code))) continue;
      reconcile(ctx, a, b);
    }
  },
};
