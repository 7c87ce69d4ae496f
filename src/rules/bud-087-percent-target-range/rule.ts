import type { Rule } from '../types.js';
import { indicatorNumber, indicatorSets, isPercent, lineRef, targetText } from '../_lib/content.js';

/** A percentage target lies in 0–100. */
export const rule: Rule = {
  id: 'BUD-087',
  title: 'Percentage targets lie between 0 and 100',
  titleZh: '百分比目标值在 0–100 之间',
  severity: 'error',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: 'A rate is a share of a whole: 0 % ≤ rate ≤ 100 %; domain.md §3 Performance targets',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (!isPercent(ind)) continue;
        const v = indicatorNumber(ind);
        if (!v || (v.gte(0) && v.lte(100))) continue;
        // "增长率 120%" is a growth figure, not a share: only shares are bounded.
        if (/(增长|增幅|提高|提升|增加|降低|下降|同比|环比)/.test(ind.name)) continue;
        ctx.report({
          message: `${set.place}指标「${ind.name}」目标值 ${targetText(ind)} 超出 0%–100% 的范围${lineRef(ind.src)}`,
          location: set.location('目标值', ind.src, ind.name),
          expected: '0–100',
          actual: v.toString(),
          difference: null,
          unit: '%',
        });
      }
    }
  },
};
