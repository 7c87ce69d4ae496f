import type { Rule } from '../types.js';
import { indicatorNumber, indicatorSets, isAdverseRate, isPercent, lineRef, targetText } from '../_lib/content.js';

/**
 * A failure, complaint or error rate is a ceiling: a target of 100 % or a "≥"/">" floor on it asks
 * for the opposite of what the indicator measures.
 */
export const rule: Rule = {
  id: 'BUD-088',
  title: 'Failure and complaint rates are not targeted at 100 % or as a floor',
  titleZh: '故障率、投诉率等逆向指标目标值不合理',
  severity: 'error',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: 'Reverse (lower-is-better) indicators are set as "≤ ceiling" (财预〔2020〕10号 指标值设定); domain.md §3',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (ind.qualitative || ind.notApplicable || !isAdverseRate(ind.name)) continue;
        const v = indicatorNumber(ind);
        if (!v) continue;
        const floor = ind.comparator === '≥' || ind.comparator === '>';
        const full = isPercent(ind) && v.gte(100) && ind.comparator !== '≤' && ind.comparator !== '<';
        if (!floor && !full) continue;
        const why = full ? `目标值 ${targetText(ind)} 意味着全部出现${ind.name.includes('投诉') ? '投诉' : '故障或差错'}` : `目标值 ${targetText(ind)} 以下限表述逆向指标`;
        ctx.report({
          message: `${set.place}指标「${ind.name}」是越低越好的逆向指标，${why}，应设为“≤ 上限”${lineRef(ind.src)}`,
          location: set.location('目标值', ind.src, ind.name),
          expected: '≤',
          actual: targetText(ind),
          difference: null,
          unit: ind.unit,
        });
      }
    }
  },
};
