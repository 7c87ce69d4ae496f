import type { Rule } from '../types.js';
import { deptLocation, indicatorNumber, isPercent, lineRef, NO_FIGURES, targetText } from '../_lib/content.js';
import { departmentBlock, printedCells, printsLabel } from '../_lib/form-block.js';

/**
 * A field or row of the form's own that holds the execution rate: some templates score it beside the
 * funds (执行率分值（10分）, the indicators then weigh 90), and a 预算执行率 row the reader did not take as
 * an indicator is printed all the same.
 */
const PRINTED_RATE = /^(执行率分值|(年度)?(预算|资金)执行率)/;
/** An execution rate stated as a percentage in a target: "1-12月执行率≥95%", "执行率达到90%". */
const RATE_IN_TARGET = /执行率(?:[≥≤>=＞＝]|不低于|达到)?\d+(?:\.\d+)?[%％]/;

/**
 * The department-wide targets include a 预算执行率 (budget execution rate) target, stated as a percentage.
 * Where the form's printed block carries the execution rate itself (a 执行率分值 field, or a 预算执行率
 * row), it is not missing.
 */
export const rule: Rule = {
  id: 'BUD-091',
  title: 'The department-wide targets include a budget execution rate',
  titleZh: '整体绩效目标含预算执行率指标',
  severity: 'warning',
  category: 'performance-target',
  reads: ['departmentTargets'],
  basis: '财预〔2020〕10号 部门整体绩效自评：预算执行率权重 10 分，须在目标中设定；domain.md §4',
  check(doc, ctx) {
    const dt = doc.departmentTargets;
    if (!dt) return;
    const rates = dt.indicators.filter((i) => /预算执行率|资金执行率|支出进度/.test(i.name.replace(/\s+/g, '')));
    // A row named for the plan's execution whose target states the execution rate as a percentage
    // ("按年度计划进度执行" → "1-12月执行率≥95%") sets the rate too.
    const statedInTarget = dt.indicators.some((i) => RATE_IN_TARGET.test(i.raw.replace(/\s+/g, '')));
    if (rates.length === 0 && statedInTarget) return;
    if (rates.length === 0) {
      if (printsLabel(printedCells(departmentBlock(doc)), PRINTED_RATE)) return;
      ctx.report({
        message: `部门整体支出绩效目标申报表未设置“预算执行率”指标${lineRef(dt.src)}`,
        location: deptLocation(doc, null, '年度绩效指标'),
        ...NO_FIGURES,
      });
      return;
    }
    for (const r of rates) {
      const v = indicatorNumber(r);
      if (r.qualitative || !v || !isPercent(r)) {
        ctx.report({
          message: `部门整体支出绩效目标申报表指标「${r.name}」目标值 ${targetText(r)} 不是百分比${lineRef(r.src)}`,
          location: deptLocation(doc, r.name, '目标值', r.src),
          ...NO_FIGURES,
        });
      }
    }
  },
};
