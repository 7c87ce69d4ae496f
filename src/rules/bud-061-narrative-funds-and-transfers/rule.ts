import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import { compareStated, moneyFacts, unitLine } from '../_lib/content.js';

/** 政府性基金 / 国有资本经营 / 上级专项转移支付 statements of part 7 equal tables 8, 9 and 10 (empty = 0). */
export const rule: Rule = {
  id: 'BUD-061',
  title: 'Narrative fund and transfer statements equal tables 8–10',
  titleZh: '说明中的政府性基金、国有资本经营及上级专项转移支付与表8–10一致',
  severity: 'error',
  category: 'narrative',
  reads: ['narrative', 'tables'],
  basis: 'domain.md §1 tables 8–10; §3 every amount the narrative states equals the tables',
  check(doc, ctx) {
    const pairs: Array<[string, 'gov-fund-function' | 'state-capital-function' | 'transfer-payments', string, string]> = [
      ['other.gov-fund', 'gov-fund-function', 'total', '表8 政府性基金预算支出'],
      ['other.state-capital', 'state-capital-function', 'total', '表9 国有资本经营预算支出'],
      ['other.transfer', 'transfer-payments', 'amount', '表10 上级专项转移支付'],
    ];
    for (const [key, role, col, name] of pairs) {
      const t = tableOf(doc, role);
      if (!t) continue;
      const u = unitLine(t);
      const fen = u ? (u.amounts[col] ?? null) : t.rows.reduce((s, r) => s + (r.amounts[col]?.fen ?? 0), 0);
      for (const f of moneyFacts(doc, key)) compareStated(ctx, doc, f, [fen], [name], name);
    }
  },
};
