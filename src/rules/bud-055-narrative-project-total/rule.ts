import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { compareStated, moneyFacts, unitLine } from '../_lib/content.js';

/** The project expenditure the narrative states equals table 3 项目支出 and table 5 总计. */
export const rule: Rule = {
  id: 'BUD-055',
  title: 'Narrative project expenditure equals tables 3 and 5',
  titleZh: '说明中的项目支出与支出总表、项目支出总表一致',
  severity: 'error',
  category: 'narrative',
  layoutInferred: '支出总表的合计行与栏目按版式推断',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables',
  check(doc, ctx) {
    const t3 = unitLine(tableOf(doc, 'expenditure-summary'));
    const t5 = unitLine(tableOf(doc, 'project-expenditure'));
    for (const f of moneyFacts(doc, 'expenditure.project')) {
      if (t3?.amounts['project'] !== undefined) compareStated(ctx, doc, f, [t3.amounts['project']], ['表3 项目支出'], '表3 项目支出');
      // A project table that also lists the projects of 事业单位经营支出 (which table 3 shows apart) may
      // exceed the narrative's 项目支出 by at most that 经营支出.
      const operating = t3?.amounts['operatingExp']?.fen ?? 0;
      const over = (t5?.amounts['total']?.fen ?? 0) - f.money.fen;
      if (operating > 0 && over >= 0 && over <= operating) continue;
      if (t5?.amounts['total'] !== undefined) compareStated(ctx, doc, f, [t5.amounts['total']], ['表5 总计'], '表5 总计');
    }
  },
};
