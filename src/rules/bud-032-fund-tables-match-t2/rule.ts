import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, reconcileWithCarry, hasColumn, columnSide, sumFigures } from '../_lib/cross.js';

/** Tables 8 and 9 equal the fund and state-capital columns of table 2 */
export const rule: Rule = {
  id: 'BUD-032',
  title: 'Tables 8 and 9 equal the fund and state-capital columns of table 2',
  titleZh: '政府性基金、国有资本经营预算支出表 = 收入总表对应拨款',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '收入总表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the same total … in tables 1, 2 …"; a table with no data is still published with zeros (§5)',
  check(doc, ctx) {
    const t2 = tableOf(doc, 'revenue-summary');
    if (!t2) return;
    for (const [role, col] of [
      ['gov-fund-function', 'govFund'],
      ['state-capital-function', 'stateCapital'],
    ] as const) {
      const t = tableOf(doc, role);
      if (!t || !hasColumn(t, 'total') || !hasColumn(t2, col)) continue;
      // The fund table also spends the fund's carry-over (上年结转): exactly the fund's share when table 2
      // prints it, else at most the whole carry-over.
      const own = hasColumn(t2, `carryOver.${col}`) ? columnSide(t2, `carryOver.${col}`) : undefined;
      const source = columnSide(t2, col);
      if (own && own.fig.fen !== 0) reconcile(ctx, columnSide(t, 'total'), { table: t2, label: `${source.label} + ${own.label}`, fig: sumFigures([source.fig, own.fig]), key: col });
      else if (!own && hasColumn(t2, 'carryOver')) reconcileWithCarry(ctx, columnSide(t, 'total'), source, columnSide(t2, 'carryOver'));
      else reconcile(ctx, columnSide(t, 'total'), source);
    }
  },
};
