/**
 * The column-key contract of docs/model.md as data: printed labels per role and the canonical row
 * identities (a column equals the sum of others) every table of a role must satisfy.
 */
import type { Table, TableRole } from '../../domain/model.js';

const SOURCES_T45 = {
  total: '总计', govApprop: '政府预算拨款小计', general: '一般公共预算拨款', generalDuty: '履职类项目拨款',
  generalSpecial: '财政专项资金拨款', generalInvest: '政府投资项目拨款', govFund: '政府性基金预算拨款',
  stateCapital: '国有资本经营预算拨款', specialAccount: '财政专户管理资金', business: '事业收入',
  operating: '事业单位经营收入', superior: '上级补助收入', subordinate: '附属单位上缴收入', otherIncome: '其他收入',
  carryOver: '上年结余、结转',
};
const FUNCTION_COLS = { total: '支出总计', basic: '基本支出', project: '项目支出' };

/** Printed label of each contract column key, per role. */
export const COLUMN_LABELS: Partial<Record<TableRole, Record<string, string>>> = {
  'income-expenditure-summary': { amount: '预算数' },
  'appropriation-summary': { amount: '预算数' },
  'revenue-summary': {
    total: '收入总计', govApprop: '政府预算拨款', general: '一般公共预算拨款小计', generalBasic: '基本支出拨款',
    generalDuty: '履职类项目拨款', generalSpecial: '财政专项资金拨款', generalInvest: '政府投资项目拨款',
    govFund: '政府性基金预算拨款', stateCapital: '国有资本经营预算拨款', specialAccount: '财政专户管理资金',
    business: '事业收入', operating: '事业单位经营收入', superior: '上级补助收入', subordinate: '附属单位上缴收入',
    otherIncome: '其他收入', carryOver: '上年结余、结转',
  },
  'expenditure-summary': { total: '支出总计', basic: '基本支出', project: '项目支出', procurement: '其中：政府采购项目' },
  'basic-expenditure-economic': SOURCES_T45,
  'project-expenditure': SOURCES_T45,
  'general-budget-function': FUNCTION_COLS,
  'gov-fund-function': FUNCTION_COLS,
  'state-capital-function': FUNCTION_COLS,
  'transfer-payments': { amount: '项目金额' },
  procurement: { amount: '金额' },
  'three-public': {
    total: '总计', overseas: '因公出国(境)费', reception: '公务接待费', vehicles: '公务用车购置及运行维护费小计',
    vehiclePurchase: '公务用车购置费', vehicleRunning: '公务用车运行维护费',
  },
  'performance-projects': { total: '合计', general: '一般公共预算拨款', other: '其他资金' },
};

/** One row identity: column `total` equals the sum of columns `parts` (only those the table has). */
export interface SumRelation {
  total: string;
  parts: string[];
}

const has = (t: Table, k: string) => t.columns.some((c) => c.key === k);

/**
 * Revenue-summary appropriation parts: the split (一般公共预算 / 政府性基金 / 国有资本经营) when the
 * table prints any of it, else the single 财政拨款收入 column (Shanghai prints only that).
 */
function appropParts(t: Table): string[] {
  const split = ['general', 'govFund', 'stateCapital'];
  return split.some((k) => has(t, k)) || !has(t, 'govApprop') ? split : ['govApprop'];
}

/** Source columns that add up to a total, using the 政府预算拨款 subtotal when the table prints one. */
function sourceParts(t: Table): string[] {
  const approp = has(t, 'govApprop') ? ['govApprop'] : ['general', 'govFund', 'stateCapital'];
  return [...approp, 'specialAccount', 'business', 'operating', 'superior', 'subordinate', 'otherIncome', 'carryOver'];
}

/**
 * The canonical row identities of a table's role (docs/model.md), restricted to the columns the
 * table has; a relation whose total column or all of whose part columns are absent is dropped.
 */
export function standardRelations(t: Table): SumRelation[] {
  let rels: SumRelation[] = [];
  switch (t.role) {
    case 'revenue-summary':
      rels = [
        // Like sourceParts: the appropriation split when printed, else its 财政拨款收入 column alone.
        { total: 'total', parts: [...appropParts(t), 'specialAccount', 'business', 'operating', 'superior', 'subordinate', 'otherIncome', 'carryOver'] },
        { total: 'govApprop', parts: ['general', 'govFund', 'stateCapital'] },
        { total: 'general', parts: ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'] },
      ];
      break;
    case 'basic-expenditure-economic':
    case 'project-expenditure':
      rels = [
        { total: 'total', parts: sourceParts(t) },
        { total: 'govApprop', parts: ['general', 'govFund', 'stateCapital'] },
        { total: 'general', parts: ['generalBasic', 'generalDuty', 'generalSpecial', 'generalInvest'] },
      ];
      break;
    case 'expenditure-summary':
    case 'general-budget-function':
    case 'gov-fund-function':
    case 'state-capital-function':
      rels = [{ total: 'total', parts: ['basic', 'project'] }];
      break;
    case 'three-public':
      rels = [
        { total: 'total', parts: ['overseas', 'reception', 'vehicles'] },
        { total: 'vehicles', parts: ['vehiclePurchase', 'vehicleRunning'] },
      ];
      break;
    case 'performance-projects':
      rels = [{ total: 'total', parts: ['general', 'other'] }];
      break;
    default:
      rels = [];
  }
  return rels
    .map((r) => ({ total: r.total, parts: r.parts.filter((p) => has(t, p)) }))
    .filter((r) => has(t, r.total) && r.parts.length > 0);
}

/** Published titles of the Shenzhen tables by role. */
export const TITLES: Partial<Record<TableRole, string>> = {
  'income-expenditure-summary': '收支总表',
  'revenue-summary': '收入总表',
  'expenditure-summary': '支出总表',
  'basic-expenditure-economic': '基本支出总表',
  'project-expenditure': '项目支出总表',
  'appropriation-summary': '政府预算拨款收支总表',
  'general-budget-function': '一般公共预算支出表',
  'gov-fund-function': '政府性基金预算支出表',
  'state-capital-function': '国有资本经营预算支出表',
  'transfer-payments': '上级专项转移支付支出表',
  procurement: '政府采购项目支出表',
  'three-public': '一般公共预算“三公”经费支出表',
  'performance-projects': '部门预算绩效管理项目情况表',
};
