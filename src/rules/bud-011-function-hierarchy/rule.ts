import type { Rule } from '../types.js';
import type { Row } from '../../domain/model.js';
import { checkParent, unitBlocks } from '../_lib/arith.js';

/** Direct children of a code by its shape: one level longer and starting with it. */
function isChild(parent: string, child: string): boolean {
  return child.startsWith(parent) && child.length === parent.length + 2;
}

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
    for (const t of doc.tables) {
      for (const block of unitBlocks(t)) {
        const coded = block.filter((r): r is Row & { code: string } => r.codeSystem === 'function' && !!r.code);
        for (const p of coded) {
          const kids = coded.filter((c) => c !== p && isChild(p.code, c.code));
          if (kids.length > 0) checkParent(ctx, t, p, kids);
        }
      }
    }
  },
};
