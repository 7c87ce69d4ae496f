import type { Rule } from '../types.js';
import { indicatorNumber, indicatorSets, isAdverseRate, isFavourableRate, isPercent, lineRef, targetText } from '../_lib/content.js';

/** True when the printed target states a comparator itself (the importer reads a bare figure as "="). */
function printedComparator(raw: string): boolean {
  return /[≥≤><=≧≦]|不低于|不少于|不小于|不高于|不超过|不多于|不大于|大于|小于|以上|以下|以内|之内/.test(raw.normalize('NFKC'));
}

/**
 * A rate below 100 % printed without a comparator ("满意度 90%") reads as "exactly 90 %": the
 * direction (≥ for rates where more is better, ≤ for failure rates) should be stated.
 */
export const rule: Rule = {
  id: 'BUD-089',
  title: 'Rate targets below 100 % state their comparator',
  titleZh: '比率类指标应标明“≥”或“≤”',
  severity: 'warning',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 指标值应明确比较方向；domain.md §3 quantitative targets carry a comparator',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (ind.qualitative || ind.notApplicable || !isPercent(ind)) continue;
        if (ind.comparator !== '=' && ind.comparator !== null) continue;
        if (printedComparator(ind.raw)) continue;
        const v = indicatorNumber(ind);
        if (!v) continue;
        let want: '≥' | '≤' | null = null;
        if (isAdverseRate(ind.name) && v.gt(0) && v.lt(100)) want = '≤';
        else if (isFavourableRate(ind.name) && v.lt(100)) want = '≥';
        if (!want) continue;
        ctx.report({
          message: `${set.place}指标「${ind.name}」目标值 ${targetText(ind)} 未标明比较方向，按字面即“恰好 ${v.toString()}%”，应写作“${want}${v.toString()}%”${lineRef(ind.src)}`,
          location: set.location('目标值', ind.src, ind.name),
          expected: `${want}${v.toString()}`,
          actual: ind.raw || v.toString(),
          difference: null,
          unit: '%',
        });
      }
    }
  },
};
