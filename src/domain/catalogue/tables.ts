/**
 * The standard tables of the genre: what each is called in the national template and in the regional
 * variants (numbered 表1 / 表一 / 公开01表 / 预算01表 / 公开表1 / 一、 or not, prefixed by a year, 市级部门,
 * 部门综合预算, 预算单位 …), which role it plays, and which tables each document kind must publish.
 *
 * Titles are matched on their *core*: the printed title with white space, quotes, numbering, year and
 * scope words removed ("预算 09表 财政拨款“三公 ”经费支出表" → "财政拨款三公经费支出表"). Every rule here is a
 * rule about the genre's vocabulary, never about one document.
 */
import type { DocumentKind, TableRole } from '../model.js';
import { normalizeText, rememberShort } from '../text.js';

/** A standard table of the genre. */
export interface TableType {
  role: TableRole;
  /** The national template's name of the table (how fiscus names it when the document does not). */
  name: string;
  /** Patterns over the title core; the first type whose pattern matches wins (most specific first). */
  patterns: RegExp[];
  /** Budget (预算) or final-account (决算) tables, or both. */
  stage: 'budget' | 'final' | 'both';
  /** True for the tables every budget of the national template publishes (missing → a finding). */
  standard?: boolean;
  /** The table is a form (performance targets), read as forms rather than a grid. */
  form?: boolean;
}

/**
 * The table types, most specific first. Final-account titles (决算) come first, so that the budget
 * patterns (which do not mention 决算) never claim them.
 */
