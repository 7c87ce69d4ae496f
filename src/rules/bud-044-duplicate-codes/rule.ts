import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { unitBlocks } from '../_lib/arith.js';
import { classifiedRows, ITEM_ROLES, otherCodes, type CodedRow } from '../_lib/codes.js';
import { locRow, tableName } from '../_lib/location.js';

/**
 * A printed code appears once per unit (and side) of a table; a repeated code double-counts in every
 * sum. Codes are listed in code order, so a step back to an earlier 类 starts another unit's list (tables that print
 * each unit's lines one after the other without a unit line). A line is identified by every
 * classification code it prints (function × economic in a table
 * that crosses them); in a purchase table only the procurement item is the line's key; a code the
 * reader resolved from a name is not a printed code (names repeat across levels: 其他支出 is a 类, a 款
 * and a 项).
 */
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
      const coded = new Set(classifiedRows(t).filter((r) => r.codeResolved !== 'by-name' && (!ITEM_ROLES.has(t.role) || r.codeSystem === 'procurement')));
      for (const block of unitBlocks(t)) {
        const seen = new Map<string, CodedRow>();
        const prev = new Map<string, string>();
        for (const r of block) {
          if (!coded.has(r as CodedRow)) continue;
          const c = r as CodedRow;
          // Codes are listed in code order: a step back to an earlier 类 starts the list of another
          // unit or section, printed without a unit line (several units' lists one after the other).
          const last = prev.get(c.codeSystem);
          prev.set(c.codeSystem, c.code);
          if (last !== undefined && c.code.slice(0, 3) < last.slice(0, 3)) for (const k of [...seen.keys()]) if (k.startsWith(`${c.codeSystem}:`)) seen.delete(k);
          const k = [`${c.codeSystem}:${c.code}`, ...otherCodes(c)].join('|');
          const first = seen.get(k);
          if (!first) {
            seen.set(k, c);
            continue;
          }
          ctx.report({
            message: `${tableName(t)} 编码 ${c.code}（${c.label.replace(/\s+/g, '')}）重复出现（首次在第 ${first.src.line ?? '?'} 行）`,
            location: locRow(t, c),
            expected: null,
            actual: null,
            difference: null,
            unit: null,
          });
        }
      }
    }
  },
};
