/**
 * The rules a PDF page draws (a table's cell borders), from the paths it paints: horizontal and
 * vertical lines, in the page's viewport space (points, origin top-left, y down). Producers draw a
 * border either as a stroked line or rectangle, or as a thin filled rectangle (one corpus producer fills
 * a 0.7 pt high rectangle per cell edge); both become the same rule, and the pieces of one border
 * drawn cell by cell are joined. Pure: no pdfjs here (read.ts hands over the painted paths).
 */

/** A 2-D affine matrix [a b c d e f] (x' = a·x + c·y + e, y' = b·x + d·y + f), as pdfjs gives them. */
export type Matrix = readonly [number, number, number, number, number, number] | readonly number[];

/** A path as pdfjs builds it: path-building codes (pdfjs's DrawOPS) and their points, in user space. */
export interface PaintedPath {
  /** The path fills an area (f, f*, B, b …). */
  fill: boolean;
  /** The path is stroked (S, s, B, b …). */
  stroke: boolean;
  /** From the path's space to the viewport (the viewport transform × the CTM when it was painted). */
  m: Matrix;
  /** pdfjs's path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo x1 y1 x2 y2 x y, 3 quadraticCurveTo x1 y1 x y, 4 closePath. */
  path: ArrayLike<number>;
}

/** A horizontal rule at `y` from `x0` to `x1`. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical rule at `x` from `y0` (top) to `y1`. */
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface Rulings {
  /** Top to bottom, then left to right. */
  h: HRule[];
  /** Left to right, then top to bottom. */
  v: VRule[];
}

/** pdfjs's path-building codes (DrawOPS of pdfjs-dist 5). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled rectangle at most this thick (points) is a rule; a thicker one is a shaded area. */
export const RULE_THICKNESS = 3;
/** Points along a rule within which two pieces are one (a border drawn cell by cell). */
const JOIN_GAP = 1.5;
/** Points across a rule within which two rules lie on one line. */
const SAME_LINE = 1;
/** A segment this much off the horizontal or the vertical (points) is neither. */
const SKEW = 0.25;
/** Shorter rules (points) are no border (a dot, a tick). */
const MIN_LENGTH = 2;

const round = (v: number) => Math.round(v * 100) / 100;

interface Subpath {
  pts: number[];
  curved: boolean;
}

/** The subpaths of a path, in viewport space (closed ones end on their first point again). */
function subpaths(p: PaintedPath): Subpath[] {
  const [a, b, c, d, e, f] = p.m as [number, number, number, number, number, number];
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  const path = p.path;
  // Points are pushed transformed, without a pair allocated per point, and without a closure made per
  // path to push them (this runs for every path of every page).
  for (let i = 0; i < path.length;) {
    const op = path[i]!;
    if (op === MOVE || (op === LINE && !cur)) {
      const x = path[i + 1]!;
      const y = path[i + 2]!;
      cur = { pts: [a * x + c * y + e, b * x + d * y + f], curved: false };
      out.push(cur);
      i += 3;
    } else if (op === LINE) {
      const x = path[i + 1]!;
      const y = path[i + 2]!;
      cur!.pts.push(a * x + c * y + e, b * x + d * y + f);
      i += 3;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      if (cur) {
        const x = path[i + n - 1]!;
        const y = path[i + n]!;
        cur.pts.push(a * x + c * y + e, b * x + d * y + f);
        cur.curved = true;
      }
      i += n + 1;
    } else if (op === CLOSE) {
      if (cur && cur.pts.length >= 4) cur.pts.push(cur.pts[0]!, cur.pts[1]!);
      // A new subpath starts at the closed one's first point.
      cur = cur ? { pts: [cur.pts[0]!, cur.pts[1]!], curved: false } : null;
      if (cur) out.push(cur);
      i += 1;
    } else break;
  }
  return out.filter((s) => s.pts.length >= 4);
}

