import type { Rule } from '../types.js';
import { amountTables, layoutInferred } from '../_lib/scope.js';
import { addsUpExactly, checkHeading, childRows } from '../_lib/arith.js';

const BY_CODE = new Set(['function', 'econ', 'procurement']);

/**
 * A heading line equals the sum of the lines it heads (by `parent`): 一般性项目 = Σ projects,
 * 一、政府预算拨款 = Σ its sources. Coded classifications and unit lines have their own rules.
 */
export const rule: Rule = {
  id: 'BUD-014',
  title: 'Heading lines equal the sum of the lines they head',
  titleZh: '分组行等于其下各行之和',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '分组行与其下各行的上下级关系按缩进与版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 "parent codes equal the sum of children"; docs/model.md Row.parent',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      for (const r of t.rows) {
        if (r.kind !== 'item' && r.kind !== 'group') continue;
        if (r.codeSystem && BY_CODE.has(r.codeSystem) && r.code) continue;
        // Which lines it heads was not read (an indented group over a page break of a text read).
        if (r.childrenUnknown) continue;
        const kids = childRows(t, r).filter((c) => !(c.codeSystem && BY_CODE.has(c.codeSystem) && r.codeSystem === c.codeSystem));
        if (kids.length === 0) continue;
        // Where the grouping was read from the layout (indentation, wrapped lines), a heading whose first
        // lines add up to it exactly, and not all of them, may as well end there: which of the two the
        // document means, the layout does not say, and nothing is asserted.
        if (layoutInferred(doc) && !addsUpExactly(t, r, kids) && kids.some((_, k) => k > 0 && addsUpExactly(t, r, kids.slice(0, k)))) continue;
        checkHeading(ctx, t, r, kids);
      }
    }
  },
};
