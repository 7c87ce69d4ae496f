import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { lineRef, moneyFact, unitLine, statedUnit } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/** 人员 + 公用 + 离退休 stated in the narrative equal 基本支出 of table 3. */
export const rule: Rule = {
  id: 'BUD-054',
  title: 'Narrative personnel + operating + retiree equals basic expenditure',
  titleZh: '说明中人员、公用、离退休支出之和等于基本支出',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: '基本支出 = 人员经费 + 公用经费 (+ 离退休); domain.md §3 人员 + 公用 + 离退休 = 基本支出',
  check(doc, ctx) {
    const p = moneyFact(doc, 'expenditure.personnel');
    const o = moneyFact(doc, 'expenditure.public');
    const r = moneyFact(doc, 'expenditure.retiree');
    const t3 = tableOf(doc, 'expenditure-summary');
    const basic = unitLine(t3)?.amounts['basic'];
    if (!p || !o || !r || !t3 || basic === undefined) return;
    compareTotal(ctx, {
      total: basic,
      parts: [p.money, o.money, r.money],
      subject: `表3 基本支出与说明${lineRef(p.src)}`,
      totalLabel: '表3 基本支出',
      partLabels: ['人员支出', '公用支出', '离退休人员支出'],
      location: { section: '部门预算说明', item: '人员支出、公用支出、离退休人员支出', field: 'expenditure.personnel', line: p.src.line, page: p.src.page },
      unit: statedUnit(doc, p.src, o.src, r.src),
    });
  },
};
