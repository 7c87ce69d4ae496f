import type { Rule } from '../types.js';
import { formAmount, formLocation, lineRef } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/** A project form's cost lines (测算明细) add up to its budget amount for the year. */
export const rule: Rule = {
  id: 'BUD-070',
  title: 'Cost lines sum to the project amount',
  titleZh: '测算明细合计等于项目本年预算金额',
  severity: 'error',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '预算项目支出绩效目标申报表：测算明细是本年预算金额的构成；domain.md §3 Project forms',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const amount = formAmount(f);
      const lines = f.costLines.filter((c) => c.amount != null);
      if (!amount || lines.length === 0) continue;
      compareTotal(ctx, {
        total: amount,
        parts: lines.map((c) => c.amount),
        subject: `项目「${f.name || f.id}」测算明细${lineRef(lines[0]!.src)}`,
        totalLabel: '本年预算金额',
        partLabels: lines.map((c, i) => `第${c.no ?? i + 1}项`),
        location: formLocation(f, '测算明细', lines[0]!.src),
        unit: doc.displayUnit,
      });
    }
  },
};
