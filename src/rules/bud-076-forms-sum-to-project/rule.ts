import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { figures, formAmount, formsOfProject, lineRef, money, tableLocation } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/**
 * The project forms of one table 5 project add up to its amount. Forms summing to more than the
 * project is an error; to less, a warning: part of the project has no published performance form.
 */
export const rule: Rule = {
  id: 'BUD-076',
  title: "A project's forms sum to its table 5 amount",
  titleZh: '同一项目的绩效目标申报表金额之和等于项目支出总表金额',
  severity: 'error',
  category: 'project-form',
  reads: ['tables', 'projectForms'],
  basis: '所有预算项目纳入绩效管理（财预〔2020〕10号）：每个（子）项目一张申报表，合计即项目预算；domain.md §3 sub-projects sum to their parent',
  check(doc, ctx) {
    const t5 = tableOf(doc, 'project-expenditure');
    if (!t5) return;
    for (const r of t5.rows) {
      if (r.kind !== 'item') continue;
      const total = r.amounts['total'];
      if (!total) continue;
      const forms = formsOfProject(doc, r.label);
      const amounts = forms.map(formAmount);
      if (forms.length === 0 || amounts.some((a) => a == null)) continue;
      const sum = amounts.reduce((s, a) => s + (a?.fen ?? 0), 0);
      const names = forms.map((f) => `「${f.name || f.id}」`).join('、');
      if (sum < total.fen && total.fen - sum > forms.length * 5000) {
        ctx.report({
          severity: 'warning',
          message: `项目支出总表项目「${r.label}」${money(doc, total.fen)}${lineRef(r.src)}，其绩效目标申报表${names}合计仅 ${money(doc, sum)}，${money(doc, total.fen - sum)} 未编报绩效目标`,
          location: tableLocation(t5, r, '总计'),
          ...figures(doc, total.fen, sum),
        });
        continue;
      }
      compareTotal(ctx, {
        total,
        parts: amounts,
        subject: `项目支出总表项目「${r.label}」${lineRef(r.src)}`,
        totalLabel: '总计',
        partLabels: forms.map((f) => `申报表「${f.name || f.id}」`),
        location: tableLocation(t5, r, '总计'),
        unit: doc.displayUnit,
      });
    }
  },
};
