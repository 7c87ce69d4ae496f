import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { unitBlocks } from '../_lib/arith.js';
import { codedRows, type CodedRow } from '../_lib/codes.js';
import { locRow, tableName } from '../_lib/location.js';

/** A code appears once per unit (and side) of a table; a repeated code double-counts in every sum. */
export const rule: Rule = {
  id: 'BUD-044',
  title: 'No duplicate codes within a table',
  titleZh: '同一表内科目编码不重复',
  severity: 'warning',
  category: 'structure',
  reads: ['tables'],
  basis: 'domain.md §2: each code is one line of the classification; a repeat breaks parent = Σ children',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      const coded = new Set(codedRows(t));
      for (const block of unitBlocks(t)) {
        const seen = new Map<string, CodedRow>();
        for (const r of block) {
          if (!coded.has(r as CodedRow)) continue;
          const c = r as CodedRow;
          const k = `${c.codeSystem}:${c.code}`;
          const first = seen.get(k);
          if (!first) {
            seen.set(k, c);
            continue;
          }
          ctx.report({
            message: `${tableName(t)} 编码 ${c.code}（${c.label.replace(/\s+/g, '')}）重复出现（首次在第 ${first.src.line ?? '?'} 行）`,
            location: locRow(t, c), expected: null, actual: null, difference: null, unit: null,
          });
        }
      }
    }
  },
};
