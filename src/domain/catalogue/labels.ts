/**
 * The genre's printed labels that are neither table types nor column terms: severity and category
 * names of findings, the Shenzhen outline (its eight narrative parts, its published table titles and
 * per-role column labels), the headers of label columns and the wording fiscus adds beside a
 * document's own text (unplaced amounts, unknown cells, coverage). Every layer prints these from
 * here: the web, the reports, the CLI and the rules.
 */
import type { DocumentKind, Profile, TableRole } from '../model.js';
import { columnTermLabel, ECONOMIC_ROLES, FUNCTION_ROLES } from './columns.js';
import { roleName, squashTitle, titleParts } from './tables.js';

/** The three severities of findings and import notes. */
export type SeverityKey = 'error' | 'warning' | 'info';

/** 错误 / 警告 / 提示. */
export const SEVERITY_LABELS: Readonly<Record<SeverityKey, string>> = { error: '错误', warning: '警告', info: '提示' };

/** A severity's label, or the key itself when it is not one of the three. */
export function severityLabel(s: string): string {
  return (SEVERITY_LABELS as Record<string, string>)[s] ?? s;
}

/** How a fail level reads ("按‘错误’判定"). */
export const FAIL_ON_LABELS: Readonly<Record<'error' | 'warning' | 'never', string>> = { error: '错误', warning: '警告及以上', never: '不判定' };

/** Finding categories (src/rules/types.ts CATEGORIES) in Chinese. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  'table-arithmetic': '表内勾稽',
  'cross-table': '表间核对',
  narrative: '文字与表格',
  'project-form': '项目申报表',
  'performance-target': '绩效目标',
  structure: '结构与编码',
  hygiene: '文字规范',
  'final-accounts': '决算说明',
  internal: '检查程序错误',
};

/** A category's label, or the key itself. */
export function categoryLabel(c: string): string {
  return CATEGORY_LABELS[c] ?? c;
}

/** "其中：" as the genre prints it (full-width colon). */
export const OF_WHICH = '其中：';

/** The eight narrative parts of a Shenzhen department budget, in order (第一部分 … 第八部分). */
export const SHENZHEN_PARTS: readonly string[] = [
  '部门概况',
  '部门预算收支总体情况',
  '部门预算支出具体情况',
  '政府采购预算情况',
  '一般公共预算“三公”经费预算情况',
  '部门预算绩效管理情况',
  '其他需要说明情况',
  '名词解释',
];

/** Published titles of the Shenzhen tables 1–13 by role (table 14 is {@link DEPARTMENT_TARGETS_TITLE}). */
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

/** Shenzhen table 14, the department-wide target form. */
export const DEPARTMENT_TARGETS_TITLE = '部门（单位）整体支出绩效目标申报表';
/** One project's target form (Shenzhen and the national template). */
export const PROJECT_FORM_TITLE = '预算项目支出绩效目标申报表';

/** The amounts of a task of the department-wide target form (DepartmentTargets.tasks keys, and its 合计), as the form prints them. */
export const TARGET_TASK_AMOUNT_LABELS: Readonly<Record<'total' | 'fiscal' | 'other', string>> = { total: '总额', fiscal: '财政拨款', other: '其他资金' };

/** The amounts of a project's target form (ProjectForm.amounts keys), as the form prints them. */
export const FORM_AMOUNT_LABELS: Readonly<Record<'total' | 'currentYear' | 'fiscal' | 'other' | 'transfer' | 'purchasedServices', string>> = {
  total: '项目总金额',
  currentYear: '本年预算金额',
  fiscal: '财政拨款资金',
  other: '其他资金',
  transfer: '转移支付资金',
  purchasedServices: '政府购买服务资金',
};

/** The title of a role's table: the Shenzhen title when it has one, else the national name for the kind. */
export function tableTitle(role: TableRole, kind: DocumentKind = '部门预算'): string {
  return TITLES[role] ?? roleName(role, kind);
}

