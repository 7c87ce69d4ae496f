import type { Rule } from '../types.js';
import { lineRef } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';
import { budgetItems, directionOf, DIRECTION_ZH, figureDirection, statedDirection } from '../_lib/direction.js';

const yuanWan = (fen: number) => (fen / 1e6).toFixed(2);

/**
 * A budget item's change phrase ("比2023年预算执行数减少2.98%") agrees with its two figures, and
 * its reason ("主要原因是：…经费增加") does not state the opposite direction.
 */
export const rule: Rule = {
  id: 'BUD-107',
  title: 'Budget item direction words agree with the figures and the reason',
  titleZh: '预算项目说明的增减用词与前后金额、原因一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: 'domain.md §3 叙述与表格：所述增减（金额与百分比）须与数字一致；说明的原因须与所述变动方向一致',
  check(doc, ctx) {
    for (const it of budgetItems(doc)) {
      const stated = statedDirection(it);
      const figures = figureDirection(it);
      const at = it.change ?? it.planned;
      if (!at || !stated) continue;
      const where = locSrc('部门预算编制说明', at.src, it.label);
      if (figures && figures !== stated) {
        const a = it.prior!.money!.fen;
        const b = it.planned!.money!.fen;
        ctx.report({
          message: `${it.label}：由 ${yuanWan(a)} 万元到 ${yuanWan(b)} 万元是${DIRECTION_ZH[figures]}，说明却写“${it.change?.text ?? DIRECTION_ZH[stated]}”${lineRef(at.src)}`,
          location: where,
          expected: DIRECTION_ZH[figures],
          actual: DIRECTION_ZH[stated],
          difference: null,
          unit: null,
        });
        continue;
      }
      const because = directionOf(it.reason?.text);
      if (because && because !== stated && it.reason) {
        ctx.report({
          message: `${it.label}：说明写“${it.change?.text ?? DIRECTION_ZH[stated]}”，原因却是“${it.reason.text}”（${DIRECTION_ZH[because]}）${lineRef(it.reason.src)}`,
          location: locSrc('部门预算编制说明', it.reason.src, it.label),
          expected: DIRECTION_ZH[stated],
          actual: DIRECTION_ZH[because],
          difference: null,
          unit: null,
        });
      }
    }
  },
};
