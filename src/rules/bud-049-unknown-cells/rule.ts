import type { Table } from '../../domain/model.js';
import type { Rule } from '../types.js';
import { locTable } from '../_lib/location.js';
import { uncertaintyOf } from '../_lib/unknown.js';

/** "12、14、15" — lines, the first six of them. */
function lines(ls: Array<number | null>): string {
  const xs = [...new Set(ls.filter((l): l is number => l !== null))].sort((a, b) => a - b);
  return xs.length > 6 ? `${xs.slice(0, 6).join('、')} 等` : xs.join('、');
}

/**
 * Says, per table, which rows hold amounts that could not be placed in a column (their empty cells are
 * unknown, not empty), hold inferred placements, or could not be read: the checks that rest on them
 * are not made (the engine reports none of their findings and lists them as not checked).
 */
export const rule: Rule = {
  id: 'BUD-049',
  title: 'Tables with unknown cells say what was not checked',
  titleZh: '金额未能定位的行：相关核对未进行',
  severity: 'info',
  category: 'structure',
  reads: ['tables'],
  basis: 'design.md convention 11 "never guess: what cannot be placed is unknown, and no error rests on an inferred value"; issue 10 §4 "the result says what could not be checked"',
  check(doc, ctx) {
    const u = uncertaintyOf(doc);
    const tables = [...new Set<Table>([...u.rows.map((x) => x.table), ...u.unread.map((x) => x.table)])];
    for (const t of tables) {
      const rows = u.rows.filter((x) => x.table === t);
      // A row only beside unplaced amounts is not one whose amounts were unplaced: its line is already counted.
      const unplaced = rows.filter((x) => x.reason !== 'inferred' && x.reason !== 'beside');
      const inferred = rows.filter((x) => x.reason === 'inferred');
      const unread = u.unread.filter((x) => x.table === t);
      const parts: string[] = [];
      if (unplaced.length > 0) parts.push(`${unplaced.length} 行金额未能定位（第 ${lines(unplaced.map((x) => x.row.src.line))} 行）`);
      if (inferred.length > 0) parts.push(`${inferred.length} 行金额所在栏目系推断（第 ${lines(inferred.map((x) => x.row.src.line))} 行）`);
      if (unread.length > 0) parts.push(`${unread.length} 行未能读取（第 ${lines(unread.map((x) => x.note.src.line))} 行）`);
      ctx.report({
        message: `表《${t.title.text}》有 ${parts.join('，')}，相关核对未进行`,
        location: { ...locTable(t), row: rows[0]?.row.id ?? null },
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      });
    }
  },
};
