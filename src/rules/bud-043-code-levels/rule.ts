import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { levelOf, parentCode } from '../../domain/classification/index.js';
import { unitBlocks } from '../_lib/arith.js';
import { codedRows, SYSTEM_ZH, type CodedRow } from '../_lib/codes.js';
import { locRow, tableName } from '../_lib/location.js';

/**
 * A code's shape fits its system, and it sits under its own parent: 2010399 under 20103 under 201,
 * by the `parent` link when given, else under the nearest shorter code printed above it.
 */
export const rule: Rule = {
  id: 'BUD-043',
  title: 'Codes sit under their parent code',
  titleZh: '科目编码层级与所在位置一致',
  severity: 'error',
  category: 'structure',
  reads: ['tables'],
  basis: 'domain.md §2 (类 3 / 款 5 / 项 7 digits; A → A02); §3 parent = Σ children needs the right parent',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      const coded = new Set(codedRows(t));
      for (const block of unitBlocks(t)) {
        const above: CodedRow[] = [];
        block.forEach((r, i) => {
          if (!coded.has(r as CodedRow)) return;
          const c = r as CodedRow;
          // A numeric code in a procurement table is another system's (a function code column).
          if (c.codeSystem === 'procurement' && /^\d+$/.test(c.code)) return;
          const report = (message: string) => ctx.report({ message, location: locRow(t, c), expected: null, actual: null, difference: null, unit: null });
          // Regions extend the economic classification below 款 (3021101 差旅费 under 30211): a sub-item.
          const localSub = c.codeSystem === 'econ' && /^[35]\d{6}$/.test(c.code);
          if (levelOf(c.codeSystem, c.code) === null && !localSub) {
            report(`${tableName(t)} 编码 ${c.code}（${c.label}）不符合${SYSTEM_ZH[c.codeSystem]}的编码位数`);
            return;
          }
          const expected = localSub ? c.code.slice(0, 5) : parentCode(c.codeSystem, c.code);
          const linked = c.parent ? block.find((x) => x.id === c.parent) : undefined;
          // The nearest shorter code above of the same system and family (2… function, 3…/5… economic).
          const prior = [...above].reverse().find((x) => x.codeSystem === c.codeSystem && x.code.length < c.code.length && x.code[0] === c.code[0]);
          const byLink = !!(linked?.code && linked.codeSystem === c.codeSystem);
          // In a flat list (Beijing prints every row at 项 or 款 level) the nearest shorter code heads
          // nothing: a code is only "under" a line that heads other lines.
          const heads = (h: CodedRow) => block.some((x) => x !== h && x !== c && !!x.code && x.code.length > h.code.length && x.code.startsWith(h.code));
          const headedBy = byLink ? linked : prior && heads(prior) ? prior : undefined;
          // A line without a code between them may be the parent the reader could not resolve.
          const gap = headedBy && block.includes(headedBy) ? block.slice(block.indexOf(headedBy) + 1, i).some((x) => !x.code && (x.kind === 'item' || x.kind === 'group')) : false;
          if (expected && headedBy?.code && headedBy.code !== expected && !c.code.startsWith(headedBy.code) && !gap) {
            report(`${tableName(t)} ${c.code} ${c.label.replace(/\s+/g, '')} 列在 ${headedBy.code} ${headedBy.label.replace(/\s+/g, '')} 之下，但其上级编码应为 ${expected}`);
          } else if (linked && linked.level >= c.level && linked.code && linked.code[0] === c.code[0]) {
            report(`${tableName(t)} ${c.code} 的层级（${c.level}）不低于其上级 ${linked.code}（${linked.level}）`);
          }
          above.push(c);
        });
      }
    }
  },
};
