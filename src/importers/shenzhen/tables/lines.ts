/**
 * Line-level reading shared by the table parsers: words with their line, trailing amounts, money with
 * provenance, the header check, the classification vocabulary and the table under construction.
 */
import type { Column, Money, Row, Src } from '../../../domain/model.js';
import { decimalsOf, isAmountText, parseAmount, type DisplayUnit } from '../../../domain/money.js';
import { codes, type ClassificationSystem, type CodeEntry } from '../../../domain/classification/index.js';
import { normalizeText, squash } from '../../../domain/text.js';
import { placeSparseRow } from '../../_lib/sparse-row.js';
import type { SourceLine } from '../../text/source.js';
import { srcOf, Unreadable, unreadable, type ImportContext } from '../context.js';
import type { TableSpec } from './specs.js';
import { pushAll } from '../../../domain/arrays.js';

/** A printed word and the line it is on. */
export interface Word {
  text: string;
  line: SourceLine;
}

/** Something that looks like a number but is not a well-formed amount ("1,2.3", "4.424,60"). */
const NUMERIC_RE = /^[-−]?\d[\d,.]*$/;

/** Splits a line into words. */
export function wordsOf(line: SourceLine): Word[] {
  return line.text
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((text) => ({ text, line }));
}

/**
 * Splits words into the leading text and the trailing run of numbers. A number that is not a
 * well-formed amount ("1,2.3") still closes the row: placing it makes the row unreadable, not the table.
 */
export function trailingAmounts(words: Word[]): { text: Word[]; amounts: Word[] } {
  let i = words.length;
  while (i > 0 && isNumberWord(words[i - 1]!)) i--;
  return { text: words.slice(0, i), amounts: words.slice(i) };
}

/** True for a word printed as a number, well-formed amount or not ("4,424.60", "1,2.3"). */
export function isNumberWord(w: Word): boolean {
  return isAmountText(w.text) || NUMERIC_RE.test(w.text);
}

/** A printed amount as Money with its line; an {@link Unreadable} when it is not a well-formed amount. */
export function moneyOf(ctx: ImportContext, w: Word, unit: DisplayUnit): Money {
  if (!isAmountText(w.text)) unreadable(ctx, w.line, `金额（${unit}）`, `“${w.text}”不是金额（${unit}）`, w.text);
  try {
    return { fen: parseAmount(w.text, unit), decimals: decimalsOf(w.text), src: srcOf(w.line, w.text) };
  } catch (e) {
    return unreadable(ctx, w.line, `金额（${unit}）`, `金额“${w.text}”无法按${unit}精确读取（${(e as Error).message}）`, `${w.text} (${(e as Error).message})`);
  }
}

/** Provenance of a row spread over words of several lines. */
export function srcOfWords(words: Word[], fallback: SourceLine): Src {
  const first = words[0]?.line ?? fallback;
  const last = words[words.length - 1]?.line ?? first;
  const raw = words.map((w) => w.text).join(' ');
  return srcOf(first, raw, last);
}

/** Joins label fragments: pdftotext breaks words anywhere, so white space carries no meaning. */
export function joinLabel(words: Word[]): string {
  return squash(words.map((w) => w.text).join(''));
}

/** Leading list numbering of a label: "一、", "1.", "(一)", "(1)". */
const NUMBERING_RE = /^(?:[一二三四五六七八九十]+[、.]|\d+[.、]|\([一二三四五六七八九十\d]+\))/;

/** A label without its list numbering. */
export function stripNumbering(label: string): string {
  return label.replace(NUMBERING_RE, '');
}

