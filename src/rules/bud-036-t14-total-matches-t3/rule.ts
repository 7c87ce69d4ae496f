import type { Rule } from '../types.js';
import { softOutsideShenzhen, tableOf } from '../_lib/scope.js';
import { columnSide, hasColumn, reconcileAt } from '../_lib/cross.js';
import { DEPT_SECTION } from '../_lib/content.js';
import { locSrc, tableName } from '../_lib/location.js';

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
    const t3 = tableOf(doc, 'expenditure-summary');
    if (!d?.total || !t3 || !hasColumn(t3, 'total')) return;
    const side = columnSide(t3, 'total');
    // A form whose 合计 is the sum of its tasks' rounded amounts may differ from the table's total by
    // the rounding of those tasks (尾差), as any sum of rounded parts.
    const tasks = d.tasks.filter((x) => x.total !== null);
    const summed = tasks.length > 1 && tasks.reduce((a, x) => a + x.total!.fen, 0) === d.total.total?.fen;
    const b = summed ? { ...side, fig: { ...side.fig, value: side.fig.fen, n: Math.max(side.fig.n, tasks.length) } } : side;
    reconcileAt(
      softOutsideShenzhen(doc, ctx, '各地整体绩效目标表的资金口径不一，请核对'),
      d.total.total,
      '表14 合计 总额',
      b,
      '表14与' + tableName(t3),
      locSrc(DEPT_SECTION, d.total.total?.src ?? d.total.src, '合计', '总额'),
    );
  },
};
