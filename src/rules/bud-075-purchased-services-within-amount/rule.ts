import type { Rule } from '../types.js';
import { figures, formAmount, formLocation, lineRef, money } from '../_lib/content.js';

/** 政府购买服务资金 is part of the project's amount for the year. */
export const rule: Rule = {
  id: 'BUD-075',
  title: 'Purchased-services funds do not exceed the project amount',
  titleZh: '政府购买服务资金不超过本年预算金额',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '政府购买服务管理办法（财政部令第102号）：购买服务资金在既有预算中统筹安排；domain.md §3',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const amount = formAmount(f);
      const ps = f.amounts.purchasedServices;
      if (!amount || !ps || ps.fen <= amount.fen) continue;
      ctx.report({
        message: `项目「${f.name || f.id}」政府购买服务资金 ${money(doc, ps.fen)} 超过本年预算金额 ${money(doc, amount.fen)}${lineRef(ps.src ?? f.src)}`,
        location: formLocation(f, '政府购买服务资金', ps.src ?? f.src),
        ...figures(doc, amount.fen, ps.fen),
      });
    }
  },
};
