/**
 * Exact money: integer 分 (fen) as safe JS integers. 1 元 = 100 fen; 1 万元 = 1,000,000 fen.
 * No binary floating point ever touches an amount: parsing and formatting work on digit strings.
 */

export type DisplayUnit = '元' | '万元';

/** Fen per one display unit. */
export const FEN_PER: Record<DisplayUnit, number> = { 元: 100, 万元: 1_000_000 };

/** Max decimals representable exactly in fen per display unit. */
const MAX_DECIMALS: Record<DisplayUnit, number> = { 元: 2, 万元: 6 };

export class MoneyParseError extends Error {
  constructor(
    message: string,
    readonly found: string,
  ) {
    super(message);
    this.name = 'MoneyParseError';
  }
}

/** A printed amount: optional sign, digits with well-formed thousands separators, optional decimals. */
const AMOUNT_RE = /^([-−])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** True if `s` looks exactly like a printed amount ("4,424.60", "0", "81.7587", "-3.00"). */
export function isAmountText(s: string): boolean {
  return AMOUNT_RE.test(s.trim());
}

/**
 * Parses a printed amount in `unit` into integer fen.
 * Throws MoneyParseError for malformed input such as "1,2.3" or more decimals than fen can hold.
 */
export function parseAmount(text: string, unit: DisplayUnit = '万元'): number {
  const s = text.trim();
  const m = AMOUNT_RE.exec(s);
  if (!m) throw new MoneyParseError('不是金额', text);
  const neg = m[1] !== undefined;
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const maxDec = MAX_DECIMALS[unit];
  // Zeros printed beyond a fen ("989034.300" 元) add no value: the amount is still exact.
  const printedFrac = m[3] ?? '';
  const frac = printedFrac.length > maxDec && /^0+$/.test(printedFrac.slice(maxDec)) ? printedFrac.slice(0, maxDec) : printedFrac;
  if (frac.length > maxDec) throw new MoneyParseError(`以${unit}计多于 ${maxDec} 位小数`, text);
  const digits = intPart + frac.padEnd(maxDec, '0');
  // MAX_DECIMALS[unit] is log10(FEN_PER[unit]), so the padded digit string is already in fen.
  const v = Number(digits);
  if (!Number.isSafeInteger(v)) throw new MoneyParseError('金额过大', text);
  return neg ? -v : v;
}

/**
 * Parses an amount a person typed into a form in `unit` into integer fen: full-width digits, commas and
 * points (an input method's) read as their ASCII forms and white space dropped; thousands separators
 * must still be well formed ("1,234.50"), so "1,0.0" or "1.234" 元 is refused (MoneyParseError), never
 * read as a guess.
 */
export function parseTypedAmount(text: string, unit: DisplayUnit): number {
  return parseAmount(typedAmountText(text), unit);
}

/** A typed amount as parseAmount and decimalsOf read it: NFKC (full-width digits, "，", "．"), white space dropped; separators kept. */
export function typedAmountText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** Number of decimals a printed amount carries ("81.7587" → 4, "3,644.54" → 2, "0" → 0). */
export function decimalsOf(text: string): number {
  const m = AMOUNT_RE.exec(text.trim());
  return m?.[3]?.length ?? 0;
}

/**
 * Formats fen in `unit` with thousands separators and `decimals` places (default 2).
 * Rounds half away from zero when fen carry more precision than shown.
 */
export function formatAmount(fen: number, unit: DisplayUnit = '万元', decimals = 2, grouping = true): string {
  assertFen(fen);
  const per = FEN_PER[unit];
  const maxDec = MAX_DECIMALS[unit];
  const d = Math.min(decimals, maxDec);
  const neg = fen < 0;
  let abs = BigInt(Math.abs(fen));
  const step = BigInt(10 ** (maxDec - d));
  if (step > 1n) abs = ((abs + step / 2n) / step) * step;
  const whole = abs / BigInt(per);
  const frac = (abs % BigInt(per)).toString().padStart(maxDec, '0').slice(0, d);
  let w = whole.toString();
  if (grouping) w = w.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + w + (d > 0 ? '.' + frac : '');
}

/**
 * The fewest decimals (at least `min`) that show every amount of `fens` exactly in `unit`: a change of
 * 1 元 shown in 万元 needs 4 decimals, never a rounded 0.00.
 */
export function exactDecimals(fens: readonly number[], unit: DisplayUnit = '万元', min = 2): number {
  const maxDec = MAX_DECIMALS[unit];
  let d = Math.min(min, maxDec);
  for (const fen of fens) {
    assertFen(fen);
    while (d < maxDec && Math.abs(fen) % 10 ** (maxDec - d) !== 0) d++;
  }
  return d;
}

/** Decimal string without grouping, for findings' expected/actual/difference. */
export function toDecimalString(fen: number, unit: DisplayUnit = '万元', decimals = 2): string {
  return formatAmount(fen, unit, decimals, false);
}

/** Throws if `fen` is not a safe integer (a bug, not bad data). */
export function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`not an integer fen amount: ${fen}`);
}

/** Sum of fen amounts, null entries counting as zero. */
export function sumFen(values: Iterable<number | null | undefined>): number {
  let s = 0;
  for (const v of values) if (v != null) s += v;
  assertFen(s);
  return s;
}

/** Half a unit of the last displayed place, in fen: the rounding tolerance of one printed figure. */
export function halfUlpFen(unit: DisplayUnit = '万元', decimals = 2): number {
  return FEN_PER[unit] / 10 ** decimals / 2;
}
