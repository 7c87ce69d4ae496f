import type { Rule } from '../types.js';
import { countFact, lineRef, NO_FIGURES } from '../_lib/content.js';

const PAIRS: Array<[string, string, string]> = [
  ['staff.admin.establishment', 'staff.admin.actual', '行政编制'],
  ['staff.career.establishment', 'staff.career.actual', '事业编制'],
  ['staff.worker.establishment', 'staff.worker.actual', '工勤编制'],
];

/** Staff and vehicle counts are non-negative, and actual staff do not exceed the establishment (warning). */
export const rule: Rule = {
  id: 'BUD-062',
  title: 'Staff counts are non-negative and within the establishment',
  titleZh: '人员编制数与实有人数合理',
  severity: 'warning',
  category: 'narrative',
  reads: ['narrative'],
  basis: '机构编制管理：实有在编人数不超过编制数（超编须说明）',
  check(doc, ctx) {
    for (const f of doc.narrative.facts) {
      if (!/^(staff|vehicles|unit)\./.test(f.key) || typeof f.count !== 'number' || f.count >= 0) continue;
      ctx.report({
        severity: 'error',
        message: `说明第一部分「${f.label}」为负数 ${f.count}${lineRef(f.src)}`,
        location: { section: '第一部分 部门概况', item: f.label, field: f.key, line: f.src.line, page: f.src.page },
        ...NO_FIGURES,
      });
    }
    for (const [est, act, name] of PAIRS) {
      const e = countFact(doc, est);
      const a = countFact(doc, act);
      if (!e || !a || a.count <= e.count) continue;
      ctx.report({
        message: `${name}实有在编人数 ${a.count} 人超过编制总数 ${e.count} 人${lineRef(a.src)}`,
        location: { section: '第一部分 部门概况', item: `${name}实有在编人数`, field: act, line: a.src.line, page: a.src.page },
        expected: `≤${e.count}`,
        actual: String(a.count),
        difference: String(a.count - e.count),
        unit: '人',
      });
    }
  },
};
