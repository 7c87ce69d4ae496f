/**
 * The rounding model (docs/rounding.md). Published figures are rounded to the last printed place
 * (0.01 万元, sometimes 0.0001 万元), so a total and the sum of its n rounded parts may differ by up
 * to n half-units of the parts' last place. Such a remainder (尾差) is reported as `info`; a larger
 * difference with the rule's severity; an exact match not at all.
 */
import type { Money } from '../../domain/model.js';
import { formatAmount, halfUlpFen, toDecimalString, type DisplayUnit } from '../../domain/money.js';
import type { Location, RuleContext, Severity } from '../types.js';

/** A figure: printed Money, a fen amount, or null for an empty printed cell (counts as zero). */
export type Figure = Money | number | null | undefined;

/** Fen of a figure (null → 0). */
export function fenOf(x: Figure): number {
  if (x == null) return 0;
  return typeof x === 'number' ? x : x.fen;
}

/**
 * Places the figure was printed with (2 unless it says otherwise). In 万元 never fewer than 2 (a
 * "0" or "5" stands for 0.00 or 5.00 万元); in 元 as printed: a whole-元 figure is rounded to 1 元.
 */
export function decimalsOfFigure(x: Figure, unit: DisplayUnit = '万元'): number {
  if (x == null || typeof x === 'number' || x.decimals === undefined) return 2;
  return placesIn(unit, x.decimals);
}

/** The places a figure printed with `decimals` counts for: in 万元 never fewer than 2, in 元 as printed. */
export function placesIn(unit: DisplayUnit, decimals: number): number {
  return unit === '元' ? decimals : Math.max(decimals, 2);
}

export interface CompareTotalInput {
  /** The stated total (what the parts must add up to). */
  total: Figure;
  /** The printed parts, or their precomputed sum in fen (then give `n`). */
  parts: Figure[] | number;
  /** With a precomputed sum: how many rounded figures it adds (default 1). */
  n?: number;
  /** Human label of the place ("表7 2010399 其他…"), printed before the colon. */
  subject: string;
  totalLabel: string;
  /** Labels of `parts`, in the same order. */
  partLabels?: string[];
  /** Label of a precomputed sum. */
  partsLabel?: string;
  location: Location;
  /** Severity of a real mismatch (default: the rule's). */
  severity?: Severity;
  unit?: DisplayUnit;
  /** With a precomputed sum: an allowance its figures' printing needs beyond the count's (never narrows it). */
  partsTolFen?: number;
}

export type CompareOutcome = 'equal' | 'rounding' | 'mismatch';

/**
 * True when the parts add up exactly to the total (empty cells as zero): `compareTotal` then reports
 * nothing and gives 'equal'. Callers that compare many rows test this first, so that the labels and the
 * location of a message are built only for the few comparisons that have something to say.
 */
export function addsUp(total: Figure, parts: readonly Figure[]): boolean {
  let sum = 0;
  for (const p of parts) sum += fenOf(p);
  return sum === fenOf(total);
}

/** Tolerance in fen for the rounded parts: Σ half a unit of each part's last printed place (≥ one). */
export function toleranceFen(parts: Figure[] | number, n = 1, unit: DisplayUnit = '万元'): number {
  if (typeof parts === 'number') return Math.max(1, n) * halfUlpFen(unit, 2);
  const printed = parts.filter((p) => p != null);
  if (printed.length === 0) return halfUlpFen(unit, 2);
  return printed.reduce<number>((s, p) => s + halfUlpFen(unit, decimalsOfFigure(p, unit)), 0);
}

/** How many rounded parts the tolerance covers. */
function countParts(parts: Figure[] | number, n = 1): number {
  if (typeof parts === 'number') return Math.max(1, n);
  return Math.max(1, parts.filter((p) => p != null).length);
}

/** A fen amount as printed with `d` places (4,424.60). */
function show(fen: number, d: number, unit: DisplayUnit): string {
  return formatAmount(fen, unit, d);
}

/**
 * Compares a total with the sum of its parts and reports through `ctx`: nothing when equal, `info`
 * (尾差) within the rounding tolerance, the rule's severity (or `severity`) beyond it.
 * `expected` is the stated total, `actual` the sum of the parts, `difference` = actual − expected.
 */
export function compareTotal(ctx: RuleContext, i: CompareTotalInput): CompareOutcome {
  const unit = i.unit ?? '万元';
  const totalFen = fenOf(i.total);
  const sum = typeof i.parts === 'number' ? i.parts : i.parts.reduce<number>((s, p) => s + fenOf(p), 0);
  const diff = sum - totalFen;
  if (diff === 0) return 'equal';
  // A total printed coarser than its parts (a narrative "723万元" against a table's 723.31) is itself
  // rounded to its last place: the allowance is at least half of that place (a printed 0 is exact).
  const totalPlaces = i.total != null && typeof i.total !== 'number' && i.total.decimals !== undefined && i.total.fen !== 0 ? i.total.decimals : 2;
  const tol = Math.max(toleranceFen(i.parts, i.n, unit), halfUlpFen(unit, totalPlaces), i.partsTolFen ?? 0);
  const n = countParts(i.parts, i.n);
  const partsList = typeof i.parts === 'number' ? [] : i.parts;
  const d = Math.max(2, decimalsOfFigure(i.total), ...partsList.map((p) => decimalsOfFigure(p)));
  let expr: string;
  if (typeof i.parts === 'number') {
    expr = `${i.partsLabel ?? '各项之和'} ${show(sum, d, unit)}`;
  } else {
    // Only the terms the message prints: all of them up to 8, else the first 6 and a count.
    const count = i.parts.length;
    const term = (p: Figure, k: number) => `${i.partLabels?.[k] ?? `第${k + 1}项`} ${p == null ? '(空)' : show(fenOf(p), d, unit)}`;
    const terms = count > 8 ? [...i.parts.slice(0, 6).map(term), `…（共 ${count} 项）`] : i.parts.map(term);
    expr = count === 1 ? terms[0]! : `${terms.join(' + ')} = ${show(sum, d, unit)}`;
  }
  const head = `${i.subject}: ${i.totalLabel} ${show(totalFen, d, unit)} ≠ ${expr}`;
  const rounding = Math.abs(diff) <= tol;
  const diffShown = show(Math.abs(diff), d, unit);
  ctx.report({
    ...(rounding ? { severity: 'info' as const } : i.severity ? { severity: i.severity } : {}),
    message: rounding ? `${head}（尾差 ${diffShown} ${unit}，在 ${n} 项四舍五入容差之内）` : `${head}，相差 ${diffShown} ${unit}`,
    location: i.location,
    expected: toDecimalString(totalFen, unit, d),
    actual: toDecimalString(sum, unit, d),
    difference: toDecimalString(diff, unit, d),
    unit,
  });
  return rounding ? 'rounding' : 'mismatch';
}
