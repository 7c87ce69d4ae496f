import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { reconcile, sumFigures, sideKey, functionCodes, allAppropriation, sharedLevelCodes } from '../_lib/cross.js';
import { rowName, tableName } from '../_lib/location.js';

/** Table 1 function lines equal tables 7–9 by code */
export const rule: Rule = {
  id: 'BUD-027',
  title: 'Table 1 function lines equal tables 7–9 by code',
  titleZh: '收支总表各功能科目 = 表7、表8、表9 同一科目支出总计之和',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "the same … function breakdown in tables 1 … 7"; when all revenue is appropriation, table 1 = tables 7 + 8 + 9, otherwise table 1 includes them',
  check(doc, ctx) {
    const t1 = tableByRole(doc, 'income-expenditure-summary');
    const fts = (['general-budget-function', 'gov-fund-function', 'state-capital-function'] as const).map((r) => tableByRole(doc, r)).filter((t) => t !== undefined);
    if (!t1 || fts.length === 0) return;
    const exact = allAppropriation(doc);
    const key = sideKey(t1, 'expenditure');
    const mine = functionCodes(t1, key);
    const theirs = fts.map((t) => ({ t, codes: functionCodes(t, 'total') }));
    // Compare only the levels both sides print (Shanghai summary tables list 类 only).
    for (const code of sharedLevelCodes(mine, theirs.map((x) => x.codes))) {
      const figs = theirs.map((x) => x.codes.get(code)).filter((f) => f !== undefined);
      const sum = sumFigures(figs);
      const m = mine.get(code) ?? { value: null, fen: 0, row: undefined, n: 0 };
      // With other money than appropriation, table 1 may exceed tables 7–9 but never fall below them.
      if (!exact && m.fen >= sum.fen) continue;
      const other = theirs.find((x) => x.codes.has(code));
      const label = m.row ? rowName(m.row) : rowName(other?.codes.get(code)?.row ?? { label: code, code, codeSystem: 'function' } as never);
      const names = theirs.filter((x) => x.codes.has(code)).map((x) => tableName(x.t)).join('+');
      reconcile(ctx, { table: t1, label, fig: m, key }, { table: other?.t ?? fts[0]!, label: `${code} 支出总计（${names || '表7'}）`, fig: sum, key: 'total' });
    }
  },
};
