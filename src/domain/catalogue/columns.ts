/**
 * The column vocabulary of the genre: every amount column a disclosure table prints, under the names
 * the national template and the regional variants give it, mapped to one contract key
 * (docs/model.md "Column keys"). A column is named by its header path, top to bottom
 * ("本年收入 / 一般公共预算拨款", "基本支出 / 小计", "上年结转结余 / 政府性基金预算资金"); the leaf names it,
 * the groups above scope it.
 */
import type { TableRole } from '../model.js';
import { squashTitle } from './tables.js';
import { rememberShort } from '../text.js';
import { FIGURE_COLUMN_WORDS, figureColumnKindOf, finalFigureKindOf, type FinalFigureKind } from './final-accounts.js';

/** A contract column key with the labels printed for it. */
export interface ColumnTerm {
  key: string;
  /** The national template's label (what fiscus prints when it lays the column out itself). */
  label: string;
  /** Patterns over a squashed header cell (the leaf, or a group when the leaf is 小计/合计). */
  patterns: RegExp[];
}

/**
 * Amount-column terms, most specific first (a label is matched against the patterns in this order).
 * Patterns are anchored on the whole squashed cell so that "其他收入" never claims "其他收入合计".
 */
export const COLUMN_TERMS: readonly ColumnTerm[] = [
  // totals
  {
    key: 'total',
    label: '合计',
    patterns: [/^(合计|总计|小计|收入总计|支出总计|本年收入合计|本年支出合计|预算数合计|金额合计|合计数|总额|计|本年支出小计|支出合计|收入合计|资金总额|预算总额|年度资金总额|合计金额)$/],
  },
  // sources of revenue
  { key: 'govApprop', label: '财政拨款', patterns: [/^(财政拨款(收入|资金)?(合计|小计)?|政府预算拨款(小计)?|财政拨款（补助）|财政拨款\(补助\)|财政性资金)$/] },
  { key: 'general', label: '一般公共预算拨款', patterns: [/^(一般公共预算(拨款|资金|收入|财政拨款|拨款收入)?(小计)?|公共财政拨款|一般公共预算拨款（补助）|一般预算拨款)$/] },
  { key: 'generalBasic', label: '基本支出拨款', patterns: [/^基本支出拨款$/] },
  { key: 'generalDuty', label: '履职类项目拨款', patterns: [/^履职类项目拨款$/] },
  { key: 'generalSpecial', label: '财政专项资金拨款', patterns: [/^财政专项资金拨款$/] },
  { key: 'generalInvest', label: '政府投资项目拨款', patterns: [/^政府投资项目拨款$/] },
  { key: 'govFund', label: '政府性基金预算拨款', patterns: [/^(政府性基金(预算)?(拨款|资金|收入|财政拨款)?|政府性基金预算拨款收入)$/] },
  { key: 'stateCapital', label: '国有资本经营预算拨款', patterns: [/^(国有资本经营(预算)?(拨款|资金|收入|财政拨款)?|国有资本经营预算拨款收入)$/] },
  { key: 'specialAccount', label: '财政专户管理资金', patterns: [/^(财政专户管理(资金|的?资金收入)?|财政专户(管理)?资金收入|财政专户拨款|纳入专户管理的(行政事业性)?收费(收入)?)$/] },
  { key: 'unitFunds', label: '单位资金', patterns: [/^(单位资金|单位资金小计|其他资金|单位自筹(资金)?)$/] },
  { key: 'business', label: '事业收入', patterns: [/^事业收入$/, /^事业收入（不含专户管理的?教育收费）$/] },
  { key: 'operating', label: '事业单位经营收入', patterns: [/^(事业单位)?经营收入$/] },
  { key: 'superior', label: '上级补助收入', patterns: [/^上级补助(收入)?$/] },
  { key: 'subordinate', label: '附属单位上缴收入', patterns: [/^附属单位上缴(收入)?$/] },
  { key: 'otherIncome', label: '其他收入', patterns: [/^其他收入$/] },
  { key: 'fundMakeup', label: '用事业基金弥补收支差额', patterns: [/^用事业基金弥补(收支差额)?$/] },
  { key: 'current', label: '本年收入（支出）小计', patterns: [/^本年(收入|支出)(小计|合计)$/] },
  { key: 'carryOver', label: '上年结转', patterns: [/^(上年结(转|余)(结(转|余))?(资金)?|上年结余、结转|上年结转和结余|年初结转和结余|上年结转结余|上年财政拨款结转(资金)?|上年结转资金)$/] },
  // uses
  { key: 'basic', label: '基本支出', patterns: [/^基本支出(合计|小计)?$/] },
  { key: 'personnel', label: '人员经费', patterns: [/^(人员(经费|支出|类|经费支出)|工资福利支出及对个人和家庭的补助)$/] },
  { key: 'public', label: '公用经费', patterns: [/^(日常)?公用(经费|支出|经费支出)$/, /^日常公用支出$/] },
  // (Xi'an's template names its projects' spending 专项业务经费, as its 专项业务经费支出表 is the 项目支出表.)
  { key: 'project', label: '项目支出', patterns: [/^项目支出(合计|小计|总数)?$/, /^项目支出（?含上年结转）?$/, /^专项业务经费(支出)?$/] },
  { key: 'projectNet', label: '扣除基建项目后预算数', patterns: [/^扣除基建项目后(预算数)?$/] },
  { key: 'operatingExp', label: '事业单位经营支出', patterns: [/^(事业单位)?经营支出$/] },
  { key: 'remitSuperior', label: '上缴上级支出', patterns: [/^上缴上级支出$/] },
  { key: 'subsidySubordinate', label: '对附属单位补助支出', patterns: [/^对附属单位补助支出$/] },
  { key: 'carryForward', label: '结转下年', patterns: [/^(结转下年|年终结转结余|年末结转和结余)$/] },
  { key: 'procurement', label: '政府采购', patterns: [/^(其中[:：]?)?(\d{4}年)?政府采购(项目|预算|金额)?(小计)?$/] },
  // 三公 and related
  { key: 'overseas', label: '因公出国（境）费', patterns: [/^因公出国（境）(费|费用|经费)?$/] },
  { key: 'reception', label: '公务接待费', patterns: [/^公务接待(费)?$/] },
  { key: 'vehicles', label: '公务用车购置及运行维护费', patterns: [/^公务用车(购置及运行(维护)?|运行维护及购置)?(费)?(小计)?$/, /^公务用车购置及运行费$/] },
  { key: 'vehiclePurchase', label: '公务用车购置费', patterns: [/^(公务用车)?购置(费)?$/] },
  { key: 'vehicleRunning', label: '公务用车运行维护费', patterns: [/^(公务用车)?运行(维护|维修)?(费)?$/] },
  { key: 'meeting', label: '会议费', patterns: [/^会议费$/] },
  { key: 'training', label: '培训费', patterns: [/^培训费$/] },
  { key: 'operatingFunds', label: '机关运行经费', patterns: [/^机关运行经费(预算数?|预算安排数?|合计)?$/] },
  { key: 'adminFunds', label: '行政经费', patterns: [/^行政经费$/] },
  { key: 'threePublic', label: '“三公”经费', patterns: [/^三公经费(合计|小计)?$/, /^(财政拨款|一般公共预算)?(拨款)?三公经费(财政拨款)?(预算)?(总额|合计|小计|总计)$/] },
  // one-amount tables and comparisons
  { key: 'prior', label: '上年预算数', patterns: [/^(上年|(19|20)\d\d年)(预算数?|执行数|预计执行数?|决算数)$/] },
  { key: 'amount', label: '预算数', patterns: [/^((19|20)\d\d年(度)?)?(预算数?|本年预算数?|年预算数|金额|预算金额|项目金额|本年数|数额|预算安排)$/] },
  { key: 'change', label: '增减额', patterns: [/^(增减(额|金额)?|增加|比上年增减|增（减）额)$/] },
];

