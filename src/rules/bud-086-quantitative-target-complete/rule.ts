import type { Rule } from '../types.js';
import { indicatorNumber, indicatorSets, level1Of, lineRef, NO_FIGURES } from '../_lib/content.js';
import { normalizeText } from '../../domain/text.js';

/**
 * Targets complete as printed that the import's target reading leaves unread: a figure with a compound
 * unit ("≤37微克/立方米", "≤560元/人/天") or an area ("≥1700㎡"), and dates or periods
 * ("12月31日前", "2026年5月至6月").
 */
const FIGURE_WITH_UNIT = /^(?:[≥≤><=≧≦]|大于等于|小于等于|不低于|不少于|不高于|不超过)?\d+(?:\.\d+)?(?:[^\d/;；,，、。]{1,4}(?:\/[^\d/;；,，、。]{1,4}){1,2}|m2|m3)$/;
const DATE_OR_PERIOD = /^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底)?(?:(?:至|-|—|~)(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底)?)?(?:前|之前|以前|内|完成)?$/;
const completeAsPrinted = (raw: string) => {
  const s = normalizeText(raw).replace(/\s+/g, '');
  return FIGURE_WITH_UNIT.test(s) || DATE_OR_PERIOD.test(s);
};

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
          if (completeAsPrinted(ind.raw)) continue;
          ctx.report({
            message: `${where}的目标值「${ind.raw || '（空）'}」既不是定量目标也不是定性表述${lineRef(ind.src)}`,
            location: set.location('目标值', ind.src, ind.name),
            ...NO_FIGURES,
          });
          continue;
        }
        // Deadlines ("2021-11", unit 年月) are complete by construction.
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
