/**
 * Forms printed as one grid of projects (Beijing 预算12表, Changsha 项目支出绩效目标表, Chongqing 表十二,
 * Hangzhou / Huzhou 项目支出绩效表): a band of rows per project whose name, amounts and goal are merged
 * cells printed in the middle of the band, beside the project's indicator rows. Where the PDF draws
 * the cells' borders, a project's band is the rows its ruled cell holds (forms/ruled.ts); elsewhere it
 * is the run of rows centred on its amount line, its cells' text the text centred on that line.
 */
import type { Indicator, Money, ProjectForm } from '../../../domain/model.js';
import type { SourceLine } from '../../text/source.js';
import type { Tok } from '../tokens.js';
import { continuesFigure, isFigure, moneyOf } from './amounts.js';
import { srcOfLines, tidy, type FormContext } from './context.js';
import { colIndex, endsGrid, rowBands, hasIndicatorColumns, indicatorOf, indicatorRows, isRepeatedHeader, readGrid, spreadLevels, type Grid, type IndicatorRow } from './grid.js';
import { ADJACENT, joinText, type Frag, type HeaderBand, type Positions } from './layout.js';
import { blankGaps, splitCentered, type Anchor } from './partition.js';
import { ruledOwners } from './ruled.js';
import { labelKey, type ColumnKind } from './vocabulary.js';
import { maxOf, minOf, pushAll } from '../../../domain/arrays.js';

/** One project's band in a grid. */
export interface GridProject {
  /** The line its amounts are printed on, and its centre. */
  line: SourceLine;
  c: number;
  top: number;
  bot: number;
  /** Text per project column kind. */
  texts: Map<ColumnKind, Frag[]>;
  amounts: Map<ColumnKind, Money | null>;
  rows: IndicatorRow[];
  indicators: Indicator[];
}

export interface ProjectGridRead {
  grid: Grid;
  projects: GridProject[];
  /** Indicator rows printed before the first project's band on a block that starts mid-project. */
  orphans: Indicator[];
}

const TEXT_KINDS: readonly ColumnKind[] = ['seq', 'unitCode', 'unitName', 'projectName', 'goal', 'activity'];
const AMOUNT_KINDS: readonly ColumnKind[] = ['total', 'fiscal', 'other', 'general', 'fund', 'special', 'basic', 'project'];
/** How much worse (in squared line units) another split may be and still leave the rows in doubt. */
const DOUBT = 0.25;

const SUMMARY = /^(合计|总计|小计|合\s*计|总\s*计)$/;

/** The body of a grid: the lines after its header, without repeated headers, up to a note or prose. */
export function gridBody(lines: readonly SourceLine[], header: HeaderBand): SourceLine[] {
  const firstX = minOf(header.columns.map((c) => c.x0));
  const out: SourceLine[] = [];
  for (let i = header.last + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (endsGrid(l, firstX)) break;
    // Repeated headers, and the line of column markers pdftotext prints under some ("** ** **").
    if (isRepeatedHeader(l) || (/^[*\s\d]+$/.test(l.text) && /\*/.test(l.text))) continue;
    out.push(l);
  }
  return out;
}

/**
 * Reads a grid of projects. `pos` gives the lines' vertical positions. Projects are found by the
 * figures of their amount column (a 合计 row and a unit's own row, which print no goal, are not
 * projects); rows are given to the project whose amount line they are centred on.
 */
