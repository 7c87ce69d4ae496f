/**
 * Row identities of the national template's layouts beyond the Shenzhen contract of columns.ts: a
 * 支出总表 whose total also counts 经营支出, 上缴上级支出 and 对附属单位补助支出, and prints 人员经费 /
 * 公用经费 in place of (or under) 基本支出; a function or economic table that splits 基本支出 into
 * 人员经费 and 公用经费.
 */
import type { Table } from '../../domain/model.js';
import { standardRelations, type SumRelation } from './columns.js';

const has = (t: Table, k: string) => t.columns.some((c) => c.key === k);

/** Uses of money that 支出总表 adds to basic and project expenditure. */
const OTHER_USES = ['operatingExp', 'remitSuperior', 'subsidySubordinate'];

/** The row identities a table of its role must satisfy, for the columns it prints. */
export function rowRelations(t: Table): SumRelation[] {
  const out: SumRelation[] = [];
  const split = has(t, 'personnel') && has(t, 'public');
  switch (t.role) {
    case 'expenditure-summary': {
      const basic = has(t, 'basic') ? ['basic'] : split ? ['personnel', 'public'] : [];
      const parts = [...basic, 'project', ...OTHER_USES].filter((k) => has(t, k));
      if (has(t, 'total') && parts.length > 0) out.push({ total: 'total', parts });
      if (has(t, 'basic') && split) out.push({ total: 'basic', parts: ['personnel', 'public'] });
      return out;
    }
    case 'general-budget-function':
    case 'gov-fund-function':
    case 'state-capital-function':
    case 'appropriation-expenditure':
    case 'basic-expenditure-function': {
      const basic = has(t, 'basic') ? ['basic'] : split ? ['personnel', 'public'] : [];
      const parts = [...basic, 'project'].filter((k) => has(t, k));
      if (has(t, 'total') && parts.length > 0 && (has(t, 'project') || t.role === 'basic-expenditure-function')) out.push({ total: 'total', parts });
      if (has(t, 'basic') && split) out.push({ total: 'basic', parts: ['personnel', 'public'] });
      return out;
    }
    case 'basic-expenditure-economic':
    case 'appropriation-basic-economic': {
      out.push(...standardRelations(t));
      if (split && has(t, 'total') && !has(t, 'basic')) out.push({ total: 'total', parts: ['personnel', 'public'] });
      return out;
    }
    default:
      return standardRelations(t);
  }
}

/**
 * Columns whose place in the row's sums the layouts do not agree on (a 支出总表's 结转下年): while a row
 * prints a figure in one, its identities are not asserted.
 */
export function undecidedColumns(t: Table): string[] {
  return t.role === 'expenditure-summary' ? ['carryForward'].filter((k) => has(t, k)) : [];
}
