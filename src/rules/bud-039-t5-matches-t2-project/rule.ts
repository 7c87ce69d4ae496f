import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { columnTotal, reconcile, sumFigures, hasColumn, columnSide } from '../_lib/cross.js';
import { columnLabel } from '../_lib/location.js';

/** Table 5 general-budget columns equal table 2 project appropriation */
export const rule: Rule = {
  id: 'BUD-039',
  title: 'Table 5 general-budget columns equal table 2 project appropriation',
  titleZh: '项目支出总表一般公共预算拨款 = 收入总表履职类、专项、投资项目拨款',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 basic/project split of tables 2, 3, 5',
  check(doc, ctx) {
    const t5 = tableOf(doc, 'project-expenditure');
    const t2 = tableOf(doc, 'revenue-summary');
    if (!t5 || !t2) return;
    const subs = ['generalDuty', 'generalSpecial', 'generalInvest'];
    for (const k of subs) {
      if (hasColumn(t5, k) && hasColumn(t2, k)) reconcile(ctx, columnSide(t5, k), columnSide(t2, k));
    }
    const in2 = subs.filter((k) => hasColumn(t2, k));
    if (hasColumn(t5, 'general') && in2.length > 0) {
      reconcile(ctx, columnSide(t5, 'general'), { table: t2, label: in2.map((k) => columnLabel(t2, k)).join(' + '), fig: sumFigures(in2.map((k) => columnTotal(t2, k))) });
    }
  },
};
