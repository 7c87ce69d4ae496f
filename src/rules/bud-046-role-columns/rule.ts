import type { Rule } from '../types.js';
import type { Table, TableRole } from '../../domain/model.js';
import { COLUMN_LABELS } from '../_lib/columns.js';
import { isUnmappedKey } from '../_lib/scope.js';
import { itemsAsRows } from '../_lib/three-public.js';
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

/**
 * Keys that stand for a required one: a table with a single figure column prints its total as
 * 金额 / 预算数 (`amount`) and a purchase or project list may print its amount as 合计 (`total`); the
 * 三公 table names its total 三公经费合计 (`threePublic`, relations.ts). A column of a panel (`p2.amount`)
 * is the column. 基本支出 printed as its two parts (人员 + 公用) is printed.
 */
function present(t: Table, key: string): boolean {
  // 基本支出 printed as its parts only (人员支出 + 公用支出 under a 基本支出 group).
  if (key === 'basic' && present(t, 'personnel') && present(t, 'public')) return true;
  const alts = key === 'total' || key === 'amount' ? ['total', 'amount', ...(t.role === 'three-public' ? ['threePublic'] : [])] : [key];
  return t.columns.some((c) => alts.includes(c.key.replace(/^p\d+\./, '')));
}

/** The required columns of a table: a 三公 table listing the items as rows needs only its amount column. */
function required(t: Table): string[] {
  if (t.role === 'three-public' && itemsAsRows(t)) return ['total'];
  return REQUIRED_COLUMNS[t.role] ?? [];
}

/**
 * A table of a known role has the contract's columns; two-sided tables name their side columns. A
 * table that prints no figure has nothing to reconcile. Where some of the table's amount columns
 * could not be named, the columns may well be printed: the checks are reported as not made (info),
 * not the table as lacking them.
 */
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
      const printsFigures = t.rows.some((r) => Object.values(r.amounts).some((v) => v !== null) || (r.unplaced?.length ?? 0) > 0);
      if (!printsFigures) continue;
      const missing = required(t).filter((k) => !present(t, k));
      if ((t.role === 'income-expenditure-summary' || t.role === 'appropriation-summary') && !t.sides) missing.push('sides');
      if (missing.length === 0) continue;
      const names = missing.map((k) => (k === 'sides' ? '收入/支出两栏' : (COLUMN_LABELS[t.role]?.[k] ?? k)));
      const unnamed = t.columns.filter((c) => c.kind === 'amount' && isUnmappedKey(c.key)).length;
      ctx.report({
        ...(unnamed > 0 ? { severity: 'info' as const } : {}),
        message:
          unnamed > 0
            ? `${tableName(t)}“${t.title.text}”未能确定栏目：${names.join('、')}（表中 ${unnamed} 个金额栏未能命名），相关核对未进行`
            : `${tableName(t)}“${t.title.text}”缺少栏目：${names.join('、')}，相关核对无法进行`,
        location: locTable(t),
        expected: null,
        actual: null,
        difference: null,
        unit: null,
      });
    }
  },
};
