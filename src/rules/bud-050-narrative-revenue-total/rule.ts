import type { Rule } from '../types.js';
import { checkStatedTotal } from '../_lib/content.js';

/** The revenue total the narrative states equals table 1 收入总计 and table 2 收入总计. */
export const rule: Rule = {
  id: 'BUD-050',
  title: 'The narrative revenue total equals the tables',
  titleZh: '说明中的收入总额与收支总表、收入总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables: every amount the narrative states equals the tables',
  check(doc, ctx) {
    checkStatedTotal(ctx, doc, 'revenue');
  },
};
