import type { Rule } from '../types.js';
import type { TableRole } from '../../domain/model.js';
import { standardTables, tableTypeOfTitle } from '../../domain/catalogue/tables.js';
import { TITLES } from '../_lib/columns.js';

/** The fourteen tables of a Shenzhen department budget, by number and role. */
export const REQUIRED: ReadonlyArray<readonly [number, TableRole]> = [
  [1, 'income-expenditure-summary'],
  [2, 'revenue-summary'],
  [3, 'expenditure-summary'],
  [4, 'basic-expenditure-economic'],
  [5, 'project-expenditure'],
  [6, 'appropriation-summary'],
  [7, 'general-budget-function'],
  [8, 'gov-fund-function'],
  [9, 'state-capital-function'],
  [10, 'transfer-payments'],
  [11, 'procurement'],
  [12, 'three-public'],
  [13, 'performance-projects'],
];

const none = { expected: null, actual: null, difference: null, unit: null } as const;

/** A fund's own function table, and how a summary table shows that fund (a column key, a row label). */
const FUND_TABLES: Partial<Record<TableRole, { key: string; label: RegExp }>> = {
  'state-capital-function': { key: 'stateCapital', label: /国有资本经营/ },
  'gov-fund-function': { key: 'govFund', label: /政府性基金/ },
};

/**
 * The standard tables of the document's kind are published, empty ones included (they still print,
 * with zeros or a note). A Shenzhen department budget has fourteen (its own template, errors); any
 * other layout is held to the national template's tables of its kind from the catalogue
 * (`standardTables`), as warnings: regional templates differ, and a table the reader could not
 * recognise by its title is not proven absent. A table that was found but could not be read is
 * not missing (BUD-048 reports it).
 */
export const rule: Rule = {
  id: 'BUD-040',
  title: 'The standard tables of the document’s kind are published',
  titleZh: '文档类型应公开的标准表格齐全',
  severity: 'error',
  category: 'structure',
  reads: ['tables', 'departmentTargets'],
  basis:
    'Shenzhen department-budget disclosure template (tables 1–14); the national template’s tables per document kind (domain.md §1, src/domain/catalogue/tables.ts standardTables); domain.md §5 "a table with no data is still published"',
  check(doc, ctx) {
    if (doc.profile === 'shenzhen-dept-budget') {
      for (const [no, role] of REQUIRED) {
        if (doc.tables.some((t) => t.role === role)) continue;
        ctx.report({
          message: `缺少表${no}“${TITLES[role] ?? role}”：部门预算应公开全部 14 张表，无数据的表也应公开并说明`,
          location: { section: `表${no}`, item: null, field: null, line: null, page: null, table: no },
          ...none,
        });
      }
      if (!doc.departmentTargets) {
        ctx.report({
          message: '缺少表14“部门（单位）整体支出绩效目标申报表”',
          location: { section: '表14', item: null, field: null, line: null, page: null, table: 14 },
          ...none,
        });
      }
      return;
    }
    const unread = doc.importNotes.filter((n) => n.code === 'table-unreadable').map((n) => tableTypeOfTitle(n.src.raw)?.role);
    const have = new Set<TableRole | undefined>([...doc.tables.map((t) => t.role), ...unread]);
    const missing = standardTables(doc.kind).filter((t) => !have.has(t.role));
    if (missing.length === 0) return;
    if (doc.tables.length === 0 && unread.length === 0) {
      ctx.report({
        severity: 'warning',
        message: `文档中未找到任何表格：${doc.kind}应公开${missing.map((t) => `《${t.name}》`).join('')}等 ${missing.length} 张标准表（表格可能另行发布）`,
        location: { section: doc.title?.text ?? doc.unit.name, item: null, field: null, line: null, page: null },
        ...none,
      });
      return;
    }
    for (const t of missing) {
      // Regional templates without a fund's own table (Xi'an's 16 tables, Changsha's 10, Chongqing's)
      // show that fund as a column or a row of their summary tables: published, in another form.
      const fund = FUND_TABLES[t.role];
      if (fund && doc.tables.some((x) => x.columns.some((c) => c.key.split('.').includes(fund.key)) || x.rows.some((r) => fund.label.test(r.label)))) continue;
      ctx.report({
        severity: 'warning',
        message: `文档中未找到《${t.name}》：${doc.kind}应公开此表，无数据的表也应公开并说明`,
        location: { section: t.name, item: null, field: null, line: null, page: null, table: null },
        ...none,
      });
    }
  },
};
