import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
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
    reconcileAt(ctx, d.total.total, '表14 合计 总额', columnSide(t3, 'total'), '表14与' + tableName(t3), locSrc(DEPT_SECTION, d.total.total?.src ?? d.total.src, '合计', '总额'));
  },
};
