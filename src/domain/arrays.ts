/**
 * Array helpers that take arrays of any length. `Math.min(...xs)` and `target.push(...xs)` pass every
 * element as an argument, and some 100,000 arguments overflow the call stack: with input-sized arrays
 * (rows, lines, tokens of a 20 MB text) use these instead.
 */

/** The least of `xs` (Infinity when empty, as Math.min()). */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) if (x < m || Number.isNaN(x)) m = x;
  return m;
}

/** The greatest of `xs` (-Infinity when empty, as Math.max()). */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) if (x > m || Number.isNaN(x)) m = x;
  return m;
}

/** The middle of a non-empty list of numbers (of an even count, the upper of the two middle ones). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/**
 * Appends every element of `items` to `target` (in place); returns `target`. An array is read up to its
 * length at the call, so appending an array to itself doubles it (as `target.push(...target)`).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  if (Array.isArray(items)) {
    const xs = items as readonly T[];
    const n = xs.length;
    for (let i = 0; i < n; i++) target.push(xs[i]!);
  } else for (const x of items) target.push(x);
  return target;
}
