import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { compareStated, moneyFacts, perUnitTotalComparable, statedTotalLine, unitLine } from '../_lib/content.js';

/** The expenditure total the narrative states (part 2 and part 3) equals table 1 支出总计 and table 3 支出总计. */
export const rule: Rule = {
  id: 'BUD-052',
  title: 'The narrative expenditure total equals the tables',
  titleZh: '说明中的支出总额与收支总表、支出总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables',
  check(doc, ctx) {
    const s1 = tableByRole(doc, 'income-expenditure-summary');
    const t3Table = tableByRole(doc, 'expenditure-summary');
    const t3 = unitLine(t3Table);
    for (const f of moneyFacts(doc, 'expenditure.total')) {
      // "本年支出合计" is the year's money (表1 subtotal); "支出总计" adds the carry lines.
      const line = statedTotalLine(s1, 'expenditure', f.label);
      const yearOnly = line.row?.kind === 'subtotal';
      if (line.row?.amounts['amount'] !== undefined) compareStated(ctx, doc, f, [line.row.amounts['amount']], [`表1 ${line.name}`], `表1 ${line.name}`);
      if (t3?.amounts['total'] !== undefined && perUnitTotalComparable(s1, t3Table, 'expenditure', yearOnly)) compareStated(ctx, doc, f, [t3.amounts['total']], [`表3 ${yearOnly ? '本年支出合计' : '支出总计'}`], `表3 ${yearOnly ? '本年支出合计' : '支出总计'}`);
    }
  },
};
