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

/**
 * Tables whose lines are purchases (政府采购 / 政府购买服务): their key is the procurement item; a
 * function or economic code printed on a line is an attribute of the purchase, and the label is the
 * item's name, not the code's.
 */
export const ITEM_ROLES: ReadonlySet<Table['role']> = new Set(['procurement', 'purchased-services']);

/** A classification code standing inside a label or text cell (2xx…, 3xx…, 5xx…, A/B/C items). */
const EMBEDDED_CODE = /(?<![0-9A-Za-z.%])(?:[2-5]\d{2}(?:\d{2}){0,2}|[ABC]\d{2,8})(?![0-9.%])/g;

/**
 * The name a row prints for its own code: the label up to a second classification code it also
 * carries (tables printing the departmental and the government economic classification side by
 * side: "30101 基本工资 | 50101 工资奖金津补贴").
 */
export function ownName(r: CodedRow): string {
  const key = nameKey(r.label);
  const m = new RegExp(EMBEDDED_CODE.source).exec(key);
  return m && m.index > 0 ? key.slice(0, m.index) : key;
}

/**
 * The other classification codes a row prints besides its own: in its text cells ("50101-工资奖金
 * 津补贴", "30101-基本工资" beside a function code) and inside its label. In a table that crosses
 * classifications (function × government economic × departmental economic) a line is identified by
 * all of them.
 */
export function otherCodes(r: CodedRow): string[] {
  const out: string[] = [];
  for (const v of Object.values(r.texts ?? {})) {
    const m = /^\s*([2-5]\d{2}(?:\d{2}){0,2}|[ABC]\d{2,8})(?![0-9.])/.exec(v.text);
    if (m) out.push(m[1]!);
  }
  const label = nameKey(r.label);
  for (const m of label.matchAll(EMBEDDED_CODE)) if (m.index > 0 && m[0] !== r.code) out.push(m[0]);
  return out;
}

/**
 * Rows of a table with a classification code, without the department's own line where its agency
 * code was taken for a classification code: a code that heads the agency codes of the table's unit
 * lines (245 above 245001, 245002 …) is the department's code (units nest by their codes).
 */
export function classifiedRows(t: Table): CodedRow[] {
  const unitCodes = t.rows.map((r) => r.texts?.['unitCode']?.text.trim()).filter((c): c is string => !!c);
  return codedRows(t).filter((r) => !unitCodes.some((u) => u.length > r.code.length && u.startsWith(r.code)));
}
