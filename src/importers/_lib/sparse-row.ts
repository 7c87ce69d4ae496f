/**
 * Placing the printed values of a table row into its columns when the text lost the empty cells.
 *
 * A PDF table row such as `4,424.60 4,424.60 780.06 3,644.54` under seventeen columns keeps only the
 * non-empty cells, in column order. The column sum relations (a total equals its parts) usually pin
 * down where each value belongs: this module finds the order-preserving placement of the k values
 * into the n columns that satisfies every relation (an empty cell counting as zero), preferring the
 * earliest columns when several placements work. Pure: an importer that knows x positions (the PDF
 * importer) places cells directly and never needs it.
 */

/** A column as the solver sees it: its key and, for totals and subtotals, the keys it sums. */
export interface SparseColumn {
  key: string;
  sumOf?: readonly string[];
}

export interface SparseOptions {
  /**
   * Rounding allowance per non-empty part, in the values' unit (published figures are rounded, so a
   * total may differ from the sum of its n rounded parts by up to n × half a unit of the last place).
   * Exact placements are always preferred; this is only used when no exact placement exists.
   */
  tolerancePerPart?: number;
  /** When given, only these columns may receive a value (e.g. the columns a parent row fills). */
  allowed?: ReadonlySet<string>;
}

export type SparseResult =
  | {
      ok: true;
      /** For each value, in order, the key of the column it belongs to. */
      keys: string[];
      /** Per column key: index of the value placed there, or null for an empty cell. */
      byColumn: Record<string, number | null>;
      /** True when another placement satisfies the relations too (the earliest one was taken). */
      ambiguous: boolean;
      /**
       * Per column key: true when every placement that satisfies the relations puts the same value
       * there (or leaves it empty in all of them), so the cell is known whichever placement is right.
       * All false when there are more placements than the solver enumerates.
       */
      settled: Record<string, boolean>;
      /** True when the placement only holds within the rounding allowance. */
      withinTolerance: boolean;
    }
  | { ok: false; reason: string };

interface Relation {
  at: number;
  parts: number[];
  /** The highest column index involved: the relation can be checked once placement passed it. */
  last: number;
}

/**
 * Finds the order-preserving assignment of `values` to `columns` that satisfies every `sumOf`
 * relation, empty cells counting as zero. `label` names the row in the failure reason.
 * Values are integers (fen); the search is exact integer arithmetic.
 */
export function placeSparseRow(columns: readonly SparseColumn[], values: readonly number[], label: string, options: SparseOptions = {}): SparseResult {
  const n = columns.length;
  const k = values.length;
  if (k > n) return { ok: false, reason: `row "${label}": ${k} values for ${n} columns` };
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const relations: Relation[] = [];
  for (const [i, c] of columns.entries()) {
    if (!c.sumOf) continue;
    const parts = c.sumOf.map((key) => {
      const j = index.get(key);
      if (j === undefined) throw new Error(`column "${c.key}" sums unknown column "${key}"`);
      return j;
    });
    relations.push({ at: i, parts, last: Math.max(i, ...parts) });
  }
  const allowedAt = columns.map((c) => options.allowed === undefined || options.allowed.has(c.key));

  const exact = search(n, values, relations, allowedAt, 0);
  const tol = options.tolerancePerPart ?? 0;
  const found = exact.first ? exact : tol > 0 ? search(n, values, relations, allowedAt, tol) : exact;
  if (!found.first) {
    const printed = k === 0 ? 'no values' : `${k} values`;
    return { ok: false, reason: `row "${label}": no placement of ${printed} into ${n} columns satisfies the column sums` };
  }
  const byColumn: Record<string, number | null> = {};
  for (const c of columns) byColumn[c.key] = null;
  const settled: Record<string, boolean> = {};
  for (const [ci, c] of columns.entries()) {
    const at = (sol: readonly number[]) => sol.indexOf(ci);
    settled[c.key] = found.complete && found.all.every((sol) => at(sol) === at(found.first!));
  }
  const keys = found.first.map((ci, vi) => {
    const key = columns[ci]!.key;
    byColumn[key] = vi;
    return key;
  });
  return { ok: true, keys, byColumn, ambiguous: found.count > 1, settled, withinTolerance: found !== exact };
}

/** How many placements the search enumerates before it gives up telling settled cells from open ones. */
const MAX_PLACEMENTS = 64;

/** Depth-first search in lexicographic order of column choices; enumerates up to MAX_PLACEMENTS solutions. */
function search(
  n: number,
  values: readonly number[],
  relations: readonly Relation[],
  allowedAt: readonly boolean[],
  tolPerPart: number,
): { first: number[] | null; count: number; all: number[][]; complete: boolean } {
  const k = values.length;
  const cell = new Array<number>(n).fill(0);
  const filled = new Array<boolean>(n).fill(false);
  const chosen: number[] = [];
  let first: number[] | null = null;
  let count = 0;
  const all: number[][] = [];

  // A relation is checked as soon as every column it involves has been decided (placed or skipped).
  const holds = (r: Relation): boolean => {
    let sum = 0;
    let nonEmpty = 0;
    for (const p of r.parts) {
      sum += cell[p]!;
      if (filled[p]) nonEmpty++;
    }
    return Math.abs(cell[r.at]! - sum) <= tolPerPart * nonEmpty;
  };
  const checkedBetween = (from: number, to: number): boolean => {
    for (const r of relations) if (r.last >= from && r.last <= to && !holds(r)) return false;
    return true;
  };

  const go = (vi: number, from: number): void => {
    if (count > MAX_PLACEMENTS) return;
    if (vi === k) {
      if (!checkedBetween(from, n - 1)) return;
      count++;
      if (!first) first = [...chosen];
      if (count <= MAX_PLACEMENTS) all.push([...chosen]);
      return;
    }
    // Leave room for the remaining values after column ci.
    for (let ci = from; ci <= n - (k - vi); ci++) {
      if (!allowedAt[ci]) continue;
      // Columns from..ci-1 are now known to be empty; relations ending there can be judged.
      if (!checkedBetween(from, ci - 1)) return;
      cell[ci] = values[vi]!;
      filled[ci] = true;
      chosen.push(ci);
      if (checkedBetween(ci, ci)) go(vi + 1, ci + 1);
      chosen.pop();
      cell[ci] = 0;
      filled[ci] = false;
      if (count > MAX_PLACEMENTS) return;
    }
  };
  go(0, 0);
  return { first, count, all, complete: count <= MAX_PLACEMENTS };
}
