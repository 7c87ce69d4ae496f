import type { Rule } from '../types.js';
import { indicatorKey, indicatorSets, NO_FIGURES } from '../_lib/content.js';

/** The same indicator is not listed twice in one target form. */
export const rule: Rule = {
  id: 'BUD-092',
  title: 'No indicator is listed twice in one form',
  titleZh: '同一绩效目标表内指标不重复',
  severity: 'warning',
  category: 'performance-target',
  reads: ['projectForms', 'departmentTargets'],
  basis: 'Each indicator is scored once at self-evaluation (财预〔2020〕10号); a duplicate double-counts its weight',
  check(doc, ctx) {
    // Rows the reader placed in a project by centring, with doubt (import note form-rows-uncertain):
    // a "duplicate" there is as likely the neighbouring project's indicator, so none is asserted.
    const doubt = doc.importNotes.filter((n) => n.code === 'form-rows-uncertain' && n.src.line != null).map((n) => [n.src.line!, n.src.endLine ?? n.src.line!] as const);
    const inDoubt = (line: number | null) => line != null && doubt.some(([a, b]) => line >= a && line <= b);
    for (const set of indicatorSets(doc)) {
      const seen = new Map<string, (typeof set.indicators)[number]>();
      for (const ind of set.indicators) {
        if (ind.notApplicable) continue;
        const k = indicatorKey(ind);
        if (k === '') continue;
        const first = seen.get(k);
        if (!first) {
          seen.set(k, ind);
          continue;
        }
        // A row given to its project by centring alone (a grid without borders) may be the neighbouring
        // project's: a repeat that rests on it is not asserted.
        if (inDoubt(first.src.line) || inDoubt(ind.src.line) || first.placeInferred || ind.placeInferred) continue;
        ctx.report({
          message: `${set.place}指标「${ind.name}」重复列示（第 ${first.src.line ?? '?'} 行与第 ${ind.src.line ?? '?'} 行）`,
          location: set.location('三级指标', ind.src, ind.name),
          ...NO_FIGURES,
        });
      }
    }
  },
};
