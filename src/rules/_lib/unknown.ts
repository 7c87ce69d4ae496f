/**
 * What a document does not know (design.md convention 11, "never guess"): the rows of a table whose
 * empty cells are unknown rather than empty (the row prints amounts whose column could not be
 * determined, or an amount that could not be read), the cells whose column was inferred, the rows an
 * import could not read at all, and a year or unit the import could not recognise.
 *
 * The engine uses this to make sure that no finding rests on a guess: it runs the rules again on
 * copies of the document in which every unknown or inferred value is replaced by a different,
 * arbitrary value (`vary`), and keeps only the findings that come out the same. A finding that
 * changes with a value nobody knows rests on that value; it is not reported but listed as not checked.
 */
import type { BudgetDocument, ImportNote, Money, Row, Table } from '../../domain/model.js';

/** A row whose amounts are not all known, and why. */
export interface UncertainRow {
  table: Table;
  row: Row;
  /**
   * `unplaced`: amounts printed whose column is unknown; `inferred`: placements inferred; `unreadable`: an amount that could not be
   * read; `beside`: the row shares a printed line with a row of the same table whose amounts could not be placed (the other side of a
   * two-sided table, a panel beside it), so those amounts may be its own.
   */
  reason: 'unplaced' | 'inferred' | 'unreadable' | 'beside';
}

/** A row of a table that the import could not read at all (an import error naming the table, no row of it). */
export interface UnreadRow {
  table: Table;
  note: ImportNote;
}

/** Everything in a document that the rules must not rest an error on. */
export interface Uncertainty {
  rows: UncertainRow[];
  unread: UnreadRow[];
  /** The year could not be recognised (the import fell back to a default). */
  year: boolean;
  /** The unit's name could not be recognised. */
  unit: boolean;
}

/** True when the note's line lies on the row (a wrapped row spans `line` … `endLine`). */
function onRow(note: ImportNote, r: Row): boolean {
  const line = note.src.line;
  if (line === null || r.src.line === null) return false;
  return line >= r.src.line && line <= (r.src.endLine ?? r.src.line);
}

/** True when a row has a cell whose placement was inferred. */
export function hasInferred(r: Row): boolean {
  return Object.values(r.amounts).some((v) => v?.inferred === true);
}

/** The unknowns of a document (empty when everything was read and placed from positions). */
export function uncertaintyOf(doc: BudgetDocument): Uncertainty {
  const rows: UncertainRow[] = [];
  const unread: UnreadRow[] = [];
  const tableErrors = doc.importNotes.filter((n) => n.severity === 'error' && n.table != null);
  for (const t of doc.tables) {
    const mine = tableErrors.filter((n) => t.id !== undefined && n.table === t.id);
    const seen = new Set<Row>();
    for (const r of t.rows) {
      const reason = r.unplaced && r.unplaced.length > 0 ? 'unplaced' : hasInferred(r) ? 'inferred' : mine.some((n) => n.row === r.id || (n.row == null && onRow(n, r))) ? 'unreadable' : null;
      if (reason) {
        rows.push({ table: t, row: r, reason });
        seen.add(r);
      }
    }
    // An amount that could not be placed is not known to be its row's either: the reader may have given
    // a line's figures to the wrong side or panel (a dense two-sided table whose 行次 runs into its
    // figures). Every other row printed on that line may own it, so its empty cells are unknown too.
    const unplacedLines = t.rows.filter((r) => r.unplaced && r.unplaced.length > 0).map((r) => r.src);
    for (const r of t.rows) {
      if (seen.has(r) || r.src.line === null) continue;
      const first = r.src.line;
      const last = r.src.endLine ?? first;
      if (!unplacedLines.some((s) => s.line !== null && s.line <= last && (s.endLine ?? s.line) >= first)) continue;
      rows.push({ table: t, row: r, reason: 'beside' });
      seen.add(r);
    }
    for (const n of mine) {
      if (n.row != null ? t.rows.some((r) => r.id === n.row) : t.rows.some((r) => onRow(n, r))) continue;
      unread.push({ table: t, note: n });
    }
  }
  const code = (c: string) => doc.importNotes.some((n) => n.code === c);
  return { rows, unread, year: code('year-unknown'), unit: code('unit-unknown') };
}

