import { tableOf } from '../_lib/scope.js';
import type { Rule } from '../types.js';
import { compareStated, moneyFacts } from '../_lib/content.js';
import { threePublicFigure, type ThreePublicItem } from '../_lib/three-public.js';
import { rowName, tableName } from '../_lib/location.js';

const ITEMS: Array<[string, string, string]> = [
  ['three-public.total', 'total', '总计'],
  ['three-public.overseas', 'overseas', '因公出国(境)费'],
  ['three-public.reception', 'reception', '公务接待费'],
  ['three-public.vehicles', 'vehicles', '公务用车购置及运行维护费'],
  ['three-public.vehicle-purchase', 'vehiclePurchase', '公务用车购置费'],
  ['three-public.vehicle-running', 'vehicleRunning', '公务用车运行维护费'],
];

/**
 * 三公 amounts of part 5 equal table 12's budget-year figures (an empty printed cell means 0), in any
 * layout of the 三公 table; where the table does not say which cell holds an item of the budget year,
 * that item is not compared.
 */
export const rule: Rule = {
  id: 'BUD-059',
  title: 'Narrative 三公 amounts equal table 12',
  titleZh: '说明中的“三公”经费与“三公”经费支出表一致',
  severity: 'error',
  category: 'narrative',
  layoutInferred: '“三公”经费表各栏目按表头位置推断',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3: table 12 and the narrative agree on 三公; §5 empty table still published',
  check(doc, ctx) {
    const t12 = tableOf(doc, 'three-public');
    if (!t12) return;
    for (const [key, col, name] of ITEMS) {
      // Only where the table says which cell holds the budget year's item (any layout, threePublicFigure).
      const fig = threePublicFigure(t12, col as ThreePublicItem, doc.year);
      if (!fig) continue;
      const label = fig.row.texts?.['year'] ? `表12 ${doc.year} 年${name}` : `${tableName(t12)} ${rowName(fig.row)} ${name}`;
      for (const f of moneyFacts(doc, key)) compareStated(ctx, doc, f, [fig.value], [label], label);
    }
  },
};
