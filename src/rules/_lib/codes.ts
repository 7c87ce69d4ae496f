/** Classified rows (function, economic, procurement codes) and their code-table lookups. */
import type { Row, Table } from '../../domain/model.js';
import type { ClassificationSystem } from '../../domain/classification/index.js';
import { normalizeText, squash } from '../../domain/text.js';

/** A row carrying a classification code. */
export type CodedRow = Row & { code: string; codeSystem: ClassificationSystem };

/** Rows of a table with a function, economic or procurement code. */
export function codedRows(t: Table): CodedRow[] {
  return t.rows.filter((r): r is CodedRow => !!r.code && (r.codeSystem === 'function' || r.codeSystem === 'econ' || r.codeSystem === 'procurement'));
}

/** A name compared the way code tables compare names (NFKC, no white space, leading code removed). */
export function nameKey(s: string): string {
  return squash(normalizeText(s)).replace(/^[A-C]?\d+/, '');
}

/** Chinese name of a classification system for messages. */
export const SYSTEM_ZH: Record<ClassificationSystem, string> = { function: '支出功能分类', econ: '部门预算支出经济分类', procurement: '政府采购品目' };
