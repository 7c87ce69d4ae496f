import type { Rule } from '../types.js';
import { tableOf } from '../_lib/scope.js';
import type { Row, Table } from '../../domain/model.js';
import { squash } from '../../domain/text.js';
import { formatAmount } from '../../domain/money.js';
import { cellFigure, reconcile } from '../_lib/cross.js';
import { locRow, tableName } from '../_lib/location.js';

/** Project lines: rows that are neither units, headings nor totals. */
function projects(t: Table): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t.rows) {
    if (r.kind !== 'item') continue;
    const name = squash(r.texts?.['project']?.text ?? r.label);
    if (!m.has(name)) m.set(name, r);
  }
  return m;
}

/** The projects of table 5 and of table 13 are the same, by name and amount. */
export const rule: Rule = {
  id: 'BUD-033',
  title: 'Table 5 projects equal table 13 projects by name and amount',
  titleZh: '项目支出总表与绩效管理项目情况表的项目名称、金额一致',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "table 5, table 13 and the narrative project list agree"',
  check(doc, ctx) {
    const t5 = tableOf(doc, 'project-expenditure');
    const t13 = tableOf(doc, 'performance-projects');
    if (!t5 || !t13) return;
    const p5 = projects(t5);
    const p13 = projects(t13);
    for (const [name, r5] of p5) {
      const r13 = p13.get(name);
      if (!r13) {
        ctx.report({
          severity: 'warning',
          message: `${tableName(t5)} 项目“${r5.label}”（${formatAmount(cellFigure(r5, 'total').fen)} 万元）未列入${tableName(t13)}绩效管理项目`,
          location: locRow(t5, r5, 'total'),
          expected: null,
          actual: null,
          difference: null,
          unit: null,
        });
        continue;
      }
      reconcile(ctx, { table: t5, label: '总计', fig: cellFigure(r5, 'total'), key: 'total' }, { table: t13, label: '合计', fig: cellFigure(r13, 'total'), key: 'total' }, `项目“${r5.label}”`);
    }
    for (const [name, r13] of p13) {
      if (p5.has(name)) continue;
      ctx.report({
        message: `${tableName(t13)} 项目“${r13.texts?.['project']?.text ?? r13.label}”（${formatAmount(cellFigure(r13, 'total').fen)} 万元）不在${tableName(t5)}项目支出中`,
        location: locRow(t13, r13, 'total'),
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      });
    }
  },
};
