import type { Rule } from '../types.js';
import { tableByRole } from '../../domain/query.js';
import { columnTotal, reconcile, hasColumn } from '../_lib/cross.js';
import { columnLabel } from '../_lib/location.js';

/** Table 11 total equals table 3 procurement */
export const rule: Rule = {
  id: 'BUD-034',
  title: 'Table 11 total equals table 3 procurement',
  titleZh: '政府采购项目支出表合计 = 支出总表其中政府采购项目',
  severity: 'error',
  category: 'cross-table',
  reads: ['tables'],
  basis: 'domain.md §3 "table 11, the narrative and the project forms agree on procurement"',
  check(doc, ctx) {
    const a = tableByRole(doc, 'procurement');
    const b = tableByRole(doc, 'expenditure-summary');
    if (!a || !b || !hasColumn(a, 'amount') || !hasColumn(b, 'procurement')) return;
    reconcile(ctx, { table: a, label: columnLabel(a, 'amount'), fig: columnTotal(a, 'amount'), key: 'amount' }, { table: b, label: columnLabel(b, 'procurement'), fig: columnTotal(b, 'procurement'), key: 'procurement' });
  },
};