/** Comparison form of a header or title: no white space, no quotes. */
export const bare = (s: string): string => squash(normalizeText(s)).replace(/["“”'‘’]/g, '');

/**
 * Checks that the header lines print every expected label and returns the index of the first data
 * line. The header ends at the first line by which every label has appeared; a label that never
 * appears before the first data-looking line is a missing column.
 */
export function readHeader(ctx: ImportContext, spec: TableSpec, lines: SourceLine[], looksLikeData: (l: SourceLine) => boolean): number {
  const labels = headerLabels(spec.labels);
  let text = '';
  let dataAt = lines.length;
  for (const [i, l] of lines.entries()) {
    if (looksLikeData(l)) {
      dataAt = i;
      break;
    }
    text += bare(l.text);
    if (firstMissingLabel(text, labels) === null) return i + 1;
  }
  const missing = firstMissingLabel(text, labels)!;
  const original = spec.labels.find((x) => bare(x) === missing) ?? missing;
  return unreadable(ctx, lines[0] ?? lines[dataAt], `表 ${spec.no} 表头中的“${original}”列`, `表头缺少“${original}”列，各金额无法对应到列`, text || '（无表头）');
}

/** A table's header labels, bare, longest first: made once per list of labels (the specs are constants). */
const labelsCache = new WeakMap<readonly string[], readonly string[]>();
function headerLabels(labels: readonly string[]): readonly string[] {
  let out = labelsCache.get(labels);
  if (!out) labelsCache.set(labels, (out = [...labels].map(bare).sort((a, b) => b.length - a.length)));
  return out;
}

/**
 * The first label (longest first) the header text does not hold, or null when it holds them all. Each
 * label found takes its first place not taken by a longer one before it (a shorter label inside a longer
 * one is not found there): the places taken are marked, not cut out of a copy of the text.
 */
function firstMissingLabel(text: string, labelsLongestFirst: readonly string[]): string | null {
  const taken = new Uint8Array(text.length);
  for (const l of labelsLongestFirst) {
    let at = text.indexOf(l);
    while (at >= 0 && taken.subarray(at, at + l.length).includes(1)) at = text.indexOf(l, at + 1);
    if (at < 0) return l;
    taken.fill(1, at, at + l.length);
  }
  return null;
}

const namesCache = new Map<string, readonly string[]>();
const nameSetCache = new Map<string, ReadonlySet<string>>();

/**
 * Every name of a classification system valid in a year (for "is this a complete name?"), in tree
 * order. The code tables never change while the process runs: each list is made once.
 */
export function namesOf(system: ClassificationSystem, year: number | null): readonly string[] {
  const key = `${system}:${year}`;
  const hit = namesCache.get(key);
  if (hit) return hit;
  const out: string[] = [];
  const walk = (parent: string | null) => {
    for (const e of codes.children(system, parent, year)) {
      out.push(bare(e.name));
      walk(e.code);
    }
  };
  walk(null);
  namesCache.set(key, out);
  return out;
}

/** `namesOf` as a set, made once per system and year. */
export function nameSetOf(system: ClassificationSystem, year: number | null): ReadonlySet<string> {
  const key = `${system}:${year}`;
  let set = nameSetCache.get(key);
  if (!set) nameSetCache.set(key, (set = new Set(namesOf(system, year))));
  return set;
}

/** True when `label` is a strict prefix of one of `names` (a wrapped name still being read). */
export function isPrefixOfAny(label: string, names: Iterable<string>): boolean {
  for (const n of names) if (n.length > label.length && n.startsWith(label)) return true;
  return false;
}

/** Resolves a function name by the tree: a 项 under the current 款, a 款 under the current 类, else a 类. */
export function functionByName(name: string, year: number | null, cur: { cls: string | null; kuan: string | null }): CodeEntry | null {
  const all = codes.byNameIn('function', name, year);
  if (all.length === 0) return null;
  const xiang = all.find((e) => e.level === '项' && cur.kuan !== null && e.parent === cur.kuan);
  if (xiang) return xiang;
  const kuan = all.find((e) => e.level === '款' && cur.cls !== null && e.parent === cur.cls);
  if (kuan) return kuan;
  const cls = all.find((e) => e.level === '类');
  if (cls) return cls;
  return all.length === 1 ? all[0]! : null;
}

/** A row (or a line that opens none) that could not be read, and why (in Chinese). */
export interface UnreadRow {
  line: SourceLine;
  reason: string;
  /** The row kept in the table (its cells unknown), or null when the line made no row. */
  row: Row | null;
}

/**
 * A table being built: its rows, id allocation, warnings, the sparse placement of amounts, and the
 * rows it could not read (their amounts unknown: null cells, the printed figures in `unplaced`).
 */
export class TableBuilder {
  readonly rows: Row[] = [];
  ambiguousRows = 0;
  readonly amountColumns: Column[];
  readonly unread: UnreadRow[] = [];
  /** Problems of the row being read, attached to it by the next `add`. */
  private pending: Array<{ line: SourceLine; reason: string; unplaced: Money[] }> = [];

  constructor(
    readonly ctx: ImportContext,
    readonly spec: TableSpec,
    readonly unit: DisplayUnit,
  ) {
    this.amountColumns = spec.columns.filter((c) => c.kind === 'amount');
  }

  /** The id the next added row gets ("t7-4": table 7, fourth row). */
  nextId(): string {
    return `t${this.spec.no}-${this.rows.length + 1}`;
  }

  /** Appends a row with the next id (and the problems met reading its amounts). */
  add(row: Omit<Row, 'id'>): Row {
    const r = { id: this.nextId(), ...row };
    this.rows.push(r);
    for (const p of this.pending) {
      this.unread.push({ line: p.line, reason: p.reason, row: r });
      if (p.unplaced.length > 0) r.unplaced = [...(r.unplaced ?? []), ...p.unplaced];
    }
    this.pending = [];
    return r;
  }

  /** Records a line that could not be read and made no row. */
  skip(line: SourceLine, reason: string): void {
    this.unread.push({ line, reason, row: null });
  }

  /** A printed amount, or null (noted on the row being read) when it is not a well-formed amount. */
  money(w: Word): Money | null {
    try {
      return moneyOf(this.ctx, w, this.unit);
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e;
      this.pending.push({ line: w.line, reason: e.reason, unplaced: [] });
      return null;
    }
  }

  /** Problems noted for a row that was never added: they stay on their lines. */
  flushPending(): void {
    for (const p of this.pending) this.unread.push({ line: p.line, reason: p.reason, row: null });
    this.pending = [];
  }

  /** Drops the rows from `line` on (the rest of the table cannot be trusted) and records why. */
  cutAt(line: SourceLine, reason: string): void {
    this.flushPending();
    const keep = this.rows.filter((r) => (r.src.line ?? 0) < line.no);
    const kept = new Set(keep);
    this.rows.length = 0;
    pushAll(this.rows, keep);
    for (let i = this.unread.length - 1; i >= 0; i--) {
      const u = this.unread[i]!;
      if (u.row && !kept.has(u.row)) this.unread[i] = { ...u, row: null };
    }
    this.unread.push({ line, reason: `${reason}；本表自此行起未读取`, row: null });
  }

  /** Puts rows in printed order (by first line, revenue before expenditure) and renumbers their ids. */
  sortByLine(): void {
    const side = (r: Row) => (r.side === 'expenditure' ? 1 : 0);
    const sorted = this.rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.src.line ?? 0) - (b.r.src.line ?? 0) || side(a.r) - side(b.r) || a.i - b.i)
      .map((x) => x.r);
    const ids = new Map(sorted.map((r, i) => [r.id, `t${this.spec.no}-${i + 1}`]));
    this.rows.length = 0;
    for (const r of sorted) {
      r.id = ids.get(r.id)!;
      if (r.parent) r.parent = ids.get(r.parent) ?? r.parent;
      this.rows.push(r);
    }
  }

  warn(message: string, src: Src): void {
    this.ctx.notes.push({ severity: 'warning', message: `表 ${this.spec.no}: ${message}`, src });
  }

  /**
   * Places printed amounts into the amount columns. With a parent row, columns the parent leaves
   * empty are tried last: a child cannot fill a column its parent does not.
   */
  place(values: Word[], label: string, parent: Row | null): Record<string, Money | null> {
    const cols = this.amountColumns.map((c) => (c.sumOf ? { key: c.key, sumOf: c.sumOf } : { key: c.key }));
    const out: Record<string, Money | null> = {};
    for (const c of cols) out[c.key] = null;
    const money: Money[] = [];
    const bad: string[] = [];
    for (const w of values) {
      try {
        money.push(moneyOf(this.ctx, w, this.unit));
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        bad.push(e.reason);
      }
    }
    if (bad.length > 0) {
      // The row's cells are unknown: the figures that are amounts stay on it, unplaced.
      this.pending.push({ line: values[0]!.line, reason: `「${label}」${bad.join('；')}`, unplaced: money });
      return out;
    }
    if (money.length === cols.length) {
      // Every cell printed: nothing to infer, and a wrong sum is for the rules to report.
      cols.forEach((c, i) => (out[c.key] = money[i]!));
      return out;
    }
    const fen = money.map((m) => m.fen);
    const tolerancePerPart = this.unit === '万元' ? 5_000 : 50;
    const allowed = parent ? new Set(cols.filter((c) => parent.amounts[c.key] != null).map((c) => c.key)) : undefined;
    let r = allowed ? placeSparseRow(cols, fen, label, { tolerancePerPart, allowed }) : null;
    if (!r || !r.ok) r = placeSparseRow(cols, fen, label, { tolerancePerPart });
    if (!r.ok) {
      // No placement satisfies the column sums: where each figure belongs would be a guess.
      const printed = values.map((v) => v.text).join(' ');
      const reason =
        money.length > cols.length
          ? `「${label}」印有 ${money.length} 个金额（${printed}），多于本表的 ${cols.length} 个金额列`
          : `「${label}」的 ${money.length} 个金额（${printed}）无论怎样放入本表 ${cols.length} 个金额列都不满足列间合计关系，无法确定各金额所在的列`;
      this.pending.push({ line: values[0]!.line, reason, unplaced: money });
      return out;
    }
    if (r.ambiguous) this.ambiguousRows++;
    r.keys.forEach((k, i) => (out[k] = money[i]!));
    if (r.ambiguous) {
      // Several placements fit the column sums and the earliest was taken. A cell every placement
      // fills alike (or leaves empty) is known; a figure placed where another placement would not put
      // it is a guess (inferred), and an empty cell another placement would fill is unknown (no key):
      // no finding rests on either.
      const settled = r.settled;
      for (const c of cols) {
        if (settled[c.key]) continue;
        const v = out[c.key];
        if (v) out[c.key] = { ...v, inferred: true };
        else delete out[c.key];
      }
    }
    return out;
  }
}
