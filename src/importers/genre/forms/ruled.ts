/**
 * Merged cells read from the rules a PDF page draws. A grid of projects prints each project's name,
 * amounts and goal as merged cells spanning the project's rows; where the page draws the cells'
 * borders, the horizontal rules that cross the merged cells' column bound each project's cell, and a
 * line belongs to the project whose cell contains it: no centring, no inference.
 *
 * A cell cut by a page break is open at that edge: the part at the foot of a page has no rule under
 * it across the column (only the table's other columns close there), the part at the head of the next
 * page none above it. Such a part without the project's name and amounts belongs to the project of the
 * part it continues. A part that no rule decides (no borders drawn, no name in a closed cell, two
 * projects in one cell, a line the rules do not enclose) is left to the centring reader.
 *
 * Such a cell's text is drawn whole in each part, clipped to the part: the text layer holds it in both,
 * and where the part is short, beyond the table's border (above the head of the page, below its foot).
 * Lines printed there, past an open edge, are shown by neither part: they are `overflow`.
 */
import type { SourceLine } from '../../text/source.js';

/** A cell of the merged column on one page, and the projects printed in it. */
interface Band extends RuledCell {
  projects: Set<number>;
  /** A line the grid does not read as a project's (a 合计 row, a unit's own row) lies in it. */
  blocked: boolean;
  owner: number;
}

/** Text columns within which a rule counts as reaching a point (rules end on the cell's border). */
const REACH = 0.3;
/** Where a line's text sits: its baseline raised by this share of its size (the middle of CJK glyphs). */
const MIDDLE = 0.35;

/** What the rules decide: the project whose cell holds a line (-1: not decided), and the clipped lines. */
export interface RuledCells {
  owner(line: SourceLine): number;
  overflow: ReadonlySet<SourceLine>;
}

/**
 * The project (index into `anchors`) whose ruled cell holds each line, or -1 where the rules do not
 * decide; null when no line of the grid has measured rules (text input, a PDF page that draws none).
 *
 * `anchors`: per project, the lines its name and amounts are printed on (its anchor line first) and
 * the extent of its amount as printed on that line's page (text columns), which fixes the merged
 * column. `skipped`: lines the grid reads as no project's (totals, a unit's own row).
 */
export function ruledOwners(body: readonly SourceLine[], anchors: ReadonlyArray<{ lines: readonly SourceLine[]; x0: number; x1: number }>, skipped: ReadonlySet<SourceLine>): RuledCells | null {
  if (!body.some((l) => l.rulings && l.rulings.h.length > 0)) return null;
  // The merged column's x on the page (points): the middle of the projects' amounts, as printed.
  const xs = anchors
    .map((a) => pointsOf(a.lines[0]!, (a.x0 + a.x1) / 2))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const xPt = xs[Math.floor(xs.length / 2)]!;
  const bands = new Map<string, Band>();
  const bandOfLine = new Map<SourceLine, Band | null>();
  const bandOf = (line: SourceLine): Band | null => {
    if (bandOfLine.has(line)) return bandOfLine.get(line)!;
    const c = ruledCell(line, xPt);
    let b: Band | null = null;
    if (c) {
      const key = cellKey(c);
      b = bands.get(key) ?? null;
      if (!b) {
        b = { ...c, projects: new Set(), blocked: false, owner: -1 };
        bands.set(key, b);
      }
    }
    bandOfLine.set(line, b);
    return b;
  };
  for (const l of body) bandOf(l);
  // Lines past an open edge of the table on their page (a cell's text run over the page break).
  const overflow = new Set<SourceLine>();
  const edges = new Map<number, { head: Band; foot: Band }>();
  for (const b of new Set(bandOfLine.values())) {
    if (!b) continue;
    const e = edges.get(b.page);
    if (!e) edges.set(b.page, { head: b, foot: b });
    else {
      if (b.top < e.head.top) e.head = b;
      if (b.bot > e.foot.bot) e.foot = b;
    }
  }
  for (const l of body) {
    if (bandOf(l) || l.page === null || l.y === undefined) continue;
    const e = edges.get(l.page);
    const y = middle(l);
    if (e && ((e.head.openTop && y < e.head.top) || (e.foot.openBot && y > e.foot.bot))) overflow.add(l);
  }
  anchors.forEach((a, k) => {
    for (const l of a.lines) bandOf(l)?.projects.add(k);
  });
  for (const l of skipped) {
    const b = bandOf(l);
    if (b) b.blocked = true;
  }
  for (const b of bands.values()) if (b.projects.size === 1 && !b.blocked) b.owner = [...b.projects][0]!;
  // Parts of cells cut by page breaks: the head of a page continues the foot of the page before, and
  // the foot of a page the head of the next.
  const byPage = new Map<number, Band[]>();
  for (const b of bands.values()) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  for (const bs of byPage.values()) bs.sort((a, b) => a.top - b.top);
  const pages = [...byPage.keys()].sort((a, b) => a - b);
  const free = (b: Band | undefined): b is Band => b !== undefined && b.owner < 0 && b.projects.size === 0 && !b.blocked;
  for (const p of pages) {
    const head = byPage.get(p)![0];
    const foot = byPage.get(p - 1)?.at(-1);
    if (free(head) && head.openTop && foot?.openBot && foot.owner >= 0) head.owner = foot.owner;
  }
  for (const p of [...pages].reverse()) {
    const foot = byPage.get(p)!.at(-1);
    const head = byPage.get(p + 1)?.[0];
    if (free(foot) && foot.openBot && head?.openTop && head.owner >= 0) foot.owner = head.owner;
  }
  return { owner: (line) => bandOf(line)?.owner ?? -1, overflow };
}

