import type { Rule } from '../types.js';
import { subjectOf, tablesOf } from '../_lib/arith.js';
import { columnLabel, locRow } from '../_lib/location.js';
import { fenOf } from '../_lib/rounding.js';
import { formatAmount, toDecimalString } from '../../domain/money.js';

/** Procurement ("其中：政府采购项目") is part of the expenditure: never above the total, never below zero. */
export const rule: Rule = {
  id: 'BUD-004',
  title: 'Procurement does not exceed total expenditure',
  titleZh: '支出总表：其中政府采购项目不超过支出总计',
  severity: 'error',
  category: 'table-arithmetic',
  reads: ['tables'],
  basis: 'Table 3 layout: "其中：政府采购项目" is a part of 支出总计; domain.md §3',
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'expenditure-summary')) {
      for (const r of t.rows) {
        const p = r.amounts['procurement'];
        if (!p) continue;
        const total = fenOf(r.amounts['total']);
        if (p.fen <= total) continue;
        ctx.report({
          message: `${subjectOf(t, r)}: ${columnLabel(t, 'procurement')} ${formatAmount(p.fen)} > ${columnLabel(t, 'total')} ${formatAmount(total)}，政府采购超出支出总额 ${formatAmount(p.fen - total)} 万元`,
          location: locRow(t, r, 'procurement'),
          expected: toDecimalString(total),
          actual: toDecimalString(p.fen),
          difference: toDecimalString(p.fen - total),
          unit: '万元',
        });
      }
    }
  },
};
