/**
 * Figures of a reconciliation in messages and findings: amounts in the final account's display unit,
 * exact (more places when a figure needs them), the rounding allowance between two printed figures,
 * a deviation as a percentage of the budget, and "where" phrases for not-checked entries.
 */
import { Decimal } from 'decimal.js';
import { exactDecimals, formatAmount, halfUlpFen, toDecimalString, type DisplayUnit } from '../../domain/money.js';
import type { Pair, PairFigure } from './types.js';

/** "1,560.05 万元" in the final account's unit, exact. */
export function show(pair: Pair, fen: number, ...with_: number[]): string {
  const unit = pair.final.displayUnit;
  return `${formatAmount(fen, unit, exactDecimals([fen, ...with_], unit))} ${unit}`;
}

/** expected / actual / difference (actual − expected) as decimal strings in the final account's unit. */
export function figureFields(pair: Pair, expected: number, actual: number): { expected: string; actual: string; difference: string; unit: DisplayUnit } {
  const unit = pair.final.displayUnit;
  const d = exactDecimals([expected, actual, actual - expected], unit);
  return { expected: toDecimalString(expected, unit, d), actual: toDecimalString(actual, unit, d), difference: toDecimalString(actual - expected, unit, d), unit };
}

/**
 * The difference two printed figures of one amount may show from rounding alone: none when both were
 * printed in the same unit (the same amount rounds to the same figure), else half a unit of the last
 * place of the coarser one (0.005 万元 = 50 元 against a figure printed in 元).
 */
export function roundingAllowance(a: PairFigure, b: PairFigure): number {
  if (a.unit === b.unit) return 0;
  return Math.max(halfUlpFen(a.unit, 2), halfUlpFen(b.unit, 2));
}

/** The deviation of `actual` from `budget` in percent of the budget (2 places), or null when the budget is 0. */
export function deviationPercent(budget: number, actual: number): Decimal | null {
  if (budget === 0) return null;
  return new Decimal(actual - budget).div(budget).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** True when the deviation is large: above `percent` % of the budget, or any amount against a budget of 0. */
export function isLargeDeviation(budget: number, actual: number, percent: number): boolean {
  if (actual === budget) return false;
  if (budget === 0) return true;
  return new Decimal(Math.abs(actual - budget)).times(100).gt(new Decimal(Math.abs(budget)).times(percent));
}

/** "部门预算" / "部门决算" with the document's table or narrative place, for reasons. */
export function sideName(pair: Pair, side: 'budget' | 'final'): string {
  return side === 'budget' ? pair.budget.kind : pair.final.kind;
}