const middle = (line: SourceLine) => (line.y ?? 0) - MIDDLE * (line.size ?? 1);

/** A ruled cell of a column on one page: between the rules across the column above and below a line. */
export interface RuledCell {
  page: number;
  top: number;
  bot: number;
  /** No rule above (below) the line across the column within the table: the cell runs on over the page's edge. */
  openTop: boolean;
  openBot: boolean;
}

/**
 * The cell of the column at `xPt` (points on the page) that a line lies in: between the nearest rules
 * across the column above and below the line, within the column's side borders at the line; null where
 * the line's page draws no rules or no side borders at its height.
 */
export function ruledCell(line: SourceLine, xPt: number): RuledCell | null {
  const r = line.rulings;
  if (!r || line.y === undefined || line.page === null) return null;
  const x = (xPt - r.left) / r.charWidth;
  const y = middle(line);
  // The column's side borders at the line bound the table there (its top and foot on this page).
  let left: { x: number; y0: number; y1: number } | null = null;
  let right: { x: number; y0: number; y1: number } | null = null;
  for (const v of r.v) {
    if (v.y0 - REACH > y || v.y1 + REACH < y) continue;
    if (v.x < x && (!left || v.x > left.x)) left = v;
    if (v.x > x && (!right || v.x < right.x)) right = v;
  }
  if (!left || !right) return null;
  const top = Math.max(left.y0, right.y0);
  const bot = Math.min(left.y1, right.y1);
  let above = -Infinity;
  let below = Infinity;
  for (const h of r.h) {
    if (h.x0 > x + REACH || h.x1 < x - REACH || h.y < top - REACH || h.y > bot + REACH) continue;
    if (h.y < y && h.y > above) above = h.y;
    if (h.y > y && h.y < below) below = h.y;
  }
  return { page: line.page, top: above === -Infinity ? top : above, bot: below === Infinity ? bot : below, openTop: above === -Infinity, openBot: below === Infinity };
}

/** A cell's identity on its page (the same for every line in it). */
export const cellKey = (c: RuledCell): string => `${c.page}|${c.top.toFixed(2)}|${c.bot.toFixed(2)}`;

/** A line's x (text columns of its page) in points on the page; NaN where the line has no measured rules. */
export function pointsOf(line: SourceLine, x: number): number {
  const r = line.rulings;
  return r ? x * r.charWidth + r.left : NaN;
}

/**
 * Which ruled cell of a grid's column each line lies in, as a key (null: no rules decide); null when
 * no line has measured rules. The column at `x`, in text columns of `ref`'s page (the header's).
 */
export function ruledColumn(lines: readonly SourceLine[], x: number, ref: SourceLine | undefined): ((line: SourceLine) => string | null) | null {
  if (!ref || !lines.some((l) => l.rulings && l.rulings.h.length > 0)) return null;
  const xPt = pointsOf(ref, x);
  if (!Number.isFinite(xPt)) return null;
  const seen = new Map<SourceLine, string | null>();
  return (line) => {
    let k = seen.get(line);
    if (k === undefined) {
      const c = ruledCell(line, xPt);
      k = c ? cellKey(c) : null;
      seen.set(line, k);
    }
    return k;
  };
}
