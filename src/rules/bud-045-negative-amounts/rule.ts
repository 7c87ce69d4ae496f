import type { Rule } from '../types.js';
import { amountTables, isChangeLabel, isUnmappedKey } from '../_lib/scope.js';
import { formatAmount, toDecimalString } from '../../domain/money.js';
import { locRow, rowName, tableName, columnLabel } from '../_lib/location.js';

/** Budget amounts are never negative; a change against last year (增减变化) may be. */
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
    for (const t of amountTables(doc)) {
      // A column the reader could not name may be a change against last year: not asserted.
      const change = new Set(t.columns.filter((c) => c.key === 'change' || c.key.startsWith('change.') || c.header.some(isChangeLabel) || isUnmappedKey(c.key)).map((c) => c.key));
      for (const r of t.rows) {
        if (!r.code && isChangeLabel(r.label)) continue;
        for (const [k, m] of Object.entries(r.amounts)) {
          if (!m || m.fen >= 0 || change.has(k)) continue;
          ctx.report({
            message: `${tableName(t)} ${rowName(r)}: ${columnLabel(t, k)} 为负数 ${formatAmount(m.fen, t.displayUnit)}`,
            location: locRow(t, r, k),
            expected: '0.00',
            actual: toDecimalString(m.fen, t.displayUnit),
            difference: toDecimalString(m.fen, t.displayUnit),
            unit: t.displayUnit,
          });
        }
      }
    }
  },
};
