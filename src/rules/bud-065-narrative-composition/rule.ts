import type { Rule } from '../types.js';
import { lineRef, moneyFact, statedUnit } from '../_lib/content.js';
import { compareTotal } from '../_lib/rounding.js';

/** Inside the narrative: 人员 + 公用 + 离退休 + 项目 = 支出总额, and the stated revenue sources sum to 收入总额. */
export const rule: Rule = {
  id: 'BUD-065',
  title: 'Narrative totals equal the sum of their stated parts',
  titleZh: '说明中收支总额等于所列构成之和',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative'],
  basis: '支出 = 基本支出（人员、公用、离退休）+ 项目支出; 收入 = Σ 来源; domain.md §3',
  check(doc, ctx) {
    const total = moneyFact(doc, 'expenditure.total');
    const parts = ['expenditure.personnel', 'expenditure.public', 'expenditure.retiree', 'expenditure.project'].map((k) => moneyFact(doc, k));
    if (total && parts.every((p) => p)) {
      compareTotal(ctx, {
        total: total.money,
        parts: parts.map((p) => p!.money),
        subject: `说明支出总额${lineRef(total.src)}`,
        totalLabel: '支出',
        partLabels: ['人员支出', '公用支出', '离退休人员支出', '项目支出'],
        location: { section: '第二部分 部门预算收支总体情况', item: total.label, field: 'expenditure.total', line: total.src.line, page: total.src.page },
        unit: statedUnit(doc, total.src, ...parts.map((x) => x!.src)),
      });
    }
    const rev = moneyFact(doc, 'revenue.total');
    if (!rev) return;
    // The Shenzhen list (政府预算拨款, 财政专户, 单位资金) is the whole: it must add up. Any other list
    // ("其中：财政拨款收入 …, 事业收入 …") may name only some sources: it may fall short, never exceed.
    const whole = ['revenue.gov-approp', 'revenue.special-account', 'revenue.unit-funds'].map((k) => moneyFact(doc, k));
    const complete = whole.every((x) => x !== undefined);
    const approp = moneyFact(doc, 'revenue.gov-approp');
    const unitFunds = moneyFact(doc, 'revenue.unit-funds');
    const keys = [
      ...(approp ? ['revenue.gov-approp'] : ['revenue.general', 'revenue.gov-fund', 'revenue.state-capital']),
      'revenue.special-account',
      ...(unitFunds ? ['revenue.unit-funds'] : ['revenue.business', 'revenue.operating', 'revenue.superior', 'revenue.subordinate', 'revenue.other-income']),
      'revenue.carry-over',
    ];
    const given = keys.map((k) => moneyFact(doc, k)).filter((x) => x !== undefined);
    if (given.length === 0) return;
    const sum = given.reduce((a, x) => a + x.money.fen, 0);
    if (!complete && sum <= rev.money.fen) return;
    compareTotal(ctx, {
      total: rev.money,
      parts: given.map((x) => x.money),
      subject: `说明收入总额${lineRef(rev.src)}`,
      totalLabel: '收入',
      partLabels: given.map((x) => x.label),
      location: { section: '第二部分 部门预算收支总体情况', item: rev.label, field: 'revenue.total', line: rev.src.line, page: rev.src.page },
      unit: statedUnit(doc, rev.src, ...given.map((x) => x.src)),
    });
  },
};
