/**
 * The genre's vocabulary of narrative facts, once: the fact keys (docs/narrative-facts.md) with their
 * Chinese names, the subjects a sentence can state an amount of ("收入预算", "基本支出", "“三公”经费",
 * "政府采购货物预算" …) with the phrasings the regions print for them, the scopes that qualify them
 * (一般公共预算, 政府性基金, 财政拨款 …), and the one mapping from subject and scope to a key. Importers
 * read sentences with it; rules and reports name facts with it.
 */
import { normalizeText } from '../text.js';

/** The key of a figure no phrasing places: held with the words before it as its label. */
export const MENTION = 'mention';

/** The key of a share ("占X%"): its money repeats the figure the share is of, already held as its own fact. */
export const SHARE = 'share';

/** A fact key of the contract. */
export interface FactKeyTerm {
  key: string;
  /** The national template's name of the figure. */
  label: string;
  kind: 'money' | 'count' | 'percent' | 'text';
}

/** Whose money a figure is: the department's whole budget, or one of its funding sources. */
export type FactScope = 'department' | 'appropriation' | 'general' | 'gov-fund' | 'state-capital';

/** Scope words, most specific first: "一般公共预算财政拨款支出" is 一般公共预算, not all 财政拨款. */
export const FACT_SCOPES: ReadonlyArray<{ scope: Exclude<FactScope, 'department'>; label: string; re: RegExp }> = [
  { scope: 'general', label: '一般公共预算', re: /一般公共预算|公共财政预算|一般预算/ },
  { scope: 'gov-fund', label: '政府性基金预算', re: /政府性基金/ },
  { scope: 'state-capital', label: '国有资本经营预算', re: /国有资本经营/ },
  { scope: 'appropriation', label: '财政拨款', re: /财政拨款|财政预算拨款|政府预算拨款|财政性资金/ },
];

/** The scope a phrase names (the most specific scope word in it), else the department's. */
export function scopeOf(phrase: string): FactScope {
  return FACT_SCOPES.find((s) => s.re.test(phrase))?.scope ?? 'department';
}

/** What a figure is an amount of. */
export type FactSubject =
  | 'revenue'
  | 'expenditure'
  | 'income-expenditure'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  | 'retiree'
  /** A funding source named by its scope words only ("一般公共预算拨款 X万元"): revenue or expenditure by the sentence. */
  | 'source'
  | 'special-account'
  | 'unit-funds'
  | 'business'
  | 'operating'
  | 'superior'
  | 'subordinate'
  | 'other-income'
  | 'carry-over'
  | 'three-public'
  | 'three-public.overseas'
  | 'three-public.reception'
  | 'three-public.vehicles'
  | 'three-public.vehicle-purchase'
  | 'three-public.vehicle-running'
  | 'operating-funds'
  | 'procurement'
  | 'procurement.goods'
  | 'procurement.works'
  | 'procurement.services'
  | 'meeting-fees'
  | 'training-fees'
  | 'entrusted-fees'
  | 'function.item'
  | 'economic.item';

/** Which side of the budget a subject is on (items of a "其中" list inherit their head's side). */
export function sideOf(s: FactSubject): 'revenue' | 'expenditure' | null {
  if (s === 'revenue' || REVENUE_SOURCES.includes(s)) return 'revenue';
  if (s === 'expenditure' || s === 'basic' || s === 'project' || s === 'personnel' || s === 'public' || s === 'retiree' || s === 'function.item' || s === 'economic.item') return 'expenditure';
  return null;
}

const REVENUE_SOURCES: readonly FactSubject[] = ['special-account', 'unit-funds', 'business', 'operating', 'superior', 'subordinate', 'other-income', 'carry-over'];

