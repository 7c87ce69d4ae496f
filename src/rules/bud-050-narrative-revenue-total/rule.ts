import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { compareStated, moneyFacts, perUnitTotalComparable, statedTotalLine, unitLine } from '../_lib/content.js';

/** The revenue total the narrative states equals table 1 收入总计 and table 2 收入总计. */
export const rule: Rule = {
  id: 'BUD-050',
  title: 'The narrative revenue total equals the tables',
  titleZh: '说明中的收入总额与收支总表、收入总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables: every amount the narrative states equals the tables',
  check(doc, ctx) {
    const s1 = tableByRole(doc, 'income-expenditure-summary');
    const t2Table = tableByRole(doc, 'revenue-summary');
    const t2 = unitLine(t2Table);
    for (const f of moneyFacts(doc, 'revenue.total')) {
      // "本年收入合计" is the year's money (表1 subtotal); "收入总计" adds the carry lines.
      const line = statedTotalLine(s1, 'revenue', f.label);
      const yearOnly = line.row?.kind === 'subtotal';
      if (line.row?.amounts['amount'] !== undefined) compareStated(ctx, doc, f, [line.row.amounts['amount']], [`表1 ${line.name}`], `表1 ${line.name}`);
      if (t2?.amounts['total'] !== undefined && perUnitTotalComparable(s1, t2Table, 'revenue', yearOnly)) compareStated(ctx, doc, f, [t2.amounts['total']], [`表2 ${yearOnly ? '本年收入合计' : '收入总计'}`], `表2 ${yearOnly ? '本年收入合计' : '收入总计'}`);
    }
  },
};