export function readProjectGrid(body: readonly SourceLine[], header: HeaderBand, pos: Positions, fc: FormContext): ProjectGridRead {
  const grid = readGrid(
    body,
    pos,
    header.columns.map((c) => ({ ...c })),
  );
  const amountCol = [colIndex(grid, 'total'), colIndex(grid, 'fiscal'), colIndex(grid, 'general')].find((j) => j >= 0) ?? -1;
  const amountJs = grid.columns.map((c, j) => (AMOUNT_KINDS.includes(c.kind) ? j : -1)).filter((j) => j >= 0);
  const goalCol = colIndex(grid, 'goal');
  const labelCols = (['projectName', 'unitName', 'unitCode', 'seq'] as const).map((k) => colIndex(grid, k)).filter((j) => j >= 0);
  // Each column's first fragment on a line, indexed once (a project's cells are looked up by line).
  const firstOnLine = grid.frags.map((fs) => {
    const m = new Map<SourceLine, Frag>();
    for (const f of fs) if (!m.has(f.line)) m.set(f.line, f);
    return m;
  });
  const onLine = (j: number, line: SourceLine) => firstOnLine[j]?.get(line) ?? null;
  // The first column holding each fragment.
  const columnOfFrag = new Map<Frag, number>();
  grid.frags.forEach((fs, j) => {
    for (const f of fs) if (!columnOfFrag.has(f)) columnOfFrag.set(f, j);
  });
  const skipLines = new Set<SourceLine>();
  interface Anc {
    frag: Frag;
    rest: Frag | null;
  }
  const anchors: Anc[] = [];
  if (amountCol >= 0) {
    // A project's amount line: a figure in any amount column (a page squeezed by pdftotext may push
    // the total into the next band); the leftmost figure anchors it.
    const byLine = new Map<SourceLine, Frag>();
    for (const j of amountJs) {
      for (const f of grid.frags[j]!) {
        if (!f.toks.some((t) => isFigure(t.text) || /^\d{1,3}(,\d{3})*,?$/.test(t.text))) continue;
        const cur = byLine.get(f.line);
        if (!cur || f.x0 < cur.x0) byLine.set(f.line, f);
      }
    }
    const fs = [...byLine.values()].sort((a, b) => a.v - b.v);
    const restOf = (f: Frag): Frag | null => {
      const head = f.toks[0]!.text;
      const next = grid.frags[columnOfFrag.get(f)!]!.find((x) => x.v > f.v && x.v - f.v <= ADJACENT);
      return next && continuesFigure(head, next.text) ? next : null;
    };
    fs.forEach((f) => {
      const fig = f.toks.find((t) => isFigure(t.text));
      if (!fig) return;
      const rest = restOf(f);
      if (anchors.some((a) => a.rest?.line === f.line)) return;
      const label = labelCols.map((j) => onLine(j, f.line)?.text ?? '').join('');
      if (SUMMARY.test(labelKey(label))) {
        skipLines.add(f.line);
        return;
      }
      // A unit's own row (its code and name, its total) prints no goal beside it.
      if (goalCol >= 0 && !grid.frags[goalCol]!.some((g) => Math.abs(g.v - f.v) <= ADJACENT * 2)) {
        skipLines.add(f.line);
        return;
      }
      // A total whose label is left blank prints no name at all beside it.
      const nameCols = (['projectName', 'unitName'] as const).map((k) => colIndex(grid, k)).filter((j) => j >= 0);
      if (nameCols.length > 0 && !nameCols.some((j) => grid.frags[j]!.some((g) => Math.abs(g.v - f.v) <= ADJACENT && g.text.replace(/[*\s]/g, '') !== ''))) {
        skipLines.add(f.line);
        return;
      }
      anchors.push({ frag: f, rest });
    });
  } else {
    // No amount column: each name cell is a project.
    const j = colIndex(grid, 'projectName');
    if (j >= 0) for (const f of grid.frags[j]!) anchors.push({ frag: f, rest: null });
  }
  // Where the page draws the cells' borders, the rules decide which project's cell a line lies in
  // (forms/ruled.ts); where they do not, the cells are given to the projects they are centred on.
  const rules = ruledOwners(
    body,
    anchors.map((a) => {
      const fig = a.frag.toks.find((t) => isFigure(t.text)) ?? a.frag.toks[0]!;
      const at = grid.printedAt.get(fig) ?? fig;
      return { lines: a.rest ? [a.frag.line, a.rest.line] : [a.frag.line], x0: at.x0, x1: at.x1 };
    }),
    skipLines,
  );
  let ruled: ((line: SourceLine) => number) | null = null;
  if (rules) {
    // Text printed beyond the table's borders where a cell runs over the page break is clipped: the
    // print shows it in neither part (its project is printed where it shows).
    for (const l of rules.overflow) skipLines.add(l);
    const shown = anchors.filter((a) => !rules.overflow.has(a.frag.line));
    const index = anchors.map((a) => shown.indexOf(a));
    anchors.splice(0, anchors.length, ...shown);
    ruled = (line) => {
      const k = rules.owner(line);
      return k >= 0 ? index[k]! : -1;
    };
  }
  const ownerOf = (lines: readonly SourceLine[]): number => {
    if (!ruled || lines.length === 0) return -1;
    const k = ruled(lines[0]!);
    return k >= 0 && lines.every((l) => ruled(l) === k) ? k : -1;
  };
  const projects: GridProject[] = anchors.map((a) => {
    const c = a.rest ? (a.frag.v + a.rest.v) / 2 : a.frag.v;
    return { line: a.frag.line, c, top: c, bot: c, texts: new Map(), amounts: new Map(), rows: [], indicators: [] };
  });
  const orphans: Indicator[] = [];
  if (projects.length === 0) {
    // A page of a form continued from the block before: its rows belong to that form's project.
    if (hasIndicatorColumns(grid.columns)) {
      const rows = indicatorRows(grid, (f) => !skipLines.has(f.line));
      spreadLevels(grid, rows, (f) => !skipLines.has(f.line));
      for (const r of rows) {
        const ind = indicatorOf(grid, r);
        if (ind) orphans.push(ind);
      }
    }
    return { grid, projects, orphans };
  }
  // Text cells: each column's fragments to the project they are centred on (text on a project's
  // amount line is its own); a project prints each of its cells, so owning none costs. Where a
  // project is one row (a grid without indicator rows, Hangzhou / Huzhou), a blank line separates
  // projects: a cell's text does not run over it (the last line of a goal is not the next
  // project's goal, though that project prints none where it stands). Where a project's band holds
  // indicator rows, blank lines separate those rows, not cells.
  // The first project whose amounts are printed on a line, by line.
  const projectOnLine = new Map<SourceLine, GridProject>();
  for (const p of projects) if (!projectOnLine.has(p.line)) projectOnLine.set(p.line, p);
  const lineGaps = hasIndicatorColumns(grid.columns) ? [] : blankGaps(body.filter((l) => !skipLines.has(l)).map((l) => pos.get(l) ?? 0));
  grid.columns.forEach((col, j) => {
    if (!TEXT_KINDS.includes(col.kind)) return;
    const all = grid.frags[j]!.filter((f) => !skipLines.has(f.line));
    const fs: Frag[] = [];
    for (const f of all) {
      const p = projectOnLine.get(f.line);
      if (p) p.texts.set(col.kind, [...(p.texts.get(col.kind) ?? []), f]);
      else fs.push(f);
    }
    const pAnchors: Anchor[] = projects.map((p) => {
      const own = (p.texts.get(col.kind) ?? []).map((f) => f.v);
      return { c: p.c, top: Math.min(p.c, ...own), bot: Math.max(p.c, ...own), mayBeEmpty: true, emptyCost: own.length > 0 ? 0 : 4 };
    });
    const fixed = fs.map((f) => ownerOf([f.line]));
    const owner = splitCentered(
      fs.map((f) => ({ top: f.v, bot: f.v })),
      pAnchors,
      { slack: grid.slack, compact: 3.5, barriers: lineGaps, fixed },
    );
    fs.forEach((f, i) => {
      const p = projects[fixed[i]! >= 0 ? fixed[i]! : owner[i]!];
      if (p) p.texts.set(col.kind, [...(p.texts.get(col.kind) ?? []), f]);
    });
  });
  // Amounts: the figures on each project's amount line, matched in order to the amount headers
  // they sit nearest (pdftotext shifts a line's figures when its label runs long); a figure wrapped
  // onto the next line is joined.
  const amountCols = grid.columns.map((c, j) => ({ c, j })).filter(({ c }) => AMOUNT_KINDS.includes(c.kind));
  projects.forEach((p, k) => {
    const a = anchors[k]!;
    for (const { c } of amountCols) p.amounts.set(c.kind, null);
    // Every figure printed in the amount columns on the line (and a decimal figure a squeezed line
    // pushed into a neighbouring text band), matched by where it was printed.
    const figs = grid.columns
      .map((c, j) => ({ c, j }))
      .filter(({ c }) => AMOUNT_KINDS.includes(c.kind) || c.kind === 'goal' || c.kind === 'projectName' || c.kind === 'unitName')
      .flatMap(({ c, j }) => (onLine(j, p.line)?.toks ?? []).filter((t) => (AMOUNT_KINDS.includes(c.kind) ? isFigure(t.text) : t.kind === 'amount')).map((t) => ({ t, j })))
      .sort((x, y) => x.t.x0 - y.t.x0);
    const at = (t: Tok) => grid.printedAt.get(t) ?? t;
    const xs = figs.map((f) => (at(f.t).x0 + at(f.t).x1) / 2);
    const slots = amountCols.map(({ c }) => (c.x0 + c.x1) / 2);
    // A project always prints its total: the leftmost figure is it, and fixes where the line's
    // other figures fall.
    const owner =
      amountCols[0]?.c.kind === 'total' && xs.length > 0
        ? [
            0,
            ...matchInOrder(
              xs.slice(1).map((x) => x + slots[0]! - xs[0]!),
              slots.slice(1),
            ).map((o) => (o < 0 ? -1 : o + 1)),
          ]
        : matchShifted(xs, slots);
    figs.forEach((f, i) => {
      const col = amountCols[owner[i]!];
      if (!col) return;
      const next = grid.frags[f.j]!.find((x) => x.v > a.frag.v && x.v - a.frag.v <= ADJACENT);
      const rest = f.j === amountCol && a.rest ? a.rest : next && continuesFigure(f.t.text, next.text) ? next : null;
      p.amounts.set(col.c.kind, moneyOf([{ text: f.t.text, line: p.line }, ...(rest ? [{ text: rest.text, line: rest.line }] : [])], fc.unit, fc.notes, fc.table));
    });
  });
  if (hasIndicatorColumns(grid.columns)) {
    const rows = indicatorRows(grid, (f) => !skipLines.has(f.line));
    const breaks: number[] = [];
    body.forEach((l, i) => {
      const n = body[i + 1];
      if (n && n.page !== l.page) breaks.push(((pos.get(l) ?? 0) + (pos.get(n) ?? 0)) / 2);
    });
    // A project's cell spans its rows and its own text (a goal taller than its rows leaves the top
    // or bottom of the cell without rows): both count in its extent.
    const own = projects.map((p) => [...p.texts.values()].flat().map((f) => f.v));
    // A project printed again on the next page (its cell split by the page break, its name and
    // amounts on both parts) may have all its rows on one of them.
    const cells: Anchor[] = projects.map((p, k) => {
      const twin = (q: GridProject | undefined) => q !== undefined && samePrinted(p, q);
      return { c: p.c, top: Math.min(p.c, ...own[k]!), bot: Math.max(p.c, ...own[k]!), mayBeEmpty: twin(projects[k - 1]) || twin(projects[k + 1]), emptyCost: 0.5 };
    });
    // A row printed between the first and last line of one project's name or goal lies inside
    // that project's cell.
    const spans = projects.map((p) => {
      const vs = [...(p.texts.get('projectName') ?? []), ...(p.texts.get('goal') ?? [])].map((f) => f.v);
      return vs.length > 1 ? { top: minOf(vs), bot: maxOf(vs) } : null;
    });
    // A row in a project's ruled cell is that project's.
    const ruledRow = rows.map((r) => ownerOf([...r.cells.values()].flat().map((f) => f.line)));
    const fixed = rows.map((r, i) => {
      if (ruledRow[i]! >= 0) return ruledRow[i]!;
      const inside = spans.map((sp, k) => (sp && r.c > sp.top + 0.3 && r.c < sp.bot - 0.3 ? k : -1)).filter((k) => k >= 0);
      return inside.length === 1 ? inside[0]! : -1;
    });
    // A row printed level with one project's own cells' text (its name, goal, amount line) lies beside
    // that project's cell: its place is read. Any other row of a grid without borders is given to a
    // project by centring alone, and its place is inferred.
    // The cell's text runs on from its amount line with gaps of a few lines at most (rows taller than
    // the text beside them); text given to it beyond a wider gap was given by centring too.
    const ownSpans = projects.map((p) =>
      ownSpan(
        p.c,
        [...p.texts.values()].flat().map((f) => f.v),
      ),
    );
    const besideOwn = rows.map((r) => {
      const by = ownSpans.map((sp, k) => (r.c >= sp.top - 0.3 && r.c <= sp.bot + 0.3 ? k : -1));
      const ks = by.filter((k) => k >= 0);
      return ks.length === 1 ? ks[0]! : -1;
    });

    const doubts: Array<{ gap: number; items: number[] }> = [];
    const owner = splitCentered(rowBands(rows), cells, { slack: grid.slack, breaks, breakBonus: 2, fixed, doubt: DOUBT }, doubts);
    const placeRead = new Set<IndicatorRow>();
    rows.forEach((r, i) => {
      const k = ruledRow[i]! >= 0 ? ruledRow[i]! : owner[i]!;
      projects[k]?.rows.push(r);
      if (ruledRow[i]! >= 0 || besideOwn[i] === k) placeRead.add(r);
    });
    // Level cells belong to the project whose rows they lie among.
    projects.forEach((p, k) => {
      if (p.rows.length === 0) return;
      p.top = Math.min(p.c, ...p.rows.map((r) => r.top));
      p.bot = Math.max(p.c, ...p.rows.map((r) => r.bot));
      const prev = projects[k - 1];
      const next = projects[k + 1];
      const lo = prev && prev.rows.length > 0 ? (maxOf(prev.rows.map((r) => r.bot)) + p.top) / 2 : -Infinity;
      const hi = next ? (p.bot + Math.min(next.c, ...next.rows.map((r) => r.top))) / 2 : Infinity;
      spreadLevels(grid, p.rows, (f) => f.v > lo && f.v <= hi && !skipLines.has(f.line));
      for (const r of p.rows) {
        const ind = indicatorOf(grid, r);
        if (!ind) continue;
        if (!placeRead.has(r)) ind.placeInferred = true;
        p.indicators.push(ind);
      }
    });
    // Where another split is almost as well centred, the rows between the two could belong to
    // either project: the reader keeps its best split and says which rows are in doubt. That is a
    // remark on what the read could not decide (info), not a defect of the document: nothing in the
    // print says the rows are misplaced, and the rules that depend on a project's rows leave them unchecked.
    for (const d of doubts) {
      const a = projects[d.gap]!;
      const b = projects[d.gap + 1]!;
      const ls = d.items.flatMap((i) => [...rows[i]!.cells.values()].flat().map((f) => f.line)).sort((x, y) => x.no - y.no);
      if (ls.length === 0) continue;
      fc.notes.push({
        severity: 'info',
        code: 'form-rows-uncertain',
        table: fc.table,
        row: null,
        message: `表《${fc.title}》第 ${ls[0]!.no}–${ls[ls.length - 1]!.no} 行的 ${d.items.length} 个绩效指标可能属于项目“${projectName(a) || '（未命名）'}”或“${projectName(b) || '（未命名）'}”：fiscus 未依据表格线划分各项目的行，按居中位置归属（推断）`,
        src: srcOfLines(ls[0]!, ls[0]!.text, ls[ls.length - 1]),
      });
    }
  }
  return { grid, projects: mergeRepeated(projects), orphans };
}

