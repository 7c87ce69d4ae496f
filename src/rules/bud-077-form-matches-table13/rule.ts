import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { formAmount, formLocation, formsOfProject, lineRef, NO_FIGURES, parseDate, sameName } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/**
 * A form that is itself a table 13 project (same name) states the same amount as table 13, and the
 * same execution period.
 */
export const rule: Rule = {
  id: 'BUD-077',
  title: 'A form agrees with its table 13 row',
  titleZh: '项目绩效目标申报表与部门预算绩效管理项目情况表一致',
  severity: 'error',
  category: 'project-form',
  reads: ['tables', 'projectForms'],
  basis: '表13 lists the projects under performance management with amount and 预算执行时间; the forms detail the same projects',
  check(doc, ctx) {
    const t13 = tableOf(doc, 'performance-projects');
    if (!t13) return;
    for (const r of t13.rows) {
      if (r.kind !== 'item') continue;
      const name = r.texts?.['project']?.text ?? r.label;
      const forms = formsOfProject(doc, name).filter((f) => sameName(f.name, name));
      for (const f of forms) {
        const amount = formAmount(f);
        const total = r.amounts['total'];
        if (amount && total) {
          compareTotal(ctx, {
            total,
            parts: [amount],
            subject: `表13 项目「${name}」${lineRef(r.src)}`,
            totalLabel: '预算金额合计',
            partLabels: [`申报表本年预算金额${lineRef(amount.src ?? f.src)}`],
            location: formLocation(f, '本年预算金额', amount.src ?? f.src),
            unit: doc.displayUnit,
          });
        }
        const period = r.texts?.['period']?.text;
        if (period && f.period) {
          const [a, b] = period.split(/\s*[-~—至]\s*(?=\d{4})/);
          const s13 = a ? parseDate(a) : null;
          const e13 = b ? parseDate(b, true) : null;
          const sf = parseDate(f.period.start);
          const ef = parseDate(f.period.end, true);
          if (s13 && e13 && sf && ef && (s13 !== sf || e13 !== ef)) {
            ctx.report({
              severity: 'warning',
              message: `项目「${name}」表13 预算执行时间 ${period}${lineRef(r.src)} 与申报表项目起止时间 ${f.period.start}~${f.period.end}${lineRef(f.period.src)} 不一致`,
              location: formLocation(f, '项目起止时间', f.period.src),
              ...NO_FIGURES,
            });
          }
        }
      }
    }
  },
};