export const TABLE_TYPES: readonly TableType[] = [
  // --- final accounts (部门决算, national 公开01–09表) ---
  { role: 'appropriation-summary', name: '财政拨款收入支出决算总表', stage: 'final', standard: true, patterns: [/财政拨款收入?支出?决算总表/] },
  { role: 'income-expenditure-summary', name: '收入支出决算总表', stage: 'final', standard: true, patterns: [/收入支出决算总表/, /收支决算总表/, /^决算收支总表/] },
  { role: 'revenue-summary', name: '收入决算表', stage: 'final', standard: true, patterns: [/^收入决算表/] },
  { role: 'expenditure-summary', name: '支出决算表', stage: 'final', standard: true, patterns: [/^支出决算表/] },
  { role: 'basic-expenditure-economic', name: '一般公共预算财政拨款基本支出决算表', stage: 'final', standard: true, patterns: [/一般公共预算财政拨款基本支出决算(明细)?表/] },
  { role: 'general-budget-economic', name: '一般公共预算财政拨款支出决算表（按经济分类）', stage: 'final', patterns: [/一般公共预算(财政拨款)?支出决算.*经济分类/] },
  { role: 'general-budget-function', name: '一般公共预算财政拨款支出决算表', stage: 'final', standard: true, patterns: [/一般公共预算(财政拨款)?支出决算(明细|功能分类)?表/] },
  { role: 'appropriation-expenditure', name: '财政拨款支出决算表', stage: 'final', patterns: [/^财政拨款支出决算(明细)?表/] },
  { role: 'project-expenditure', name: '项目支出决算表', stage: 'final', patterns: [/项目支出决算(明细)?表/] },
  { role: 'operating-funds', name: '机关运行经费支出决算表', stage: 'final', patterns: [/机关运行经费.*决算/] },
  { role: 'procurement', name: '政府采购支出决算表', stage: 'final', patterns: [/政府采购.*决算/] },
  { role: 'gov-fund-function', name: '政府性基金预算财政拨款收入支出决算表', stage: 'final', standard: true, patterns: [/政府性基金预算财政拨款(收入)?支出决算表/] },
  { role: 'state-capital-function', name: '国有资本经营预算财政拨款支出决算表', stage: 'final', standard: true, patterns: [/国有资本经营预算财政拨款(收入)?支出决算表/] },
  { role: 'three-public', name: '一般公共预算财政拨款“三公”经费支出决算表', stage: 'final', standard: true, patterns: [/三公经费.*决算表/] },

  // --- performance forms (read as forms) ---
  { role: 'department-targets', name: '部门整体支出绩效目标表', stage: 'budget', form: true, patterns: [/(部门|单位)?整体(支出)?绩效目标(申报)?表/] },
  { role: 'project-targets', name: '项目支出绩效目标表', stage: 'budget', form: true, patterns: [/绩效目标(申报)?表/, /项目支出绩效表/, /项目绩效表/] },
  { role: 'performance-projects', name: '部门预算绩效管理项目情况表', stage: 'budget', patterns: [/绩效管理项目情况表/] },

  // --- two-sided summaries ---
  { role: 'appropriation-summary', name: '财政拨款收支总表', stage: 'budget', standard: true, patterns: [/财政拨款收支(预算)?总(体情况)?表/, /政府预算拨款收支总表/] },
  { role: 'income-expenditure-summary', name: '收支总表', stage: 'budget', standard: true, patterns: [/^(财务)?收支(预算)?总(体情况)?表/] },
  // --- per-unit / per-function summaries ---
  { role: 'revenue-summary', name: '收入总表', stage: 'budget', standard: true, patterns: [/^收入(预算)?总(体情况)?表/] },
  { role: 'expenditure-summary', name: '支出总表', stage: 'budget', standard: true, patterns: [/^(本年)?支出(预算)?总(体情况)?表/] },
  // --- appropriation by function / economic class (Jiangsu 公开05/06表, Shanghai 财政拨款支出预算表) ---
  { role: 'project-expenditure', name: '财政拨款项目支出表', stage: 'budget', patterns: [/^财政拨款项目支出/] },
  { role: 'appropriation-basic-economic', name: '财政拨款基本支出表（经济科目）', stage: 'budget', patterns: [/^财政拨款基本支出(预算)?表/] },
  { role: 'appropriation-expenditure', name: '财政拨款支出表（功能科目）', stage: 'budget', patterns: [/^财政拨款支出(预算)?(明细)?表/] },
  // --- general public budget ---
  { role: 'basic-expenditure-function', name: '一般公共预算基本支出表（按功能分类）', stage: 'budget', patterns: [/一般公共预算(财政拨款|拨款)?基本支出.*表.*功能/] },
  {
    role: 'basic-expenditure-economic',
    name: '一般公共预算基本支出表',
    stage: 'budget',
    standard: true,
    patterns: [/一般公共预算(财政拨款|拨款)?基本支出/, /^基本支出(预算)?(总|情况)?表/, /部门预算基本支出预算表/],
  },
  { role: 'project-expenditure-economic', name: '一般公共预算项目支出表（按经济分类）', stage: 'budget', patterns: [/一般公共预算(财政拨款|拨款)?项目支出.*表.*经济/] },
  { role: 'general-budget-economic', name: '一般公共预算支出表（按经济分类）', stage: 'budget', patterns: [/一般公共预算(财政拨款|拨款)?支出.*表.*经济/, /一般公共预算(财政拨款|拨款)?支出经济分类/] },
  { role: 'general-budget-function', name: '一般公共预算支出表', stage: 'budget', standard: true, patterns: [/一般公共预算(财政拨款|拨款)?支出/] },
  // --- funds ---
  { role: 'gov-fund-economic', name: '政府性基金预算支出表（按经济分类）', stage: 'budget', patterns: [/政府性基金.*表.*经济分类/] },
  { role: 'gov-fund-function', name: '政府性基金预算支出表', stage: 'budget', standard: true, patterns: [/政府性基金/] },
  { role: 'state-capital-function', name: '国有资本经营预算支出表', stage: 'budget', standard: true, patterns: [/国有资本经营/] },
  // --- 三公, 机关运行经费, meetings and training ---
  { role: 'three-public', name: '一般公共预算“三公”经费支出表', stage: 'budget', standard: true, patterns: [/三公/] },
  { role: 'operating-funds', name: '机关运行经费支出表', stage: 'budget', patterns: [/机关运行经费/] },
  { role: 'meeting-training', name: '会议费、培训费明细表', stage: 'budget', patterns: [/^(会议费|培训费)(明细|预算)?表/] },
  // --- projects, procurement, transfers, carry-over ---
  { role: 'project-expenditure', name: '项目支出表', stage: 'budget', patterns: [/项目支出(及其他支出)?(预算)?(总|情况|明细)?表/, /专项业务经费(支出)?表/, /专项资金(支出)?(预算)?表/] },
  { role: 'purchased-services', name: '政府购买服务预算表', stage: 'budget', patterns: [/政府购买服务/] },
  { role: 'procurement', name: '政府采购预算表', stage: 'budget', patterns: [/政府采购/] },
  { role: 'transfer-payments', name: '上级专项转移支付支出表', stage: 'budget', patterns: [/转移支付(项目)?(支出)?表/] },
  { role: 'carryover-expenditure', name: '上年结转资金支出表', stage: 'budget', patterns: [/结转(资金)?支出表/] },
];

/** The numbering printed before a title, or on the line above it: 表1, 表 10, 表一, 公开01表, 预算01表, 预算表12, 公开表1, 单位预算09表, 附表1. */
// An Arabic number must not run on into digits (表12026 is not 表1); a Chinese numeral is taken whole
// (表十一 is 11, never 表十 and 一) and may run on into the year (表一2026年…).
export const TABLE_NUMBER =
  /^(?:(?:部门|单位)?(?:预算|公开|附)?\s*表\s*(?:([0-9]{1,2})(?:[-－—.．、:：]\s*[0-9]{1,2})?(?![0-9])|([一二三四五六七八九十]{1,3})(?![一二三四五六七八九十]))|(?:部门|单位)?(?:预算|公开)\s*([0-9]{1,2})\s*表)(?=$|[^表])/u;

