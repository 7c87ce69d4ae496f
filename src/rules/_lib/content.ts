/**
 * Shared helpers of the content rules (BUD-050…099): narrative, project forms, performance
 * targets and text hygiene. Formatting for messages, locations, name matching, indicator parsing
 * and the free-text places of a document. Pure; never throws on bad data.
 */
import { Decimal } from 'decimal.js';
import { tableOf } from './scope.js';
import type { BudgetDocument, Fact, Indicator, Money, ProjectForm, Row, Src, Table } from '../../domain/model.js';
import { FEN_PER, formatAmount, toDecimalString, type DisplayUnit } from '../../domain/money.js';
import { factsByKey } from '../../domain/query.js';
import { normalizeText, rememberShort, squash } from '../../domain/text.js';
import type { Location, RuleContext } from '../types.js';
import { locSrc } from './location.js';
import { compareTotal } from './rounding.js';
import { perRun } from './per-run.js';

export const FORM_SECTION = '预算项目支出绩效目标申报表';
export const DEPT_SECTION = '部门（单位）整体支出绩效目标申报表';

/** Places needed to show `fen` exactly in the document unit, at least 2 (cost lines carry up to 4). */
export function placesOf(doc: BudgetDocument, fen: number): number {
  const per = FEN_PER[doc.displayUnit];
  const max = Math.round(Math.log10(per));
  for (let d = 2; d < max; d++) if (fen % (per / 10 ** d) === 0) return d;
  return max;
}

/** "1,074.56 万元": an amount for a message, exact (more places when the source printed more). */
export function money(doc: BudgetDocument, fen: number): string {
  return `${formatAmount(fen, doc.displayUnit, placesOf(doc, fen))} ${doc.displayUnit}`;
}

/** A decimal string for a finding's expected/actual/difference, exact, in the display unit. */
export function dec(doc: BudgetDocument, fen: number): string {
  return toDecimalString(fen, doc.displayUnit, placesOf(doc, fen));
}

/**
 * The unit to compare narrative figures in: the document's unit only when every figure involved was
 * printed in it; a figure printed in 万元 is rounded to 0.01 万元 = 100 元, so against a table in 元 the
 * rounding allowance is that of 万元 (else a remainder of a few 元 would read as an error).
 */
export function statedUnit(doc: BudgetDocument, ...srcs: Array<Src | null | undefined>): DisplayUnit {
  if (doc.displayUnit === '万元') return '万元';
  return srcs.every((s) => s && /元/.test(s.raw) && !/万元/.test(s.raw)) ? doc.displayUnit : '万元';
}

/** Numeric finding fields: expected, actual, their difference (actual − expected) and the unit. */
export function figures(doc: BudgetDocument, expected: number, actual: number) {
  return { expected: dec(doc, expected), actual: dec(doc, actual), difference: dec(doc, actual - expected), unit: doc.displayUnit };
}

/** Finding fields for a finding without figures. */
export const NO_FIGURES = { expected: null, actual: null, difference: null, unit: null } as const;

/** "（第 123 行）" or "" when the line is unknown: messages name the line as well as the location does. */
export function lineRef(src: Src | null | undefined): string {
  return src?.line ? `（第 ${src.line} 行）` : '';
}

/** Location inside a project form. */
export function formLocation(form: ProjectForm, field: string | null, src?: Src | null): Location {
  const s = src ?? form.src;
  return { section: FORM_SECTION, item: form.name || form.id, field, line: s.line, page: s.page, form: form.id };
}

/** Location inside table 14 (department-wide targets). */
export function deptLocation(doc: BudgetDocument, item: string | null, field: string | null, src?: Src | null): Location {
  const s = src ?? doc.departmentTargets?.src ?? null;
  return { section: DEPT_SECTION, item, field, line: s?.line ?? null, page: s?.page ?? null, table: 14 };
}

/** Location of a table row (or the table itself). */
export function tableLocation(t: Table, row?: Row | null, field?: string | null): Location {
  const s = row?.src ?? t.src;
  return {
    section: t.title.text || t.role,
    item: row?.label ?? null,
    field: field ?? null,
    line: s.line,
    page: s.page,
    table: t.no,
    row: row?.id ?? null,
  };
}

