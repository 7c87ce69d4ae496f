/**
 * What each Shenzhen table 1–13 is: its role, title, the header labels it must print and its columns
 * with their sum relations (docs/model.md "Column keys"). Only printed columns are listed: where the
 * header has no 小计 of its own (the 政府预算拨款 group of tables 2 and 5), the total sums the
 * group's members directly, so every relation can be checked on printed cells alone.
 */
import type { Column, TableRole } from '../../../domain/model.js';

export interface TableSpec {
  no: number;
  role: TableRole;
  /** The printed title (compared with white space and quotes removed). */
  title: string;
  /** Every label the header prints (leaf, group and label-column headings); repeated labels repeat. */
  labels: string[];
  columns: Column[];
  /** Shape of the rows: which parser reads them. */
  shape: 'two-sided' | 'per-unit' | 'economic' | 'projects' | 'function' | 'transfers' | 'procurement' | 'three-public' | 'performance';
}

const amount = (key: string, header: string[], sumOf?: string[]): Column => (sumOf ? { key, header, kind: 'amount', sumOf } : { key, header, kind: 'amount' });

const UNIT_FUNDS: Array<[string, string]> = [
  ['business', '事业收入'],
  ['operating', '事业单位经营收入'],
  ['superior', '上级补助收入'],
  ['subordinate', '附属单位上缴收入'],
  ['otherIncome', '其他收入'],
];
const unitFundColumns = (prefix: string[]): Column[] => UNIT_FUNDS.map(([k, h]) => amount(k, [...prefix, '单位资金', h]));
const SOURCE_LABELS = ['政府预算拨款', '一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款', '财政专户管理资金', '单位资金', ...UNIT_FUNDS.map(([, h]) => h), '上年结余、结转'];
const AFTER_GENERAL = ['govFund', 'stateCapital', 'specialAccount', ...UNIT_FUNDS.map(([k]) => k), 'carryOver'];
/** 支出总计 = 基本支出 + 项目支出 (tables 3 and 7–9). */
const spendingColumns = (): Column[] => [amount('total', ['支出总计'], ['basic', 'project']), amount('basic', ['基本支出']), amount('project', ['项目支出'])];
const FUNCTION_COLUMNS = spendingColumns();
const FUNCTION_LABELS = ['预算单位', '科目编码', '科目名称', '支出总计', '基本支出', '项目支出'];
const TWO_SIDED_LABELS = ['收入', '支出', '项目', '项目', '年预算数', '年预算数'];
/** The 一般公共预算拨款 members by purpose (tables 2 and 5). */
const GENERAL_BY_PURPOSE: Array<[string, string]> = [
  ['generalDuty', '履职类项目拨款'],
  ['generalSpecial', '财政专项资金拨款'],
  ['generalInvest', '政府投资项目拨款'],
];
const generalColumns = (prefix: string[], members: Array<[string, string]>): Column[] => [
  amount(
    'general',
    [...prefix, '政府预算拨款', '一般公共预算拨款', '小计'],
    members.map(([k]) => k),
  ),
  ...members.map(([k, h]) => amount(k, [...prefix, '政府预算拨款', '一般公共预算拨款', h])),
];
/** The sources after 一般公共预算拨款, in printed order (tables 2, 4 and 5); 上年结余、结转 is never under `prefix`. */
const otherSourceColumns = (prefix: string[]): Column[] => [
  amount('govFund', [...prefix, '政府预算拨款', '政府性基金预算拨款']),
  amount('stateCapital', [...prefix, '政府预算拨款', '国有资本经营预算拨款']),
  amount('specialAccount', [...prefix, '财政专户管理资金']),
  ...unitFundColumns(prefix),
  amount('carryOver', ['上年结余、结转']),
];

