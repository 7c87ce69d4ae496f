/** Read helpers over a BudgetDocument: tables by role, rows by code or label, facts by key. */
import type { BudgetDocument, Fact, Row, Table, TableRole } from './model.js';
import { squash } from './text.js';

/** The first table with a role, or undefined when the document has none. */
export function tableByRole(doc: BudgetDocument, role: TableRole): Table | undefined {
  return doc.tables.find((t) => t.role === role);
}

/** The published table with a number (Shenzhen 1–14). */
export function tableByNo(doc: BudgetDocument, no: number): Table | undefined {
  return doc.tables.find((t) => t.no === no);
}

/** The row with a classification code (and side, for two-sided tables). */
export function rowByCode(t: Table, code: string, side?: 'revenue' | 'expenditure'): Row | undefined {
  return t.rows.find((r) => r.code === code && (side === undefined || r.side === side));
}

/** The first row whose label matches (white space ignored). */
export function rowByLabel(t: Table, label: string, side?: 'revenue' | 'expenditure'): Row | undefined {
  const k = squash(label);
  return t.rows.find((r) => squash(r.label) === k && (side === undefined || r.side === side));
}

/** Rows of a kind (and side). */
export function rowsOfKind(t: Table, kind: Row['kind'], side?: 'revenue' | 'expenditure'): Row[] {
  return t.rows.filter((r) => r.kind === kind && (side === undefined || r.side === side));
}

/** Amount of a cell in fen, or null when the cell is empty or the column is absent. */
export function cell(r: Row | undefined, key: string): number | null {
  return r?.amounts[key]?.fen ?? null;
}

/** Narrative facts with a key. */
export function factsByKey(doc: BudgetDocument, key: string): Fact[] {
  return doc.narrative.facts.filter((f) => f.key === key);
}

/** The first narrative fact with a key. */
export function factByKey(doc: BudgetDocument, key: string): Fact | undefined {
  return doc.narrative.facts.find((f) => f.key === key);
}

/** Children rows of a row (by `parent` id). */
export function childrenOf(t: Table, r: Row): Row[] {
  return t.rows.filter((c) => c.parent === r.id);
}
