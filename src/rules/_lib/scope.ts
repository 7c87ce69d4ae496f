/**
 * Which tables and columns the table rules may read: a performance-target form read as a grid is not
 * a table of amounts, and a column the vocabulary does not know has no known place in a sum.
 */
import type { BudgetDocument, Row, Table, TableRole } from '../../domain/model.js';
import type { RuleContext } from '../types.js';

/** Roles that are forms (performance targets): their grids hold indicators, not sums. */
export const FORM_ROLES: ReadonlySet<TableRole> = new Set<TableRole>(['project-targets', 'department-targets']);

/**
 * The document's structure (its rows' grouping, its columns) was inferred from the layout by the genre
 * recogniser, not known from a regional layout: what rests on it is unconfirmed.
 */
export function layoutInferred(doc: BudgetDocument): boolean {
  return doc.profile === 'generic';
}

/** The tables of amounts: every table except the forms read as grids. */
export function amountTables(doc: BudgetDocument): Table[] {
  return doc.tables.filter((t) => !FORM_ROLES.has(t.role));
}

import { isUnmappedKey } from '../../domain/catalogue/columns.js';

/** A column key the reader could not name: the catalogue's test. */
export { isUnmappedKey };

/**
 * The unmapped cells of a row that print a non-zero amount. While a row has any, no identity between
 * its named columns can be asserted: the unnamed column may be one of the parts.
 */
export function unmappedFigures(t: Table, r: Row): string[] {
  return t.columns.filter((c) => c.kind === 'amount' && isUnmappedKey(c.key) && (r.amounts[c.key]?.fen ?? 0) !== 0).map((c) => c.key);
}

/**
 * True for a column or row that states a change against another year (增减, 变化, 比上年 …): such
 * figures may be negative and are no part of the year's sums.
 */
export function isChangeLabel(s: string): boolean {
  return /增减|变化|变动|比上年|同比|差额/.test(s.replace(/\s+/g, ''));
}

/**
 * True when a table holds the general public budget only (一般公共预算基本支出表, 一般公共预算财政拨款
 * 基本支出决算表): its totals are the general budget's, not every fund's, as a Shenzhen 基本支出总表 is.
 */
export function generalBudgetOnly(t: Table): boolean {
  return /一般公共预算|公共财政/.test(t.title.text.replace(/\s+/g, ''));
}

/**
 * The table of a role that the rules read: the first one that prints amounts. A contents-page entry
 * read as an empty table of the same role is passed over; with none printing amounts, the first.
 */
export function tableOf(doc: BudgetDocument, role: TableRole): Table | undefined {
  const ts = doc.tables.filter((t) => t.role === role);
  return ts.find((t) => t.rows.length > 0 && t.columns.some((c) => c.kind === 'amount')) ?? ts[0];
}

/**
 * A context that reports a rule's errors as warnings with a note, for identities that hold in the
 * Shenzhen template but that other layouts do not promise (a department-wide target form that may
 * cover only part of the budget): outside the Shenzhen profile a mismatch calls for a look.
 */
export function softOutsideShenzhen(doc: BudgetDocument, ctx: RuleContext, note: string): RuleContext {
  if (doc.profile === 'shenzhen-dept-budget') return ctx;
  return { report: (f) => ctx.report({ ...f, severity: f.severity === 'info' ? 'info' : 'warning', message: `${f.message}（${note}）` }) };
}
