/**
 * Reading a 三公 table in any layout: the Shenzhen table (a row per year, a column per item), the
 * national table (a column per item, often in panels 上年 / 本年 / 增减), and the table whose rows are
 * the items (三公经费 / （一）因公出国（境）支出 / （二）公务用车购置及运行维护支出 / 1.购置费 / 2.运行维护费 /
 * （三）公务接待费支出) in columns by fund. A figure is only given where the layout says unambiguously which
 * cell holds the budget year's item; otherwise none (the check is not made).
 */
import type { Money, Row, Table } from '../../domain/model.js';
import { minOf } from '../../domain/arrays.js';
import { isChangeLabel } from './scope.js';
import { isPeriodRow } from './arith.js';

export type ThreePublicItem = 'total' | 'overseas' | 'reception' | 'vehicles' | 'vehiclePurchase' | 'vehicleRunning';

/** A 三公 figure: the cell, its row and its column key. */
export interface ThreePublicFigure {
  value: Money | null;
  row: Row;
  key: string;
}

/** Item names as row labels (enumerators and "其中：" removed). */
const ITEM_ROWS: ReadonlyArray<[ThreePublicItem, RegExp]> = [
  ['vehiclePurchase', /^(公务用车)?购置(费|支出)$/],
  ['vehicleRunning', /^(公务用车)?运行(维护|维修)?(费|支出)$/],
  ['vehicles', /^公务用车(购置及运行(维护)?|运行维护及购置)(费|支出)?(小计)?$/],
  ['overseas', /^因公出国（境）(费|费用|经费|支出)?$/],
  ['reception', /^公务接待(费)?(支出)?$/],
  ['total', /^(三公经费(合计|小计|支出)?|合计|总计)$/],
];

function itemOfLabel(label: string): ThreePublicItem | null {
  const s = label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^其中[:：]/, '')
    .replace(/^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])/, '');
  return ITEM_ROWS.find(([, p]) => p.test(s))?.[0] ?? null;
}

const amountColumns = (t: Table) => t.columns.filter((c) => c.kind === 'amount');

/** True when a column's header names another year than `year`, or a change. */
function otherPeriod(header: readonly string[], year: number): boolean {
  const h = header.join('');
  return isChangeLabel(h) || /上年|去年/.test(h) || new RegExp(`${year - 1}年?`).test(h);
}

/** True when a column's header names the budget year. */
function thisPeriod(header: readonly string[], year: number): boolean {
  const h = header.join('');
  return /本年|当年/.test(h) || new RegExp(`${year}年?`).test(h);
}

/** Of several candidate columns, the one of the budget year, or null when that is not clear. */
function pickColumn(cands: Table['columns'], year: number): string | null {
  const own = cands.filter((c) => !otherPeriod(c.header, year));
  if (own.length === 1) return own[0]!.key;
  const named = own.filter((c) => thisPeriod(c.header, year));
  return named.length === 1 ? named[0]!.key : null;
}

/** True when the table lists the items as rows. */
export function itemsAsRows(t: Table): boolean {
  return t.rows.filter((r) => itemOfLabel(r.label) !== null && itemOfLabel(r.label) !== 'total').length >= 2;
}

/** The row holding the budget year in a table with a column per item, or undefined when unclear. */
function yearRow(t: Table, year: number): Row | undefined {
  if (t.rows.some((r) => r.texts?.['year'])) return t.rows.find((r) => r.texts?.['year']?.text.trim() === String(year));
  const own = t.rows.filter((r) => r.label.includes(`${year}年`) && !isChangeLabel(r.label));
  if (own.length === 1) return own[0];
  if (t.rows.some((r) => /(19|20)\d\d年/.test(r.label))) return undefined;
  const total = t.rows.filter((r) => r.kind === 'total');
  if (total.length === 1) return total[0];
  const rows = t.rows.filter((r) => !isPeriodRow(r) && !isChangeLabel(r.label));
  if (rows.length === 1) return rows[0];
  const units = rows.filter((r) => r.kind === 'unit');
  const min = minOf(units.map((r) => r.level));
  const top = units.filter((r) => r.level === min);
  return top.length === 1 ? top[0] : undefined;
}

/**
 * The budget year's figure of one 三公 item, or undefined when the table does not print it or the
 * layout leaves open which cell holds it.
 */
export function threePublicFigure(t: Table, item: ThreePublicItem, year: number): ThreePublicFigure | undefined {
  if (itemsAsRows(t)) {
    const rows = t.rows.filter((r) => itemOfLabel(r.label) === item);
    if (rows.length !== 1) return undefined;
    const cols = amountColumns(t);
    const total = cols.filter((c) => c.key === 'total' || c.key === 'amount');
    const key = total.length === 1 ? total[0]!.key : cols.length === 1 ? cols[0]!.key : pickColumn(total.length > 0 ? total : cols, year);
    if (!key) return undefined;
    return { value: rows[0]!.amounts[key] ?? null, row: rows[0]!, key };
  }
  const cands = amountColumns(t).filter((c) => c.key.replace(/^p\d+\./, '').replace(/_\d+$/, '') === item);
  if (cands.length === 0) return undefined;
  const key = cands.length === 1 && !otherPeriod(cands[0]!.header, year) ? cands[0]!.key : pickColumn(cands, year);
  if (!key) return undefined;
  const row = yearRow(t, year);
  if (!row) return undefined;
  return { value: row.amounts[key] ?? null, row, key };
}
