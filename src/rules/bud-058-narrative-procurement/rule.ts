import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { rowByCode } from '../../domain/query.js';
import { compareStated, moneyFacts, unitLine } from '../_lib/content.js';

const CATEGORY: Array<[string, string, string]> = [
  ['procurement.goods', 'A', '货物'],
  ['procurement.works', 'B', '工程'],
  ['procurement.services', 'C', '服务'],
];

/** Procurement stated in part 4 equals table 11 (total and A/B/C; an absent category is 0) and table 3 其中：政府采购. */
export const rule: Rule = {
  id: 'BUD-058',
  title: 'Narrative procurement equals tables 11 and 3',
  titleZh: '说明中的政府采购预算与政府采购项目支出表、支出总表一致',
  severity: 'error',
  category: 'narrative',
  layoutInferred: '表格的合计行与栏目按版式推断',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3: table 11, the narrative and the project forms agree on procurement',
  check(doc, ctx) {
    const t11 = tableOf(doc, 'procurement');
    const t3 = unitLine(tableOf(doc, 'expenditure-summary'));
    for (const f of moneyFacts(doc, 'procurement.total')) {
      const u = unitLine(t11);
      if (u?.amounts['amount'] !== undefined) compareStated(ctx, doc, f, [u.amounts['amount']], ['表11 合计'], '表11 合计');
      if (t3?.amounts['procurement'] !== undefined) compareStated(ctx, doc, f, [t3.amounts['procurement']], ['表3 政府采购项目'], '表3 其中：政府采购项目');
    }
    if (!t11) return;
    // Categories are compared only where table 11 lists them as rows (A 货物 / B 工程 / C 服务); a table
    // by project or by unit says nothing about a category it does not print.
    if (!CATEGORY.some(([, code]) => rowByCode(t11, code))) return;
    for (const [key, code, name] of CATEGORY) {
      const r = rowByCode(t11, code);
      // A category a categorised table 11 does not print is an exact zero.
      for (const f of moneyFacts(doc, key)) compareStated(ctx, doc, f, [r ? (r.amounts['amount'] ?? null) : 0], [`表11 ${code} ${name}`], `表11 ${code} ${name}`);
    }
  },
};
