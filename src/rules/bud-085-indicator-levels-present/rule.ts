import type { Rule } from '../types.js';
import { indicatorSets, level1Of, NO_FIGURES } from '../_lib/content.js';

const REQUIRED = ['产出', '效益', '满意度'] as const;

/**
 * Every performance-target form (table 14 and each project form) has 产出, 效益 and 满意度 indicators.
 * Outside the Shenzhen template, whose forms always carry the three levels: a form that lists no
 * indicator at all is not judged (some layouts publish goals only, and an unread indicator grid is no
 * proof of absence), and a missing 满意度 level alone is a warning (it is set "where applicable").
 */
export const rule: Rule = {
  id: 'BUD-085',
  title: 'Each target form has output, outcome and satisfaction indicators',
  titleZh: '绩效目标表含产出、效益、满意度指标',
  severity: 'error',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: '财预〔2020〕10号 绩效指标体系（产出、效益、满意度）；domain.md §3 Performance targets',
  check(doc, ctx) {
    const strict = doc.profile === 'shenzhen-dept-budget';
    for (const set of indicatorSets(doc)) {
      if (set.indicators.length === 0 && !strict) continue;
      const present = new Set(set.indicators.map(level1Of));
      const missing = REQUIRED.filter((l) => !present.has(l));
      if (missing.length === 0) continue;
      const src = set.form?.src ?? doc.departmentTargets?.src ?? null;
      ctx.report({
        ...(!strict && missing.length === 1 && missing[0] === '满意度' ? { severity: 'warning' as const } : {}),
        message: `${set.place}缺少${missing.map((m) => `${m}指标`).join('、')}${set.indicators.length === 0 ? '（未列出任何绩效指标）' : ''}${src?.line ? `（第 ${src.line} 行起）` : ''}`,
        location: set.location('年度绩效指标', src),
        ...NO_FIGURES,
      });
    }
  },
};
