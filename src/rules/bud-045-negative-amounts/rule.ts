import type { Rule } from '../types.js';
import { formatAmount, toDecimalString } from '../../domain/money.js';
import { locRow, rowName, tableName, columnLabel } from '../_lib/location.js';

/** Budget amounts are never negative. */
export const rule: Rule = {
  id: 'BUD-045',
  title: 'No negative amounts in budget tables',
  titleZh: '预算表中不应出现负数金额',
  severity: 'error',
  category: 'structure',
  reads: ['tables'],
  basis: 'A budget allocates money: every published budget amount is ≥ 0 (final accounts may show negative balances, hence budgets only)',
  appliesTo: { kinds: ['部门预算', '单位预算'] },
  check(doc, ctx) {
    for (const t of doc.tables) {
      for (const r of t.rows) {
        for (const [k, m] of Object.entries(r.amounts)) {
          if (!m || m.fen >= 0) continue;
          ctx.report({
            message: `${tableName(t)} ${rowName(r)}: ${columnLabel(t, k)} 为负数 ${formatAmount(m.fen)}`,
            location: locRow(t, r, k), expected: '0.00', actual: toDecimalString(m.fen), difference: toDecimalString(m.fen), unit: '万元',
          });
        }
      }
    }
  },
};