/** A subject and the phrasings that name it, as the head of the words before an amount. */
export interface SubjectTerm {
  subject: FactSubject;
  label: string;
  /**
   * Patterns over the squashed words before an amount, trailing filler words (预算, 安排, 为, 共计 …)
   * removed; anchored at the end, so that the head noun nearest the amount decides.
   */
  patterns: RegExp[];
  /** Topical subjects are recognised anywhere in a clause's words, not only as its head. */
  topical?: boolean;
  /** Words that make the figure a part of the subject, not the subject ("预留给中小企业的政府采购"). */
  unless?: RegExp;
}

/**
 * The subjects, most specific first. Topical subjects (三公, 机关运行经费, 政府采购 …) come first:
 * "机关运行经费财政拨款预算" is 机关运行经费 whatever scope word follows it.
 */
export const SUBJECT_TERMS: readonly SubjectTerm[] = [
  { subject: 'three-public.vehicle-purchase', label: '公务用车购置费', topical: true, patterns: [/公务用车购置(费|支出|经费)?(?!及|和|与)/] },
  { subject: 'three-public.vehicle-running', label: '公务用车运行维护费', topical: true, patterns: [/(?<!购置(及|和|与))公务用车运行(维护|维修)?(费|支出|经费)?/] },
  { subject: 'three-public.vehicles', label: '公务用车购置及运行维护费', topical: true, patterns: [/公务用车购置(及|和|与)运行(维护|维修)?(费|支出|经费)?/] },
  { subject: 'three-public.overseas', label: '因公出国（境）费', topical: true, patterns: [/因公出国\(境\)(费用?|经费|支出)?/] },
  { subject: 'three-public.reception', label: '公务接待费', topical: true, patterns: [/公务接待(费用?|经费|支出)?/] },
  { subject: 'three-public', label: '“三公”经费', topical: true, patterns: [/[“"]?三公[”"]?经费/] },
  { subject: 'operating-funds', label: '机关运行经费', topical: true, patterns: [/机关运行经费|^行政经费|[^)]行政经费/] },
  { subject: 'procurement.goods', label: '政府采购货物预算', topical: true, patterns: [/(政府采购|采购)货物|货物(类)?(采购|项目)/], unless: /预留|中小企业|小微企业|小型和微型|面向/ },
  { subject: 'procurement.works', label: '政府采购工程预算', topical: true, patterns: [/(政府采购|采购)工程|工程(类)?(采购|项目)/], unless: /预留|中小企业|小微企业|小型和微型|面向/ },
  { subject: 'procurement.services', label: '政府采购服务预算', topical: true, patterns: [/(政府采购|采购)服务(?!中心)|服务(类)?(采购|项目)/], unless: /预留|中小企业|小微企业|小型和微型|面向/ },
  { subject: 'procurement', label: '政府采购预算', topical: true, patterns: [/政府采购/], unless: /预留|中小企业|小微企业|小型和微型|面向/ },
  { subject: 'meeting-fees', label: '会议费', topical: true, patterns: [/会议费/] },
  { subject: 'training-fees', label: '培训费', topical: true, patterns: [/培训费/] },
  { subject: 'entrusted-fees', label: '委托业务费', topical: true, patterns: [/委托业务费/] },
  // breakdowns of expenditure and sources of revenue: the whole core of the words, once the year, the
  // department, scope words and fillers are set aside ("一般公共预算拨款基本支出" is 基本支出 of 一般公共预算,
  // "莲塘口岸…项目上年结转" is no source of the department's revenue)
  { subject: 'basic', label: '基本支出', patterns: [/^基本支出$/] },
  { subject: 'project', label: '项目支出', patterns: [/^项目支出$/] },
  { subject: 'personnel', label: '人员经费', patterns: [/^人员(经费|支出)$/] },
  { subject: 'public', label: '公用经费', patterns: [/^(日常)?公用(经费|支出)$/] },
  { subject: 'retiree', label: '离退休人员支出', patterns: [/^离退休(人员)?(经费|支出|费)$/] },
  { subject: 'special-account', label: '财政专户管理资金', patterns: [/^财政专户(管理)?(的)?(资金|拨款)?(收入)?$/] },
  { subject: 'unit-funds', label: '单位资金', patterns: [/^单位资金(收入)?$/] },
  { subject: 'operating', label: '事业单位经营收入', patterns: [/^(事业单位)?经营收入(资金)?$/] },
  { subject: 'business', label: '事业收入', patterns: [/^事业收入(资金)?(\(不含(教育收费|专户管理的?教育收费)\))?$/] },
  { subject: 'superior', label: '上级补助收入', patterns: [/^上级补助(收入)?(资金)?$/] },
  { subject: 'subordinate', label: '附属单位上缴收入', patterns: [/^附属单位上缴(收入)?(资金)?$/] },
  { subject: 'other-income', label: '其他收入', patterns: [/^其他收入(资金)?$/] },
  { subject: 'carry-over', label: '上年结转', patterns: [/^上年(财政拨款)?结转(结余|和结余)?(资金|收入)?$/] },
  { subject: 'income-expenditure', label: '收支总预算', patterns: [/^(收支|收入支出)(总)?$/] },
  { subject: 'revenue', label: '收入预算', patterns: [/^收入(总)?$/] },
  { subject: 'expenditure', label: '支出预算', patterns: [/^支出(总)?$/] },
];