/** The key prefix of a final account's figure kind; the 决算数 is the table's own figure, keyed plainly. */
const FIGURE_PREFIX: Record<FinalFigureKind, string> = { initial: 'initial', adjusted: 'adjusted', final: 'final' };
/** Scopes whose subtotal is the group's `total` (上年 / 合计 → prior.total), not a key of the scope's own. */
const TOTAL_SCOPES = new Set(['prior', 'change', 'initial', 'adjusted', 'final']);

/** Group labels that scope their members ("上年结转结余 / 一般公共预算资金" is carry-over, not appropriation). */
export const SCOPE_GROUPS: ReadonlyArray<{ prefix: string; patterns: RegExp[] }> = [
  { prefix: 'current', patterns: [/^本年(收入|支出)$/] },
  { prefix: 'carryOver', patterns: [/^(上年结(转|余)(结(转|余))?|上年结余、结转|年初结转和结余|上年结转资金)$/] },
  { prefix: 'prior', patterns: [/^(上年|(19|20)\d\d年)(预算|执行|决算)?数?$/, /^上年(预算)?$/] },
  { prefix: 'change', patterns: [/^(增减|增减额|增减变化|增减变化情况|比上年增减|变动情况|增减情况|增减变动)$/] },
  // A final account's figure kinds (final-accounts.ts): 年初预算数 / 调整预算数 / 全年预算数 scope their
  // columns (`initial.total`, `initial.basic`, `adjusted.total`); 决算数 is the table's own figure (no prefix).
  ...FIGURE_COLUMN_WORDS.map(([kind, p]) => ({ prefix: FIGURE_PREFIX[kind], patterns: [p] })),
];