/** Lines further apart than this within one cell's text are not known to be one cell's. */
const OWN_GAP = 3;

/** The run of positions `vs` reaching `c` with no gap wider than OWN_GAP. */
export function ownSpan(c: number, vs: readonly number[]): { top: number; bot: number } {
  const sorted = [...new Set([c, ...vs])].sort((a, b) => a - b);
  const i = sorted.indexOf(c);
  let top = i;
  let bot = i;
  while (top > 0 && sorted[top]! - sorted[top - 1]! <= OWN_GAP) top--;
  while (bot < sorted.length - 1 && sorted[bot + 1]! - sorted[bot]! <= OWN_GAP) bot++;
  return { top: sorted[top]!, bot: sorted[bot]! };
}

/**
 * Matches positions to slots in order (position i to slot owner[i], strictly increasing) so that the
 * sum of distances is least; -1 for every position when there are more positions than slots.
 */
export function matchInOrder(xs: readonly number[], slots: readonly number[]): number[] {
  const n = xs.length;
  const m = slots.length;
  if (n === 0) return [];
  if (n > m) return xs.map(() => -1);
  // best[i][j]: least cost of placing positions 0..i with position i in slot j.
  const best: number[][] = xs.map(() => new Array<number>(m).fill(Infinity));
  const from: number[][] = xs.map(() => new Array<number>(m).fill(-1));
  for (let j = 0; j < m; j++) best[0]![j] = Math.abs(xs[0]! - slots[j]!);
  for (let i = 1; i < n; i++) {
    for (let j = i; j < m; j++) {
      for (let q = i - 1; q < j; q++) {
        const v = best[i - 1]![q]! + Math.abs(xs[i]! - slots[j]!);
        if (v < best[i]![j]!) {
          best[i]![j] = v;
          from[i]![j] = q;
        }
      }
    }
  }
  let j = 0;
  for (let q = 1; q < m; q++) if (best[n - 1]![q]! < best[n - 1]![j]!) j = q;
  const out: number[] = new Array<number>(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = j;
    j = from[i]![j]!;
  }
  return out;
}

