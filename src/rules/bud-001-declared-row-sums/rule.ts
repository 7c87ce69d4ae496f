import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { checkRowRelations } from '../_lib/arith.js';
import { rowRelations } from '../_lib/relations.js';

/** Every column a table declares as a sum (`sumOf`) equals the sum of those columns on every row. */
export const rule: Rule = {
  id: 'BUD-001',
  title: 'Declared column sums hold on every row',
  titleZh: '表内声明的列合计关系在每一行成立',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'domain.md §3 "row totals equal the sum of their columns"; docs/model.md Column.sumOf',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      // Relations of the role's contract are checked by their dedicated rules (BUD-002…009).
      const covered = new Set(rowRelations(t).map((r) => r.total));
      const rels = t.columns
        .filter((c) => c.kind === 'amount' && c.sumOf && c.sumOf.length > 0 && !covered.has(c.key))
        .map((c) => ({ total: c.key, parts: c.sumOf!.filter((k) => t.columns.some((x) => x.key === k)) }))
        .filter((r) => r.parts.length > 0);
      checkRowRelations(ctx, t, rels);
    }
  },
};
