/**
 * Shared state of one Shanghai import: the same context and provenance helpers as the Shenzhen
 * importer (file, notes, year and unit; srcOf, moneyAt, fail, and the notes for what cannot be read),
 * plus `note`.
 */
import { isAmountText } from '../../domain/money.js';
import type { SourceLine } from '../text/source.js';
import { srcOf, type ImportContext } from '../shenzhen/context.js';

export {
  clip,
  fail,
  lineOfError,
  moneyAt,
  newContext,
  reasonOf,
  rowUnreadable,
  srcOf,
  tableUnreadable,
  Unreadable,
  unreadable,
  type ImportContext as ShanghaiContext,
  type TableRef,
} from '../shenzhen/context.js';

/** Records something read but not placed, so nothing printed is silently lost. */
export function note(ctx: ImportContext, line: SourceLine, message: string, severity: 'info' | 'warning' = 'warning'): void {
  ctx.notes.push({ severity, message, src: srcOf(line) });
}

/** A token printed as a number that is not a well-formed amount ("1,2.3", "4.424,60"); list numbering ("1.") is not one. */
export const isMalformedNumber = (text: string): boolean => /^[-−]?\d[\d,.]*\d$/.test(text) && !isAmountText(text);
