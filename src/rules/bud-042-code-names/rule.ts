import type { Rule } from '../types.js';
import { amountTables } from '../_lib/scope.js';
import { codes } from '../../domain/classification/index.js';
import { classifiedRows, ITEM_ROLES, nameKey, ownName, SYSTEM_ZH } from '../_lib/codes.js';
import { locRow, tableName } from '../_lib/location.js';

/**
 * The printed name of a code is its name in the code table of the document's year. A name cut at a
 * cell edge (a prefix of at least four characters) or the tail of a name wrapped over lines (a
 * suffix) is part of the name, not another name, and so is the head of the next line's wrapped name
 * read into this one, or the tail of the line above's, or (this line's own name not read) the head of the
 * next line's alone; the label of a purchase line is the item's name.
 */
export const rule: Rule = {
  id: 'BUD-042',
  title: 'Code names match the code table of the year',
  titleZh: '科目名称与当年分类名称一致',
  severity: 'warning',
  category: 'structure',
  reads: ['tables', 'meta'],
  basis: 'domain.md §2 "names change between years (210 was 医疗卫生与计划生育支出 before 2019), so code tables are per year"',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      const rows = classifiedRows(t);
      for (const [i, r] of rows.entries()) {
        if (r.codeResolved === 'by-name') continue;
        if (ITEM_ROLES.has(t.role) && r.codeSystem !== 'procurement') continue;
        const e = codes.byCodeIn(r.codeSystem, r.code, doc.year);
        if (!e) continue; // unknown codes: BUD-041
        const printed = ownName(r);
        const name = nameKey(e.name);
        if (printed === '' || printed === name) continue;
        // A name cut off at a page or cell edge is a prefix of the real one, not a different name.
        if (name.startsWith(printed) && printed.length >= 4) continue;
        // The last line of a name wrapped over several lines, the first lines read apart from it.
        if (name.endsWith(printed)) continue;
        // The first line of the next line's wrapped name read into this one ("奖金" + "机关事业单位基本养老保"
        // over "险缴费"): the rest begins the next code's name.
        const next = rows[i + 1] ? codes.byCodeIn(rows[i + 1]!.codeSystem, rows[i + 1]!.code, doc.year) : null;
        const rest = printed.slice(name.length);
        if (printed.startsWith(name) && next && rest.length >= 2 && nameKey(next.name).startsWith(rest)) continue;
        // The tail of the line above's wrapped name read into this one ("费" + "职业年金缴费" under
        // "机关事业单位基本养老保险缴"): the head completes the name the line above prints cut.
        const prevRow = rows[i - 1];
        const prev = prevRow ? codes.byCodeIn(prevRow.codeSystem, prevRow.code, doc.year) : null;
        const head = printed.slice(0, printed.length - name.length);
        if (printed.endsWith(name) && prev && prevRow && head.length > 0 && ownName(prevRow) + head === nameKey(prev.name)) continue;
        // This line's own name not read here, and the head of the next line's wrapped name read into it
        // instead: the next line prints the rest of its name ("其他行政事业单位养老支" over "出").
        if (next && rows[i + 1] && printed.length >= 4 && printed + ownName(rows[i + 1]!) === nameKey(next.name)) continue;
        const stale = codes.namesOf(r.codeSystem, r.code).find((x) => nameKey(x.name) === printed);
        ctx.report({
          message: stale
            ? `${tableName(t)} ${r.code} 使用旧科目名称“${printed}”，${doc.year} 年应为“${e.name}”`
            : `${tableName(t)} ${r.code} 名称“${printed}”与${doc.year} 年${SYSTEM_ZH[r.codeSystem]}名称“${e.name}”不一致`,
          location: locRow(t, r),
          expected: null,
          actual: null,
          difference: null,
          unit: null,
        });
      }
    }
  },
};
