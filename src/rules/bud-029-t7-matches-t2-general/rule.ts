import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { columnTotal, reconcileWithCarry, sumFigures, hasColumn, columnSide, type Side } from '../_lib/cross.js';
import { columnLabel } from '../_lib/location.js';

/** Table 7 equals the general-budget columns of table 2 */
export const rule: Rule = {
  id: 'BUD-029',
  title: 'Table 7 equals the general-budget columns of table 2',
  titleZh: '一般公共预算支出表 = 收入总表一般公共预算拨款（基本支出拨款、项目拨款）',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '收入总表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §3 "the same total, basic/project split … in tables 1, 2, 3, 6, 7"',
  check(doc, ctx) {
    const t7 = tableOf(doc, 'general-budget-function');
    const t2 = tableOf(doc, 'revenue-summary');
    if (!t7 || !t2) return;
    // Table 7 also spends the general budget's carry-over (上年结转): exactly when table 2 prints the
    // general budget's share of it, else at most the whole carry-over.
    const exactCarry = hasColumn(t2, 'carryOver.general') ? columnSide(t2, 'carryOver.general') : undefined;
    const carry = exactCarry ? undefined : hasColumn(t2, 'carryOver') ? columnSide(t2, 'carryOver') : undefined;
    const plusCarry = (s: Side): Side => (exactCarry && exactCarry.fig.fen !== 0 ? { table: t2, label: `${s.label} + ${exactCarry.label}`, fig: sumFigures([s.fig, exactCarry.fig]), key: s.key } : s);
    if (hasColumn(t7, 'total') && hasColumn(t2, 'general')) reconcileWithCarry(ctx, columnSide(t7, 'total'), plusCarry(columnSide(t2, 'general')), carry);
    if (hasColumn(t7, 'basic') && hasColumn(t2, 'generalBasic')) reconcileWithCarry(ctx, columnSide(t7, 'basic'), columnSide(t2, 'generalBasic'), carry ?? exactCarry);
    const proj = ['generalDuty', 'generalSpecial', 'generalInvest'].filter((k) => hasColumn(t2, k));
    if (hasColumn(t7, 'project') && proj.length > 0) {
      reconcileWithCarry(
        ctx,
        columnSide(t7, 'project'),
        { table: t2, label: proj.map((k) => columnLabel(t2, k)).join(' + '), fig: sumFigures(proj.map((k) => columnTotal(t2, k))) },
        carry ?? exactCarry,
      );
    }
  },
};
