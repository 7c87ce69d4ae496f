import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { formsOfProject, lineRef, NO_FIGURES, tableLocation } from '../_lib/content.js';

/** Every project listed in table 13 has at least one published project form. */
export const rule: Rule = {
  id: 'BUD-081',
  title: 'Every table 13 project has a published form',
  titleZh: '绩效管理项目均公开绩效目标申报表',
  severity: 'warning',
  category: 'project-form',
  reads: ['tables', 'projectForms'],
  basis: '财预〔2020〕10号 / 深圳市部门预算公开模板：纳入绩效管理的项目公开其绩效目标',
  check(doc, ctx) {
    const t13 = tableOf(doc, 'performance-projects');
    // Only meaningful once forms were read at all: a document without forms is structure's business.
    if (!t13 || doc.projectForms.length === 0) return;
    for (const r of t13.rows) {
      if (r.kind !== 'item') continue;
      const name = r.texts?.['project']?.text ?? r.label;
      if (formsOfProject(doc, name).length > 0) continue;
      ctx.report({
        message: `表13 项目「${name}」${lineRef(r.src)}未公开预算项目支出绩效目标申报表`,
        location: tableLocation(t13, r),
        ...NO_FIGURES,
      });
    }
  },
};
