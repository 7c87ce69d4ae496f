import type { Rule } from '../types.js';
import { formAmount, formLocation, lineRef } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/** A project form's quarterly disbursement plan (资金支出进度) adds up to its budget amount for the year. */
export const rule: Rule = {
  id: 'BUD-072',
  title: 'The quarterly disbursement plan sums to the project amount',
  titleZh: '资金支出进度合计等于项目本年预算金额',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '预算项目支出绩效目标申报表 资金支出进度：全年计划支付即本年预算金额；domain.md §3 Project forms',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const amount = formAmount(f);
      if (!amount || f.disbursement.length === 0) continue;
      const plan = [...f.disbursement].sort((a, b) => a.quarter - b.quarter);
      compareTotal(ctx, {
        total: amount,
        parts: plan.map((q) => q.amount),
        subject: `项目「${f.name || f.id}」资金支出进度${lineRef(plan[0]!.src)}`,
        totalLabel: '本年预算金额',
        partLabels: plan.map((q) => `第${'一二三四'[q.quarter - 1] ?? q.quarter}季度`),
        location: formLocation(f, '资金支出进度', plan[0]!.src),
        unit: doc.displayUnit,
      });
    }
  },
};
