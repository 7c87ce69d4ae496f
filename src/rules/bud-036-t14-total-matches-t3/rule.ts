import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { columnTotal, hasColumn } from '../_lib/cross.js';
import { columnLabel, locSrc, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';

/** Department-wide form total equals table 3 total */
export const rule: Rule = {
  id: 'BUD-036',
  title: 'Department-wide form total equals table 3 total',
  titleZh: '整体支出绩效目标申报表合计 = 支出总表支出总计',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables', 'departmentTargets'],
  basis: 'domain.md §3 "the same total … in tables 1, 2, 3, 6, 7 and 14"',
  check(doc, ctx) {
    const d = doc.departmentTargets;
    const t3 = tableByRole(doc, 'expenditure-summary');
    if (!d || !t3 || !hasColumn(t3, 'total')) return;
    if (!d.total) return;
    const mine = d.total.total;
    const label = '表14 合计 总额';
    const where = d.total.total?.src ?? d.total.src;
    const item = '合计';
    const t = columnTotal(t3, 'total');
    compareTotal(ctx, {
      total: mine, parts: t.n > 1 ? t.fen : [t.value], n: t.n, subject: '表14与' + tableName(t3),
      totalLabel: label, partLabels: [`${tableName(t3)} ${columnLabel(t3, 'total')}`], partsLabel: `${tableName(t3)} ${columnLabel(t3, 'total')}`,
      location: locSrc('部门（单位）整体支出绩效目标申报表', where, item, '总额'),
    });
  },
};
