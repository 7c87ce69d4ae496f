import type { Rule } from '../types.js';
import type { Row } from '../../domain/model.js';
import { checkParent, unitBlocks } from '../_lib/arith.js';

/** Direct children of a code by its shape: one level longer and starting with it. */
function isChild(parent: string, child: string): boolean {
  return child.startsWith(parent) && child.length === parent.length + 2;
}

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
    for (const t of doc.tables) {
      for (const block of unitBlocks(t)) {
        const coded = block.filter((r): r is Row & { code: string } => r.codeSystem === 'econ' && !!r.code);
        for (const p of coded) {
          const kids = coded.filter((c) => c !== p && isChild(p.code, c.code));
          if (kids.length > 0) checkParent(ctx, t, p, kids);
        }
      }
    }
  },
};
