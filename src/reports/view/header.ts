/** Multi-level table headers: leaf header paths → a grid of merged cells (rowspan/colspan). */
import type { HeaderCell } from './types.js';

/**
 * Builds the header rows from the header path of each leaf column (top label first).
 * Adjacent columns sharing the same path prefix merge horizontally; a path shorter than the
 * deepest one spans the remaining rows downwards.
 */
export function headerGrid(paths: string[][]): HeaderCell[][] {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    let c = 0;
    while (c < paths.length) {
      const p = paths[c]!;
      if (p.length <= level) {
        c++;
        continue;
      }
      const prefix = p.slice(0, level + 1);
      const isLeaf = p.length === level + 1;
      let span = 1;
      // A leaf never merges with its neighbour: two columns may legitimately share a last label.
      if (!isLeaf) {
        while (c + span < paths.length) {
          const q = paths[c + span]!;
          if (q.length <= level + 1 || !samePrefix(q, prefix)) break;
          span++;
        }
      }
      rows[level]!.push({ text: p[level]!, rowspan: isLeaf ? depth - level : 1, colspan: span, col: c });
      c += span;
    }
  }
  return rows;
}

function samePrefix(p: string[], prefix: string[]): boolean {
  return prefix.every((x, i) => p[i] === x);
}
