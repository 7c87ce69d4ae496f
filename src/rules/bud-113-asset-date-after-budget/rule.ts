import type { Rule } from '../types.js';
import { lineRef, NO_FIGURES, textPlaces } from '../_lib/content.js';

/** "截至2025年12月31日", "截止 2025 年 10 月": the date a stock (vehicles, assets) is stated at. */
const AS_OF_RE = /截[至止]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;

/**
 * A budget of year N states its assets and vehicles as of a date before it was prepared and
 * published: the end of N−1 (most regions), the autumn of N−1 (Shanghai 8月31日, Shenzhen 10月) or
 * January of N (Guangzhou, Zhuhai). A date in the second half of N or later lies after the budget's
 * own publication: a year copied wrong (yantai-audit-bureau-2026-budget.txt line 907: 截至2026年12月31日).
 */
export const rule: Rule = {
  id: 'BUD-113',
  title: 'Asset and vehicle dates in a budget precede the budget',
  titleZh: '预算中资产、车辆的“截至”日期不晚于预算编制公开时点',
  severity: 'error',
  category: 'hygiene',
  reads: ['meta', 'narrative'],
  appliesTo: { kinds: ['部门预算', '单位预算'] },
  basis: 'Issue 12 class 2 (years): asset dates are 截至 N−1 as the kind requires; a budget is published in the first months of its year',
  check(doc, ctx) {
    const y = doc.year;
    if (!(y > 0) || (doc.kind !== '部门预算' && doc.kind !== '单位预算')) return;
    for (const p of textPlaces(doc)) {
      if (p.kind !== 'narrative') continue;
      for (const m of p.text.matchAll(AS_OF_RE)) {
        const year = Number(m[1]);
        const month = Number(m[2]);
        if (month < 1 || month > 12) continue;
        if (year < y || (year === y && month <= 6)) continue;
        ctx.report({
          message: `${p.place}写“${m[0].replace(/\s+/g, ' ')}”，晚于 ${y} 年预算的编制和公开时点（资产、车辆应以上年末或编制时的数据说明）${lineRef(p.src)}`,
          location: p.location,
          ...NO_FIGURES,
          expected: `${y - 1} 年或 ${y} 年上半年`,
          actual: m[0].replace(/\s+/g, ''),
        });
      }
    }
  },
};
