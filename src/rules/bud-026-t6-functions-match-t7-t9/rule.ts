import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { reconcile, sumFigures, sideKey, functionCodes, sharedLevelCodes } from '../_lib/cross.js';
import { rowName, tableName } from '../_lib/location.js';

/** Table 6 function lines equal tables 7–9 by code */
export const rule: Rule = {
  id: 'BUD-026',
  title: 'Table 6 function lines equal tables 7–9 by code',
  titleZh: '政府预算拨款收支总表各功能科目 = 表7、表8、表9 同一科目支出总计之和',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "the same … function breakdown in tables 1, 2, 3, 6, 7"; table 6 expenditure = general budget + government funds + state capital',
  check(doc, ctx) {
    const t6 = tableByRole(doc, 'appropriation-summary');
    const fts = (['general-budget-function', 'gov-fund-function', 'state-capital-function'] as const).map((r) => tableByRole(doc, r)).filter((t) => t !== undefined);
    if (!t6 || fts.length === 0) return;
    const key = sideKey(t6, 'expenditure');
    const mine = functionCodes(t6, key);
    const theirs = fts.map((t) => ({ t, codes: functionCodes(t, 'total') }));
    // Compare only the levels both sides print (Shanghai summary tables list 类 only).
    for (const code of sharedLevelCodes(mine, theirs.map((x) => x.codes))) {
      const figs = theirs.map((x) => x.codes.get(code)).filter((f) => f !== undefined);
      const m = mine.get(code);
      const other = theirs.find((x) => x.codes.has(code))!;
      const label = m?.row ? rowName(m.row) : rowName(other?.codes.get(code)?.row ?? { label: code, code, codeSystem: 'function' } as never);
      const names = theirs.filter((x) => x.codes.has(code)).map((x) => tableName(x.t)).join('+');
      reconcile(ctx, { table: t6, label, fig: m ?? { value: null, fen: 0, row: undefined, n: 0 }, key }, { table: other?.t ?? fts[0]!, label: `${code} 支出总计（${names || '表7'}）`, fig: sumFigures(figs), key: 'total' });
    }
  },
};
