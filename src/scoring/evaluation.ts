/**
 * Year-end self-evaluation (绩效自评) arithmetic, after 财预〔2020〕10号 and common local practice:
 * weights 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10 (configurable); "≥" scores actual ÷ target,
 * "≤" target ÷ actual, capped at the indicator's weight; zero targets defined explicitly;
 * qualitative indicators in bands; not-applicable indicators dropped and the rest re-weighted.
 * All ratios are decimal (decimal.js), never binary floating point. Pure: no I/O.
 */
import { Decimal } from 'decimal.js';
import type { Comparator, Indicator } from '../domain/model.js';

export type Category = 'execution' | 'output' | 'effect' | 'satisfaction';

export interface Weights {
  execution: number;
  output: number;
  effect: number;
  satisfaction: number;
}

/** 预算执行率 10, 产出 50, 效益 30, 满意度 10. */
export const DEFAULT_WEIGHTS: Weights = { execution: 10, output: 50, effect: 30, satisfaction: 10 };

/** Qualitative attainment bands and the share of the weight each earns. */
export const BANDS = { 完全达成: '1', 基本达成: '0.8', 部分达成: '0.5', 未达成: '0' } as const;
export type Band = keyof typeof BANDS;

/** Grades: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. */
export function gradeOf(score: Decimal.Value): '优' | '良' | '中' | '差' {
  const s = new Decimal(score);
  if (s.gte(90)) return '优';
  if (s.gte(80)) return '良';
  if (s.gte(60)) return '中';
  return '差';
}

/** The actual value entered for an indicator at year end. */
export interface Actual {
  /** Decimal string for quantitative indicators ("98.5", "0", "12"). */
  value?: string | null;
  /** Band for qualitative indicators. */
  band?: Band | null;
  /** The indicator does not apply this year: dropped, the rest re-weighted. */
  notApplicable?: boolean;
  reason?: string | null;
  correction?: string | null;
}

export interface IndicatorScore {
  indicator: Pick<Indicator, 'level1' | 'level2' | 'name' | 'comparator' | 'value' | 'unit' | 'qualitative'>;
  category: Category;
  /** Weight after re-weighting (decimal string, 4 places). */
  weight: string;
  /** Attainment ratio in [0, 1] (decimal string, 4 places), null when dropped. */
  ratio: string | null;
  /** Score = ratio × weight (decimal string, 2 places), null when dropped. */
  score: string | null;
  met: boolean | null;
  dropped: boolean;
  /** Why it was dropped or could not be scored. */
  note: string | null;
  /** A shortfall (ratio < 1) needs a reason and a correction. */
  needsExplanation: boolean;
  missing: Array<'reason' | 'correction'>;
}

export interface Evaluation {
  weights: Weights;
  /** Weights per category after dropping empty categories (sum 100). */
  effectiveWeights: Record<Category, string>;
  executionRate: string | null;
  executionScore: string;
  indicators: IndicatorScore[];
  byCategory: Record<Category, string>;
  total: string;
  grade: '优' | '良' | '中' | '差';
  /** Indicators with a shortfall lacking a reason or a correction. */
  incomplete: IndicatorScore[];
}

