/** Shared state of one Shanghai import: the file, notes, the year and unit, provenance helpers. */
import type { ImportNote, Money, Src } from '../../domain/model.js';
import { inputError } from '../../domain/errors.js';
import { decimalsOf, isAmountText, parseAmount, type DisplayUnit } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';

export interface ShanghaiContext {
  file: string;
  notes: ImportNote[];
  year: number | null;
  unitName: string | null;
}

/** A fresh context for one file. */
export function newContext(file: string): ShanghaiContext {
  return { file, notes: [], year: null, unitName: null };
}

/** Provenance of a value read from one line (or a span of lines). */
export function srcOf(line: SourceLine, raw?: string, last?: SourceLine): Src {
  const s: Src = { line: line.no, page: line.page, raw: raw ?? line.text };
  if (last && last.no !== line.no) s.endLine = last.no;
  return s;
}

/** Parses a printed amount in `unit` at a line, or throws `file:line: expected an amount, found …`. */
export function moneyAt(ctx: ShanghaiContext, line: SourceLine, text: string, unit: DisplayUnit): Money {
  if (!isAmountText(text)) throw inputError({ file: ctx.file, line: line.no, page: line.page }, `an amount in ${unit}`, text);
  return { fen: parseAmount(text, unit), decimals: decimalsOf(text), src: srcOf(line, text) };
}

/** Throws an input error at a line. */
export function fail(ctx: ShanghaiContext, line: SourceLine | undefined, expected: string, found?: string): never {
  throw inputError({ file: ctx.file, line: line?.no ?? null, page: line?.page ?? null }, expected, found ?? line?.text ?? 'end of file');
}

/** Records something read but not placed, so nothing printed is silently lost. */
export function note(ctx: ShanghaiContext, line: SourceLine, message: string, severity: 'info' | 'warning' = 'warning'): void {
  ctx.notes.push({ severity, message, src: srcOf(line) });
}