/** An enumerator before a title in a list or a heading: 一、 / （一） / 1. / 1、 */
export const TITLE_ENUMERATOR = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s*[、.．](?!\d))/u;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral up to 99 (一 … 九十九) as a number, or null. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]]! : null;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/**
 * Texts squashTitle leaves as they are: ASCII other than white space, quotes and brackets, the CJK
 * unified ideographs and 、。 (which normalizeText leaves alone). Most labels and cells are such, and
 * telling so costs less than looking them up.
 */
const SQUASHED_ALREADY = /^[\x21\x23-\x26\x2a-\x7e\u3001\u3002\u4e00-\u9fff]*$/;

/** squashOnce, its results remembered: the same labels and titles are squashed again and again while a document is read. */
const squashRemembered = rememberShort(squashOnce);

/** Squashes white space and the quotes and brackets' width, for matching titles and headers. */
export function squashTitle(s: string): string {
  return SQUASHED_ALREADY.test(s) ? s : squashRemembered(s);
}

function squashOnce(s: string): string {
  return normalizeText(s)
    .replace(/\s+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** Words of scope printed before the title proper: 2026年, 2026年度, 市级部门, 部门综合预算, 预算单位 … */
const SCOPE_PREFIX = /^(?:(?:19|20)\d\d年度?|本?年度|市级|区级|县级|省级|部门综合预算|单位综合预算|综合预算|部门预算|单位预算|预算单位|部门|单位|本级)+/u;

export interface TitleParts {
  /** The number printed with the title (表3 → 3, 公开05表 → 5, 表十 → 10), or null. */
  no: number | null;
  /** The year printed in the title, or null. */
  year: number | null;
  /** The title without numbering, year and scope words, squashed. */
  core: string;
  /** The title without numbering, squashed (for display). */
  title: string;
}

/** Splits a title line into its number, year and core. */
export function titleParts(line: string): TitleParts {
  let s = squashTitle(line);
  let no: number | null = null;
  // The number is read before spaces are squashed (表1 2026年… would become 表12026年…), then, for a
  // number printed letter-spaced (公 开 0 1 表), from the squashed title.
  const spaced = normalizeText(line).trim();
  const before = TABLE_NUMBER.exec(spaced);
  const num = before ?? TABLE_NUMBER.exec(s);
  if (num) {
    no = chineseNumber(num[1] ?? num[2] ?? num[3] ?? '');
    s = (before ? squashTitle(spaced.slice(num[0].length)) : s.slice(num[0].length)).replace(/^[.．、:：\s]+/u, '');
  } else {
    const en = TITLE_ENUMERATOR.exec(s);
    if (en) s = s.slice(en[0].length);
  }
  const title = s;
  const year = /(?:^|[^0-9])((?:19|20)\d\d)年/.exec(s)?.[1];
  // A unit name may precede the year ("北京市审计局2026年…"): keep what follows the year.
  const afterYear = /((?:19|20)\d\d年度?)(.*)$/u.exec(s);
  let core = afterYear ? afterYear[2]! : s;
  core = core.replace(SCOPE_PREFIX, '');
  return { no, year: year ? Number(year) : null, core, title };
}

/** The table type a title names, or null when it names none of the standard tables. */
export function tableTypeOfTitle(line: string): TableType | null {
  // The core must print 表 (below), and only 表 normalises to 表.
  if (!line.includes('表')) return null;
  const { core } = titleParts(line);
  if (!/表/.test(core)) return null;
  const final = /决算/.test(core);
  for (const t of TABLE_TYPES) {
    if (t.stage === 'final' && !final) continue;
    if (t.stage === 'budget' && final) continue;
    if (t.patterns.some((p) => p.test(core))) return t;
  }
  return null;
}

/** Budget or final account, from a document kind. */
export function stageOf(kind: DocumentKind): 'budget' | 'final' {
  return kind === '部门决算' || kind === '单位决算' ? 'final' : 'budget';
}

/**
 * The tables every document of a kind must publish (national template): the standard types of its
 * stage, one per role.
 */
export function standardTables(kind: DocumentKind): TableType[] {
  const stage = stageOf(kind);
  const seen = new Set<TableRole>();
  const out: TableType[] = [];
  for (const t of TABLE_TYPES) {
    if (!t.standard || (t.stage !== stage && t.stage !== 'both') || seen.has(t.role)) continue;
    seen.add(t.role);
    out.push(t);
  }
  return out;
}

/** The national name of a role's table for a kind ("收支总表", "收入支出决算总表"). */
export function roleName(role: TableRole, kind: DocumentKind = '部门预算'): string {
  const stage = stageOf(kind);
  return (TABLE_TYPES.find((t) => t.role === role && (t.stage === stage || t.stage === 'both')) ?? TABLE_TYPES.find((t) => t.role === role))?.name ?? '表格';
}
