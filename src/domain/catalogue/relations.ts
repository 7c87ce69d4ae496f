/**
 * The row identities of the genre's tables: which column equals the sum of which others, per table
 * role, in terms of the column vocabulary (columns.ts). A relation names every column that may be
 * its part; a table's own relations keep the columns it prints. Where a group is printed as a
 * subtotal (财政拨款 小计, 单位资金 小计) the subtotal stands for its members; where it is not, the
 * members stand for themselves.
 */
import type { TableRole } from '../model.js';

/** One row identity: column `total` equals the sum of columns `parts`. */
export interface SumRelation {
  total: string;
  parts: string[];
}

/** The members of the 财政拨款 group. */
export const APPROPRIATION_MEMBERS = ['general', 'govFund', 'stateCapital'] as const;
/** The members of the 单位资金 group. */
export const UNIT_FUND_MEMBERS = ['business', 'operating', 'superior', 'subordinate', 'otherIncome'] as const;
/** The parts of 一般公共预算 where a table splits it. */
const GENERAL_MEMBERS = ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'] as const;
/** Uses of expenditure that add to a total besides 基本支出 and 项目支出. */
const OTHER_USES = ['operatingExp', 'remitSuperior', 'subsidySubordinate'] as const;

/**
 * The sources that add up to the total of a revenue-by-source row: each group by its subtotal when the
 * table prints one, else by its members.
 */
export function sourceParts(has: (key: string) => boolean): string[] {
  const approp = has('govApprop') ? ['govApprop'] : [...APPROPRIATION_MEMBERS];
  const unit = has('unitFunds') ? ['unitFunds'] : [...UNIT_FUND_MEMBERS];
  return [...approp, 'specialAccount', ...unit, 'fundMakeup', 'carryOver'];
}

/**
 * The terms that name a source of revenue (一般公共预算拨款, 上年结转 …): on a two-sided table (收支总表) the
 * revenue side's rows, never the expenditure side's (function classes, 支出总计, 年终结转结余). Every source,
 * each group by its subtotal and by its members.
 */
export const REVENUE_SOURCE_KEYS: ReadonlySet<string> = new Set([...sourceParts(() => true), ...sourceParts(() => false), ...GENERAL_MEMBERS]);

/**
 * Revenue by source (收入总表): the appropriation split when the table prints any of it, else its
 * 财政拨款收入 column alone (Shanghai prints only that).
 */
function revenueParts(has: (key: string) => boolean): string[] {
  const approp = APPROPRIATION_MEMBERS.some((k) => has(k)) || !has('govApprop') ? [...APPROPRIATION_MEMBERS] : ['govApprop'];
  const unit = has('unitFunds') ? ['unitFunds'] : [...UNIT_FUND_MEMBERS];
  return [...approp, 'specialAccount', ...unit, 'fundMakeup', 'carryOver'];
}

/**
 * The row identities of a role, restricted to the columns `has` says the table prints; a relation
 * whose total or all of whose parts are absent is dropped.
 */
export function roleRelations(role: TableRole, has: (key: string) => boolean): SumRelation[] {
  let rels: SumRelation[];
  const groups: SumRelation[] = [
    { total: 'govApprop', parts: [...APPROPRIATION_MEMBERS] },
    { total: 'unitFunds', parts: [...UNIT_FUND_MEMBERS] },
    { total: 'general', parts: [...GENERAL_MEMBERS] },
  ];
  // 人员经费 and 公用经费 printed in place of (or under) 基本支出.
  const split = has('personnel') && has('public');
  const basic = has('basic') ? ['basic'] : split ? ['personnel', 'public'] : [];
  const basicSplit: SumRelation[] = has('basic') && split ? [{ total: 'basic', parts: ['personnel', 'public'] }] : [];
  switch (role) {
    case 'revenue-summary':
    case 'basic-expenditure-economic':
    case 'appropriation-basic-economic':
    case 'project-expenditure':
    case 'procurement':
    case 'purchased-services': {
      const parts = role === 'revenue-summary' ? revenueParts(has) : sourceParts(has);
      if (has('current')) {
        rels = [
          { total: 'total', parts: ['current', 'carryOver'] },
          { total: 'current', parts: parts.filter((k) => k !== 'carryOver') },
        ];
      } else rels = [{ total: 'total', parts }];
      rels.push(...groups);
      // A general-budget-only 基本支出表 splits its total into 人员经费 and 公用经费.
      if (split && !has('basic') && (role === 'basic-expenditure-economic' || role === 'appropriation-basic-economic')) rels.push({ total: 'total', parts: ['personnel', 'public'] });
      break;
    }
    case 'expenditure-summary':
      rels = [{ total: 'total', parts: [...basic, 'project', ...OTHER_USES] }, ...basicSplit];
      break;
    case 'general-budget-function':
    case 'gov-fund-function':
    case 'state-capital-function':
    case 'appropriation-expenditure':
    case 'basic-expenditure-function':
      // A table of basic expenditure alone has no 项目支出 to add.
      rels = [...(has('project') || role === 'basic-expenditure-function' ? [{ total: 'total', parts: [...basic, 'project'] }] : []), ...basicSplit];
      break;
    case 'general-budget-economic':
    case 'project-expenditure-economic':
    case 'gov-fund-economic':
      // (人员经费 | 公用经费 | 项目支出 without a 基本支出 column: the three make the total.)
      rels = [
        { total: 'total', parts: has('basic') || has('project') ? (split && !has('basic') ? ['personnel', 'public', 'project'] : ['basic', 'project']) : ['personnel', 'public'] },
        ...basicSplit,
      ];
      break;
    case 'three-public':
      rels = [
        { total: has('threePublic') ? 'threePublic' : 'total', parts: ['overseas', 'reception', 'vehicles'] },
        { total: 'vehicles', parts: ['vehiclePurchase', 'vehicleRunning'] },
      ];
      // A final account prints the year's initial budget beside its 决算数 (预算数 | 决算数 over the same columns).
      if (has('initial.total') || has('initial.vehicles')) rels.push(...rels.map((r) => ({ total: `initial.${r.total}`, parts: r.parts.map((k) => `initial.${k}`) })));
      break;
    case 'performance-projects':
      rels = [{ total: 'total', parts: ['general', 'other'] }];
      break;
    default:
      rels = [];
  }
  return rels.map((r) => ({ total: r.total, parts: r.parts.filter((p) => has(p)) })).filter((r) => has(r.total) && r.parts.length > 0);
}
