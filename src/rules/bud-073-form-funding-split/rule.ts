import type { Rule } from '../types.js';
import { formAmount, formLocation, lineRef } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/** The year's amount equals 财政拨款资金 + 其他资金 + 转移支付资金 as printed on the form. */
export const rule: Rule = {
  id: 'BUD-073',
  title: 'The project amount equals fiscal + other + transfer funds',
  titleZh: '本年预算金额等于财政拨款、其他资金与转移支付资金之和',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '预算项目支出绩效目标申报表 资金来源栏目：本年预算金额按来源分列；domain.md §3 Project forms',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const amount = formAmount(f);
      const { fiscal, other, transfer } = f.amounts;
      if (!amount || (fiscal == null && other == null)) continue;
      compareTotal(ctx, {
        total: amount,
        parts: [fiscal, other, transfer],
        subject: `项目「${f.name || f.id}」资金来源${lineRef(fiscal?.src ?? other?.src ?? f.src)}`,
        totalLabel: '本年预算金额',
        partLabels: ['财政拨款资金', '其他资金', '转移支付资金'],
        location: formLocation(f, '本年预算金额', amount.src ?? f.src),
        unit: doc.displayUnit,
      });
    }
  },
};