/** The box of a subpath that is an axis-parallel rectangle (four sides, closed or not), else null. */
function rectangle(s: Subpath): { x0: number; y0: number; x1: number; y1: number } | null {
  if (s.curved) return null;
  const pts = s.pts;
  let n = pts.length / 2;
  if (n === 5 && Math.abs(pts[0]! - pts[8]!) <= SKEW && Math.abs(pts[1]! - pts[9]!) <= SKEW) n = 4;
  if (n !== 4) return null;
  for (let k = 0; k < 4; k++) {
    const i = 2 * k;
    const j = 2 * ((k + 1) % 4);
    const dx = Math.abs(pts[j]! - pts[i]!);
    const dy = Math.abs(pts[j + 1]! - pts[i + 1]!);
    if (dx > SKEW && dy > SKEW) return null;
  }
  return {
    x0: Math.min(pts[0]!, pts[2]!, pts[4]!, pts[6]!),
    y0: Math.min(pts[1]!, pts[3]!, pts[5]!, pts[7]!),
    x1: Math.max(pts[0]!, pts[2]!, pts[4]!, pts[6]!),
    y1: Math.max(pts[1]!, pts[3]!, pts[5]!, pts[7]!),
  };
}

/** Joins rules on one line whose pieces touch or overlap. */
function join<T>(rules: T[], across: (r: T) => number, from: (r: T) => number, to: (r: T) => number, make: (at: number, a: number, b: number) => T): T[] {
  const sorted = [...rules].sort((p, q) => across(p) - across(q) || from(p) - from(q));
  const out: T[] = [];
  let i = 0;
  while (i < sorted.length) {
    // One line: rules within SAME_LINE of the line's first.
    let j = i;
    while (j < sorted.length && across(sorted[j]!) - across(sorted[i]!) <= SAME_LINE) j++;
    const line = sorted.slice(i, j).sort((p, q) => from(p) - from(q));
    const at = round(line.reduce((s, r) => s + across(r), 0) / line.length);
    let a = from(line[0]!);
    let b = to(line[0]!);
    for (const r of line.slice(1)) {
      if (from(r) <= b + JOIN_GAP) b = Math.max(b, to(r));
      else {
        if (b - a >= MIN_LENGTH) out.push(make(at, round(a), round(b)));
        a = from(r);
        b = to(r);
      }
    }
    if (b - a >= MIN_LENGTH) out.push(make(at, round(a), round(b)));
    i = j;
  }
  return out;
}

/**
 * The rules drawn by a page's painted paths: a stroked segment parallel to an axis, the sides of a
 * stroked rectangle, a filled rectangle at most RULE_THICKNESS thick (its centre line); a filled
 * wider area, a curve, a slanted line are no rule. Pieces of one line are joined.
 */
export function pathRulings(paths: readonly PaintedPath[]): Rulings {
  const h: HRule[] = [];
  const v: VRule[] = [];
  const segment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) <= SKEW && Math.abs(x1 - x0) > SKEW) h.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= SKEW && Math.abs(y1 - y0) > SKEW) v.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  for (const p of paths) {
    if (!p.fill && !p.stroke) continue;
    for (const s of subpaths(p)) {
      const r = rectangle(s);
      if (r && p.fill) {
        const w = r.x1 - r.x0;
        const t = r.y1 - r.y0;
        if (t <= RULE_THICKNESS && w > t) h.push({ y: (r.y0 + r.y1) / 2, x0: r.x0, x1: r.x1 });
        else if (w <= RULE_THICKNESS && t > w) v.push({ x: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 });
        // A wider filled rectangle is a shaded area; stroked as well, its sides are rules (below).
        if (!p.stroke) continue;
      }
      if (!p.stroke) continue;
      for (let i = 0; i + 3 < s.pts.length; i += 2) {
        if (s.curved) break;
        segment(s.pts[i]!, s.pts[i + 1]!, s.pts[i + 2]!, s.pts[i + 3]!);
      }
    }
  }
  return {
    h: join(
      h,
      (r) => r.y,
      (r) => r.x0,
      (r) => r.x1,
      (y, x0, x1) => ({ y, x0, x1 }),
    ),
    v: join(
      v,
      (r) => r.x,
      (r) => r.y0,
      (r) => r.y1,
      (x, y0, y1) => ({ x, y0, y1 }),
    ),
  };
}