/** True when the document has anything unknown. */
export function isUncertain(u: Uncertainty): boolean {
  return u.rows.length > 0 || u.unread.length > 0 || u.year || u.unit;
}

/**
 * An arbitrary amount in fen for the `i`-th unknown value of variant `seed`: large, positive, and
 * different for every cell and variant, so that no sum of them cancels out by accident.
 */
function arbitraryFen(seed: number, i: number): number {
  let h = (seed * 2654435761 + (i + 1) * 40503) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489917) >>> 0;
  return 1_000_000_00 + (h % 9_000_000_00) + i;
}

/** The amount columns of a table (every key a row of it may hold). */
function amountKeys(t: Table, r: Row): string[] {
  return [...new Set([...t.columns.filter((c) => c.kind === 'amount').map((c) => c.key), ...Object.keys(r.amounts)])];
}

/**
 * True when `doc` is plain data (objects and arrays only) in which none of the containers `vary` writes
 * into (the table list, each table, its row list, each row and its amounts) is reachable twice. Then a
 * copy of just those containers is the same to any reader as a deep copy of the whole document; the
 * importers share only what vary never writes (a table's `src` with its coverage entry).
 */
function copyOnWriteSafe(doc: BudgetDocument): boolean {
  const written = writtenContainers(doc);
  // A document is a tree (read from text or JSON, checked by the schema): walked as one, without a set of
  // every object seen, a written container reached twice is a second reference to it, as in the walk below,
  // and an object shared elsewhere is only looked at again. A cycle (or an enormous sharing) exceeds the
  // bounds: then the walk that remembers what it saw decides.
  const reached = new Set<object>();
  const stack: object[] = [doc];
  const depths: number[] = [0];
  let visits = 0;
  while (stack.length > 0) {
    const x = stack.pop()!;
    const depth = depths.pop()!;
    if (++visits > TREE_VISITS || depth > TREE_DEPTH) return copyOnWriteSafeGraph(doc, written);
    if (written.has(x)) {
      if (reached.has(x)) return false;
      reached.add(x);
    }
    const proto: unknown = Object.getPrototypeOf(x);
    if (Array.isArray(x)) {
      if (proto !== Array.prototype) return false;
      for (const v of x as unknown[])
        if (v !== null && typeof v === 'object') {
          stack.push(v);
          depths.push(depth + 1);
        }
    } else {
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in x) {
        const v = (x as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') {
          stack.push(v);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}

/** Bounds of the tree walk: a document is a few levels deep and holds far fewer objects. */
const TREE_DEPTH = 256;
const TREE_VISITS = 5_000_000;

/** The containers `vary` writes into: the table list, each table, its row list, each row and its amounts. */
function writtenContainers(doc: BudgetDocument): Set<object> {
  const written = new Set<object>([doc.tables]);
  for (const t of doc.tables) {
    written.add(t);
    written.add(t.rows);
    for (const r of t.rows) {
      written.add(r);
      written.add(r.amounts);
    }
  }
  return written;
}

/** `copyOnWriteSafe` for any graph of objects (cycles included): every object is looked at once. */
function copyOnWriteSafeGraph(doc: BudgetDocument, written: ReadonlySet<object>): boolean {
  const seen = new Set<object>();
  const stack: object[] = [doc];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) {
      if (written.has(x)) return false;
      continue;
    }
    seen.add(x);
    const proto: unknown = Object.getPrototypeOf(x);
    if (Array.isArray(x)) {
      if (proto !== Array.prototype) return false;
      for (const v of x as unknown[]) if (v !== null && typeof v === 'object') stack.push(v);
    } else {
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in x) {
        const v = (x as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return true;
}

/** Per run of the rules (an Uncertainty is made for each): whether its document may be varied by copying only what changes. */
const COPY_ON_WRITE = new WeakMap<Uncertainty, boolean>();

function copiesOnWrite(doc: BudgetDocument, u: Uncertainty): boolean {
  let cow = COPY_ON_WRITE.get(u);
  if (cow === undefined) {
    cow = copyOnWriteSafe(doc);
    COPY_ON_WRITE.set(u, cow);
  }
  return cow;
}

/**
 * The members of `doc` (its own keys) in which a copy made by `vary` may differ from it: the tables, and
 * the year and the unit when they were not recognised. Every other member of such a copy is the very
 * object of `doc`. Null when the copies are deep copies instead (`doc` shares a container that vary
 * writes into, or holds more than plain data): then any member of a copy may differ.
 */
export function variedMembers(doc: BudgetDocument, u: Uncertainty): ReadonlySet<string> | null {
  if (!copiesOnWrite(doc, u)) return null;
  const members = new Set<string>(['tables']);
  if (u.year) members.add('year');
  if (u.unit) members.add('unit');
  return members;
}

/**
 * A copy of the document in which every unknown value is replaced by an arbitrary one (variant
 * `seed`): the unknown cells of uncertain rows (every empty cell of a row with unplaced or unreadable
 * amounts; the cells without a key of a row placed by inference), the inferred cells, a row standing for each unread row,
 * the year and unit when they were not recognised. `only` restricts the variation to some tables.
 * Only the containers that change are copied (the rules never write into a document), unless the
 * document shares one of them between two places or holds anything but plain data: then all of it is.
 */
export function vary(doc: BudgetDocument, u: Uncertainty, seed: number, only?: ReadonlySet<Table>): BudgetDocument {
  const cow = copiesOnWrite(doc, u);
  const out: BudgetDocument = cow ? { ...doc, tables: [...doc.tables] } : structuredClone(doc);
  const copied = new Set<Table>();
  const byIndex = (t: Table): Table => {
    const at = doc.tables.indexOf(t);
    if (!cow) return out.tables[at]!;
    let c = out.tables[at]!;
    if (!copied.has(c)) {
      c = { ...t, rows: [...t.rows] };
      out.tables[at] = c;
      copied.add(c);
    }
    return c;
  };
  const rowOf = (t: Table, table: Table, row: Row): Row => {
    const at = table.rows.indexOf(row);
    if (!cow) return t.rows[at]!;
    const r = { ...row, amounts: { ...row.amounts } };
    t.rows[at] = r;
    return r;
  };
  let i = 0;
  const fake = (): Money => ({ fen: arbitraryFen(seed, i++), decimals: 2 });
  for (const { table, row, reason } of u.rows) {
    if (only && !only.has(table)) continue;
    const t = byIndex(table);
    const r = rowOf(t, table, row);
    for (const k of amountKeys(t, r)) {
      const v = r.amounts[k];
      // A row whose figures were all placed, some by inference, has known empty cells (null): only
      // its inferred cells and the cells left unknown (no key) vary.
      if (v === undefined || (v === null && reason !== 'inferred')) r.amounts[k] = fake();
      else if (v?.inferred) r.amounts[k] = { ...v, fen: v.fen + arbitraryFen(seed, i++) };
    }
  }
  for (const { table, note } of u.unread) {
    if (only && !only.has(table)) continue;
    const t = byIndex(table);
    // Stand-ins for the row that could not be read, where it was printed: one beside the row before it
    // and one beside the row after it (same code, level, parent and side), so that every sum the
    // unread row may belong to changes with them.
    const line = note.src.line ?? Number.MAX_SAFE_INTEGER;
    let at = t.rows.findIndex((r) => (r.src.line ?? 0) > line);
    if (at < 0) at = t.rows.length;
    const standIn = (like: Row | undefined): Row => {
      const amounts: Record<string, Money | null> = {};
      for (const c of t.columns) if (c.kind === 'amount') amounts[c.key] = fake();
      return {
        id: `unread-${seed}-${i}`,
        kind: like && (like.kind === 'item' || like.kind === 'group') ? like.kind : 'item',
        label: '（未能读取的行）',
        level: like?.level ?? 1,
        parent: like?.parent ?? null,
        ...(like?.side ? { side: like.side } : {}),
        ...(like?.code && like.codeSystem ? { code: like.code, codeSystem: like.codeSystem } : {}),
        amounts,
        // No line: a stand-in must not be taken for the unread row itself when the rules look for it.
        src: { line: null, page: note.src.page, raw: '' },
      };
    };
    t.rows.splice(at, 0, standIn(t.rows[at - 1]), standIn(t.rows[at]));
  }
  if (!only) {
    if (u.year) out.year = doc.year + (seed % 2 === 0 ? 3 : -3);
    if (u.unit) out.unit = { ...out.unit, name: `${out.unit.name}${seed}` };
  }
  return out;
}
