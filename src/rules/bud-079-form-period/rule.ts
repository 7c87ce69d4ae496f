import type { Rule } from '../types.js';
import { formLocation, lineRef, NO_FIGURES, parseDate } from '../_lib/content.js';

/** A project's period is readable, starts before it ends and covers (part of) the budget year. */
export const rule: Rule = {
  id: 'BUD-079',
  title: 'The project period is valid and covers the budget year',
  titleZh: '项目起止时间有效并覆盖预算年度',
  severity: 'error',
  category: 'project-form',
  reads: ['meta', 'projectForms'],
  basis: 'A project budgeted for year Y runs in year Y (预算年度为公历 1 月 1 日至 12 月 31 日，《预算法》第十八条)',
  check(doc, ctx) {
    const yStart = `${doc.year}-01-01`;
    const yEnd = `${doc.year}-12-31`;
    for (const f of doc.projectForms) {
      const p = f.period;
      if (!p) continue;
      const name = f.name || f.id;
      const s = parseDate(p.start);
      const e = parseDate(p.end, true);
      const loc = formLocation(f, '项目起止时间', p.src);
      const shown = `${p.start}~${p.end}`;
      if (!s || !e) {
        ctx.report({ severity: 'warning', message: `项目「${name}」项目起止时间“${shown}”无法识别为日期${lineRef(p.src)}`, location: loc, ...NO_FIGURES });
        continue;
      }
      if (s > e) {
        ctx.report({ message: `项目「${name}」项目起止时间 ${shown} 开始晚于结束${lineRef(p.src)}`, location: loc, ...NO_FIGURES });
        continue;
      }
      if (e < yStart || s > yEnd) {
        ctx.report({
          message: `项目「${name}」项目起止时间 ${shown} 不在 ${doc.year} 预算年度内${lineRef(p.src)}`,
          location: loc,
          expected: `${yStart}~${yEnd}`,
          actual: shown,
          difference: null,
          unit: null,
        });
      }
    }
  },
};
