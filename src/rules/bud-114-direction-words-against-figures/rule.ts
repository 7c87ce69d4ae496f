import type { Rule } from '../types.js';
import { lineRef, NO_FIGURES, textPlaces } from '../_lib/content.js';

/** A change stated with a direction and a zero: "比上年增加0万元", "增长0%", "减少 0.00 万元". */
const ZERO_CHANGE_RE = /(增加|增长|减少|下降|上升|降低)\s*0(?:\.0+)?\s*(万元|元|%|％)(?![\d.])/g;

/**
 * The direction word of a stated change agrees with its figure: a zero change is 持平, not
 * "增加0万元" (Guangdong's 三公 sentences, guangzhou-petitions-bureau-2026-budget.txt line 560).
 * The reason against the direction is not judged: tried on the corpus, every reason that seemed to
 * run the other way explained the change by its base ("2025年执行数中含追加的…资金") or by a negation
 * ("未安排新增预算", "无公务车购置需求"), so a word count cannot tell a contradiction.
 */
export const rule: Rule = {
  id: 'BUD-114',
  title: 'A zero change is not stated with a direction word',
  titleZh: '增减为零不用增减方向词（应写持平）',
  severity: 'warning',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'Issue 12 class 1 (year-on-year statements): the direction word is checked against the numbers',
  check(doc, ctx) {
    for (const p of textPlaces(doc)) {
      if (p.kind !== 'narrative') continue;
      const zeros = [...p.text.matchAll(ZERO_CHANGE_RE)];
      if (zeros.length > 0) {
        const z = zeros[0]!;
        ctx.report({
          message: `${p.place}写“${z[0].replace(/\s+/g, '')}”${zeros.length > 1 ? `等 ${zeros.length} 处` : ''}：增减为零应写“持平”或“无变化”，不用增减方向词${lineRef(p.src)}`,
          location: p.location,
          ...NO_FIGURES,
        });
      }
    }
  },
};
