import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { codes } from '../../domain/classification/index.js';
import { codedRows, SYSTEM_ZH } from '../_lib/codes.js';
import { locRow, tableName } from '../_lib/location.js';

/** Every printed classification code exists in the code table of the document's year. */
export const rule: Rule = {
  id: 'BUD-041',
  title: 'Classification codes exist for the year',
  titleZh: '科目编码在当年分类中存在',
  severity: 'warning',
  category: 'structure',
  reads: ['tables', 'meta'],
  basis: 'domain.md §2 (code tables per year; an unknown code is a warning, never a crash). The shipped table is partial (observed codes), hence warning',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      for (const r of codedRows(t)) {
        if (r.codeResolved === 'by-name') continue; // resolved from the table itself: known by construction
        if (codes.byCodeIn(r.codeSystem, r.code, doc.year)) continue;
        const other = codes.namesOf(r.codeSystem, r.code);
        ctx.report({
          message: other.length > 0
            ? `${tableName(t)} 编码 ${r.code}（${r.label}）在 ${doc.year} 年${SYSTEM_ZH[r.codeSystem]}中无效（其他年度为“${other[0]!.name}”）`
            : `${tableName(t)} 编码 ${r.code}（${r.label}）不在${SYSTEM_ZH[r.codeSystem]}编码表中（编码表仅收录已见编码，请核对）`,
          location: locRow(t, r), expected: null, actual: null, difference: null, unit: null,
        });
      }
    }
  },
};
