import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { reconcile, reconcileWithCarry, hasColumn, columnSide } from '../_lib/cross.js';

/** Table 3 project expenditure equals the table 5 total */
export const rule: Rule = {
  id: 'BUD-024',
  title: 'Table 3 project expenditure equals the table 5 total',
  titleZh: '支出总表项目支出 = 项目支出总表总计',
  severity: 'error',
  category: 'cross-table',
  layoutInferred: '支出总表的合计行与栏目按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 basic/project split across tables; table 5 lists the projects',
  check(doc, ctx) {
    const a = tableOf(doc, 'expenditure-summary');
    const b = tableOf(doc, 'project-expenditure');
    if (!a || !b || !hasColumn(a, 'project') || !hasColumn(b, 'total')) return;
    // A project table may list the projects of 事业单位经营支出 too, which 支出总表 shows apart: then
    // it lies between table 3's 项目支出 and that plus 经营支出.
    const operating = hasColumn(a, 'operatingExp') ? columnSide(a, 'operatingExp') : undefined;
    if (operating && operating.fig.fen !== 0) reconcileWithCarry(ctx, columnSide(b, 'total'), columnSide(a, 'project'), operating);
    else reconcile(ctx, columnSide(a, 'project'), columnSide(b, 'total'));
  },
};
