/**
 * Small hand-built documents for rule tests (shared by every rule folder): an empty Shenzhen budget,
 * tables by role with the contract's column keys and headers, rows, and printed amounts.
 */
import type { BudgetDocument, Column, Money, Row, Table, TableRole } from '../../domain/model.js';
import { decimalsOf, parseAmount } from '../../domain/money.js';
import { COLUMN_LABELS, TITLES } from './columns.js';

/** An empty 2021 Shenzhen department budget with no tables, forms or narrative. */
export function emptyDoc(over: Partial<BudgetDocument> = {}): BudgetDocument {
  return {
    schema: 'fiscus/budget-document@1',
    kind: '部门预算',
    profile: 'shenzhen-dept-budget',
    year: 2021,
    unit: { name: '测试单位', subordinateUnits: [] },
    displayUnit: '万元',
    source: { file: 'test.txt', sha256: '0'.repeat(64), format: 'text', lines: 100, pages: null },
    narrative: { parts: [], duties: [], projects: [], glossary: [], facts: [] },
    tables: [],
    projectForms: [],
    departmentTargets: null,
    importNotes: [],
    ...over,
  };
}

let nextLine = 1;

/** A printed amount ("4,424.60", "81.7587") as Money, with provenance at `line`. */
export function money(text: string, line: number | null = null): Money {
  return { fen: parseAmount(text), decimals: decimalsOf(text), src: { line, page: null, raw: text } };
}

export type CellInput = string | Money | null;

/** Options of a row beyond id, label and amounts. */
export type RowOptions = Partial<Omit<Row, 'id' | 'label' | 'amounts'>>;

/**
 * A row: amounts as printed strings (null = empty printed cell). Each row gets its own line
 * number (increasing) unless `src` is given, so findings can be told apart by line.
 */
export function row(id: string, label: string, amounts: Record<string, CellInput>, opts: RowOptions = {}): Row {
  const line = opts.src?.line ?? nextLine++;
  const a: Record<string, Money | null> = {};
  for (const [k, v] of Object.entries(amounts)) a[k] = v === null ? null : typeof v === 'string' ? money(v, line) : v;
  return { id, kind: 'item', label, level: 0, amounts: a, src: { line, page: null, raw: label }, ...opts };
}

/** A function-classification row (类/款/项 by the code's length; parent by the code's shape). */
export function fnRow(code: string, label: string, amounts: Record<string, CellInput>, opts: RowOptions = {}): Row {
  const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
  const parent = code.length === 3 ? (opts.parent ?? null) : `f${code.slice(0, code.length - 2)}`;
  return row(`f${code}`, label, amounts, { code, codeSystem: 'function', level, parent, kind: code.length < 7 ? 'group' : 'item', ...opts });
}

/** A column: a key of the contract (header from docs/model.md) or a full Column. */
export function col(key: string, sumOf?: string[], header?: string[]): Column {
  return { key, header: header ?? [key], kind: 'amount', ...(sumOf ? { sumOf } : {}) };
}

/** A table with a role and number; string columns get their contract header for the role. */
export function table(role: TableRole, no: number | null, columns: Array<string | Column>, rows: Row[], opts: Partial<Table> = {}): Table {
  const cols = columns.map((c) => (typeof c === 'string' ? col(c, undefined, [COLUMN_LABELS[role]?.[c] ?? c]) : c));
  const title = TITLES[role] ?? role;
  return { no, role, title: { text: title }, displayUnit: '万元', columns: cols, rows, src: { line: rows[0]?.src.line ?? null, page: null, raw: title }, ...opts };
}

/** A two-sided summary table (表1/表6) with `amount` on both sides. */
export function summaryTable(role: 'income-expenditure-summary' | 'appropriation-summary', no: number, rows: Row[]): Table {
  return table(role, no, [col('amount', undefined, ['2021年预算数'])], rows, { sides: { revenue: 'amount', expenditure: 'amount' } });
}
