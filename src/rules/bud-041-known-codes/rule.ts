import type { Rule } from '../types.js';
import type { Table } from '../../domain/model.js';
import { amountTables } from '../_lib/scope.js';
import { codes, coverage } from '../../domain/classification/index.js';
import { classifiedRows, SYSTEM_ZH, type CodedRow } from '../_lib/codes.js';
import { locRow, locTable, tableName } from '../_lib/location.js';

/**
 * The code whose existence settles a row's: the code itself where the tables hold its whole level
 * for the year; else its 类 (function 款/项) or its 款 (a local 7-digit economic subdivision), which
 * the tables do hold. Null when nothing the tables hold settles it (the check is not made).
 */
function settledBy(r: CodedRow, year: number): { code: string; own: boolean } | null {
  if (coverage(r.codeSystem, r.code, year) === 'complete') return { code: r.code, own: true };
  if (r.codeSystem === 'function' && /^2\d{4}(\d\d)?$/.test(r.code)) {
    const cls = r.code.slice(0, 3);
    return coverage('function', cls, year) === 'complete' ? { code: cls, own: false } : null;
  }
  if (r.codeSystem === 'econ' && /^3\d{6}$/.test(r.code)) {
    const k = r.code.slice(0, 5);
    return coverage('econ', k, year) === 'complete' ? { code: k, own: false } : null;
  }
  return null;
}

/**
 * Every printed classification code exists in the classification of the document's year. Where the
 * shipped tables hold a whole level for the year (function 类, departmental economic 类/款) a missing
 * code is reported; below that level only the code's 类 (or 款) is checked, and codes the tables cannot
 * settle are listed once per table as not checked (info), never as wrong.
 */
export const rule: Rule = {
  id: 'BUD-041',
  title: 'Classification codes exist for the year',
  titleZh: '科目编码在当年分类中存在',
  severity: 'warning',
  category: 'structure',
  reads: ['tables', 'meta'],
  basis:
    'domain.md §2 (code tables per year; an unknown code is a warning, never a crash). Reported only where the shipped tables hold the whole level for the year; elsewhere the code is listed as not checked',
  check(doc, ctx) {
    for (const t of amountTables(doc)) {
      const unchecked: CodedRow[] = [];
      for (const r of classifiedRows(t)) {
        if (r.codeResolved === 'by-name') continue; // resolved from the table itself: known by construction
        if (codes.byCodeIn(r.codeSystem, r.code, doc.year)) continue;
        const by = settledBy(r, doc.year);
        if (by && !by.own && codes.byCodeIn(r.codeSystem, by.code, doc.year)) {
          unchecked.push(r); // its 类 / 款 exists; the code itself is beyond the shipped tables
          continue;
        }
        if (!by) {
          unchecked.push(r);
          continue;
        }
        const other = codes.namesOf(r.codeSystem, by.code);
        const label = r.label.replace(/\s+/g, '');
        const head = `${tableName(t)} 编码 ${r.code}（${label}）`;
        const what = by.own ? '' : `的${r.codeSystem === 'function' ? '类' : '款'} ${by.code} `;
        ctx.report({
          message:
            other.length > 0 ? `${head}${what}在 ${doc.year} 年${SYSTEM_ZH[r.codeSystem]}中无效（其他年度为“${other[0]!.name}”）` : `${head}${what}不在 ${doc.year} 年${SYSTEM_ZH[r.codeSystem]}中`,
          location: locRow(t, r),
          expected: null,
          actual: null,
          difference: null,
          unit: null,
        });
      }
      if (unchecked.length > 0) reportUnchecked(ctx, t, doc.year, unchecked);
    }
  },
};

/** One info per table: the codes beyond the shipped tables, which were not checked. */
function reportUnchecked(ctx: Parameters<Rule['check']>[1], t: Table, year: number, rows: CodedRow[]): void {
  const list = [...new Map(rows.map((r) => [r.code, `${r.code} ${r.label.replace(/\s+/g, '')}`])).values()];
  const shown = list.slice(0, 5).join('、') + (list.length > 5 ? ` 等 ${list.length} 个` : '');
  ctx.report({
    severity: 'info',
    message: `${tableName(t)} ${list.length} 个编码未核对是否存在（编码表完整收录的只有 ${year} 年支出功能分类的类、部门预算支出经济分类的类和款；其下的编码只核对了所属的类或款）：${shown}`,
    location: locTable(t),
    expected: null,
    actual: null,
    difference: null,
    unit: null,
  });
}
