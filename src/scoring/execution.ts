/**
 * Budget execution against the disbursement plan: cumulative payments by month and quarter, the
 * execution rate, a year-end forecast and the warnings of the mid-year "dual monitoring".
 * Amounts are integer fen; rates are decimal strings in percent. Pure: no I/O.
 */
import { Decimal } from 'decimal.js';

export interface Payment {
  /** ISO date YYYY-MM-DD. */
  date: string;
  fen: number;
  voucher?: string | null;
  payee?: string | null;
}

export interface ExecutionConfig {
  /** Minimum cumulative execution (percent of the budget) at the end of a month (1–12). */
  floors: Record<number, number>;
  /** Warn when cumulative execution strays from the cumulative plan by more than this share of the plan. */
  planDeviationShare: number;
}

/** One province's thresholds, used as defaults: 25/40/60/80 % at the end of April/June/August/October. */
export const DEFAULT_EXECUTION_CONFIG: ExecutionConfig = {
  floors: { 4: 25, 6: 40, 8: 60, 10: 80 },
  planDeviationShare: 0.2,
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Month (1–12) of an ISO date in `year`, or null when the date is outside the year or malformed. */
export function monthOf(date: string, year: number): number | null {
  const m = DATE_RE.exec(date);
  if (!m || Number(m[1]) !== year) return null;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 ? mo : null;
}

/** Cumulative payments at the end of each month (index 0 = January), in fen. */
export function cumulativeByMonth(payments: readonly Payment[], year: number): number[] {
  const byMonth = new Array<number>(12).fill(0);
  for (const p of payments) {
    const m = monthOf(p.date, year);
    if (m !== null) byMonth[m - 1]! += p.fen;
  }
  let run = 0;
  return byMonth.map((v) => (run += v));
}

/** Cumulative payments at the end of each quarter, in fen. */
export function cumulativeByQuarter(payments: readonly Payment[], year: number): number[] {
  const m = cumulativeByMonth(payments, year);
  return [m[2]!, m[5]!, m[8]!, m[11]!];
}

/**
 * The plan's cumulative amount at the end of each month: quarters fully elapsed, plus the running
 * quarter spread evenly over its three months (integer fen, remainders to the quarter's last month).
 */
export function plannedCumulativeByMonth(quarters: readonly number[]): number[] {
  const out: number[] = [];
  let done = 0;
  for (let q = 0; q < 4; q++) {
    const amount = quarters[q] ?? 0;
    const third = Math.trunc(amount / 3);
    out.push(done + third, done + 2 * third, done + amount);
    done += amount;
  }
  return out;
}

/** Execution rate in percent (2 places) of `paid` against `budget`; null when the budget is 0. */
export function executionRate(paid: number, budget: number): string | null {
  if (budget === 0) return null;
  return new Decimal(paid).div(budget).times(100).toFixed(2);
}

/**
 * Year-end forecast: what has been paid plus what the plan still schedules after the month `asOfMonth`;
 * without a plan, the run rate (paid ÷ months elapsed × 12, rounded half up). Integer fen, computed
 * exactly in bigint; a forecast beyond Number.MAX_SAFE_INTEGER fen (about 90 万亿元, only reachable
 * from absurd payments) is reported as that bound, a floor rather than an unsafe number.
 */
export function forecastYearEnd(paid: number, asOfMonth: number, plannedCumulative: readonly number[] | null): number {
  if (asOfMonth >= 12) return paid;
  let f: bigint;
  if (plannedCumulative && plannedCumulative.length === 12) {
    const remaining = BigInt(plannedCumulative[11]!) - BigInt(plannedCumulative[asOfMonth - 1] ?? 0);
    f = BigInt(paid) + (remaining > 0n ? remaining : 0n);
  } else {
    if (asOfMonth <= 0) return 0;
    const m = BigInt(asOfMonth);
    f = (BigInt(paid) * 12n * 2n + m) / (2n * m);
  }
  return f > MAX_SAFE ? Number.MAX_SAFE_INTEGER : Number(f);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export interface ExecutionWarning {
  kind: 'below-floor' | 'off-plan';
  month: number;
  message: string;
  /** Percent strings. */
  actual: string;
  expected: string;
}

/**
 * Warnings at the end of `asOfMonth`: cumulative execution below the floor of the latest floor
 * month reached, and cumulative execution off the cumulative plan by more than the configured share.
 */
export function executionWarnings(
  budget: number,
  cumulative: readonly number[],
  plannedCumulative: readonly number[] | null,
  asOfMonth: number,
  cfg: ExecutionConfig = DEFAULT_EXECUTION_CONFIG,
): ExecutionWarning[] {
  const out: ExecutionWarning[] = [];
  if (budget <= 0 || asOfMonth < 1) return out;
  const month = Math.min(12, asOfMonth);
  const paid = cumulative[month - 1] ?? 0;
  const rate = new Decimal(paid).div(budget).times(100);
  const floorMonths = Object.keys(cfg.floors)
    .map(Number)
    .filter((m) => m <= month)
    .sort((a, b) => b - a);
  const fm = floorMonths[0];
  if (fm !== undefined) {
    const floor = cfg.floors[fm]!;
    if (rate.lt(floor)) {
      out.push({
        kind: 'below-floor',
        month: fm,
        message: `截至${fm}月末累计执行率 ${rate.toFixed(2)}%，低于 ${floor}% 的进度要求`,
        actual: rate.toFixed(2),
        expected: String(floor),
      });
    }
  }
  if (plannedCumulative) {
    const plan = plannedCumulative[month - 1] ?? 0;
    if (plan > 0) {
      const dev = new Decimal(paid - plan).abs().div(plan);
      if (dev.gt(cfg.planDeviationShare)) {
        const planRate = new Decimal(plan).div(budget).times(100);
        out.push({
          kind: 'off-plan',
          month,
          message: `截至${month}月末累计执行率 ${rate.toFixed(2)}%，计划 ${planRate.toFixed(2)}%，偏离计划 ${dev.times(100).toFixed(1)}%`,
          actual: rate.toFixed(2),
          expected: planRate.toFixed(2),
        });
      }
    }
  }
  return out;
}
