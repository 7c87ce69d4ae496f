/**
 * Amounts on forms: a printed figure → Money with its provenance, figures wrapped over two lines
 * joined ("4,902" / ".34"), and the unit a form states (a form may print 万元 in a document whose
 * tables are in 元).
 */
import type { ImportNote, Money } from '../../../domain/model.js';
import { decimalsOf, MoneyParseError, parseAmount, type DisplayUnit } from '../../../domain/money.js';
import type { SourceLine } from '../../text/source.js';
import { unitOfLines } from '../table.js';
import { tokensOf } from '../tokens.js';
import { labelKey } from './vocabulary.js';

/** A piece of a printed figure and the line it is on (a figure may wrap over several lines). */
export interface FigurePart {
  text: string;
  line: SourceLine;
}

/** True for text printed as an amount (with or without decimals or separators). */
export function isFigure(text: string): boolean {
  return /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text.trim());
}

/** True when `rest` continues `head` as one wrapped figure ("4,902" + ".34", "576,171.1" + "1"). */
export function continuesFigure(head: string, rest: string): boolean {
  if (/^\.\d{1,6}$/.test(rest)) return /^\d{1,3}(?:,\d{3})*$|^\d+$/.test(head);
  if (/^\d{1,3}$/.test(rest)) return /(\.\d?|,\d{0,2})$/.test(head);
  return false;
}

/** Money for a printed figure (its wrapped pieces joined); one the unit cannot hold is a located note, not a guess. */
export function moneyOf(parts: readonly FigurePart[], unit: DisplayUnit, notes: ImportNote[], table: string | null): Money | null {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const text = parts
    .map((p) => p.text)
    .join('')
    .replace('−', '-')
    .replace(/\s+/g, '');
  // As printed: pieces on one line with a space, on following lines with a line break.
  const raw = parts.map((p, i) => (i === 0 ? '' : p.line === parts[i - 1]!.line ? ' ' : '\n') + p.text).join('');
  try {
    const m: Money = { fen: parseAmount(text, unit), decimals: decimalsOf(text), src: { line: first.line.no, page: first.line.page, raw } };
    if (last.line.no !== first.line.no) m.src!.endLine = last.line.no;
    return m;
  } catch (e) {
    if (!(e instanceof MoneyParseError)) throw e;
    notes.push({
      severity: 'error',
      code: 'amount-unreadable',
      table,
      row: null,
      message: `金额“${text}”无法按${unit}精确读取（${e.message}）`,
      src: { line: first.line.no, page: first.line.page, raw },
    });
    return null;
  }
}

/** True when `text` can begin a figure that wraps ("46," before "794" / ".00"). */
export function startsFigure(text: string): boolean {
  return isFigure(text) || /^\d{1,3}(?:,\d{3})*,$/.test(text.trim());
}

/**
 * The unit of a form: the one its unit line states ("单位：万元"), else the one its labels print
 * ("资金金额（万元）"), else the document's.
 */
export function formUnit(head: readonly SourceLine[], all: readonly SourceLine[], fallback: DisplayUnit): DisplayUnit {
  const stated = unitOfLines([...head]);
  if (stated) return stated;
  for (const l of all) {
    for (const t of tokensOf(l)) {
      const k = labelKey(t.text);
      if (/\(万元\)/.test(k)) return '万元';
      if (/\(元\)$/.test(k)) return '元';
    }
  }
  return fallback;
}