/**
 * Words that may follow a subject before its amount without changing it ("收入预算为", "支出预算合计",
 * "“三公”经费预算数为", "政府采购预算总额", "机关运行经费财政拨款预算"); removed from the end, repeatedly.
 */
export const SUBJECT_FILLERS = /(?:的|为|是|共|共计|合计|总计|总额|总数|预算数?|年初预算数?|预算(总)?额|安排|预算安排|计|达|约|金额|合计数)$/;

/**
 * The words a total may carry besides 收入 / 支出 / 收支 ("2026年本部门收入预算", "当年预算收入",
 * "相应安排支出预算", "本年一般公共预算收入"): the year, the department, scope words, 预算, 总 …
 */
const QUALIFIER =
  /^(?:20\d\d年度?|[,，、]|其中|包括|本部门|本单位|我单位|我局|我委|全局|部门|单位(?!资金)|本级|当年|本年度?|年初|全年|相应|安排|预算|总|共|合计|为|的|一般公共预算|公共财政预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|财政拨款|财政预算拨款|政府预算拨款|财政性资金|拨款)/;

const ORG_NAME = /^[\u4e00-\u9fa5()（）“”]{2,40}(?:局|署|委员会|委|中心|办公室|办公厅|厅|部|研究院|学院|学校|院|站|所|支队|大队|队|馆|处|社|政府|总会|联合会|协会)(?:\(本级\)|本级|机关)?$/;

/** An organisation's name followed by 部门 / 单位 预算 ("深圳市福田区数据管理中心部门预算收入"). */
const ORG_BEFORE_OWN =
  /^(?:20\d\d年度?)?[\u4e00-\u9fa5()（）“”]{2,40}?(?:局|署|委员会|委|中心|办公室|办公厅|厅|部|研究院|学院|学校|院|站|所|支队|大队|队|馆|处|社|政府|总会|联合会|协会)(?:\(本级\)|本级)?(?=(?:部门|单位)(?:综合)?(?:预算|收入|支出))/;

/**
 * An organisation's name alone (a section of part 3 titled by a unit): the figures under it are that
 * unit's, not the department's, unless it is the department itself.
 */
export function isOrgName(s: string): boolean {
  const t = normalizeText(s).replace(/\s+/g, '');
  return ORG_NAME.test(t) && !/情况|说明|预算|支出|收入|经费|采购|职能|职责|机构|概况|解释|目标|任务|绩效|名词|部分|构成|设置/.test(t);
}

/**
 * A budget item of the functional or economic classification named before an amount: a 类/款/项 path
 * ("一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)支出"), a code with its name
 * ("2011301-行政运行", "行政运行(2010801)", "工资福利支出(301)") or a quoted 科目 ("“一般公共服务支出”科目").
 */
