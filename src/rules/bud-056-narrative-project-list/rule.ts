import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { lineRef, NO_FIGURES, sameName, tableLocation, statedUnit } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/** Each project of the narrative list is a table 5 project with the same amount, and every table 5 project is listed. */
export const rule: Rule = {
  id: 'BUD-056',
  title: 'The narrative project list matches table 5',
  titleZh: '说明中的项目清单与项目支出总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3: table 5, table 13 and the narrative project list agree',
  check(doc, ctx) {
    const t5 = tableOf(doc, 'project-expenditure');
    const projects = doc.narrative.projects;
    if (!t5 || projects.length === 0) return;
    const rows = t5.rows.filter((r) => r.kind === 'item');
    for (const p of projects) {
      const r = rows.find((x) => sameName(x.label, p.name));
      const loc = { section: '第三部分 部门预算支出具体情况', item: p.name, field: '项目支出', line: p.src.line, page: p.src.page };
      if (!r) {
        ctx.report({ message: `说明项目「${p.name}」${lineRef(p.src)}在表5 项目支出总表中不存在`, location: loc, ...NO_FIGURES });
        continue;
      }
      compareTotal(ctx, {
        total: p.amount,
        parts: [r.amounts['total'] ?? null],
        subject: `说明项目「${p.name}」${lineRef(p.src)}`,
        totalLabel: '说明金额',
        partLabels: [`表5${lineRef(r.src)}`],
        location: loc,
        unit: statedUnit(doc, p.src),
      });
    }
    for (const r of rows) {
      if (projects.some((p) => sameName(p.name, r.label))) continue;
      ctx.report({ severity: 'warning', message: `表5 项目「${r.label}」${lineRef(r.src)}未在说明第三部分项目支出中列示`, location: tableLocation(t5, r), ...NO_FIGURES });
    }
  },
};
