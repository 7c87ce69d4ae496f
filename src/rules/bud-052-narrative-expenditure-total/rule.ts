import type { Rule } from '../types.js';
import { checkStatedTotal } from '../_lib/content.js';

/** The expenditure total the narrative states (part 2 and part 3) equals table 1 支出总计 and table 3 支出总计. */
export const rule: Rule = {
  id: 'BUD-052',
  title: 'The narrative expenditure total equals the tables',
  titleZh: '说明中的支出总额与收支总表、支出总表一致',
  severity: 'error',
  category: 'narrative',
  layoutInferred: '支出总表的合计行与栏目按版式推断',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables',
  check(doc, ctx) {
    checkStatedTotal(ctx, doc, 'expenditure');
  },
};
