import type { Rule } from '../types.js';
import type { TableRole } from '../../domain/model.js';
import { TITLES } from '../_lib/columns.js';

/** The fourteen tables of a Shenzhen department budget, by number and role. */
export const REQUIRED: ReadonlyArray<readonly [number, TableRole]> = [
  [1, 'income-expenditure-summary'], [2, 'revenue-summary'], [3, 'expenditure-summary'], [4, 'basic-expenditure-economic'],
  [5, 'project-expenditure'], [6, 'appropriation-summary'], [7, 'general-budget-function'], [8, 'gov-fund-function'],
  [9, 'state-capital-function'], [10, 'transfer-payments'], [11, 'procurement'], [12, 'three-public'], [13, 'performance-projects'],
];

/** All fourteen tables are published, empty ones included (they still print, with zeros or a note). */
export const rule: Rule = {
  id: 'BUD-040',
  title: 'All fourteen tables are published',
  titleZh: '十四张公开表格齐全',
  severity: 'error',
  category: 'structure',
  reads: ['tables', 'departmentTargets'],
  basis: 'Shenzhen department-budget disclosure template (tables 1–14); domain.md §5 "a table with no data is still published"',
  appliesTo: { profiles: ['shenzhen-dept-budget'] },
  check(doc, ctx) {
    for (const [no, role] of REQUIRED) {
      if (doc.tables.some((t) => t.role === role)) continue;
      ctx.report({
        message: `缺少表${no}“${TITLES[role] ?? role}”：部门预算应公开全部 14 张表，无数据的表也应公开并说明`,
        location: { section: `表${no}`, item: null, field: null, line: null, page: null, table: no },
        expected: null, actual: null, difference: null, unit: null,
      });
    }
    if (!doc.departmentTargets) {
      ctx.report({
        message: '缺少表14“部门（单位）整体支出绩效目标申报表”',
        location: { section: '表14', item: null, field: null, line: null, page: null, table: 14 },
        expected: null, actual: null, difference: null, unit: null,
      });
    }
  },
};
