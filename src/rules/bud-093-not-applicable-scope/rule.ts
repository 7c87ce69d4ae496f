import type { Rule } from '../types.js';
import { indicatorSets, level1Of, lineRef, NO_FIGURES } from '../_lib/content.js';

/**
 * The second levels a project may genuinely lack, by first level: the outcome sub-levels 经济效益,
 * 生态效益 and 可持续影响 (效益 indicators are chosen by the project), and the cost sub-levels 社会成本
 * and 生态环境成本 of the newer national framework, whose template asks for 不适用 where a project
 * has no such cost (经济成本 always applies).
 */
const MAY_NOT_APPLY: Record<string, readonly string[]> = {
  效益: ['经济效益指标', '生态效益指标', '可持续影响指标'],
  成本: ['社会成本指标', '生态环境成本指标', '生态成本指标'],
};
const ANY_LEVEL = /经济效益|生态效益|可持续影响|社会成本|生态环境成本|生态成本/;

/**
 * True when the second level is one that may not apply. A level printed wrapped over two lines is
 * read with its first part only ("生态环境" for 生态环境成本指标): a prefix of two or more characters
 * of an allowed sub-level of the indicator's first level counts as that sub-level.
 */
function mayNotApply(level1: string | null, level2: string): boolean {
  if (ANY_LEVEL.test(level2)) return true;
  const names = level1 ? MAY_NOT_APPLY[level1] : undefined;
  return level2.length >= 2 && names !== undefined && names.some((n) => n.startsWith(level2));
}

/**
 * "不适用" is accepted only for the sub-levels a project may genuinely lack (economic, ecological,
 * sustainability outcomes; social and ecological-environment costs); output, social-outcome,
 * economic-cost and satisfaction indicators always apply. Where no second level is printed under
 * 效益 or 成本, which sub-level is meant cannot be told, and nothing is asserted.
 */
export const rule: Rule = {
  id: 'BUD-093',
  title: '"Not applicable" only for outcome sub-levels',
  titleZh: '“不适用”仅限效益类二级指标',
  severity: 'warning',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 附件：产出、满意度指标为必设，效益指标按项目实际选用；成本指标中社会成本、生态环境成本按实际设置（不涉及的填“不适用”）',
  check(doc, ctx) {
    for (const set of indicatorSets(doc)) {
      for (const ind of set.indicators) {
        if (!ind.notApplicable) continue;
        const level2 = ind.level2.replace(/\s+/g, '');
        const level1 = level1Of({ ...ind, level2: '' });
        if (mayNotApply(level1, level2)) continue;
        if (level2 === '' && (level1 === '效益' || level1 === '成本')) continue;
        ctx.report({
          message: `${set.place}“${ind.level1}/${ind.level2 || '（无二级指标）'}”下的指标「${ind.name}」标为“不适用”，该类指标不得不适用${lineRef(ind.src)}`,
          location: set.location('目标值', ind.src, ind.name),
          ...NO_FIGURES,
        });
      }
    }
  },
};