export function budgetItemOf(words: string): { subject: 'function.item' | 'economic.item'; label: string } | null {
  const w = normalizeText(words)
    .replace(/\s+/g, '')
    .replace(/^(其中|包括)[:：]?/, '');
  const path = /^(.*\((?:类|款|项)\))(?:支出)?(?:预算(?:数|为)?|为)?$/.exec(w) ?? /^(.*\((?:类|款|项)\))/.exec(w);
  if (path) {
    const label = path[1]!.replace(/^[^\u4e00-\u9fa5“]+/, '').replace(/^(?:其中|包括)[:：]?/, '');
    if (label) return { subject: 'function.item', label };
  }
  const code = /(?:^|[^\d])(2\d{2}(?:\d{2}){0,2})[-—－\s]*([\u4e00-\u9fa5][^,，:：;；。()]*?)(?:预算(?:数|为)?|为)?$/.exec(w) ?? null;
  if (code) return { subject: 'function.item', label: `${code[1]} ${code[2]}` };
  const named = /([\u4e00-\u9fa5][^,，:：;；。()]*?)\(((?:2\d{2}|30\d|31\d|39\d|50\d|51\d|59\d)(?:\d{2}){0,2})\)(?:预算(?:数|为)?|为)?$/.exec(w);
  if (named) return { subject: /^(3|5)/.test(named[2]!) ? 'economic.item' : 'function.item', label: `${named[2]} ${named[1]}` };
  const quoted = /“([^”]+)”科目$/.exec(w);
  if (quoted) return { subject: 'function.item', label: quoted[1]! };
  return null;
}

/**
 * Words that are all a clause may say before an amount when its subject is the topic of the paragraph
 * or of its run-in title ("（一）收入预算：2026年年初预算数 X万元", "1.因公出国（境）费用。2026年预算数 X万元").
 */
export const GENERIC_LABEL = /^(?:20\d\d年度?|本年度?|当年|本部门|本单位|全年|年初|预算|预算数|安排|预算安排|预算为|合计|共|为|是|总额)*$/;

/**
 * The department (or unit) a disclosure is of, from the first lines of its text: "预算单位：上海市数据局",
 * "2026年度福州市商务局部门预算", "重庆市商务委员会2026年部门预算情况说明". Null when the cover does not say.
 */
export function departmentOfCover(text: string): string | null {
  const t = normalizeText(text).replace(/\s+/g, '');
  const named = /(?:预算单位|部门名称|单位名称|预算部门)[:：]([\u4e00-\u9fa5()（）]{2,40}?)(?=目录|20\d\d|第|一、|$)/.exec(t);
  if (named) return named[1]!;
  const m = /^(?:20\d\d年度?)?([\u4e00-\u9fa5()（）]{2,40}?)(?:20\d\d年度?)?(?:部门|单位)(?:综合)?(?:预算|决算)/.exec(t);
  return m && !/^(市级|区级|县级|省级)?$/.test(m[1]!) ? m[1]! : null;
}

/** The funds a performance statement covers ("涉及预算资金 X万元", "涉及财政性资金合计 X万元"). */
export const PERFORMANCE_FUNDS = /涉及[^,，:：;；]{0,12}?资金(合计|总额)?(为|共)?$/;

/** A funding source named by its scope words only ("一般公共预算拨款 X万元", "政府性基金预算当年拨款 X万元"). */
const SOURCE = /(一般公共预算|公共财政预算|政府性基金(预算)?|国有资本经营(预算)?|政府预算|财政)(当年)?(财政)?拨款(资金|收入)?$/;

/** Connectives and numbering before the words that name a figure ("其中：", "包括", "（一）", "2."). */
const LEAD = /^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?(?:其中|包括|主要是|主要包括|分别是|分别为|含|即|均为|合计|共计)*[:：,，]?/;

