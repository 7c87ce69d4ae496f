import type { ProjectForm } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { formLocation, indicatorSets, level1Of, NO_FIGURES } from '../_lib/content.js';
import { formTableId, uncertainBlocks } from '../_lib/form-block.js';

const REQUIRED = ['产出', '效益', '满意度'] as const;

/**
 * Every performance-target form (table 14 and each project form) has 产出, 效益 and 满意度 indicators.
 *
 * The Shenzhen 申报表 always prints the indicator tree with its level columns: there every form is
 * judged. Elsewhere a missing level is a defect only where the form's template has level columns:
 * - a form that lists no indicator at all is not judged (some layouts publish goals only, and an
 *   unread indicator grid is no proof of absence);
 * - a form none of whose indicators carries a first or second level prints no level columns
 *   (a template of 指标名称 / 指标性质 / 指标值 only): there is no level to miss;
 * - in a grid whose rows the reader assigned to projects by centring with doubt (import note
 *   `form-rows-uncertain`: no cell borders printed), a project's rows may be printed in its
 *   neighbour's band: a missing level is not asserted, one info per grid says which forms were not checked;
 * - a missing 满意度 level alone is a warning (the national guidance sets it "where applicable").
 */
export const rule: Rule = {
  id: 'BUD-085',
  title: 'Each target form has output, outcome and satisfaction indicators',
  titleZh: '绩效目标表含产出、效益、满意度指标',
  severity: 'error',
  category: 'performance-target',
  layoutInferred: '绩效目标表各行的指标层级按版式推断',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 绩效指标体系（产出、效益、满意度）；domain.md §3 Performance targets',
  check(doc, ctx) {
    const strict = doc.profile === 'shenzhen-dept-budget';
    const uncertain = strict ? new Set<string>() : uncertainBlocks(doc);
    const notChecked = new Map<string, ProjectForm[]>();
    for (const set of indicatorSets(doc)) {
      if (set.indicators.length === 0 && !strict) continue;
      if (!strict && set.indicators.every((i) => (i.level1 + i.level2).trim() === '')) continue;
      const present = new Set(set.indicators.map(level1Of));
      const missing = REQUIRED.filter((l) => !present.has(l));
      if (missing.length === 0) continue;
      const block = set.form ? formTableId(set.form) : null;
      if (set.form && block !== null && uncertain.has(block)) {
        notChecked.set(block, [...(notChecked.get(block) ?? []), set.form]);
        continue;
      }
      const src = set.form?.src ?? doc.departmentTargets?.src ?? null;
      ctx.report({
        ...(!strict && missing.length === 1 && missing[0] === '满意度' ? { severity: 'warning' as const } : {}),
        message: `${set.place}缺少${missing.map((m) => `${m}指标`).join('、')}${set.indicators.length === 0 ? '（未列出任何绩效指标）' : ''}${src?.line ? `（第 ${src.line} 行起）` : ''}`,
        location: set.location('年度绩效指标', src),
        ...NO_FIGURES,
      });
    }
    for (const [block, forms] of notChecked) {
      const title = doc.tables.find((t) => t.id === block)?.title.text ?? '项目绩效目标表';
      const names = forms
        .slice(0, 5)
        .map((f) => `「${f.name || f.id}」`)
        .join('');
      const first = forms[0]!;
      ctx.report({
        severity: 'info',
        message: `表《${title}》的绩效指标行按居中位置归属项目（fiscus 未依据表格线划分各项目的行，部分行可能属于相邻项目），${forms.length} 个项目未见全部产出、效益、满意度指标，该项核对未进行：${names}${forms.length > 5 ? ' 等' : ''}`,
        location: { ...formLocation(first, '年度绩效指标'), tableId: block },
        ...NO_FIGURES,
      });
    }
  },
};
