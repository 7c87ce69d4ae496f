import type { Rule } from '../types.js';
import { checkCodeHierarchy } from '../_lib/arith.js';

/** Function classes and 款 equal the sum of their children */
export const rule: Rule = {
  id: 'BUD-011',
  title: 'Function classes and 款 equal the sum of their children',
  titleZh: '功能分类：类 = 所属款之和，款 = 所属项之和',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'domain.md §2 支出功能分类 (类 3 / 款 5 / 项 7 digits), §3 "parent codes equal the sum of children"',
  check(doc, ctx) {
    checkCodeHierarchy(ctx, doc, 'function');
  },
};