/** The subject a clause's words name (null when none does: the figure stays a mention). */
export function subjectOf(words: string, names: readonly string[] = []): FactSubject | null {
  const w = normalizeText(words).replace(/\s+/g, '').replace(LEAD, '');
  // The department's own name before a figure ("2026年深圳市统计局(本级)部门预算收入") says nothing more.
  const own = (h: string): string => {
    for (const n of names) {
      const k = normalizeText(n).replace(/\s+/g, '');
      const i = k ? h.indexOf(k) : -1;
      if (i >= 0 && /^(20\d\d年度?)?[,，]?$/.test(h.slice(0, i))) return h.slice(i + k.length);
    }
    // "<某单位>部门预算收入": a name followed by 部门 / 单位 is the document's own department.
    return h.replace(ORG_BEFORE_OWN, '');
  };
  if (w === '') return null;
  for (const t of SUBJECT_TERMS) {
    if (!t.topical || !t.patterns.some((p) => p.test(w))) continue;
    return t.unless?.test(w) ? null : t.subject;
  }
  let head = w;
  for (let i = 0; i < 8; i++) {
    for (const h of [head, own(head)]) {
      let core = h;
      for (let k = 0; k < 12 && QUALIFIER.test(core); k++) core = core.replace(QUALIFIER, '');
      core = core.replace(/、/g, '');
      for (const t of SUBJECT_TERMS) if (!t.topical && t.patterns.some((p) => p.test(core))) return t.subject;
      if (core === '' && SOURCE.test(h)) return 'source';
    }
    const next = head.replace(SUBJECT_FILLERS, '');
    if (next === head) break;
    head = next;
  }
  return null;
}

const SCOPED: Partial<Record<FactSubject, Record<FactScope, string | null>>> = {
  revenue: { department: 'revenue.total', appropriation: 'revenue.gov-approp', general: 'revenue.general', 'gov-fund': 'revenue.gov-fund', 'state-capital': 'revenue.state-capital' },
  expenditure: {
    department: 'expenditure.total',
    appropriation: 'expenditure.appropriation',
    general: 'expenditure.general',
    'gov-fund': 'expenditure.gov-fund',
    'state-capital': 'expenditure.state-capital',
  },
  'income-expenditure': { department: 'income-expenditure.total', appropriation: 'appropriation.total', general: null, 'gov-fund': null, 'state-capital': null },
};

/**
 * The key of a figure: its subject, the scope its words (or its list head, or its section) give, and
 * the side of the sentence it stands in. Null when the combination names no figure of the contract
 * ("其他收入" inside an expenditure list, a bare "拨款" outside any revenue or expenditure sentence).
 */
export function factKeyOf(subject: FactSubject, scope: FactScope, side: 'revenue' | 'expenditure' | null): string | null {
  const scoped = SCOPED[subject];
  if (scoped) return scoped[scope];
  switch (subject) {
    case 'source':
      if (scope === 'department' || side === null) return null;
      return SCOPED[side]![scope];
    case 'basic':
    case 'project':
    case 'personnel':
    case 'public':
    case 'retiree':
      if (side === 'revenue') return null;
      return scope === 'department' ? `expenditure.${subject}` : `expenditure.${scope}.${subject}`;
    case 'business':
    case 'operating':
    case 'superior':
    case 'subordinate':
    case 'other-income':
      // Named as 收入 ("事业收入", "其他收入"): a source unless the sentence is about expenditure.
      return side === 'expenditure' || scope !== 'department' ? null : `revenue.${subject}`;
    case 'special-account':
    case 'unit-funds':
    case 'carry-over':
      // Not named as 收入 ("上年结转 X万元" of a project): a source only where the sentence lists revenue.
      return side !== 'revenue' || scope !== 'department' ? null : `revenue.${subject}`;
    case 'procurement':
      return scope === 'department' ? 'procurement.total' : `procurement.${scope}.total`;
    case 'procurement.goods':
    case 'procurement.works':
    case 'procurement.services':
      return scope === 'department' ? subject : subject.replace('procurement.', `procurement.${scope}.`);
    case 'three-public':
      return 'three-public.total';
    default:
      return subject;
  }
}

