/**
 * Scaled text variants of the Shenzhen sample, for batch-audit speed runs (`npm run bench`, section
 * `audit-scale`) and tests: variant i names its own unit (…数据管理中心 → …数据管理中心第 i 分中心 in
 * every place the unit is named) and multiplies every printed amount with two decimals (not the
 * percentages) by an integer factor 1 + i mod 9, thousands separators kept where the sample prints them.
 * Integer scaling keeps every exact sum exact; the sample's rounding remainders scale with it, so the
 * variants differ in their findings as real documents do.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_TEXT = fileURLToPath(new URL('../../samples/shenzhen-futian-data-center-2021-dept-budget.txt', import.meta.url));
const UNIT = '深圳市福田区数据管理中心';

function withSeparators(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text of variant `i` (0 is the sample itself, its unit renamed). */
export function scaledVariant(sample: string, i: number): string {
  const k = 1 + (i % 9);
  const scaled =
    k === 1
      ? sample
      : sample.replace(/(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d%.％])/g, (_m, int: string, dec: string) => {
          const fen = BigInt(int.replace(/,/g, '') + dec) * BigInt(k);
          const s = fen.toString().padStart(3, '0');
          const whole = s.slice(0, -2);
          return `${int.includes(',') ? withSeparators(whole) : whole}.${s.slice(-2)}`;
        });
  return scaled.split(UNIT).join(`${UNIT}第${i + 1}分中心`);
}

/** Writes `n` variants as `dir/variant-00001.txt` …; returns their paths in order. */
export function writeScaledVariants(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const sample = readFileSync(SAMPLE_TEXT, 'utf8');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(dir, `variant-${String(i + 1).padStart(5, '0')}.txt`);
    writeFileSync(p, scaledVariant(sample, i));
    out.push(p);
  }
  return out;
}
