import type { Rule } from '../types.js';
import { indicatorNumber, indicatorSets, level1Of, lineRef, NO_FIGURES } from '../_lib/content.js';

/** Quantitative targets carry a readable value and a unit; a target that is neither a figure nor a known quality word is flagged. */
export const rule: Rule = {
  id: 'BUD-086',
  title: 'Quantitative targets carry a value and a unit',
  titleZh: '定量指标须有目标值和计量单位',
  severity: 'warning',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 附件：定量指标应明确指标值和计量单位；domain.md §3 Performance targets',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (ind.qualitative || ind.notApplicable) continue;
        // 成本/投入 rows are amounts, not targets; their shape is another rule's business.
        const lvl = level1Of(ind);
        if (lvl === '成本' || lvl === '投入') continue;
        const where = `${set.place}指标「${ind.name}」`;
        if (ind.value == null) {
          ctx.report({
            message: `${where}的目标值「${ind.raw || '（空）'}」既不是定量目标也不是定性表述${lineRef(ind.src)}`,
            location: set.location('目标值', ind.src, ind.name),
            ...NO_FIGURES,
          });
          continue;
        }
        // Dates and periods ("2021-11", "12-31", "2026-05/2026-06") carry their unit (年月, 月日 …) by construction.
        if (indicatorNumber(ind) && (ind.unit == null || ind.unit.trim() === '')) {
          ctx.report({
            message: `${where}目标值「${ind.raw || ind.value}」缺少计量单位（如 %、次、个、件）${lineRef(ind.src)}`,
            location: set.location('目标值', ind.src, ind.name),
            ...NO_FIGURES,
          });
        }
      }
    }
  },
};
