/**
 * The words of performance-target forms (绩效目标表) as regions print them: column headers of their
 * grids, the labels of their key-value fields, the indicator levels. One place, so that every
 * layout is read by the same vocabulary rather than by a rule about one file.
 */
import { normalizeText, rememberShort } from '../../../domain/text.js';

/**
 * Comparison key of a printed label: NFKC, no white space, one kind of bracket and colon (each
 * fragment of a form is looked up in several vocabularies, each lookup keying it again: remembered).
 */
export const labelKey: (s: string) => string = rememberShort(keyOnce);

function keyOnce(s: string): string {
  return normalizeText(s)
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[：:]/g, ':')
    .replace(/[“”"‘’'「」]/g, '');
}

/** What a column of a form's grid holds. */
export type ColumnKind =
  | 'seq'
  | 'unitCode'
  | 'unitName'
  | 'projectName'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'general'
  | 'fund'
  | 'special'
  | 'basic'
  | 'project'
  | 'goal'
  | 'activity'
  | 'level1'
  | 'level2'
  | 'name'
  | 'levels'
  | 'comparator'
  | 'value'
  | 'unit'
  | 'weight'
  | 'core'
  | 'content'
  | 'scoring'
  | 'note'
  | 'subtotal';

/** Column headers (as keys) and the kind each names. */
const HEADER_WORDS: ReadonlyArray<readonly [ColumnKind, readonly string[]]> = [
  ['seq', ['序号']],
  ['unitCode', ['单位编码', '单位代码', '部门编码']],
  ['unitName', ['单位名称', '预算单位', '部门名称']],
  ['projectName', ['项目名称', '单位(项目)名称', '项目(政策)名称', '政策名称', '专项名称', '项目名称及编码', '一级项目名称', '二级项目名称']],
  ['total', ['项目总额', '资金总额', '金额', '项目金额', '预算金额', '当年财政拨款预算金额', '当年财政拨款', '年度资金总额', '预算支出总额', '当年预算', '总额']],
  ['fiscal', ['财政资金', '财政拨款', '财政拨款资金']],
  ['general', ['一般公共预算']],
  ['fund', ['政府性基金拨款', '政府性基金']],
  ['special', ['财政专户管理资金']],
  ['other', ['其他资金']],
  ['basic', ['基本支出']],
  ['project', ['项目支出']],
  ['subtotal', ['合计']],
  ['goal', ['绩效目标', '年度绩效目标', '当年绩效目标', '整体绩效目标', '项目绩效目标', '年度目标', '主要内容', '项目总体绩效目标', '总体绩效目标', '项目绩效目标值', '年度绩效目标值']],
  ['activity', ['活动', '任务', '任务名称']],
  ['level1', ['一级指标']],
  ['level2', ['二级指标']],
  ['name', ['三级指标', '指标名称', '指标内容', '绩效指标名称']],
  ['levels', ['绩效指标']],
  ['comparator', ['指标性质', '绩效指标性质', '指标值类型', '指标类型', '比较符', '符号']],
  ['value', ['指标值', '本年绩效指标值', '目标值', '绩效指标值', '年度指标值', '年度目标值', '指标目标值']],
  ['unit', ['度量单位', '计量单位', '绩效度量单位']],
  ['weight', ['指标权重', '指标权重(%)', '权重', '权重(%)', '分值', '指标分值', '分值权重', '分值权重(90分)', '分值权重(100分)']],
  ['core', ['是否核心', '是否核心指标']],
  ['content', ['指标值内容', '指标解释', '指标说明']],
  ['scoring', ['评(扣)分标准', '评分标准', '评(扣)分标准']],
  ['note', ['备注']],
];

const HEADER_INDEX = new Map<string, ColumnKind>();
for (const [kind, words] of HEADER_WORDS) for (const w of words) HEADER_INDEX.set(labelKey(w), kind);

/** The kind of column a header names, or null. */
export function headerKind(text: string): ColumnKind | null {
  return HEADER_INDEX.get(labelKey(text)) ?? null;
}

/** True when `text` is the beginning of some header (a wrapped header's first line). */
export function startsHeader(text: string): boolean {
  const k = labelKey(text);
  if (k === '') return false;
  for (const w of HEADER_INDEX.keys()) if (w.startsWith(k)) return true;
  return false;
}

/** True when `text` is part of some header (a wrapped header's piece: "标性质", "量单位", "指标"). */
export function inHeader(text: string): boolean {
  const k = labelKey(text);
  if (k === '') return false;
  for (const w of HEADER_INDEX.keys()) if (w.includes(k)) return true;
  return false;
}

/** Words printed in header bands above or beside columns (group headers, scores) that name no column. */
const HEADER_NOISE = [
  '其中',
  '其中:',
  '绩效指标',
  '年度预算申请',
  '按收入性质分',
  '按支出性质分',
  '部门整体支出年度绩效目标',
  '预算金额(万元)',
  '总体资金情况(万元)',
  '执行率分值(10分)',
  '分值权重(90分)',
  '单位:万元',
  '金额单位:万元',
  '单位:元',
];
const NOISE_KEYS = new Set(HEADER_NOISE.map(labelKey));

/** True when `text` is a piece of a header band's group words ("年度预算申", "执行率分"). */
export function startsHeaderNoise(text: string): boolean {
  const k = labelKey(text);
  if (k === '') return false;
  for (const w of NOISE_KEYS) if (w.includes(k)) return true;
  return false;
}

/** True for the text of a header band that names no column of its own. */
export function isHeaderNoise(text: string): boolean {
  return NOISE_KEYS.has(labelKey(text));
}

/** Columns that identify an indicator grid. */
export const INDICATOR_KINDS: readonly ColumnKind[] = ['level1', 'level2', 'name', 'levels', 'comparator', 'value', 'unit', 'weight', 'core', 'content', 'scoring'];
/** Columns that identify a grid of projects (one band of rows per project). */
export const PROJECT_KINDS: readonly ColumnKind[] = ['seq', 'unitCode', 'unitName', 'projectName', 'total', 'fiscal', 'other', 'goal'];

// ---------------------------------------------------------------------------------------------
// Key-value fields of a form printed as a card

export type FieldKind =
  | 'name'
  | 'department'
  | 'competent'
  | 'implementer'
  | 'code'
  | 'period'
  | 'total'
  | 'currentYear'
  | 'fiscal'
  | 'transfer'
  | 'other'
  | 'basic'
  | 'project'
  | 'cityLevel'
  | 'counties'
  | 'annualGoal'
  | 'midTermGoal'
  | 'overview'
  | 'remark';

/** Amount-valued fields. */
export const AMOUNT_FIELDS: readonly FieldKind[] = ['total', 'currentYear', 'fiscal', 'transfer', 'other', 'basic', 'project', 'cityLevel', 'counties'];
/** Text-valued fields whose text may run over several lines around the label. */
export const TEXT_FIELDS: readonly FieldKind[] = ['annualGoal', 'midTermGoal', 'overview', 'remark'];

const FIELD_WORDS: ReadonlyArray<readonly [FieldKind, readonly string[]]> = [
  ['name', ['项目名称', '专项资金名称', '转移支付名称', '政策名称', '项目(政策)名称', '资金名称', '专项名称', '政策(项目)名称', '专项(项目)名称', '项目(专项)名称']],
  ['department', ['部门名称', '部门(单位)名称', '单位名称', '预算部门', '部门(单位)']],
  ['competent', ['主管部门', '主管部门及代码', '资金主管部门', '市级主管部门', '预算主管部门', '项目主管部门', '主管部门名称']],
  ['implementer', ['实施单位', '项目实施单位', '实施单位名称']],
  ['code', ['部门预算编码', '单位编码', '项目编码', '项目代码']],
  ['period', ['实施期限', '项目期限', '项目周期', '起止时间', '项目起止时间', '执行期限', '实施周期']],
  ['total', ['实施期资金总额', '项目总额', '资金总额', '总额', '预算金额', '项目资金总额']],
  ['currentYear', ['年度资金总额', '年度预算资金总额', '年度预算资金', '年度预算资金(万元)', '年度金额', '当年预算', '年度预算', '本年预算', '年度预算数', '当年预算金额']],
  ['fiscal', ['财政拨款', '财政资金', '市级财政资金', '本级财政资金', '财政拨款资金', '财政拨款(万元)']],
  ['transfer', ['中央财政资金', '上级补助资金', '转移支付资金', '上级转移支付资金', '省级财政资金']],
  ['other', ['其他资金', '其他资金(万元)']],
  ['basic', ['基本支出']],
  ['project', ['项目支出']],
  ['cityLevel', ['市级支出']],
  ['counties', ['补助区县']],
  ['annualGoal', ['年度目标', '年度绩效目标', '当年绩效目标', '年度总体目标', '绩效目标', '年度总目标', '总体目标', '当年整体绩效目标', '整体绩效目标', '年度整体绩效目标']],
  ['midTermGoal', ['实施期目标', '项目实施期目标', '实施期总目标', '中长期目标', '长期目标', '中期目标']],
  ['overview', ['项目概况', '项目简介', '项目基本情况', '立项依据', '主要政策任务', '项目内容', '其他说明']],
  ['remark', ['备注']],
];

const FIELD_INDEX = new Map<string, FieldKind>();
for (const [kind, words] of FIELD_WORDS) for (const w of words) FIELD_INDEX.set(labelKey(w), kind);

/** Labels that group fields ("专项资金情况（万元）") or name a score column: no value of their own. */
const GROUP_LABELS = [
  '专项资金情况',
  '专项资金情况(万元)',
  '资金情况',
  '资金情况(万元)',
  '项目资金',
  '项目资金(万元)',
  '资金金额',
  '资金金额(万元)',
  '总体资金情况',
  '总体资金情况(万元)',
  '年度预算安排',
  '年度预算安排(万元)',
  '(万元)',
  '万元',
  '执行率分值',
  '执行率分值(10分)',
  '分值权重',
  '分值权重(90分)',
  '年度绩效指标',
  '绩效目标指标',
  '绩效指标',
  '年度主要任务',
  '预算金额(万元)',
  '资金来源(万元)',
  '年度资金情况',
  '年度资金情况(万元)',
  '项目资金情况',
  '项目资金情况(万元)',
];
const GROUP_KEYS = new Set(GROUP_LABELS.map(labelKey));

/** The field a printed label names ("其中：财政拨款" → fiscal; a trailing colon is ignored), or null. */
export function fieldKind(text: string): FieldKind | null {
  const k = labelKey(text)
    .replace(/^其中:?/, '')
    .replace(/:$/, '');
  return FIELD_INDEX.get(k) ?? null;
}

/** True for a label that groups fields and holds no value ("专项资金情况", "（万元）"). */
export function isGroupLabel(text: string): boolean {
  const k = labelKey(text).replace(/:$/, '');
  return GROUP_KEYS.has(k);
}

/** True when `text` begins some field or group label (a label wrapped over lines). */
export function startsLabel(text: string): boolean {
  const k = labelKey(text).replace(/^其中:?/, '');
  if (k === '') return false;
  for (const w of FIELD_INDEX.keys()) if (w.startsWith(k) && w !== k) return true;
  for (const w of GROUP_KEYS) if (w.startsWith(k) && w !== k) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Indicator levels

/** Level-1 indicator names. */
export const LEVEL1_WORDS: readonly string[] = ['产出指标', '效益指标', '满意度指标', '成本指标', '投入指标', '管理指标', '效果指标', '影响指标'];

/** Level-2 names and the level 1 each belongs to (forms print 经济成本 or 经济成本指标 alike). */
const LEVEL2_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['数量指标', '产出指标'],
  ['质量指标', '产出指标'],
  ['时效指标', '产出指标'],
  ['经济成本指标', '成本指标'],
  ['经济成本', '成本指标'],
  ['社会成本指标', '成本指标'],
  ['社会成本', '成本指标'],
  ['生态环境成本指标', '成本指标'],
  ['生态环境成本', '成本指标'],
  ['生态成本指标', '成本指标'],
  ['经济效益指标', '效益指标'],
  ['经济效益', '效益指标'],
  ['社会效益指标', '效益指标'],
  ['社会效益', '效益指标'],
  ['生态效益指标', '效益指标'],
  ['生态效益', '效益指标'],
  ['可持续影响指标', '效益指标'],
  ['可持续影响', '效益指标'],
  ['服务对象满意度指标', '满意度指标'],
  ['服务对象满意度', '满意度指标'],
  ['满意度指标', '满意度指标'],
  ['一般性支出情况', '成本指标'],
];
const LEVEL2_INDEX = new Map(LEVEL2_WORDS.map(([w, l1]) => [labelKey(w), l1] as const));
// 成本指标 is a level 1 in the current templates and a level 2 under 产出指标 in older ones.
const LEVEL_TERMS = [...new Set([...LEVEL1_WORDS, ...LEVEL2_WORDS.map(([w]) => w)].map(labelKey))];
/** The level terms longest first (the order splitLevelWords tries them in), sorted once. */
const LEVEL_TERMS_LONGEST_FIRST = [...LEVEL_TERMS].sort((a, b) => b.length - a.length);

/** The level 1 a level-2 name belongs to, or null when the name is not in the vocabulary. */
export function level1OfLevel2(level2: string): string | null {
  return LEVEL2_INDEX.get(labelKey(level2)) ?? null;
}

/** True when `text` is a complete level name (level 1 or 2). */
export function isLevelTerm(text: string): boolean {
  return LEVEL_TERMS.includes(labelKey(text));
}

/** True when `text` begins a level name and is not yet complete ("经济成本指", "服务对象满"). */
export function startsLevelTerm(text: string): boolean {
  const k = labelKey(text);
  return k !== '' && LEVEL_TERMS.some((w) => w.startsWith(k) && w !== k);
}

/** Level names printed with no space between them ("产出指标数量指标") as their parts, or null. */
export function splitLevelWords(text: string): string[] | null {
  const k = labelKey(text);
  if (k.length < 6 || k.length !== text.replace(/\s+/g, '').length) return null;
  const parts: string[] = [];
  let at = 0;
  while (at < k.length) {
    const w = LEVEL_TERMS_LONGEST_FIRST.find((t) => k.startsWith(t, at));
    if (!w) return null;
    parts.push(w);
    at += w.length;
  }
  return parts.length >= 2 ? parts : null;
}

/**
 * The level a word names: 1 for a level-1 name, 2 for a level-2 name, the same for the beginning of
 * only such names ("经济成本指"); null for anything else or a beginning both share ("成本指").
 */
let levelKeys: { l1: string[]; l2: string[] } | null = null;

/** The keys of the level-1 and level-2 words, made once (they were made again on every call). */
function levelWordKeys(): { l1: string[]; l2: string[] } {
  if (!levelKeys) {
    const l1 = LEVEL1_WORDS.map(labelKey);
    const s1 = new Set(l1);
    levelKeys = { l1, l2: LEVEL2_WORDS.map(([w]) => labelKey(w)).filter((w) => !s1.has(w)) };
  }
  return levelKeys;
}

export function levelOfWord(text: string): 1 | 2 | null {
  const k = labelKey(text);
  if (k === '') return null;
  const { l1, l2 } = levelWordKeys();
  if (l1.includes(k)) return 1;
  if (l2.includes(k)) return 2;
  const in1 = l1.some((w) => w.startsWith(k));
  const in2 = l2.some((w) => w.startsWith(k));
  if (k.length >= 3 && in1 && !in2) return 1;
  if (k.length >= 3 && in2 && !in1) return 2;
  return null;
}

/**
 * A combined level cell ("产出指标数量指标出具数据分析报告", Beijing's department-wide form) split into
 * level 1, level 2 and the name; null when it does not start with a level-1 name.
 */
export function splitLevels(text: string): { level1: string; level2: string; name: string } | null {
  const k = normalizeText(text).replace(/\s+/g, '');
  const l1 = LEVEL1_WORDS.find((w) => k.startsWith(w));
  if (!l1) return null;
  const rest = k.slice(l1.length);
  const l2 = [...LEVEL2_WORDS.map(([w]) => w)].sort((a, b) => b.length - a.length).find((w) => rest.startsWith(w));
  if (!l2) return { level1: l1, level2: '', name: rest };
  return { level1: l1, level2: l2, name: rest.slice(l2.length) };
}

/** Tokens printed in a comparator column ("≥", "＝", "定性"). */
export const COMPARATOR_TOKEN = /^(?:[≥≤><=≧≦⩾⩽]|>=|<=|定性|定量|大于等于|小于等于|大于|小于|等于)$/;

/** True for the margin words a form prints vertically beside its indicator grid ("年度绩效指标", "绩效目标指标"). */
export function isMarginWord(text: string): boolean {
  const k = labelKey(text);
  return k !== '' && /^[年度绩效目标指]+$/.test(k);
}