/** Which weight category an indicator belongs to (预算执行率 is scored from execution, not as 产出). */
export function categoryOf(ind: Pick<Indicator, 'level1' | 'name'>): Category {
  if (/预算执行率/.test(ind.name)) return 'execution';
  if (/效益/.test(ind.level1)) return 'effect';
  if (/满意/.test(ind.level1)) return 'satisfaction';
  return 'output';
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

/**
 * Attainment ratio of a quantitative target, in [0, 1].
 * - `≥ t` / `> t`: actual ÷ t, capped at 1; t = 0 → 1 (any actual meets it).
 * - `≤ t` / `< t`: t ÷ actual, capped at 1; actual = 0 → 1; t = 0 (e.g. "0 起事故", "投诉 0 次")
 *   → 1 when actual is 0, else 0.
 * - `= t`: 1 − |actual − t| ÷ |t|, floored at 0; t = 0 → 1 iff actual = 0.
 * Strict comparators score like their non-strict forms; `met` reports the strict comparison.
 */
export function quantitativeRatio(comparator: Comparator, target: Decimal.Value, actual: Decimal.Value): { ratio: Decimal; met: boolean } {
  const t = new Decimal(target);
  const a = new Decimal(actual);
  switch (comparator) {
    case '≥':
    case '>': {
      const met = comparator === '≥' ? a.gte(t) : a.gt(t);
      if (t.lte(0)) return { ratio: ONE, met };
      return { ratio: Decimal.min(ONE, Decimal.max(ZERO, a.div(t))), met };
    }
    case '≤':
    case '<': {
      const met = comparator === '≤' ? a.lte(t) : a.lt(t);
      if (t.isZero()) return { ratio: a.lte(0) ? ONE : ZERO, met };
      if (a.lte(0)) return { ratio: ONE, met };
      return { ratio: Decimal.min(ONE, t.div(a)), met };
    }
    case '=': {
      const met = a.eq(t);
      if (t.isZero()) return { ratio: met ? ONE : ZERO, met };
      return { ratio: Decimal.max(ZERO, ONE.minus(a.minus(t).abs().div(t.abs()))), met };
    }
  }
}

/** Execution-rate share of its weight: rate (0–100 %) ÷ 100, capped at 1. */
export function executionRatio(ratePercent: Decimal.Value): Decimal {
  return Decimal.min(ONE, Decimal.max(ZERO, new Decimal(ratePercent).div(100)));
}

/** Scores a set of indicators with their actuals and the year's execution rate. */
export function evaluate(
  indicators: ReadonlyArray<Pick<Indicator, 'level1' | 'level2' | 'name' | 'comparator' | 'value' | 'unit' | 'qualitative' | 'notApplicable'>>,
  actuals: ReadonlyArray<Actual | undefined>,
  executionRatePercent: Decimal.Value | null,
  weights: Weights = DEFAULT_WEIGHTS,
): Evaluation {
  const cats: Category[] = ['execution', 'output', 'effect', 'satisfaction'];
  const prelim = indicators.map((ind, i) => {
    const act = actuals[i];
    const category = categoryOf(ind);
    const dropped = ind.notApplicable || act?.notApplicable === true || category === 'execution';
    let note: string | null = null;
    if (ind.notApplicable) note = '指标不适用';
    else if (act?.notApplicable) note = '本年度不适用';
    else if (category === 'execution') note = '按预算执行率计分';
    return { ind, act, category, dropped, note };
  });
  const live = new Map<Category, number>(cats.map((c) => [c, 0]));
  for (const p of prelim) if (!p.dropped) live.set(p.category, (live.get(p.category) ?? 0) + 1);
  // A category with no applicable indicator gives its weight to the others, in proportion.
  const present = cats.filter((c) => (c === 'execution' ? executionRatePercent !== null : (live.get(c) ?? 0) > 0));
  const presentSum = present.reduce((s, c) => s.plus(weights[c]), ZERO);
  const totalW = cats.reduce((s, c) => s.plus(weights[c]), ZERO);
  const eff = Object.fromEntries(cats.map((c) => [c, present.includes(c) && presentSum.gt(0) ? new Decimal(weights[c]).times(totalW).div(presentSum) : ZERO])) as Record<Category, Decimal>;

  const exact: Decimal[] = [];
  const scored: IndicatorScore[] = prelim.map((p) => {
    const base = {
      indicator: { level1: p.ind.level1, level2: p.ind.level2, name: p.ind.name, comparator: p.ind.comparator, value: p.ind.value, unit: p.ind.unit, qualitative: p.ind.qualitative },
      category: p.category,
    };
    if (p.dropped) {
      exact.push(ZERO);
      return { ...base, weight: '0.0000', ratio: null, score: null, met: null, dropped: true, note: p.note, needsExplanation: false, missing: [] };
    }
    const w = eff[p.category].div(live.get(p.category) ?? 1);
    let ratio = ZERO;
    let met: boolean | null;
    let note: string | null = null;
    if (p.ind.qualitative || p.ind.comparator === null || p.ind.value === null) {
      const band = p.act?.band ?? null;
      if (band) {
        ratio = new Decimal(BANDS[band]);
        met = band === '完全达成';
      } else {
        note = '未填写达成程度';
        met = null;
      }
    } else if (p.act?.value != null && p.act.value !== '' && /^-?\d+(\.\d+)?$/.test(p.act.value)) {
      const r = quantitativeRatio(p.ind.comparator, p.ind.value, p.act.value);
      ratio = r.ratio;
      met = r.met;
    } else {
      note = '未填写实际值';
      met = null;
    }
    exact.push(ratio.times(w));
    const needs = ratio.lt(1);
    const missing: Array<'reason' | 'correction'> = [];
    if (needs && !p.act?.reason?.trim()) missing.push('reason');
    if (needs && !p.act?.correction?.trim()) missing.push('correction');
    return {
      ...base,
      weight: w.toFixed(4),
      ratio: ratio.toFixed(4),
      score: ratio.times(w).toFixed(2),
      met,
      dropped: false,
      note,
      needsExplanation: needs,
      missing,
    };
  });

  const execScore = executionRatePercent === null ? ZERO : executionRatio(executionRatePercent).times(eff.execution);
  const byCat = Object.fromEntries(cats.map((c) => [c, ZERO])) as Record<Category, Decimal>;
  byCat.execution = execScore;
  scored.forEach((s, i) => {
    byCat[s.category] = byCat[s.category].plus(exact[i] ?? ZERO);
  });
  const total = cats.reduce((sum, c) => sum.plus(byCat[c]), ZERO);
  return {
    weights,
    effectiveWeights: Object.fromEntries(cats.map((c) => [c, eff[c].toFixed(4)])) as Record<Category, string>,
    executionRate: executionRatePercent === null ? null : new Decimal(executionRatePercent).toFixed(2),
    executionScore: execScore.toFixed(2),
    indicators: scored,
    byCategory: Object.fromEntries(cats.map((c) => [c, byCat[c].toFixed(2)])) as Record<Category, string>,
    total: total.toFixed(2),
    grade: gradeOf(total.toDecimalPlaces(2)),
    incomplete: scored.filter((s) => s.missing.length > 0),
  };
}
