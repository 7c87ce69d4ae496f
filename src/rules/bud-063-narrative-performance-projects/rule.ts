import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { compareStated, countFact, lineRef, moneyFacts, table13Projects, unitLine } from '../_lib/content.js';

/** Part 6: the number of projects with targets equals the table 13 projects; the funds covered equal table 13's total. */
export const rule: Rule = {
  id: 'BUD-063',
  title: 'Narrative performance-project count and funds equal table 13',
  titleZh: '说明中绩效目标项目个数及涉及资金与绩效管理项目情况表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §1 part 6 and table 13',
  check(doc, ctx) {
    const t13 = tableOf(doc, 'performance-projects');
    if (!t13) return;
    const rows = table13Projects(doc);
    const n = countFact(doc, 'performance.project-count');
    if (n && rows.length > 0 && n.count !== rows.length) {
      ctx.report({
        message: `说明第六部分称编报 ${n.count} 个项目绩效目标${lineRef(n.src)}，表13 列 ${rows.length} 个项目（${rows.map((r) => r.label).join('、')}）`,
        location: { section: '第六部分 部门预算绩效管理情况', item: n.label, field: 'performance.project-count', line: n.src.line, page: n.src.page },
        expected: String(rows.length),
        actual: String(n.count),
        difference: String(n.count - rows.length),
        unit: '个',
      });
    }
    const total = unitLine(t13)?.amounts['total'];
    const sum = rows.reduce((s, r) => s + (r.amounts['total']?.fen ?? 0), 0);
    for (const f of moneyFacts(doc, 'performance.amount')) {
      compareStated(ctx, doc, f, [total !== undefined ? total : rows.length > 0 ? sum : null], ['表13 合计'], '表13 合计');
    }
  },
};
