import type { Rule } from '../types.js';
import type { TableRole } from '../../domain/model.js';
import { COLUMN_LABELS } from '../_lib/columns.js';
import { locTable, tableName } from '../_lib/location.js';

/** Columns every table of a role must have for the rules and reports to read it (docs/model.md). */
export const REQUIRED_COLUMNS: Partial<Record<TableRole, string[]>> = {
  'revenue-summary': ['total'],
  'expenditure-summary': ['total', 'basic', 'project'],
  'basic-expenditure-economic': ['total'],
  'project-expenditure': ['total'],
  'general-budget-function': ['total', 'basic', 'project'],
  'gov-fund-function': ['total', 'basic', 'project'],
  'state-capital-function': ['total', 'basic', 'project'],
  'transfer-payments': ['amount'],
  procurement: ['amount'],
  'three-public': ['total', 'overseas', 'reception', 'vehicles'],
  'performance-projects': ['total'],
};

/** A table of a known role has the contract's columns; two-sided tables name their side columns. */
export const rule: Rule = {
  id: 'BUD-046',
  title: 'Tables have the columns of their role',
  titleZh: '表格具备其类型应有的栏目',
  severity: 'warning',
  category: 'structure',
  reads: ['tables'],
  basis: 'docs/model.md "Column keys (the contract between importers, rules, reports and storage)"',
  check(doc, ctx) {
    for (const t of doc.tables) {
      const missing = (REQUIRED_COLUMNS[t.role] ?? []).filter((k) => !t.columns.some((c) => c.key === k));
      if ((t.role === 'income-expenditure-summary' || t.role === 'appropriation-summary') && !t.sides) missing.push('sides');
      if (missing.length === 0) continue;
      const names = missing.map((k) => (k === 'sides' ? '收入/支出两栏' : (COLUMN_LABELS[t.role]?.[k] ?? k)));
      ctx.report({
        message: `${tableName(t)}“${t.title.text}”缺少栏目：${names.join('、')}，相关核对无法进行`,
        location: locTable(t), expected: null, actual: null, difference: null, unit: null,
      });
    }
  },
};