/** Leaves that only name a subtotal of their group ("基本支出 / 小计" is 基本支出). */
const SUBTOTAL_LEAF = /^(小计|合计|计)$/;

/** The term a squashed label names, or null. (The same header words and labels are looked up again and again while a document is read: remembered.) */
export const termOfLabel: (label: string) => ColumnTerm | null = rememberShort(termOnce);

function termOnce(label: string): ColumnTerm | null {
  const s = squashTitle(label)
    .replace(/^其中[:：]/, '')
    .replace(/^[0-9]+[.、]/, '');
  for (const t of COLUMN_TERMS) if (t.patterns.some((p) => p.test(s))) return t;
  return null;
}

/**
 * The contract key of a column from its header path (top group first, leaf last), or null when the
 * vocabulary does not know it. A subtotal leaf takes its group's key; a member of a scope group
 * (上年结转) gets the group's prefix ("carryOver.general"), its subtotal the group's own key. With
 * `initialBudget` (a final account's header that prints a 决算数 group), a plain 预算数 group is 年初预算数.
 */
export function columnKeyOf(path: readonly string[], year: number | null = null, opts: { initialBudget?: boolean } = {}): string | null {
  // A year printed in a header is the document's own (dropped) or an earlier one (上年).
  const dated = path.map((p, i) => {
    const s = squashTitle(p);
    // A final account's header printing 决算数 beside a plain 预算数 (the 三公 table's 预算数 | 决算数 groups):
    // the 预算数 is the budget at the year's start (final-accounts.ts), its columns `initial.…`.
    if (opts.initialBudget && i < path.length - 1 && finalFigureKindOf(s) === 'initial' && figureColumnKindOf(s) === null) return '年初预算数';
    const m = /^((?:19|20)\d\d)年度?/.exec(s);
    if (!m || year === null) return s;
    const y = Number(m[1]);
    if (y === year) return s.slice(m[0].length) || '预算数';
    return y < year ? '上年' + s.slice(m[0].length) : s;
  });
  const cells = dated.filter((p) => p !== '' && (path.length === 1 || !/^(其中|预算数|收入|支出|金额|项目)$/.test(p)));
  if (cells.length === 0) return null;
  const leaf = cells[cells.length - 1]!;
  const groups = cells.slice(0, -1);
  const scopeOf = (g: string) => SCOPE_GROUPS.find((s) => s.patterns.some((p) => p.test(g)));
  // A figure kind printed as a column of its own ("年初预算数", "全年预算数", "决算数"): that figure's total.
  const own = groups.length === 0 ? FIGURE_COLUMN_WORDS.find(([, p]) => p.test(leaf)) : undefined;
  if (own) return own[0] === 'final' ? 'total' : `${FIGURE_PREFIX[own[0]]}.total`;
  // The nearest scope above the leaf (上年 / 增减 / 上年结转 / 本年收入) qualifies the key.
  const scope = [...groups]
    .reverse()
    .map(scopeOf)
    .find((s) => s !== undefined);
  let base: string | null;
  if (SUBTOTAL_LEAF.test(leaf)) {
    // A subtotal is its nearest named group's; under a scope alone, the scope's own total.
    base = null;
    for (let i = groups.length - 1; i >= 0; i--) {
      const sc = scopeOf(groups[i]!);
      if (sc) {
        base = TOTAL_SCOPES.has(sc.prefix) ? 'total' : sc.prefix;
        break;
      }
      // (A group's heading wrapped over two header lines is read as two groups: "公务用车购置及" over
      // "运行维护费" is 公务用车购置及运行维护费, not 运行维护费.)
      const wrapped = i > 0 ? termOfLabel(groups[i - 1]! + groups[i]!) : null;
      const t = wrapped ?? termOfLabel(groups[i]!) ?? (/三公/.test(groups[i]!) ? COLUMN_TERMS.find((x) => x.key === 'threePublic')! : null);
      if (t) {
        base = t.key;
        break;
      }
    }
    base ??= 'total';
  } else {
    const t = termOfLabel(leaf);
    if (!t) return null;
    base = t.key;
  }
  if (!scope || scope.prefix === 'current' || scope.prefix === 'final' || base === scope.prefix) return base;
  return `${scope.prefix}.${base}`;
}

/** The national label of a contract key ("general" → 一般公共预算拨款), or the key itself. */
export function columnTermLabel(key: string): string {
  const [head, tail] = key.includes('.') ? key.split('.', 2) : [key, undefined];
  const t = COLUMN_TERMS.find((x) => x.key === (tail ?? head));
  if (!t) return key;
  if (tail) return `${COLUMN_TERMS.find((x) => x.key === head)?.label ?? head}：${t.label}`;
  return t.label;
}

