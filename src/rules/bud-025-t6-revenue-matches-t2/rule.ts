import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { carryFen, carryOfSource, equalsWithCarry, columnTotal, reconcile, cellFigure, sumFigures, hasColumn, sideKey, underCarry, columnSide } from '../_lib/cross.js';
import { columnLabel, rowName } from '../_lib/location.js';

/** Table 6 appropriation revenue equals the table 2 appropriation columns */
export const rule: Rule = {
  id: 'BUD-025',
  title: 'Table 6 appropriation revenue equals the table 2 appropriation columns',
  titleZh: '政府预算拨款收支总表收入 = 收入总表政府预算拨款各列合计',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '收入总表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the same total … in tables 1, 2, 3, 6"; table 6 is the appropriation part of table 2',
  check(doc, ctx) {
    const t6 = tableOf(doc, 'appropriation-summary');
    const t2 = tableOf(doc, 'revenue-summary');
    if (!t6 || !t2) return;
    const key = sideKey(t6, 'revenue');
    const parts = ['general', 'govFund', 'stateCapital'].filter((k) => hasColumn(t2, k));
    // Table 2 read without any appropriation column (headers not recognised) says nothing about the
    // appropriation: it is not a column of zeros.
    if (!hasColumn(t2, 'govApprop') && parts.length === 0) return;
    const approp = hasColumn(t2, 'govApprop')
      ? { label: columnLabel(t2, 'govApprop'), fig: columnTotal(t2, 'govApprop') }
      : { label: '政府预算拨款（一般公共预算 + 政府性基金 + 国有资本经营）', fig: sumFigures(parts.map((k) => columnTotal(t2, k))) };
    // A final account's 总计 adds 年初财政拨款结转和结余, which table 2 (the year's revenue) does not hold.
    const carried = carryFen(t6, 'revenue') !== 0;
    for (const r of t6.rows) {
      if (r.side !== 'revenue' || underCarry(t6, r)) continue;
      const a = { table: t6, label: rowName(r), fig: cellFigure(r, key), key };
      if (r.kind === 'total' && carried) continue;
      if (r.kind === 'subtotal' || r.kind === 'total') reconcile(ctx, a, { table: t2, ...approp });
      else if (r.codeSystem === 'revenue' && r.code && r.code !== 'govApprop' && hasColumn(t2, r.code)) {
        const b = columnSide(t2, r.code);
        if (!equalsWithCarry(a.fig, b.fig, carryOfSource(t6, r.code))) reconcile(ctx, a, b);
      } else if (r.codeSystem === 'revenue' && r.code === 'govApprop') reconcile(ctx, a, { table: t2, ...approp });
    }
  },
};
