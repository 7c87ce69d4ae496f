import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, cellFigure, hasColumn, sideLine, sideKey, columnSide } from '../_lib/cross.js';
import { rowName } from '../_lib/location.js';

/** Table 1 expenditure equals the table 3 total */
export const rule: Rule = {
  id: 'BUD-021',
  title: 'Table 1 expenditure equals the table 3 total',
  titleZh: '收支总表本年支出合计 = 支出总表支出总计',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '支出总表的合计行与栏目按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the same total … in tables 1, 2, 3"',
  check(doc, ctx) {
    const t1 = tableOf(doc, 'income-expenditure-summary');
    const t3 = tableOf(doc, 'expenditure-summary');
    if (!t1 || !t3 || !hasColumn(t3, 'total')) return;
    const r = sideLine(t1, 'expenditure', 'subtotal') ?? sideLine(t1, 'expenditure', 'total');
    if (!r) return;
    const key = sideKey(t1, 'expenditure');
    reconcile(ctx, { table: t1, label: rowName(r), fig: cellFigure(r, key), key }, columnSide(t3, 'total'));
  },
};
