import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { columnTotal, hasColumn } from '../_lib/cross.js';
import { columnLabel, locSrc, tableName } from '../_lib/location.js';
import { compareTotal } from '../_lib/rounding.js';

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
    const t3 = tableByRole(doc, 'expenditure-summary');
    if (!d || !t3 || !hasColumn(t3, 'basic')) return;
    const task = d.tasks.find((x) => /基本支出/.test(x.name));
    if (!task) return;
    const mine = task.total;
    const label = `表14 ${task.name} 总额`;
    const where = task.total?.src ?? task.src;
    const item = task.name;
    const t = columnTotal(t3, 'basic');
    compareTotal(ctx, {
      total: mine, parts: t.n > 1 ? t.fen : [t.value], n: t.n, subject: '表14与' + tableName(t3),
      totalLabel: label, partLabels: [`${tableName(t3)} ${columnLabel(t3, 'basic')}`], partsLabel: `${tableName(t3)} ${columnLabel(t3, 'basic')}`,
      location: locSrc('部门（单位）整体支出绩效目标申报表', where, item, '总额'),
    });
  },
};
