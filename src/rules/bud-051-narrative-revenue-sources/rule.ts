import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { compareStated, firstRow, moneyFacts } from '../_lib/content.js';

/** Narrative fact key → table 1 revenue row code (the revenue column keys of docs/model.md). */
export const SOURCE_CODES: Record<string, string> = {
  'revenue.gov-approp': 'govApprop',
  'revenue.general': 'general',
  'revenue.gov-fund': 'govFund',
  'revenue.state-capital': 'stateCapital',
  'revenue.special-account': 'specialAccount',
  'revenue.unit-funds': 'unitFunds',
  'revenue.business': 'business',
  'revenue.operating': 'operating',
  'revenue.superior': 'superior',
  'revenue.subordinate': 'subordinate',
  'revenue.other-income': 'otherIncome',
};

/** Each revenue source the narrative states equals its table 1 row (an empty cell is 0). */
export const rule: Rule = {
  id: 'BUD-051',
  title: 'Narrative revenue by source equals table 1',
  titleZh: '说明中的分来源收入与收支总表一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §3 Narrative ↔ tables; 表1 收支总表 revenue side',
  check(doc, ctx) {
    const t1 = tableOf(doc, 'income-expenditure-summary');
    if (!t1) return;
    for (const [key, code] of Object.entries(SOURCE_CODES)) {
      const r = t1.rows.find((x) => x.code === code && x.side !== 'expenditure');
      if (!r) continue;
      for (const f of moneyFacts(doc, key)) compareStated(ctx, doc, f, [r.amounts['amount'] ?? null], [`表1「${r.label}」`], `表1「${r.label}」`);
    }
    const carry = firstRow(t1, 'carry', 'revenue');
    if (carry) for (const f of moneyFacts(doc, 'revenue.carry-over')) compareStated(ctx, doc, f, [carry.amounts['amount'] ?? null], [`表1「${carry.label}」`], `表1「${carry.label}」`);
  },
};