/** "表 5《项目支出总表》" for messages. */
export function tableName(t: Table): string {
  const title = t.title.text ? `《${t.title.text}》` : `（${t.role}）`;
  return t.no != null ? `表 ${t.no}${title}` : title;
}

const NAME_NOISE_RE = /[\s"'“”‘’《》〈〉「」()（）[\]【】:：,，、.。;；]/g;
// The same names are keyed again and again across rules and the engine's re-runs (a pure function of the text).
const nameKeyOnce = rememberShort((s) => normalizeText(s).replace(NAME_NOISE_RE, ''));

/** Canonical form of an item name for matching across places (white space, quotes, brackets ignored). */
export function nameKey(s: string): string {
  return nameKeyOnce(s);
}

/** True when two item names denote the same item. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Narrative facts with the first of several keys present (keys are tried in order). */
export function factsOf(doc: BudgetDocument, ...keys: string[]): Fact[] {
  for (const k of keys) {
    const fs = factsByKey(doc, k);
    if (fs.length > 0) return fs;
  }
  return [];
}

/** The first money fact with any of the keys. */
export function moneyFact(doc: BudgetDocument, ...keys: string[]): (Fact & { money: NonNullable<Fact['money']> }) | undefined {
  for (const f of factsOf(doc, ...keys)) if (f.money) return f as Fact & { money: NonNullable<Fact['money']> };
  return undefined;
}

/** The first count fact with any of the keys. */
export function countFact(doc: BudgetDocument, ...keys: string[]): (Fact & { count: number }) | undefined {
  for (const f of factsOf(doc, ...keys)) if (typeof f.count === 'number') return f as Fact & { count: number };
  return undefined;
}

/** The project rows of table 13 (rows with a project name: kind `item`). */
export function table13Projects(doc: BudgetDocument): Row[] {
  const t = tableOf(doc, 'performance-projects');
  return t ? t.rows.filter((r) => r.kind === 'item') : [];
}

/** Percentage `part / whole × 100` rounded half up to `places`; null when `whole` is 0. */
export function percent(part: number, whole: number, places = 2): Decimal | null {
  if (whole === 0) return null;
  return new Decimal(part).div(whole).times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Parses a printed percentage ("0.01", "0.01%", "-3.5") into a Decimal, or null. */
export function parsePercent(s: string | undefined | null): Decimal | null {
  if (s == null) return null;
  const t = normalizeText(s).replace(/[%\s]/g, '').replace('−', '-');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return null;
  return new Decimal(t);
}

/** Places printed in a percentage text ("0.01%" → 2). */
export function percentPlaces(s: string): number {
  const m = /\.(\d+)/.exec(s);
  return m?.[1]?.length ?? 0;
}

// --- indicators ------------------------------------------------------------------------------

/** One set of indicators: a project form's or table 14's. */
export interface IndicatorSet {
  /** Human name of the place for messages: "项目「购置费」" / "部门整体支出绩效目标". */
  place: string;
  form: ProjectForm | null;
  indicators: Indicator[];
  location(field: string | null, src?: Src | null, item?: string | null): Location;
}

/** Table 14 first (when present), then every project form. */
export function indicatorSets(doc: BudgetDocument): IndicatorSet[] {
  const out: IndicatorSet[] = [];
  const dt = doc.departmentTargets;
  if (dt) {
    out.push({
      place: '部门整体支出绩效目标申报表',
      form: null,
      indicators: dt.indicators,
      location: (field, src, item) => deptLocation(doc, item ?? null, field, src),
    });
  }
  for (const f of doc.projectForms) {
    out.push({
      place: `项目「${f.name || f.id}」绩效目标申报表`,
      form: f,
      indicators: f.indicators,
      location: (field, src, item) => ({ ...formLocation(f, field, src), ...(item ? { item: `${f.name || f.id} / ${item}` } : {}) }),
    });
  }
  return out;
}

/** Canonical indicator level name: "产出" for "产出指标", "满意度" for "服务对象满意度指标" etc. */
export function level1Of(ind: Indicator): '产出' | '效益' | '满意度' | '成本' | '投入' | null {
  const s = squash(normalizeText(ind.level1));
  if (s.includes('产出')) return '产出';
  if (s.includes('效益')) return '效益';
  if (s.includes('满意')) return '满意度';
  if (s.includes('成本')) return '成本';
  if (s.includes('投入')) return '投入';
  // A first level the reader could not take from the form: the second level names it in the national
  // indicator framework (社会效益指标 → 效益, 服务对象满意度指标 → 满意度, 数量/质量/时效指标 → 产出).
  const l2 = squash(normalizeText(ind.level2));
  if (/效益/.test(l2)) return '效益';
  if (/满意/.test(l2)) return '满意度';
  if (/^(数量|质量|时效)(指标)?$/.test(l2)) return '产出';
  if (/成本/.test(l2)) return '成本';
  return null;
}

/** The indicator's target value as a Decimal, or null when absent or not a number. */
export function indicatorNumber(ind: Indicator): Decimal | null {
  if (ind.value == null) return null;
  const t = normalizeText(ind.value).replace(/[,\s]/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return null;
  return new Decimal(t);
}

/** True when the target is a percentage. */
export function isPercent(ind: Indicator): boolean {
  return ind.unit != null && /[%％]/.test(ind.unit);
}

/** Canonical indicator name (for duplicates and cross-form matching). */
export function indicatorKey(ind: Indicator): string {
  return nameKey(ind.name);
}

/**
 * Rates where less is better (failures, complaints, errors, accidents, leaks): a target of 100 %
 * or a "≥" floor on them is nonsense.
 */
export const ADVERSE_RATE_RE = /(故障|投诉|差错|失误|事故|泄密|返工|错误|失败|不合格|违规|违纪|超支|流失|误报|漏报|中断|宕机|缺陷)(发生|出现|事件)?率$/;

/**
 * A rate of the absence of the bad event, or of dealing with it, is favourable: 无差错率, 零事故率,
 * 故障排除率, 投诉处理率, 故障响应率 ("100%" is right for them).
 */
const FAVOURABLE_ADVERSE_RE = /(无|零|非|未发生|不发生|杜绝)(故障|投诉|差错|失误|事故|泄密|返工|错误|失败|不合格|违规|违纪|超支|流失|误报|漏报|中断|宕机|缺陷)/;

/** True for an adverse rate ("IDC机房运行维护故障率", "用户投诉率"), not "无差错率" or "故障排除率". */
export function isAdverseRate(name: string): boolean {
  const k = nameKey(name);
  return ADVERSE_RATE_RE.test(k) && !FAVOURABLE_ADVERSE_RE.test(k);
}

/** Rates and scores where more is better ("合格率", "满意度", "完成率", "及时率", "正常运行率"). */
export function isFavourableRate(name: string): boolean {
  const k = nameKey(name);
  if (isAdverseRate(k)) return false;
  return /(率|满意度)$/.test(k);
}

/** The set of values a quantitative target admits, as a closed/open interval; null when not numeric. */
export interface Interval {
  lo: Decimal | null;
  loOpen: boolean;
  hi: Decimal | null;
  hiOpen: boolean;
}

/** The interval a quantitative target admits (a bare value is "="). */
export function intervalOf(ind: Indicator): Interval | null {
  if (ind.qualitative || ind.notApplicable) return null;
  const v = indicatorNumber(ind);
  if (!v) return null;
  switch (ind.comparator) {
    case '≥':
      return { lo: v, loOpen: false, hi: null, hiOpen: false };
    case '>':
      return { lo: v, loOpen: true, hi: null, hiOpen: false };
    case '≤':
      return { lo: null, loOpen: false, hi: v, hiOpen: false };
    case '<':
      return { lo: null, loOpen: false, hi: v, hiOpen: true };
    default:
      return { lo: v, loOpen: false, hi: v, hiOpen: false };
  }
}

/** True when two intervals share at least one value. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  // a must not end before b starts, and b must not end before a starts.
  const endsBefore = (x: Interval, y: Interval): boolean => {
    if (x.hi == null || y.lo == null) return false;
    const c = x.hi.comparedTo(y.lo);
    return c < 0 || (c === 0 && (x.hiOpen || y.loOpen));
  };
  return !endsBefore(a, b) && !endsBefore(b, a);
}

/** "≥90%" / "100%" / "有效": how the target reads, for messages. */
export function targetText(ind: Indicator): string {
  if (ind.notApplicable) return '不适用';
  if (ind.value == null) return ind.raw || '（空）';
  return `${ind.comparator && ind.comparator !== '=' ? ind.comparator : ''}${ind.value}${ind.unit ?? ''}`;
}

// --- free text -------------------------------------------------------------------------------

/** A piece of free text with where it is. */
export interface TextPlace {
  text: string;
  src: Src | null;
  /** "第二部分 部门预算收支总体情况" / "项目「购置费」测算明细" for messages. */
  place: string;
  location: Location;
  kind: 'narrative' | 'form' | 'department';
}

/**
 * Every free-text place of a document: narrative paragraphs, form texts, table 14 texts. Made once per
 * run of the rules (per-run.ts); the places are shared by the rules that read them, which never change them.
 */
export function textPlaces(doc: BudgetDocument): readonly TextPlace[] {
  return perRun('textPlaces', [doc.narrative, doc.projectForms, doc.departmentTargets], () => textPlacesOf(doc));
}

function textPlacesOf(doc: BudgetDocument): TextPlace[] {
  const out: TextPlace[] = [];
  for (const part of doc.narrative.parts) {
    for (const sec of part.sections) {
      const section = `第${part.no}部分 ${part.title}`;
      const item = sec.title ? `${sec.no}${sec.no && !/[、.]$/.test(sec.no) ? '、' : ''}${sec.title}` : null;
      for (const p of sec.paragraphs) {
        out.push({ text: p.text, src: p.src, place: item ? `${section} ${item}` : section, location: locSrc(section, p.src, item), kind: 'narrative' });
      }
    }
  }
  for (const f of doc.projectForms) {
    const name = f.name || f.id;
    const add = (field: string, text: string | undefined, src: Src | null | undefined): void => {
      if (text) out.push({ text, src: src ?? f.src, place: `项目「${name}」${field}`, location: formLocation(f, field, src ?? f.src), kind: 'form' });
    };
    add('项目名称', f.name, f.src);
    for (const o of f.overview) add(o.label || '项目概况', o.text, o.src);
    add('项目用途', f.use?.text, f.use?.src);
    add('项目中期目标', f.midTermGoal?.text, f.midTermGoal?.src);
    add('项目年度目标', f.annualGoal?.text, f.annualGoal?.src);
    for (const c of f.costLines) add('测算明细', c.text, c.src);
    for (const i of f.indicators) add(`绩效指标「${i.name}」`, `${i.name} ${i.raw}`, i.src);
  }
  const dt = doc.departmentTargets;
  if (dt) {
    const add = (field: string, text: string, src: Src | null | undefined): void => {
      if (text) out.push({ text, src: src ?? dt.src, place: `部门整体支出绩效目标申报表 ${field}`, location: deptLocation(doc, null, field, src ?? dt.src), kind: 'department' });
    };
    add('年度总体目标', dt.overallGoal.text, dt.overallGoal.src);
    for (const t of dt.tasks) add(`任务「${t.name}」`, `${t.name} ${t.content}`, t.src);
  }
  return out;
}

// --- project forms ---------------------------------------------------------------------------

/** The amount a form budgets for this year: 本年预算金额, else 项目总金额. */
export function formAmount(f: ProjectForm): Money | null {
  return f.amounts.currentYear ?? f.amounts.total ?? null;
}

/** The forms that belong to a table 5 / table 13 project: by `parentProject`, else by their own name. */
export function formsOfProject(doc: BudgetDocument, projectName: string): ProjectForm[] {
  return doc.projectForms.filter((f) => (f.parentProject ? sameName(f.parentProject, projectName) : sameName(f.name, projectName)));
}

/** Parses "2021-01-01", "2021.01.01", "2021年1月1日", "2021-01" into a comparable yyyy-mm-dd string. */
export function parseDate(s: string, end = false): string | null {
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})(?:\s*[-./月]\s*(\d{1,2})\s*日?)?/.exec(normalizeText(s).trim());
  if (!m) return null;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const lastDay = new Date(Date.UTC(Number(m[1]), mo, 0)).getUTCDate();
  const d = m[3] ? Number(m[3]) : end ? lastDay : 1;
  if (d < 1 || d > lastDay) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// --- fixtures for rule tests (small hand-built forms and indicators) ------------------------

/** A printed target reading (what the importer's readTarget returns). */
export interface TargetFields {
  comparator: Indicator['comparator'];
  value: string | null;
  unit: string | null;
  qualitative: boolean;
  notApplicable: boolean;
}

/** An indicator for tests: levels, name, printed target and its reading, at `line`. */
export function fixtureIndicator(level1: string, level2: string, name: string, raw: string, t: TargetFields, line: number | null = null): Indicator {
  return { level1, level2, name, raw, ...t, src: { line, page: null, raw } };
}

/** A complete, consistent project form for tests (100.00 万元, two cost lines, a plan, three levels). */
export function fixtureForm(over: Partial<ProjectForm> = {}): ProjectForm {
  const m = (fen: number, line: number): Money => ({ fen, decimals: 2, src: { line, page: null, raw: String(fen) } });
  const src = (line: number): Src => ({ line, page: null, raw: '' });
  const ind = (l1: string, l2: string, name: string, line: number, t: Partial<TargetFields>): Indicator =>
    fixtureIndicator(l1, l2, name, '', { comparator: null, value: null, unit: null, qualitative: false, notApplicable: false, ...t }, line);
  return {
    id: 'form-1',
    name: '测试项目',
    year: 2021,
    parentProject: null,
    attribute: { text: '延续项目', src: src(3) },
    period: { start: '2021-01-01', end: '2021-12-31', src: src(3) },
    competentDepartment: { text: '测试主管部门', src: src(4) },
    projectType: { text: '经常性项目', src: src(5) },
    amounts: { total: m(100_000_000, 6), currentYear: m(100_000_000, 6), fiscal: m(100_000_000, 7), other: m(0, 7), transfer: m(0, 8), purchasedServices: m(0, 8) },
    overview: [{ label: '项目背景', text: '为保障工作，特实施此项目。', src: src(9) }],
    use: { text: '主要用于测试。', src: src(10) },
    midTermGoal: { text: '完成测试工作。', src: src(11) },
    annualGoal: { text: '完成测试工作。', src: src(12) },
    costLines: [
      { no: 1, text: '1、服务费 60万元。', label: '服务费', amount: m(60_000_000, 13), src: src(13) },
      { no: 2, text: '2、维护费 40万元。', label: '维护费', amount: m(40_000_000, 14), src: src(14) },
    ],
    disbursement: [1, 2, 3, 4].map((q) => ({ quarter: q, amount: m(25_000_000, 15), src: src(15) })),
    indicators: [
      ind('产出指标', '数量指标', '工作完成率', 16, { comparator: '=', value: '100', unit: '%' }),
      ind('效益指标', '社会效益指标', '保障有效性', 17, { qualitative: true }),
      ind('满意度指标', '服务对象满意度指标', '用户满意度', 18, { comparator: '≥', value: '90', unit: '%' }),
    ],
    src: src(1),
    ...over,
  };
}

// --- narrative ↔ tables -----------------------------------------------------------------------

/**
 * Compares an amount the narrative states with the figure a table (or a sum of table figures) gives;
 * `parts` are the figures whose sum should equal the stated amount. Empty cells count as 0.
 */
export function compareStated(ctx: RuleContext, doc: BudgetDocument, f: Fact & { money: Money }, parts: Array<Money | number | null | undefined>, partLabels: string[], where: string): void {
  compareTotal(ctx, {
    total: f.money,
    parts,
    subject: `说明${lineRef(f.src)}「${f.label}」与${where}`,
    totalLabel: '说明所列',
    partLabels,
    location: locSrc('部门预算说明', f.src, f.label, f.key),
    unit: statedUnit(doc, f.src),
  });
}

/** Every money fact with a key (all statements: part 2 and part 3 may repeat a figure). */
export function moneyFacts(doc: BudgetDocument, key: string): Array<Fact & { money: Money }> {
  return factsByKey(doc, key).filter((f): f is Fact & { money: Money } => f.money != null);
}

/** The first row of a table with a kind (and side). */
export function firstRow(t: Table | undefined, kind: Row['kind'], side?: 'revenue' | 'expenditure'): Row | undefined {
  return t?.rows.find((r) => r.kind === kind && (side === undefined || r.side === side));
}

/**
 * The line of a two-sided summary a narrative total refers to: "本年收入合计 / 本年支出合计" (the
 * year's own money) is the subtotal line when the table prints one, anything else ("收入总计",
 * "收入预算") the grand total. A final account's 总计 adds 年初/年末结转和结余 to the year's money.
 */
export function statedTotalLine(t: Table | undefined, side: 'revenue' | 'expenditure', label: string): { row: Row | undefined; name: string } {
  const yearOnly = /本年.*合计/.test(squash(normalizeText(label)));
  const sub = yearOnly ? firstRow(t, 'subtotal', side) : undefined;
  if (sub) return { row: sub, name: side === 'revenue' ? '本年收入合计' : '本年支出合计' };
  return { row: firstRow(t, 'total', side), name: side === 'revenue' ? '收入总计' : '支出总计' };
}

/**
 * True when a per-unit table's `total` column (表2 收入合计 / 表3 支出合计) holds the same money as
 * the summary line a narrative total refers to: always for the year's own money; for a grand total
 * only when the per-unit table has a carry-over column or the summary carries nothing over.
 */
export function perUnitTotalComparable(summary: Table | undefined, perUnit: Table | undefined, side: 'revenue' | 'expenditure', yearOnly: boolean): boolean {
  if (!perUnit) return false;
  if (yearOnly || perUnit.columns.some((c) => c.key === 'carryOver')) return true;
  if (!summary) return true;
  const key = summary.sides?.[side] ?? 'amount';
  return summary.rows.filter((r) => r.side === side && r.kind === 'carry').every((r) => (r.amounts[key]?.fen ?? 0) === 0);
}

/** The unit line of a per-unit table (table 3, 4, 5 …): the `total` row, else the first `unit` row. */
export function unitLine(t: Table | undefined): Row | undefined {
  return firstRow(t, 'total') ?? firstRow(t, 'unit');
}

const PER_UNIT = {
  revenue: { role: 'revenue-summary', no: 2, year: '本年收入合计', all: '收入总计' },
  expenditure: { role: 'expenditure-summary', no: 3, year: '本年支出合计', all: '支出总计' },
} as const;

/**
 * Checks the total of one side the narrative states (`revenue.total`, `expenditure.total`) against
 * the table 1 line it names and the total of the per-unit table (表2 收入总计 / 表3 支出总计), or
 * its year's own money when the narrative states 本年…合计 and the per-unit table holds the same money.
 */
export function checkStatedTotal(ctx: RuleContext, doc: BudgetDocument, side: 'revenue' | 'expenditure'): void {
  const p = PER_UNIT[side];
  const s1 = tableOf(doc, 'income-expenditure-summary');
  const perUnit = tableOf(doc, p.role);
  const u = unitLine(perUnit);
  for (const f of moneyFacts(doc, `${side}.total`)) {
    // "本年收入合计" is the year's money (表1 subtotal); "收入总计" adds the carry lines.
    const line = statedTotalLine(s1, side, f.label);
    const yearOnly = line.row?.kind === 'subtotal';
    if (line.row?.amounts['amount'] !== undefined) compareStated(ctx, doc, f, [line.row.amounts['amount']], [`表1 ${line.name}`], `表1 ${line.name}`);
    const name = `表${p.no} ${yearOnly ? p.year : p.all}`;
    if (u?.amounts['total'] !== undefined && perUnitTotalComparable(s1, perUnit, side, yearOnly)) compareStated(ctx, doc, f, [u.amounts['total']], [name], name);
  }
}

/** A narrative fact for tests: money from a printed amount ("741.53"), or a count, or a percent. */
export function fixtureFact(key: string, label: string, value: { amount?: string; count?: number; percent?: string }, line: number | null = null): Fact {
  const src = { line, page: null, raw: label };
  const f: Fact = { key, label, src };
  if (value.amount !== undefined) {
    const [i = '0', d = ''] = value.amount.replace(/,/g, '').split('.');
    f.money = { fen: Number(i) * 1_000_000 + Number(d.padEnd(6, '0')), decimals: d.length, src };
  }
  if (value.count !== undefined) f.count = value.count;
  if (value.percent !== undefined) f.percent = value.percent;
  return f;
}
