import type { ImportNote } from '../../domain/model.js';
import type { Location, Rule } from '../types.js';

/** "第 12 行" of the source text, or nothing when the note has no line. */
const lineOf = (n: ImportNote) => (n.src.line !== null ? `第 ${n.src.line} 行` : '');

/**
 * What the import could not read is a finding: every import error (a table or row that could not be
 * read, an amount its unit cannot hold), every coded import warning (the year or unit not
 * recognised) and every coded info note (what the read could not decide), at its note's severity, its
 * line and page, with its table and row as location data.
 */
export const rule: Rule = {
  id: 'BUD-048',
  title: 'Every part of the document could be read',
  titleZh: '文档各部分均能读取（导入错误与警告）',
  severity: 'error',
  category: 'structure',
  reads: ['meta'],
  basis: 'design.md convention 11 and issue 10 §4 "degrade, never refuse": a table or row that cannot be read is a located finding, and the rest is still imported and checked',
  check(doc, ctx) {
    for (const n of doc.importNotes) {
      // Notes without a stable code are a layout profile's remarks on how it read something, not a part it could not read.
      // A coded info note says what the read could not decide (rows placed by centring, columns not confirmed):
      // reported as info, so the reader of the findings sees what was read by inference, without a warning.
      if (n.severity !== 'error' && !n.code) continue;
      const t = n.table != null ? doc.tables.find((x) => x.id === n.table) : undefined;
      const r = t && n.row != null ? t.rows.find((x) => x.id === n.row) : undefined;
      const title = t?.title.text ?? null;
      const message = title && !n.message.startsWith('表《') ? `表《${title}》${lineOf(n)}：${n.message}` : n.message;
      const location: Location = {
        section: title ?? (n.table != null ? `表 ${n.table}` : '导入'),
        item: r?.label ?? null,
        field: null,
        line: n.src.line,
        page: n.src.page,
        table: t?.no ?? null,
        row: n.row ?? r?.id ?? null,
        tableId: n.table ?? null,
      };
      ctx.report({ severity: n.severity, message, location, expected: null, actual: null, difference: null, unit: null });
    }
  },
};