/**
 * Matches a line's figures to the amount headers in order, allowing the line's figures to be shifted
 * together (pdftotext moves a line's figures when its label runs long; a later page may be offset):
 * the spacing of the figures decides, the smallest shift breaking ties.
 */
export function matchShifted(xs: readonly number[], slots: readonly number[]): number[] {
  if (xs.length === 0) return [];
  const cost = (s: number) => {
    const owner = matchInOrder(
      xs.map((x) => x + s),
      slots,
    );
    if (owner.some((o) => o < 0)) return { owner, c: Infinity };
    return { owner, c: owner.reduce((sum, o, i) => sum + Math.abs(xs[i]! + s - slots[o]!), 0) + 0.1 * Math.abs(s) };
  };
  let best = cost(0);
  for (const x of xs)
    for (const slot of slots) {
      const r = cost(slot - x);
      if (r.c < best.c - 1e-9) best = r;
    }
  return best.owner;
}

/** Projects printed twice in a row (the name repeated on a new page) are one. */
function mergeRepeated(ps: GridProject[]): GridProject[] {
  const out: GridProject[] = [];
  for (const p of ps) {
    const q = out[out.length - 1];
    if (q && samePrinted(q, p)) {
      pushAll(q.rows, p.rows);
      pushAll(q.indicators, p.indicators);
      // The part printed whole names the project (a name cut by the page break is its beginning).
      if (projectName(p).length > projectName(q).length) q.texts.set('projectName', p.texts.get('projectName') ?? []);
      for (const [k, fs] of p.texts) if (k === 'goal' && !q.texts.get(k)?.length) q.texts.set(k, fs);
      continue;
    }
    out.push(p);
  }
  return out;
}

