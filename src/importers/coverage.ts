/**
 * Coverage of an import, measured as `../shared/tools/amount-recall.py` measures it: the amounts a
 * document prints (numbers with decimals or thousands separators, not percentages, not dates such as
 * 2021.01) against those the model holds as structured values (objects with `fen` whose `src.raw`
 * prints them).
 */
import type { BudgetDocument, Coverage, CoverageTable, Table } from '../domain/model.js';
import { isUnmappedKey, standardTables, stageOf } from '../domain/catalogue/index.js';

const TOK = /(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2,6})(?![\d%％])/g;
const DATE = /^(19|20)\d\d\.(0?[1-9]|1[0-2])(\.\d{1,2})?$/;

/** The printed amounts of a text, normalised as amount-recall.py does (no separators, no sign). */
export function printedAmounts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOK)) {
    const a = m[0].replace(/,/g, '').replace(/^-/, '');
    if (!DATE.test(a)) out.push(a);
  }
  return out;
}

/** Counts of each printed amount. */
export function countAmounts(text: string): Map<string, number> {
  const c = new Map<string, number>();
  for (const a of printedAmounts(text)) c.set(a, (c.get(a) ?? 0) + 1);
  return c;
}

/**
 * The amounts a value holds: every object with `fen` and a `src.raw`, anywhere below it. `memo` keeps
 * the amounts of each raw text already read (the figures of one row all cite the row's line).
 */
export function heldAmounts(value: unknown, memo = new Map<string, string[]>()): Map<string, number> {
  const c = new Map<string, number>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const x = stack.pop();
    // Only objects and arrays are pushed (nothing else can hold an amount): the same visits, fewer pops.
    if (Array.isArray(x)) {
      for (const v of x) if (v !== null && typeof v === 'object') stack.push(v);
    } else if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ('fen' in o && o.src !== null && typeof o.src === 'object') {
        const r = (o.src as { raw?: unknown }).raw;
        const raw = typeof r === 'string' ? r : '';
        let amounts = memo.get(raw);
        if (amounts === undefined) memo.set(raw, (amounts = printedAmounts(raw)));
        for (const a of amounts) c.set(a, (c.get(a) ?? 0) + 1);
      }
      // for…in rather than Object.values: no array made for each of a document's ~20,000 objects (plain data: own keys only).
      for (const k in o) {
        const v = o[k];
        if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return c;
}

/** Recall of `held` over `printed`: Σ min(printed, held) per amount, over Σ printed. */
export function recall(printed: Map<string, number>, held: Map<string, number>): { printed: number; held: number; recall: number } {
  let total = 0;
  let hit = 0;
  for (const [k, n] of printed) {
    total += n;
    hit += Math.min(n, held.get(k) ?? 0);
  }
  return { printed: total, held: hit, recall: total === 0 ? 1 : hit / total };
}

/** Sum of the held counts. */
function total(held: Map<string, number>): number {
  let n = 0;
  for (const v of held.values()) n += v;
  return n;
}

/** Coverage of one table; `unreadRows` from the import notes that name it. */
export function tableCoverage(t: Table, unreadRows = 0): CoverageTable {
  const unmappedColumns = t.columns.filter((c) => c.kind === 'amount' && isUnmappedKey(c.key)).length;
  let amounts = 0;
  let unplaced = 0;
  let unknownCells = 0;
  for (const r of t.rows) {
    for (const v of Object.values(r.amounts)) if (v) amounts++;
    if (r.unplaced && r.unplaced.length > 0) {
      unplaced += r.unplaced.length;
      unknownCells += Object.values(r.amounts).filter((v) => v === null).length;
    }
  }
  return {
    id: t.id ?? '',
    title: t.title.text,
    role: t.role,
    rows: t.rows.length,
    columns: t.columns.length,
    amounts,
    unplaced,
    unknownCells,
    unreadRows,
    unmappedColumns,
    src: t.src,
  };
}

/** The members of a document whose held amounts the coverage counts apart. */
const COUNTED_PARTS = new Set(['tables', 'narrative', 'projectForms', 'departmentTargets']);

/** The coverage of an imported document against its source text. */
export function coverageOf(doc: BudgetDocument, sourceText: string, recogniser: string, confidence: number): Coverage {
  const unread = (id: string | undefined) => doc.importNotes.filter((n) => n.code === 'row-unreadable' && n.table === id).length;
  const tables = doc.tables.map((t) => tableCoverage(t, unread(t.id)));
  const memo = new Map<string, string[]>();
  // The document is walked once: the amounts held by the whole are those held by each of its members
  // (the walk counts what it reaches, shared objects each time), so the parts counted below and the
  // rest of the members add up to what a walk of the whole gives.
  const inTables = heldAmounts(doc.tables, memo);
  const inNarrative = heldAmounts(doc.narrative, memo);
  const inForms = heldAmounts([doc.projectForms, doc.departmentTargets], memo);
  const inRest = heldAmounts(
    Object.entries(doc).flatMap(([k, v]) => (COUNTED_PARTS.has(k) ? [] : [v])),
    memo,
  );
  const held = new Map<string, number>();
  for (const m of [inTables, inNarrative, inForms, inRest]) for (const [a, n] of m) held.set(a, (held.get(a) ?? 0) + n);
  const r = recall(countAmounts(sourceText), held);
  const have = new Set(doc.tables.map((t) => t.role));
  const stage = stageOf(doc.kind);
  const missing = standardTables(doc.kind)
    .filter((t) => !have.has(t.role) && t.stage === stage)
    .map((t) => t.name);
  return {
    recogniser,
    confidence,
    tables,
    printedAmounts: r.printed,
    heldAmounts: r.held,
    tableAmounts: total(inTables),
    narrativeAmounts: total(inNarrative),
    formAmounts: total(inForms),
    unplacedAmounts: tables.reduce((s, t) => s + t.unplaced, 0),
    unknownCells: tables.reduce((s, t) => s + t.unknownCells, 0),
    missingTables: missing,
    unreadParts: doc.importNotes.filter((n) => n.severity === 'error').length,
  };
}
