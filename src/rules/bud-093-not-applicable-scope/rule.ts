import type { Rule } from '../types.js';
import { indicatorSets, lineRef, NO_FIGURES } from '../_lib/content.js';

const MAY_NOT_APPLY = /经济效益|生态效益|可持续影响/;

/**
 * "不适用" is accepted only for the outcome sub-levels a project may genuinely lack (economic,
 * ecological, sustainability); output, social-outcome, cost and satisfaction indicators always apply.
 */
export const rule: Rule = {
  id: 'BUD-093',
  title: '"Not applicable" only for outcome sub-levels',
  titleZh: '“不适用”仅限效益类二级指标',
  severity: 'warning',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 附件：产出、满意度指标为必设；效益指标按项目实际选用',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (!ind.notApplicable) continue;
        const level2 = ind.level2.replace(/\s+/g, '');
        if (MAY_NOT_APPLY.test(level2) || (level2 === '' && /效益/.test(ind.level1))) continue;
        ctx.report({
          message: `${set.place}“${ind.level1}/${ind.level2 || '（无二级指标）'}”下的指标「${ind.name}」标为“不适用”，该类指标不得不适用${lineRef(ind.src)}`,
          location: set.location('目标值', ind.src, ind.name),
          ...NO_FIGURES,
        });
      }
    }
  },
};