/** The keys of the change against last year stated beside a keyed figure (docs/narrative-facts.md). */
export function changeKeysOf(key: string): { amount: string; percent: string } {
  const family: Record<string, string> = {
    'revenue.total': 'revenue',
    'expenditure.total': 'expenditure',
    'three-public.total': 'three-public',
    'procurement.total': 'procurement',
    'income-expenditure.total': 'income-expenditure',
  };
  const f = family[key];
  if (f) return { amount: `${f}.change.amount`, percent: `${f}.change.percent` };
  if (key.startsWith('three-public.') || key === 'operating-funds') return { amount: `${key}.change`, percent: `${key}.change.percent` };
  return { amount: `${key}.change.amount`, percent: `${key}.change.percent` };
}

/** The fact keys of the contract with their names (docs/narrative-facts.md and docs/model.md). */
export const FACT_KEYS: readonly FactKeyTerm[] = [
  { key: 'revenue.total', label: '收入预算（总额）', kind: 'money' },
  { key: 'revenue.change.amount', label: '收入比上年增减', kind: 'money' },
  { key: 'revenue.change.percent', label: '收入比上年增减幅度', kind: 'percent' },
  { key: 'revenue.gov-approp', label: '政府预算拨款', kind: 'money' },
  { key: 'revenue.appropriation', label: '财政拨款收入', kind: 'money' },
  { key: 'revenue.general', label: '一般公共预算拨款收入', kind: 'money' },
  { key: 'revenue.gov-fund', label: '政府性基金预算拨款收入', kind: 'money' },
  { key: 'revenue.state-capital', label: '国有资本经营预算拨款收入', kind: 'money' },
  { key: 'revenue.special-account', label: '财政专户管理资金', kind: 'money' },
  { key: 'revenue.unit-funds', label: '单位资金', kind: 'money' },
  { key: 'revenue.business', label: '事业收入', kind: 'money' },
  { key: 'revenue.operating', label: '事业单位经营收入', kind: 'money' },
  { key: 'revenue.superior', label: '上级补助收入', kind: 'money' },
  { key: 'revenue.subordinate', label: '附属单位上缴收入', kind: 'money' },
  { key: 'revenue.other-income', label: '其他收入', kind: 'money' },
  { key: 'revenue.carry-over', label: '上年结转（结余）', kind: 'money' },
  { key: 'revenue.component', label: '其他收入来源', kind: 'money' },
  { key: 'expenditure.total', label: '支出预算（总额）', kind: 'money' },
  { key: 'expenditure.change.amount', label: '支出比上年增减', kind: 'money' },
  { key: 'expenditure.change.percent', label: '支出比上年增减幅度', kind: 'percent' },
  { key: 'expenditure.appropriation', label: '财政拨款支出', kind: 'money' },
  { key: 'expenditure.general', label: '一般公共预算拨款支出', kind: 'money' },
  { key: 'expenditure.gov-fund', label: '政府性基金预算拨款支出', kind: 'money' },
  { key: 'expenditure.state-capital', label: '国有资本经营预算拨款支出', kind: 'money' },
  { key: 'expenditure.basic', label: '基本支出', kind: 'money' },
  { key: 'expenditure.project', label: '项目支出', kind: 'money' },
  { key: 'expenditure.personnel', label: '人员支出（人员经费）', kind: 'money' },
  { key: 'expenditure.public', label: '公用支出（公用经费）', kind: 'money' },
  { key: 'expenditure.retiree', label: '离退休人员支出', kind: 'money' },
  { key: 'expenditure.component', label: '其他支出构成', kind: 'money' },
  { key: 'expenditure.<scope>.basic', label: '（某一资金来源的）基本支出', kind: 'money' },
  { key: 'expenditure.<scope>.project', label: '（某一资金来源的）项目支出', kind: 'money' },
  { key: 'expenditure.<scope>.personnel', label: '（某一资金来源的）人员经费', kind: 'money' },
  { key: 'expenditure.<scope>.public', label: '（某一资金来源的）公用经费', kind: 'money' },
  { key: 'expenditure.<scope>.retiree', label: '（某一资金来源的）离退休人员支出', kind: 'money' },
  { key: 'income-expenditure.total', label: '收支总预算（收入支出总计）', kind: 'money' },
  { key: 'appropriation.total', label: '财政拨款收支总预算（总计）', kind: 'money' },
  { key: 'three-public.total', label: '“三公”经费', kind: 'money' },
  { key: 'three-public.change.amount', label: '“三公”经费比上年增减', kind: 'money' },
  { key: 'three-public.change.percent', label: '“三公”经费比上年增减幅度', kind: 'percent' },
  { key: 'three-public.overseas', label: '因公出国（境）费', kind: 'money' },
  { key: 'three-public.reception', label: '公务接待费', kind: 'money' },
  { key: 'three-public.vehicles', label: '公务用车购置及运行维护费', kind: 'money' },
  { key: 'three-public.vehicle-purchase', label: '公务用车购置费', kind: 'money' },
  { key: 'three-public.vehicle-running', label: '公务用车运行维护费', kind: 'money' },
  { key: 'three-public.<item>.change', label: '“三公”经费某项比上年增减', kind: 'money' },
  { key: 'three-public.<item>.change.percent', label: '“三公”经费某项比上年增减幅度', kind: 'percent' },
  { key: 'operating-funds', label: '机关运行经费', kind: 'money' },
  { key: 'operating-funds.change', label: '机关运行经费比上年增减', kind: 'money' },
  { key: 'operating-funds.change.percent', label: '机关运行经费比上年增减幅度', kind: 'percent' },
  { key: 'procurement.total', label: '政府采购预算', kind: 'money' },
  { key: 'procurement.goods', label: '政府采购货物预算', kind: 'money' },
  { key: 'procurement.works', label: '政府采购工程预算', kind: 'money' },
  { key: 'procurement.services', label: '政府采购服务预算', kind: 'money' },
  { key: 'procurement.<scope>.total', label: '（某一资金来源的）政府采购预算', kind: 'money' },
  { key: 'performance.amount', label: '纳入绩效目标管理的项目资金', kind: 'money' },
  { key: 'performance.department-amount', label: '纳入整体绩效目标管理的资金', kind: 'money' },
  { key: 'performance.project-count', label: '编报绩效目标的项目个数', kind: 'count' },
  { key: 'meeting-fees', label: '会议费', kind: 'money' },
  { key: 'training-fees', label: '培训费', kind: 'money' },
  { key: 'entrusted-fees', label: '委托业务费', kind: 'money' },
  { key: 'function.item', label: '支出功能分类科目（类/款/项）金额', kind: 'money' },
  { key: 'function.item.change.amount', label: '科目比上年增减', kind: 'money' },
  { key: 'function.item.change.percent', label: '科目比上年增减幅度', kind: 'percent' },
  { key: 'function.item.prior-execution', label: '科目上年预算执行数', kind: 'money' },
  { key: 'function.item.planned', label: '科目本年预算安排', kind: 'money' },
  { key: 'economic.item', label: '支出经济分类科目金额', kind: 'money' },
  { key: SHARE, label: '占比', kind: 'percent' },
  { key: 'change.current', label: '本年数（与上年相比）', kind: 'money' },
  { key: 'change.amount', label: '与上年相比增减额', kind: 'money' },
  { key: 'change.percent', label: '与上年相比增减幅度', kind: 'percent' },
  { key: MENTION, label: '说明中的其他金额', kind: 'money' },
];

/** The name of a fact key ("<scope>" and "<item>" keys by their pattern), or the key itself. */
export function factLabel(key: string): string {
  const exact = FACT_KEYS.find((k) => k.key === key);
  if (exact) return exact.label;
  const pattern = FACT_KEYS.find((k) => k.key.includes('<') && new RegExp(`^${k.key.replace(/\./g, '\\.').replace(/<[a-z]+>/g, '[a-z-]+')}$`).test(key));
  return pattern?.label ?? key;
}
