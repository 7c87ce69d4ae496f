/**
 * Shared state of one Shenzhen import: the file name, notes, and provenance helpers; and how a part
 * of a table that cannot be read becomes a located import note instead of a refusal of the document.
 */
import type { ImportNote, Money, Src } from '../../domain/model.js';
import { FiscusError, inputError, type ErrorWhere } from '../../domain/errors.js';
import { decimalsOf, isAmountText, MoneyParseError, parseAmount, type DisplayUnit } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';

export interface ImportContext {
  file: string;
  notes: ImportNote[];
  /** Year of the budget, once known (from the narrative or the table/form headers). */
  year: number | null;
  unitName: string | null;
}

export function newContext(file: string): ImportContext {
  return { file, notes: [], year: null, unitName: null };
}

/** Provenance of a value read from one line (or a span of lines). */
export function srcOf(line: SourceLine, raw?: string, last?: SourceLine): Src {
  const s: Src = { line: line.no, page: line.page, raw: raw ?? line.text };
  if (last && last.no !== line.no) s.endLine = last.no;
  return s;
}

/**
 * Parses a printed amount in `unit` (万元 unless told) at a line, or throws an {@link Unreadable}
 * `file:line: 应为金额（万元），实为 "…"` (a table reader turns it into a note on the row).
 */
export function moneyAt(ctx: ImportContext, line: SourceLine, text: string, unit: DisplayUnit = '万元'): Money {
  if (!isAmountText(text)) unreadable(ctx, line, `金额（${unit}）`, `“${clip(text)}”不是金额（${unit}）`, text);
  try {
    return { fen: parseAmount(text, unit), decimals: decimalsOf(text), src: srcOf(line, text) };
  } catch (e) {
    // Well-formed but not representable in fen (more decimals than the unit allows, too large).
    if (e instanceof MoneyParseError) unreadable(ctx, line, `金额（${unit}；${e.message}）`, `金额“${clip(text)}”无法按${unit}精确读取（${e.message}）`, text);
    throw e;
  }
}

/**
 * A part of a table that cannot be read (a malformed amount, a row whose amounts fit no column, a
 * header without one of its columns): an input error that carries, beside the English
 * `应为……，实为 "…"`, the Chinese `reason` the table readers put in the import note that replaces
 * a refusal of the whole document.
 */
export class Unreadable extends FiscusError {
  constructor(
    where: ErrorWhere,
    expected: string,
    found: string,
    readonly reason: string,
  ) {
    super('INPUT_INVALID', inputError(where, expected, found).message, where, expected, found);
    this.name = 'Unreadable';
  }
}

/** Throws an {@link Unreadable} at a line: `expected` as a Chinese phrase (as `fail`), `reason` the note's Chinese sentence. */
export function unreadable(ctx: ImportContext, line: SourceLine | undefined, expected: string, reason: string, found?: string): never {
  throw new Unreadable({ file: ctx.file, line: line?.no ?? null, page: line?.page ?? null }, expected, found ?? line?.text ?? '文件末尾', reason);
}

/** A text shortened for a message. */
export const clip = (s: string, n = 40): string => (s.length > n ? s.slice(0, n) + '…' : s);

/** The Chinese reason of an input error met while reading a table. */
export function reasonOf(e: FiscusError): string {
  if (e instanceof Unreadable) return e.reason;
  return e.expected !== undefined ? `应为 ${e.expected}，实为“${clip(e.found ?? '')}”` : e.message;
}

/** The line an input error names, among `lines` (the line itself when it is one of them). */
export function lineOfError(e: FiscusError, lines: readonly SourceLine[]): SourceLine | undefined {
  return e.where.line == null ? undefined : lines.find((l) => l.no === e.where.line);
}

/** A table as import notes name it: its id in the document ("t3") and its printed title. */
export interface TableRef {
  id: string;
  title: string;
}

/**
 * The import note for a row that cannot be read (code `row-unreadable`): severity error, the table's
 * id and the row's id when the row was kept, "表《…》第 N 行未能读取：…" with the line and page.
 */
export function rowUnreadable(t: TableRef, line: SourceLine, reason: string, row: string | null = null): ImportNote {
  return { severity: 'error', code: 'row-unreadable', table: t.id, row, message: `表《${t.title}》第 ${line.no} 行未能读取：${reason}`, src: srcOf(line) };
}

/** The import note for a table that cannot be read at all (code `table-unreadable`); the table is left out. */
export function tableUnreadable(t: TableRef, line: SourceLine, reason: string): ImportNote {
  return { severity: 'error', code: 'table-unreadable', table: t.id, row: null, message: `表《${t.title}》未能读取（第 ${line.no} 行）：${reason}`, src: srcOf(line) };
}

/** Throws an input error at a line. */
export function fail(ctx: ImportContext, line: SourceLine | undefined, expected: string, found?: string): never {
  throw inputError({ file: ctx.file, line: line?.no ?? null, page: line?.page ?? null }, expected, found ?? line?.text ?? '文件末尾');
}
