import type { Rule } from '../types.js';
import { checkCodeHierarchy } from '../_lib/arith.js';

/** Economic classes equal the sum of their 款 */
export const rule: Rule = {
  id: 'BUD-012',
  title: 'Economic classes equal the sum of their 款',
  titleZh: '经济分类：类 = 所属款之和',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'domain.md §2 部门预算支出经济分类 (类 3 / 款 5 digits), §3 parent = Σ children',
  check(doc, ctx) {
    checkCodeHierarchy(ctx, doc, 'econ');
  },
};
