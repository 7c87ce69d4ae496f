import type { Rule } from '../types.js';
import { formsOfProject, indicatorNumber, lineRef, sameName } from '../_lib/content.js';

/**
 * Devices the narrative says a project buys ("台式计算机 4 台，碎纸机 2 台 …") add up to the
 * purchase-count indicator of that project's forms and of table 14 ("办公设备购置数 15台").
 */
export const rule: Rule = {
  id: 'BUD-064',
  title: 'Equipment counted in the narrative equals the purchase indicators',
  titleZh: '说明中购置设备数量与绩效指标一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'projectForms', 'departmentTargets'],
  basis: 'domain.md §3: counts in indicators agree with the narrative (equipment bought)',
  check(doc, ctx) {
    for (const p of doc.narrative.projects) {
      const items = p.items.filter((i) => typeof i.count === 'number' && (i.unit === undefined || /台|套|个|件/.test(i.unit)));
      if (items.length === 0) continue;
      const stated = items.reduce((s, i) => s + (i.count ?? 0), 0);
      const unit = items[0]?.unit ?? '台';
      const isCount = (name: string): boolean => /购置(数|数量)|采购(数|数量)|设备数量/.test(name.replace(/\s+/g, ''));
      const places: Array<{ where: string; ind: (typeof doc.projectForms)[number]['indicators'][number]; form: string | null }> = [];
      for (const f of formsOfProject(doc, p.name)) for (const i of f.indicators) if (isCount(i.name)) places.push({ where: `项目「${f.name}」绩效目标申报表`, ind: i, form: f.id });
      const dt = doc.departmentTargets;
      // Table 14 aggregates all projects: compare only when a single project buys equipment.
      const buyers = doc.narrative.projects.filter((q) => q.items.some((i) => typeof i.count === 'number'));
      if (dt && buyers.length === 1 && sameName(buyers[0]!.name, p.name)) for (const i of dt.indicators) if (isCount(i.name)) places.push({ where: '部门整体支出绩效目标申报表', ind: i, form: null });
      for (const pl of places) {
        const v = indicatorNumber(pl.ind);
        if (!v || v.equals(stated)) continue;
        ctx.report({
          message: `说明项目「${p.name}」列购置${items.map((i) => `${i.label} ${i.count}${i.unit ?? ''}`).join('、')}，共 ${stated}${unit}${lineRef(p.src)}；${pl.where}指标「${pl.ind.name}」为 ${pl.ind.raw || v.toString()}${lineRef(pl.ind.src)}`,
          location: {
            section: pl.form ? '预算项目支出绩效目标申报表' : '部门（单位）整体支出绩效目标申报表',
            item: pl.ind.name,
            field: '目标值',
            line: pl.ind.src.line,
            page: pl.ind.src.page,
            form: pl.form,
          },
          expected: String(stated),
          actual: v.toString(),
          difference: v.minus(stated).toString(),
          unit,
        });
      }
    }
  },
};
