import type { Rule } from '../types.js';
import { figures, formLocation, lineRef, money } from '../_lib/content.js';

/** A project whose period lies within the budget year has no other years: 项目总金额 = 本年预算金额. */
export const rule: Rule = {
  id: 'BUD-083',
  title: 'A project within one year has its total equal to this year’s amount',
  titleZh: '起止时间在本年度内的项目，项目总金额等于本年预算金额',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '预算项目支出绩效目标申报表：项目总金额含项目全周期各年度资金；项目起止时间均在预算年度内时只有本年度资金',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const { total, currentYear } = f.amounts;
      const p = f.period;
      if (!total || !currentYear || !p) continue;
      const year = String(f.year || doc.year);
      if (!p.start.startsWith(year) || !p.end.startsWith(year)) continue;
      if (total.fen === currentYear.fen) continue;
      ctx.report({
        message: `项目「${f.name || f.id}」起止时间 ${p.start}~${p.end} 均在 ${year} 年度内，项目总金额 ${money(doc, total.fen)}${lineRef(total.src ?? f.src)} 应等于本年预算金额 ${money(doc, currentYear.fen)}${lineRef(currentYear.src ?? f.src)}`,
        location: formLocation(f, '项目总金额', total.src ?? f.src),
        ...figures(doc, currentYear.fen, total.fen),
      });
    }
  },
};