export const SPECS: readonly TableSpec[] = [
  {
    no: 1,
    role: 'income-expenditure-summary',
    title: '收支总表',
    shape: 'two-sided',
    labels: TWO_SIDED_LABELS,
    columns: [amount('amount', ['年预算数'])],
  },
  {
    no: 2,
    role: 'revenue-summary',
    title: '收入总表',
    shape: 'per-unit',
    labels: ['预算单位', '收入总计', '本年收入', '小计', '基本支出拨款', '履职类项目拨款', '财政专项资金拨款', '政府投资项目拨款', ...SOURCE_LABELS],
    columns: [
      amount('total', ['收入总计'], ['general', ...AFTER_GENERAL]),
      ...generalColumns(['本年收入'], [['generalBasic', '基本支出拨款'], ...GENERAL_BY_PURPOSE]),
      ...otherSourceColumns(['本年收入']),
    ],
  },
  {
    no: 3,
    role: 'expenditure-summary',
    title: '支出总表',
    shape: 'per-unit',
    labels: ['预算单位', '支出总计', '基本支出', '项目支出', '其中:政府采购项目'],
    columns: [...spendingColumns(), amount('procurement', ['其中:政府采购项目'])],
  },
  {
    no: 4,
    role: 'basic-expenditure-economic',
    title: '基本支出总表',
    shape: 'economic',
    labels: ['支出项目类别', '总计', '小计', ...SOURCE_LABELS],
    columns: [
      amount('total', ['总计'], ['govApprop', ...AFTER_GENERAL.slice(2)]),
      amount('govApprop', ['政府预算拨款', '小计'], ['general', 'govFund', 'stateCapital']),
      amount('general', ['政府预算拨款', '一般公共预算拨款']),
      ...otherSourceColumns([]),
    ],
  },
  {
    no: 5,
    role: 'project-expenditure',
    title: '项目支出总表',
    shape: 'projects',
    labels: ['支出项目类别', '总计', '小计', '履职类项目拨款', '财政专项资金拨款', '政府投资项目拨款', ...SOURCE_LABELS],
    columns: [amount('total', ['总计'], ['general', ...AFTER_GENERAL]), ...generalColumns([], GENERAL_BY_PURPOSE), ...otherSourceColumns([])],
  },
  {
    no: 6,
    role: 'appropriation-summary',
    title: '政府预算拨款收支总表',
    shape: 'two-sided',
    labels: TWO_SIDED_LABELS,
    columns: [amount('amount', ['年预算数'])],
  },
  {
    no: 7,
    role: 'general-budget-function',
    title: '一般公共预算支出表',
    shape: 'function',
    labels: FUNCTION_LABELS,
    columns: FUNCTION_COLUMNS,
  },
  {
    no: 8,
    role: 'gov-fund-function',
    title: '政府性基金预算支出表',
    shape: 'function',
    labels: FUNCTION_LABELS,
    columns: FUNCTION_COLUMNS,
  },
  {
    no: 9,
    role: 'state-capital-function',
    title: '国有资本经营预算支出表',
    shape: 'function',
    labels: FUNCTION_LABELS,
    columns: FUNCTION_COLUMNS,
  },
  {
    no: 10,
    role: 'transfer-payments',
    title: '上级专项转移支付支出表',
    shape: 'transfers',
    labels: ['预算单位', '科目编码', '科目名称', '项目名称', '项目金额'],
    columns: [{ key: 'project', header: ['项目名称'], kind: 'text' }, amount('amount', ['项目金额'])],
  },
  {
    no: 11,
    role: 'procurement',
    title: '政府采购项目支出表',
    shape: 'procurement',
    labels: ['单位', '编号', '采购品目', '金额'],
    columns: [amount('amount', ['金额'])],
  },
  {
    no: 12,
    role: 'three-public',
    title: '一般公共预算三公经费支出表',
    shape: 'three-public',
    labels: ['预算单位', '年度', '总计', '因公出国(境)费', '公务接待费', '公务用车购置及运行维护费', '小计', '公务用车购置费', '公务用车运行维护费'],
    columns: [
      { key: 'year', header: ['年度'], kind: 'year' },
      amount('total', ['总计'], ['overseas', 'reception', 'vehicles']),
      amount('overseas', ['因公出国(境)费']),
      amount('reception', ['公务接待费']),
      amount('vehicles', ['公务用车购置及运行维护费', '小计'], ['vehiclePurchase', 'vehicleRunning']),
      amount('vehiclePurchase', ['公务用车购置及运行维护费', '公务用车购置费']),
      amount('vehicleRunning', ['公务用车购置及运行维护费', '公务用车运行维护费']),
    ],
  },
  {
    no: 13,
    role: 'performance-projects',
    title: '部门预算绩效管理项目情况表',
    shape: 'performance',
    labels: ['预算单位', '项目名称', '预算金额', '预算执行时间', '合计', '一般公共预算拨款', '其他资金'],
    columns: [
      amount('total', ['预算金额', '合计'], ['general', 'other']),
      amount('general', ['预算金额', '一般公共预算拨款']),
      amount('other', ['预算金额', '其他资金']),
      { key: 'period', header: ['预算执行时间'], kind: 'text' },
    ],
  },
];
