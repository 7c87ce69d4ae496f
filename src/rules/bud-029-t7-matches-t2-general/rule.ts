import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { columnTotal, reconcile, sumFigures, hasColumn, columnSide } from '../_lib/cross.js';
import { columnLabel } from '../_lib/location.js';

/** Table 7 equals the general-budget columns of table 2 */
export const rule: Rule = {
  id: 'BUD-029',
  title: 'Table 7 equals the general-budget columns of table 2',
  titleZh: '一般公共预算支出表 = 收入总表一般公共预算拨款（基本支出拨款、项目拨款）',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "the same total, basic/project split … in tables 1, 2, 3, 6, 7"',
  check(doc, ctx) {
    const t7 = tableOf(doc, 'general-budget-function');
    const t2 = tableOf(doc, 'revenue-summary');
    if (!t7 || !t2) return;
    if (hasColumn(t7, 'total') && hasColumn(t2, 'general')) reconcile(ctx, columnSide(t7, 'total'), columnSide(t2, 'general'));
    if (hasColumn(t7, 'basic') && hasColumn(t2, 'generalBasic')) reconcile(ctx, columnSide(t7, 'basic'), columnSide(t2, 'generalBasic'));
    const proj = ['generalDuty', 'generalSpecial', 'generalInvest'].filter((k) => hasColumn(t2, k));
    if (hasColumn(t7, 'project') && proj.length > 0) {
      reconcile(ctx, columnSide(t7, 'project'), { table: t2, label: proj.map((k) => columnLabel(t2, k)).join(' + '), fig: sumFigures(proj.map((k) => columnTotal(t2, k))) });
    }
  },
};
