import type { Rule } from '../types.js';
import { formatAmount } from '../../domain/money.js';
import { locRow, rowName, tableName, columnLabel } from '../_lib/location.js';

/**
 * Tables 8, 9 and 10 are often published empty. An empty table shows zeros: a non-zero total line
 * with no line under it says money exists that the table does not break down.
 */
export const rule: Rule = {
  id: 'BUD-047',
  title: 'An empty fund, capital or transfer table shows zero',
  titleZh: '无明细的政府性基金、国有资本经营、上级转移支付表合计应为 0',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'domain.md §5 "a table with no data is still published, with a note saying why"; tables 8/9/10 layout',
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (t.role !== 'gov-fund-function' && t.role !== 'state-capital-function' && t.role !== 'transfer-payments') continue;
      if (t.rows.some((r) => r.kind === 'item' || r.kind === 'group')) continue;
      for (const r of t.rows) {
        for (const [k, m] of Object.entries(r.amounts)) {
          if (!m || m.fen === 0) continue;
          ctx.report({
            message: `${tableName(t)} ${rowName(r)}: ${columnLabel(t, k)} ${formatAmount(m.fen)} 万元，但表中没有任何明细行`,
            location: locRow(t, r, k),
            expected: '0.00',
            actual: formatAmount(m.fen, '万元', 2, false),
            difference: formatAmount(m.fen, '万元', 2, false),
            unit: '万元',
          });
        }
      }
    }
  },
};
