import type { Rule } from '../types.js';
import { figures, lineRef, money } from '../_lib/content.js';
import { locSrc } from '../_lib/location.js';

/**
 * In a final account, the direction word of a budget-vs-actual comparison (决算数大于/小于/等于
 * 预算数, 持平) agrees with the two figures it compares. 持平 ("基本持平") allows a gap of 0.5 % of
 * the budget; 等于 none.
 */
export const rule: Rule = {
  id: 'BUD-100',
  title: 'Budget-vs-actual direction words agree with the figures',
  titleZh: '决算与预算比较的方向用词与数字一致',
  severity: 'error',
  category: 'final-accounts',
  reads: ['finalAccounts'],
  basis: '部门决算公开说明：决算数与年初预算数比较的增减方向须与表列数字一致',
  check(doc, ctx) {
    for (const c of doc.finalAccounts?.comparisons ?? []) {
      if (!c.direction || !c.budget || !c.actual) continue;
      const b = c.budget.fen;
      const a = c.actual.fen;
      const ok = c.direction === '大于' ? a > b : c.direction === '小于' ? a < b : c.direction === '等于' ? a === b : Math.abs(a - b) * 200 <= Math.abs(b);
      if (ok) continue;
      ctx.report({
        message: `${c.subject}：决算 ${money(doc, a)}，年初预算 ${money(doc, b)}，但说明称“决算数${c.direction}预算数”${lineRef(c.src)}`,
        location: locSrc('部门决算情况说明', c.src, c.subject),
        ...figures(doc, b, a),
      });
    }
  },
};
