import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, cellFigure, hasColumn, unitRows } from '../_lib/cross.js';
import { columnLabel, rowName } from '../_lib/location.js';

/** Each unit’s revenue total equals its expenditure total */
export const rule: Rule = {
  id: 'BUD-022',
  title: 'Each unit’s revenue total equals its expenditure total',
  titleZh: '收入总表与支出总表：各单位收入总计 = 支出总计',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 revenue 总计 = expenditure 总计, per budget unit (tables 2 and 3)',
  check(doc, ctx) {
    const t2 = tableOf(doc, 'revenue-summary');
    const t3 = tableOf(doc, 'expenditure-summary');
    if (!t2 || !t3 || !hasColumn(t2, 'total') || !hasColumn(t3, 'total')) return;
    const u3 = unitRows(t3);
    for (const [name, r2] of unitRows(t2)) {
      const r3 = u3.get(name);
      if (!r3) continue;
      reconcile(
        ctx,
        { table: t2, label: `${rowName(r2)} ${columnLabel(t2, 'total')}`, fig: cellFigure(r2, 'total'), key: 'total' },
        { table: t3, label: `${rowName(r3)} ${columnLabel(t3, 'total')}`, fig: cellFigure(r3, 'total'), key: 'total' },
        rowName(r2),
      );
    }
  },
};
