import type { Rule } from '../types.js';
import { softOutsideShenzhen, tableOf } from '../_lib/scope.js';
import { columnSide, hasColumn, reconcileAt } from '../_lib/cross.js';
import { DEPT_SECTION } from '../_lib/content.js';
import { locSrc, tableName } from '../_lib/location.js';

/** Department-wide form basic task equals table 3 basic */
export const rule: Rule = {
  id: 'BUD-037',
  title: 'Department-wide form basic task equals table 3 basic',
  titleZh: '整体支出绩效目标申报表“基本支出”任务 = 支出总表基本支出',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables', 'departmentTargets'],
  basis: 'domain.md §3 "the same … basic/project split in tables … 3 … and 14"',
  check(doc, ctx) {
    const d = doc.departmentTargets;
    const t3 = tableOf(doc, 'expenditure-summary');
    if (!d || !t3 || !hasColumn(t3, 'basic')) return;
    const task = d.tasks.find((x) => /基本支出/.test(x.name));
    if (!task) return;
    reconcileAt(
      softOutsideShenzhen(doc, ctx, '各地整体绩效目标表的资金口径不一，请核对'),
      task.total,
      `表14 ${task.name} 总额`,
      columnSide(t3, 'basic'),
      '表14与' + tableName(t3),
      locSrc(DEPT_SECTION, task.total?.src ?? task.src, task.name, '总额'),
    );
  },
};
