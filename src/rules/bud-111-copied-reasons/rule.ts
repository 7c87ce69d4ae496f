import type { Rule } from '../types.js';
import { lineRef } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';
import { budgetItems, directionOf, DIRECTION_ZH, figureDirection, type BudgetItem } from '../_lib/direction.js';
import { normalizeText, squash } from '../../domain/text.js';

/**
 * The same reason sentence given for budget items that move in opposite directions (one up, one
 * down): a reason that states a direction cannot explain both, so it was copied. Reasons without a
 * direction ("项目调整") can explain either and are not judged.
 */
export const rule: Rule = {
  id: 'BUD-111',
  title: 'The same reason is not given for items moving in opposite directions',
  titleZh: '变动方向相反的项目不得使用相同的原因说明',
  severity: 'warning',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §5 "reasons for change" are disclosed per item; a directional reason copied to an item moving the other way explains nothing',
  check(doc, ctx) {
    const seen = new Map<string, BudgetItem & { dir: 'up' | 'down' }>();
    for (const it of budgetItems(doc)) {
      const text = it.reason?.text;
      const dir = figureDirection(it);
      if (!text || !it.reason || (dir !== 'up' && dir !== 'down')) continue;
      if (!directionOf(text)) continue;
      const key = squash(normalizeText(text)).replace(/[。.；;]+$/, '');
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { ...it, dir });
        continue;
      }
      if (first.dir === dir) continue;
      ctx.report({
        message: `${it.label}（${DIRECTION_ZH[dir]}）的原因“${text}”与${first.label}（${DIRECTION_ZH[first.dir]}）${lineRef(first.reason?.src)}相同，两者变动方向相反，原因应分别说明${lineRef(it.reason.src)}`,
        location: locSrc('部门预算编制说明', it.reason.src, it.label),
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      });
    }
  },
};
