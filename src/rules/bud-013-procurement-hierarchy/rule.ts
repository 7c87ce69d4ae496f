import type { Rule } from '../types.js';
import { checkCodeHierarchy } from '../_lib/arith.js';

/** Direct children of a code by its shape: one level longer and starting with it. */
function isChild(parent: string, child: string): boolean {
  return child.startsWith(parent) && (parent.length === 1 ? child.length === 3 : child.length > parent.length && parent.length === 3);
}

/** Procurement categories equal the sum of their 品目 */
export const rule: Rule = {
  id: 'BUD-013',
  title: 'Procurement categories equal the sum of their 品目',
  titleZh: '政府采购：类别（货物/工程/服务）= 所属品目之和',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'domain.md §2 政府采购品目 (A/B/C → A02 …); table 11 layout',
  check(doc, ctx) {
    checkCodeHierarchy(ctx, doc, 'procurement', isChild);
  },
};
