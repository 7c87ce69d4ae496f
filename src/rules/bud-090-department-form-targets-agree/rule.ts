import type { Rule } from '../types.js';
import { indicatorKey, intervalOf, intervalsOverlap, isPercent, lineRef, targetText } from '../_lib/content.js';

/**
 * An indicator that appears with the same name in table 14 and in a project form must not
 * contradict: for rates, the values the two targets admit must overlap. Counts are not compared
 * (the department-wide figure may aggregate several projects).
 */
export const rule: Rule = {
  id: 'BUD-090',
  title: 'Department-wide and project targets of the same indicator agree',
  titleZh: '整体绩效目标与项目绩效目标中同名指标不矛盾',
  severity: 'error',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: 'The department-wide targets summarise the project targets (部门整体支出绩效目标申报表); domain.md §3',
  check(doc, ctx) {
    const dt = doc.departmentTargets;
    if (!dt) return;
    const byKey = new Map(dt.indicators.filter((i) => isPercent(i)).map((i) => [indicatorKey(i), i]));
    for (const form of doc.projectForms) {
      for (const ind of form.indicators) {
        if (!isPercent(ind)) continue;
        const dep = byKey.get(indicatorKey(ind));
        if (!dep) continue;
        const a = intervalOf(dep);
        const b = intervalOf(ind);
        if (!a || !b || intervalsOverlap(a, b)) continue;
        ctx.report({
          message: `指标「${ind.name}」在部门整体支出绩效目标申报表中为 ${targetText(dep)}${lineRef(dep.src)}，在项目「${form.name || form.id}」绩效目标申报表中为 ${targetText(ind)}${lineRef(ind.src)}，两者矛盾`,
          location: { section: '预算项目支出绩效目标申报表', item: `${form.name || form.id} / ${ind.name}`, field: '目标值', line: ind.src.line, page: ind.src.page, form: form.id },
          expected: targetText(dep),
          actual: targetText(ind),
          difference: null,
          unit: '%',
        });
      }
    }
  },
};