const sameMoney = (a: Money | null, b: Money | null) => (a === null && b === null) || (a !== null && b !== null && a.fen === b.fen);

/**
 * Two bands that are one project printed on two pages: on following pages, the same amounts, and
 * names one of which begins or ends the other (a name cell cut by the page break).
 */
function samePrinted(a: GridProject, b: GridProject): boolean {
  if (a.line.page === b.line.page || a.line.page === null || b.line.page === null || Math.abs(a.line.page - b.line.page) !== 1) return false;
  const na = projectName(a);
  const nb = projectName(b);
  if (na === '' || nb === '' || !(na.startsWith(nb) || nb.startsWith(na) || na.endsWith(nb) || nb.endsWith(na))) return false;
  const kinds = new Set([...a.amounts.keys(), ...b.amounts.keys()]);
  return [...kinds].every((k) => sameMoney(a.amounts.get(k) ?? null, b.amounts.get(k) ?? null)) && (a.amounts.get('total') ?? null) !== null;
}

/** The text of a project's cells of one kind, joined as printed. */
export function projectText(p: GridProject, kind: ColumnKind): string {
  const fs = [...(p.texts.get(kind) ?? [])].sort((a, b) => a.v - b.v || a.x0 - b.x0);
  return joinText(fs.map((f) => f.text));
}

