import type { Rule } from '../types.js';
import { figures, formLocation, lineRef, money } from '../_lib/content.js';

/** This year's budget amount does not exceed the project's total amount. */
export const rule: Rule = {
  id: 'BUD-074',
  title: "This year's amount does not exceed the project total",
  titleZh: '本年预算金额不超过项目总金额',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '项目总金额 covers every year of the project; one year is part of it',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const { total, currentYear } = f.amounts;
      if (!total || !currentYear || currentYear.fen <= total.fen) continue;
      ctx.report({
        message: `项目「${f.name || f.id}」本年预算金额 ${money(doc, currentYear.fen)} 超过项目总金额 ${money(doc, total.fen)}${lineRef(currentYear.src ?? f.src)}`,
        location: formLocation(f, '本年预算金额', currentYear.src ?? f.src),
        ...figures(doc, total.fen, currentYear.fen),
      });
    }
  },
};
