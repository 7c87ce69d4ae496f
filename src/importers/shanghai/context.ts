/**
 * Shared state of one Shanghai import: the same context and provenance helpers as the Shenzhen
 * importer (file, notes, year and unit; srcOf, moneyAt, fail), plus `note`.
 */
import type { SourceLine } from '../text/source.js';
import { srcOf, type ImportContext } from '../shenzhen/context.js';

export { fail, moneyAt, newContext, srcOf, type ImportContext as ShanghaiContext } from '../shenzhen/context.js';

/** Records something read but not placed, so nothing printed is silently lost. */
export function note(ctx: ImportContext, line: SourceLine, message: string, severity: 'info' | 'warning' = 'warning'): void {
  ctx.notes.push({ severity, message, src: srcOf(line) });
}
