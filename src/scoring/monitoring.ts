/**
 * Mid-year performance monitoring (绩效运行监控, "双监控"): budget execution and target attainment
 * tracked together. Per indicator: target, actual to date, likelihood of completion, deviation reason
 * (fixed categories) and corrective action, required where a deviation rule fires. Pure: no I/O.
 */
import { Decimal } from 'decimal.js';
import type { Indicator } from '../domain/model.js';
import { quantitativeRatio } from './evaluation.js';

export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const DEVIATION_REASONS = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

export interface MonitoringEntry {
  /** Actual to date: a decimal string for quantitative indicators, free text otherwise. */
  actualToDate?: string | null;
  likelihood?: Likelihood | null;
  reason?: DeviationReason | null;
  action?: string | null;
}

export interface MonitoringConfig {
  /** Attainment and execution further apart than this many percentage points is a deviation. */
  maxGapPoints: number;
}

export const DEFAULT_MONITORING_CONFIG: MonitoringConfig = { maxGapPoints: 10 };

export interface MonitoringCheck {
  /** Attainment to date in percent (2 places), null for qualitative or missing actuals. */
  attainment: string | null;
  /** Why a reason and action are required (empty when none is). */
  triggers: string[];
  /** Fields required by a trigger that are empty. */
  missing: Array<'actualToDate' | 'likelihood' | 'reason' | 'action'>;
}

/**
 * Attainment to date of a quantitative "≥"/"=" target (actual ÷ target, capped at 100 %); for "≤"
 * targets (rates that must stay low) the ratio of the year-end scoring. Null when not measurable.
 */
export function attainmentToDate(ind: Pick<Indicator, 'comparator' | 'value' | 'qualitative'>, actual: string | null | undefined): string | null {
  if (ind.qualitative || ind.comparator === null || ind.value === null) return null;
  if (actual == null || !/^-?\d+(\.\d+)?$/.test(actual)) return null;
  return quantitativeRatio(ind.comparator, ind.value, actual).ratio.times(100).toFixed(2);
}

/**
 * Checks one indicator's monitoring entry against the execution rate to date (percent):
 * a likely miss (有可能 / 完全不可能) or attainment and execution more than `maxGapPoints` apart
 * requires a deviation reason and a corrective action.
 */
export function checkMonitoringEntry(
  ind: Pick<Indicator, 'comparator' | 'value' | 'qualitative' | 'notApplicable'>,
  entry: MonitoringEntry,
  executionRatePercent: string | null,
  cfg: MonitoringConfig = DEFAULT_MONITORING_CONFIG,
): MonitoringCheck {
  if (ind.notApplicable) return { attainment: null, triggers: [], missing: [] };
  const missing: MonitoringCheck['missing'] = [];
  const triggers: string[] = [];
  if (!entry.actualToDate?.trim()) missing.push('actualToDate');
  if (!entry.likelihood) missing.push('likelihood');
  const attainment = attainmentToDate(ind, entry.actualToDate);
  if (entry.likelihood && entry.likelihood !== '确定能') triggers.push(`预计完成可能性为"${entry.likelihood}"`);
  // Only progress-type targets (≥, >, =) advance with spending; a rate that must stay low (≤, <) does not.
  const progressType = ind.comparator === '≥' || ind.comparator === '>' || ind.comparator === '=';
  if (progressType && attainment !== null && executionRatePercent !== null) {
    const gap = new Decimal(attainment).minus(executionRatePercent).abs();
    if (gap.gt(cfg.maxGapPoints)) triggers.push(`目标完成进度 ${attainment}% 与预算执行率 ${new Decimal(executionRatePercent).toFixed(2)}% 相差 ${gap.toFixed(2)} 个百分点`);
  }
  if (triggers.length > 0) {
    if (!entry.reason) missing.push('reason');
    if (!entry.action?.trim()) missing.push('action');
  }
  return { attainment, triggers, missing };
}
