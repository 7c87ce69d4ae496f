import type { Rule } from '../types.js';
import { checkRowRelations, tablesOf } from '../_lib/arith.js';
import { rowRelations } from '../_lib/relations.js';

/** Three public expenses: total = overseas + reception + vehicles */
export const rule: Rule = {
  id: 'BUD-007',
  title: 'Three public expenses: total = overseas + reception + vehicles',
  titleZh: '“三公”经费：总计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '“三公”经费表各栏目按表头位置推断',
  reads: ['tables'],
  basis: 'domain.md §5 三公 split; docs/model.md table 12 columns',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'three-public')) {
      const rels = rowRelations(t);
      checkRowRelations(
        ctx,
        t,
        rels.filter((r) => r.total !== 'vehicles'),
        rels.filter((r) => r.total === 'vehicles'),
      );
    }
  },
};
