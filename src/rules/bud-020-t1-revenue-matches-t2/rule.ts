import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, cellFigure, hasColumn, sideKey, underCarry, columnSide } from '../_lib/cross.js';
import { rowName } from '../_lib/location.js';

/** Table 1 revenue lines equal the table 2 column totals */
export const rule: Rule = {
  id: 'BUD-020',
  title: 'Table 1 revenue lines equal the table 2 column totals',
  titleZh: '收支总表收入各项 = 收入总表对应列合计',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '收入总表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the same total … in tables 1, 2, 3"; docs/model.md revenue codes = table 2 column keys',
  check(doc, ctx) {
    const t1 = tableOf(doc, 'income-expenditure-summary');
    const t2 = tableOf(doc, 'revenue-summary');
    if (!t1 || !t2) return;
    const key = sideKey(t1, 'revenue');
    // Without a carry-over column, table 2's total is the year's revenue (决算: 本年收入合计): it
    // matches table 1's 本年收入合计 line, and 总计 (which adds 年初结转和结余) is not in table 2.
    const yearTotal = !hasColumn(t2, 'carryOver') && t1.rows.some((r) => r.side === 'revenue' && r.kind === 'subtotal');
    for (const r of t1.rows) {
      if (r.side !== 'revenue') continue;
      const col = yearTotal
        ? r.kind === 'subtotal'
          ? 'total'
          : r.kind === 'item' && r.codeSystem === 'revenue' && !underCarry(t1, r)
            ? r.code
            : null
        : r.kind === 'total'
          ? 'total'
          : underCarry(t1, r)
            ? null
            : r.kind === 'carry'
              ? 'carryOver'
              : r.codeSystem === 'revenue'
                ? r.code
                : null;
      if (!col || !hasColumn(t2, col)) continue;
      reconcile(ctx, { table: t1, label: rowName(r), fig: cellFigure(r, key), key }, columnSide(t2, col));
    }
  },
};