const SOURCES_T45: Record<string, string> = {
  total: '总计',
  govApprop: '政府预算拨款小计',
  general: columnTermLabel('general'),
  generalDuty: columnTermLabel('generalDuty'),
  generalSpecial: columnTermLabel('generalSpecial'),
  generalInvest: columnTermLabel('generalInvest'),
  govFund: columnTermLabel('govFund'),
  stateCapital: columnTermLabel('stateCapital'),
  specialAccount: columnTermLabel('specialAccount'),
  business: columnTermLabel('business'),
  operating: columnTermLabel('operating'),
  superior: columnTermLabel('superior'),
  subordinate: columnTermLabel('subordinate'),
  otherIncome: columnTermLabel('otherIncome'),
  carryOver: '上年结余、结转',
};
const FUNCTION_COLS: Record<string, string> = { total: '支出总计', basic: columnTermLabel('basic'), project: columnTermLabel('project') };

/**
 * Printed label of each contract column key, per role, as the Shenzhen tables print it (where it
 * differs from the national label of `columnTermLabel`).
 */
export const COLUMN_LABELS: Partial<Record<TableRole, Record<string, string>>> = {
  'income-expenditure-summary': { amount: '预算数' },
  'appropriation-summary': { amount: '预算数' },
  'revenue-summary': {
    ...SOURCES_T45,
    total: '收入总计',
    govApprop: '政府预算拨款',
    general: '一般公共预算拨款小计',
    generalBasic: columnTermLabel('generalBasic'),
  },
  'expenditure-summary': { ...FUNCTION_COLS, procurement: `${OF_WHICH}政府采购项目` },
  'basic-expenditure-economic': SOURCES_T45,
  'project-expenditure': SOURCES_T45,
  'general-budget-function': FUNCTION_COLS,
  'gov-fund-function': FUNCTION_COLS,
  'state-capital-function': FUNCTION_COLS,
  'transfer-payments': { amount: '项目金额' },
  procurement: { amount: '金额' },
  'three-public': {
    total: '总计',
    overseas: '因公出国(境)费',
    reception: columnTermLabel('reception'),
    vehicles: '公务用车购置及运行维护费小计',
    vehiclePurchase: columnTermLabel('vehiclePurchase'),
    vehicleRunning: columnTermLabel('vehicleRunning'),
  },
  'performance-projects': { total: '合计', general: columnTermLabel('general'), other: '其他资金' },
};

/** The printed label of a column key in a role's table: the role's own label, else the national one. */
export function columnLabelOf(role: TableRole, key: string): string {
  return COLUMN_LABELS[role]?.[key] ?? columnTermLabel(key);
}

/** Headers of the label columns a table prints before its amounts (the national template's words). */
export const LABEL_HEADERS = {
  unit: '预算单位',
  unitName: '单位名称',
  code: '科目编码',
  subject: '科目名称',
  item: '项目',
  category: '支出项目类别',
  procurementCode: '编号',
  procurementItem: '采购品目',
  procurementUnit: '单位',
  project: '项目名称',
  year: '年度',
  period: '预算执行时间',
  unitCode: '单位编码',
  seq: '序号',
  basis: '口径',
  revenue: '收入',
  expenditure: '支出',
} as const;

/** The text keys a row may carry in `texts` without a declared column that have a header of their own. */
const TEXT_KEYS: ReadonlySet<string> = new Set(['period', 'project', 'year', 'unitCode', 'seq', 'basis'] satisfies Array<keyof typeof LABEL_HEADERS>);

/** Headers of the text keys a row may carry in `texts` without a declared column. */
export function textKeyLabel(key: string): string {
  if (TEXT_KEYS.has(key)) return LABEL_HEADERS[key as keyof typeof LABEL_HEADERS];
  const code = /^code(\d+)$/.exec(key);
  if (code) return `编码${code[1]}`;
  return key;
}

/** The code column's header for a role's rows: 科目编码 for classified rows, 编号 for procurement. */
export function codeHeader(role: TableRole): string {
  return role === 'procurement' ? LABEL_HEADERS.procurementCode : LABEL_HEADERS.code;
}

/** True when a role's rows are classification subjects (function or economic codes). */
export function classifiedRole(role: TableRole): boolean {
  return FUNCTION_ROLES.includes(role) || ECONOMIC_ROLES.includes(role);
}

