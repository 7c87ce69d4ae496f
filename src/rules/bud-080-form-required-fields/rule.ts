import type { Rule } from '../types.js';
import { formAmount, formLocation, lineRef, NO_FIGURES } from '../_lib/content.js';

/** A project form fills in what the template requires. */
export const rule: Rule = {
  id: 'BUD-080',
  title: 'A project form has its required fields',
  titleZh: '项目绩效目标申报表必填项齐全',
  severity: 'warning',
  category: 'project-form',
  reads: ['projectForms'],
  basis: '预算项目支出绩效目标申报表 模板必填项（项目名称、属性、主管部门、金额、年度目标、测算明细、资金支出进度）',
  check(doc, ctx) {
    for (const f of doc.projectForms) {
      const missing: string[] = [];
      if (!f.name.trim()) missing.push('项目名称');
      if (!f.attribute?.text.trim()) missing.push('项目属性');
      if (!f.competentDepartment?.text.trim()) missing.push('项目主管部门');
      if (!formAmount(f)) missing.push('本年预算金额');
      if (!f.annualGoal?.text.trim()) missing.push('项目年度目标');
      if (f.costLines.length === 0) missing.push('测算明细');
      if (f.disbursement.length === 0) missing.push('资金支出进度');
      if (missing.length === 0) continue;
      ctx.report({
        message: `项目「${f.name || f.id}」绩效目标申报表缺少${missing.join('、')}${lineRef(f.src)}`,
        location: formLocation(f, missing[0] ?? null),
        ...NO_FIGURES,
      });
    }
  },
};
