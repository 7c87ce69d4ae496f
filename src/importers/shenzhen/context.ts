/** Shared state of one Shenzhen import: the file name, notes, and provenance helpers. */
import type { ImportNote, Money, Src } from '../../domain/model.js';
import { inputError } from '../../domain/errors.js';
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

/** Parses a printed amount in `unit` (万元 unless told) at a line, or throws `file:line: expected an amount, found …`. */
export function moneyAt(ctx: ImportContext, line: SourceLine, text: string, unit: DisplayUnit = '万元'): Money {
  const where = { file: ctx.file, line: line.no, page: line.page };
  if (!isAmountText(text)) throw inputError(where, `an amount in ${unit}`, text);
  try {
    return { fen: parseAmount(text, unit), decimals: decimalsOf(text), src: srcOf(line, text) };
  } catch (e) {
    // Well-formed but not representable in fen (more decimals than the unit allows, too large).
    if (e instanceof MoneyParseError) throw inputError(where, `an amount in ${unit} (${e.message})`, text);
    throw e;
  }
}

/** Throws an input error at a line. */
export function fail(ctx: ImportContext, line: SourceLine | undefined, expected: string, found?: string): never {
  throw inputError({ file: ctx.file, line: line?.no ?? null, page: line?.page ?? null }, expected, found ?? line?.text ?? 'end of file');
}