/** The number a table title prints itself ("预算01表收支总表" → 1), or null. */
export function printedTitleNumber(title: string): number | null {
  return titleParts(title).no;
}

/** "表 7" — how fiscus prints a table number that its title does not carry. */
export function tableNumberLabel(no: number): string {
  return `表 ${no}`;
}

/**
 * How a document was recognised (the importer's profile, `Coverage.recogniser`), said to a person: the
 * regional layouts by their region, the genre recogniser by what it reads.
 */
export const RECOGNISER_LABELS: Readonly<Record<Profile, string>> = {
  'shenzhen-dept-budget': '深圳部门预算版式',
  'shanghai-budget': '上海预算版式',
  'shanghai-final-accounts': '上海决算版式',
  'fiscus-xlsx': 'fiscus XLSX 模板',
  authored: '在线编制',
  generic: '通用识别（按表题与表头）',
};

/** A recogniser's label, or the name itself when it is none of the profiles. */
export function recogniserLabel(r: string): string {
  return (RECOGNISER_LABELS as Record<string, string>)[r] ?? r;
}

/** What the importer could not place, said beside the document's own figures. */
export const COVERAGE_LABELS = {
  unplacedRow: (n: number) => `本行有 ${n} 个金额未能确定所在列`,
  unknownCell: '此格可能为未定列金额之一（未知）',
  inferredCell: '所在列为推断',
  unreadRow: '本行未能读取',
} as const;

/** How the authoring template names a row's kind (the model's `RowKind`) for a person filling it in. */
export const ROW_KIND_LABELS = { item: '明细', unit: '单位', group: '分组', subtotal: '小计', carry: '结转', total: '合计' } as const;

/** The levels a classification code is printed in, one column each in the published tables (类 3 digits, 款 and 项 2 each). */
export const CODE_LEVELS = [
  { label: '类', digits: 3 },
  { label: '款', digits: 2 },
  { label: '项', digits: 2 },
] as const;

/** The row fields of a table sheet of the authoring template, before its amount columns (the code in 类 / 款 / 项). */
export const TEMPLATE_ROW_FIELDS = ['标识', '收支侧', '行类型', '层级', '上级', ...CODE_LEVELS.map((l) => l.label), '代码体系', '代码来源', '名称', '预算单位'] as const;

/** "单位：万元": how a table states the unit of its amounts. */
export const amountUnitLabel = (unit: string): string => `单位：${unit}`;

/**
 * The marks of the XLSX authoring template (written by reports/template, read by importers/xlsx): an
 * explicitly empty value, an amount cell that was not read (unknown: the import could not place it),
 * and the cell notes that keep an amount's printed decimals and an inferred column.
 */
export const TEMPLATE_MARKS = {
  none: '（无）',
  unknown: '（未知）',
  printedPlaces: '原文小数位数：',
  inferred: '所在列为推断',
} as const;

/**
 * The units of a target that is a date (read by importers/_lib/indicator from "2026年6月", "2026年6月30日前",
 * "12月31日前"): the value is a date ("2026-06", "2026-06-30", "12-31"), not a figure with a unit.
 */
export const DATE_TARGET_UNITS = { yearMonthDay: '年月日', yearMonth: '年月', monthDay: '月日' } as const;

/** True when an indicator's unit says its value is a date. */
export function isDateTargetUnit(unit: string | null | undefined): boolean {
  return unit === DATE_TARGET_UNITS.yearMonthDay || unit === DATE_TARGET_UNITS.yearMonth || unit === DATE_TARGET_UNITS.monthDay;
}

/** The heading of a document's tables in a package (预算表 / 决算表). */
export function tablesHeading(kind: DocumentKind): string {
  return kind === '部门决算' || kind === '单位决算' ? '决算表' : '预算表';
}

/** True when a document's narrative parts are the eight Shenzhen parts (titles compared squashed). */
export function isShenzhenOutline(partTitles: readonly string[]): boolean {
  return partTitles.length === SHENZHEN_PARTS.length && partTitles.every((t, i) => squashTitle(t).replace(/^第[一二三四五六七八]部分/, '') === squashTitle(SHENZHEN_PARTS[i]!));
}