const CODE_NAME = /^([0-9A-Z]{12,32})-(.+)$/;

/** The name cell's text with its lines joined as one (a code wrapped over two lines is one code). */
function codeJoined(p: GridProject): string {
  const fs = [...(p.texts.get('projectName') ?? [])].sort((a, b) => a.v - b.v || a.x0 - b.x0);
  return tidy(fs.map((f) => f.text).join(''));
}

/** A project's name as printed, without the project code printed before it ("11000022T000000445578-…"). */
export function projectName(p: GridProject): string {
  const raw = codeJoined(p);
  const m = CODE_NAME.exec(raw);
  return m ? m[2]! : raw;
}

/** The project code printed before the name, if any. */
export function projectCode(p: GridProject): string | null {
  const m = CODE_NAME.exec(codeJoined(p));
  return m ? m[1]! : null;
}

/** The lines a project's cells are printed on, first and last. */
export function projectLines(p: GridProject): { first: SourceLine; last: SourceLine } {
  const ls = [p.line, ...[...p.texts.values()].flat().map((f) => f.line), ...p.rows.flatMap((r) => [...r.cells.values()].flat().map((f) => f.line))];
  const sorted = [...ls].sort((a, b) => a.no - b.no);
  return { first: sorted[0]!, last: sorted[sorted.length - 1]! };
}