/** The tables of appropriated expenditure by function class, one per kind of fund (national 表7–9; a final account's 公开05、08、09表): a code's 支出总计 is their sum. */
export const FUNCTION_EXPENDITURE_ROLES: readonly TableRole[] = ['general-budget-function', 'gov-fund-function', 'state-capital-function'];

/** Roles whose rows carry function codes (支出功能分类). */
export const FUNCTION_ROLES: readonly TableRole[] = [
  'general-budget-function',
  'gov-fund-function',
  'state-capital-function',
  'appropriation-expenditure',
  'basic-expenditure-function',
  'expenditure-summary',
  'revenue-summary',
];

/** Roles whose rows carry economic codes (支出经济分类). */
export const ECONOMIC_ROLES: readonly TableRole[] = ['basic-expenditure-economic', 'appropriation-basic-economic', 'general-budget-economic', 'project-expenditure-economic', 'gov-fund-economic'];

/**
 * The headings over the two sides of a two-sided summary ("收    入 | 支    出", letter-spaced across the
 * side): they name a side, not a column.
 */
export const SIDE_HEADING = /^(收入|支出)$/;

/** The heading of a column that numbers the lines of a table (1, 2, 3 …): no amount, no label. */
export const SEQ_HEADING = /^(序号|序)$/;

/** The heading of a column of line numbers (行次), printed beside each side's figures in the national final account's two-sided tables. */
export const LINE_NO_HEADING = /^(行次|栏次)$/;

/** Headings of a column of counts printed among the label cells (a procurement table's 数量): no amount, no label. */
export const COUNT_HEADING = /^(数量|人数|个数|台数|件数|台（套）数|台\(套\)数)$/;

/**
 * A line naming a form of funding (经费形式: 全额, 差额, 自收自支 …), printed in a per-unit table above the
 * units so funded: it heads them.
 */
export const FUNDING_FORM = /^(全额|差额|自收自支|定额|定补|经费自理)(拨款|补助)?(单位)?$/;

/** Headings of the column of budget units' codes (单位编码): the code there is the line's unit's, not a classification's. */
export const UNIT_CODE_HEADING = /^(预算)?单位(编码|代码|编号)$/;

/** Headings of a procurement table's catalogue column (采购目录, 采购品目): each line prints there its 品目, code and name ("C04070100体检服务"). */
export const CATALOGUE_HEADING = /^(?:政府)?(?:采购目录|采购品目|品目)(?:编码|代码|名称)?$/u;

/**
 * A 政府采购品目 code (A 货物, B 工程, C 服务, two digits a level: A02, A0201 … C04070100) and the name printed
 * after it, glued or not ("A02021003A4黑白打印机": the name starts at the letter after the digits).
 */
export const CATALOGUE_CODE_NAME = /^([A-C](?:\d{2}){1,4})(?!\d)[-—－:：\s]*(.*)$/u;

/** Headings of a column of classification codes printed apart from the names (科目编码, 功能分类科目编码, 经济分类科目编码): whole numbers there are codes, never amounts. */
export const CLASS_CODE_HEADING = /^(?:(?:支出)?(?:功能|经济)分类)?科目(?:编码|代码)$/u;

/** Two-sided tables (revenue left, expenditure right). */
export const TWO_SIDED_ROLES: readonly TableRole[] = ['income-expenditure-summary', 'appropriation-summary'];

/** A column key the vocabulary did not give (`c<panel>_<n>`, `p2.c1_3`, `revenue.c1_2`): its meaning is unknown. */
export const isUnmappedKey = (key: string): boolean => /^(?:p\d+\.)?(?:revenue\.)?c\d+_\d+$/.test(key);

/**
 * A column's header as printed. A column whose header could not be read holds its placeholder key
 * (`c1_3`, `p2.c2_1`) as its header in the model; a page or a published table shows no header there
 * (`['']`), never the key.
 */
export function printedHeader(c: { key: string; header: string[] }): string[] {
  const placeholder = c.header.length === 1 && (c.header[0] === c.key || c.header[0] === c.key.replace(/^(?:p\d+\.)?(?:revenue\.)?/, ''));
  return isUnmappedKey(c.key) && placeholder ? [''] : c.header;
}

/** What a list or a sentence calls a column without a header. */
export const NO_HEADER = '（未读出列名的列）';

/** A column's header in one line ("一般公共预算 / 小计"), or NO_HEADER. */
export function headerText(c: { key: string; header: string[] }, sep = ' / '): string {
  const h = printedHeader(c).filter((x) => x !== '');
  return h.length > 0 ? h.join(sep) : NO_HEADER;
}
