import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { standardRelations } from '../_lib/columns.js';

/** Vehicle expenses = purchase + running */
export const rule: Rule = {
  id: 'BUD-008',
  title: 'Vehicle expenses = purchase + running',
  titleZh: '公务用车购置及运行维护费 = 购置费 + 运行维护费',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '“三公”经费表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §5 三公 split (purchase / running); docs/model.md table 12 columns',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'three-public'))
      checkRowRelations(
        ctx,
        t,
        standardRelations(t).filter((r) => r.total === 'vehicles'),
      );
  },
};
