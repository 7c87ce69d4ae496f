import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import type { Row, Table } from '../../domain/model.js';
import { minOf } from '../../domain/arrays.js';
import { checkHeading, childRows } from '../_lib/arith.js';

/** The rows a unit or total line sums: its children, or for a total line every top-level unit. */
function partsOf(t: Table, r: Row): Row[] {
  const kids = childRows(t, r);
  if (kids.length > 0 || r.kind !== 'total') return kids;
  const units = t.rows.filter((x) => x.kind === 'unit' && x !== r);
  const min = minOf(units.map((x) => x.level));
  // Lines that are no unit's, standing beside the units (at their level or above): parts of the total
  // too, or each a unit's part, which the layout does not say. The total's parts are not known.
  if (t.rows.some((x) => x !== r && x.kind !== 'unit' && x.kind !== 'total' && x.level <= min)) return [];
  return units.filter((x) => x.level === min);
}

/** A budget unit's line (and a per-unit table's total line) equals the sum of the lines under it. */
export const rule: Rule = {
  id: 'BUD-010',
  title: 'Unit and total lines equal the sum of their lines',
  titleZh: '单位行（合计行）等于其下各行之和',
  severity: 'error',
  category: 'table-arithmetic',
  layoutInferred: '单位行与其下各行的归属按版式推断',
  reads: ['tables'],
  basis: 'domain.md §3 "column totals equal the sum of their rows"',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      if (t.sides) continue; // two-sided tables 1/6 have their own lines (BUD-015…018)
      for (const r of t.rows) {
        if (r.kind !== 'unit' && r.kind !== 'total') continue;
        checkHeading(ctx, t, r, partsOf(t, r));
      }
    }
  },
};