/** A ProjectForm from a grid project. */
export function formOfGridProject(p: GridProject, id: string, fc: FormContext): ProjectForm {
  const { first, last } = projectLines(p);
  const name = projectName(p);
  const overview: ProjectForm['overview'] = [];
  const code = projectCode(p);
  const at = srcOfLines(p.line, p.line.text);
  if (code) overview.push({ label: '项目编码', text: code, src: at });
  const unitName = tidy(projectText(p, 'unitName'));
  if (unitName) overview.push({ label: '单位名称', text: unitName, src: at });
  const unitCode = tidy(projectText(p, 'unitCode'));
  if (unitCode) overview.push({ label: '单位编码', text: unitCode, src: at });
  const goal = projectText(p, 'goal');
  const goalFrags = p.texts.get('goal') ?? [];
  const form: ProjectForm = {
    id,
    name,
    year: fc.year,
    parentProject: null,
    amounts: {
      total: null,
      currentYear: p.amounts.get('total') ?? null,
      fiscal: p.amounts.get('fiscal') ?? p.amounts.get('general') ?? null,
      other: p.amounts.get('other') ?? null,
      transfer: null,
      purchasedServices: null,
    },
    overview,
    costLines: [],
    disbursement: [],
    indicators: p.indicators,
    src: srcOfLines(first, name || p.line.text, last),
  };
  if (goal !== '') {
    const gl = [...goalFrags].sort((a, b) => a.line.no - b.line.no);
    form.annualGoal = { text: goal, src: srcOfLines(gl[0]!.line, goal, gl[gl.length - 1]!.line) };
  }
  return form;
}
