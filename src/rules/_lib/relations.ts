/**
 * Row identities of a table (domain/catalogue/relations.ts holds them for every layout: a 支出总表
 * whose total also counts 经营支出, 上缴上级支出 and 对附属单位补助支出, 人员经费 / 公用经费 in place of
 * or under 基本支出 …) and the columns whose place in them the layouts do not agree on.
 */
import type { Table } from '../../domain/model.js';
import { standardRelations, type SumRelation } from './columns.js';

const has = (t: Table, k: string) => t.columns.some((c) => c.key === k);

/** The row identities a table of its role must satisfy, for the columns it prints (the catalogue's). */
export function rowRelations(t: Table): SumRelation[] {
  const rels = standardRelations(t);
  // A 三公经费及会议费、培训费 table (Xi'an): its 合计 also counts the meeting and training columns.
  if (t.role === 'three-public') {
    const extra = ['meeting', 'training'].filter((k) => has(t, k));
    return rels.map((r) => (r.total === 'total' && extra.length > 0 ? { total: 'total', parts: [...r.parts, ...extra] } : r));
  }
  return rels;
}

/**
 * Columns whose place in the row's sums the layouts do not agree on (a 支出总表's 结转下年): while a row
 * prints a figure in one, its identities are not asserted.
 */
export function undecidedColumns(t: Table): string[] {
  return t.role === 'expenditure-summary' ? ['carryForward'].filter((k) => has(t, k)) : [];
}
