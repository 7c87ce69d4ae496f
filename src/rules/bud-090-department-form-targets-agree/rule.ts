import type { Rule } from '../types.js';
import type { Indicator } from '../../domain/model.js';
import { isDateTargetUnit } from '../../domain/catalogue/index.js';
import { indicatorKey, indicatorNumber, intervalOf, intervalsOverlap, isPercent, lineRef, targetText } from '../_lib/content.js';

/** The unit as compared: trimmed, full-width brackets as half-width. */
const unitKey = (u: string | null | undefined): string => (u ?? '').trim().replace(/（/g, '(').replace(/）/g, ')');

/** The kind of target, for what "contradict" means: a rate, a count or amount in a unit, a date. */
function kindOf(ind: Indicator): 'rate' | 'date' | 'quantity' | null {
  if (ind.qualitative || ind.notApplicable || ind.value == null) return null;
  if (isPercent(ind)) return 'rate';
  if (isDateTargetUnit(ind.unit)) return 'date';
  return indicatorNumber(ind) && unitKey(ind.unit) !== '' ? 'quantity' : null;
}

/**
 * An indicator that appears with the same name in table 14 and in a project form must not
 * contradict, for every kind of target:
 * - a rate: the values the two targets admit must overlap (error);
 * - a count or an amount in the same unit (个, 台, 次, 万元 …): the department-wide target may add up
 *   several projects, so it contradicts a project only when it admits less than that project alone
 *   does at the least (its upper bound below the project's lower bound) — a warning, since the same
 *   name may count other things at the two levels;
 * - a date in the same form (年月日, 年月, 月日): a project due after the department's own date for the
 *   same indicator contradicts it (warning).
 */
export const rule: Rule = {
  id: 'BUD-090',
  title: 'Department-wide and project targets of the same indicator agree',
  titleZh: '整体绩效目标与项目绩效目标中同名指标不矛盾（比率、数量与金额、日期）',
  severity: 'error',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: 'The department-wide targets summarise the project targets (部门整体支出绩效目标申报表); domain.md §3',
  check(doc, ctx) {
    const dt = doc.departmentTargets;
    if (!dt) return;
    const byKey = new Map<string, Indicator>();
    for (const i of dt.indicators) if (kindOf(i) && !byKey.has(indicatorKey(i))) byKey.set(indicatorKey(i), i);
    for (const form of doc.projectForms) {
      for (const ind of form.indicators) {
        const kind = kindOf(ind);
        const dep = kind ? byKey.get(indicatorKey(ind)) : undefined;
        if (!kind || !dep || kindOf(dep) !== kind) continue;
        const report = (severity: 'error' | 'warning', why: string, unit: string | null) =>
          ctx.report({
            severity,
            message: `指标「${ind.name}」在部门整体支出绩效目标申报表中为 ${targetText(dep)}${lineRef(dep.src)}，在项目「${form.name || form.id}」绩效目标申报表中为 ${targetText(ind)}${lineRef(ind.src)}，${why}`,
            location: { section: '预算项目支出绩效目标申报表', item: `${form.name || form.id} / ${ind.name}`, field: '目标值', line: ind.src.line, page: ind.src.page, form: form.id },
            expected: targetText(dep),
            actual: targetText(ind),
            difference: null,
            unit,
          });
        if (kind === 'rate') {
          const a = intervalOf(dep);
          const b = intervalOf(ind);
          if (a && b && !intervalsOverlap(a, b)) report('error', '两者矛盾', '%');
        } else if (kind === 'quantity') {
          if (unitKey(dep.unit) !== unitKey(ind.unit)) continue;
          const a = intervalOf(dep);
          const b = intervalOf(ind);
          if (!a || !b || a.hi == null || b.lo == null) continue;
          const c = a.hi.comparedTo(b.lo);
          if (c < 0 || (c === 0 && (a.hiOpen || b.loOpen))) report('warning', '部门整体目标少于其中一个项目的目标，两者矛盾', unitKey(ind.unit));
        } else {
          // Dates compare as text only in the same form (2021-11-30 vs 2021-12-31; 11-30 vs 12-31).
          if (dep.unit !== ind.unit || dep.value!.length !== ind.value!.length) continue;
          if (ind.value! > dep.value!) report('warning', '项目的完成时间晚于部门整体目标，两者矛盾', ind.unit ?? null);
        }
      }
    }
  },
};
