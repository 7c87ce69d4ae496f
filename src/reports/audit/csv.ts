/** The audit report as CSV: one finding per row (unreadable files as rows of level 无法读取), UTF-8 with BOM for Excel. */
import { csvField, csvText, type CsvKind, type CsvValue } from '../../domain/csv.js';
import { severityLabel } from '../../domain/catalogue/index.js';
import { findingHref, findingPlace, type AuditEntry, type AuditReport } from './model.js';

/** The columns and how each is written: names and messages are text (escaped against formulas), figures numbers. */
const COLUMNS: ReadonlyArray<readonly [string, CsvKind]> = [
  ['文件', 'text'], ['单位', 'text'], ['年度', 'number'], ['类型', 'text'], ['级别', 'text'], ['规则', 'text'], ['类别', 'text'],
  ['标题', 'text'], ['说明', 'text'], ['章节', 'text'], ['项目', 'text'], ['字段', 'text'], ['行', 'number'], ['页', 'number'],
  ['位置', 'text'], ['链接', 'text'], ['预期', 'number'], ['实际', 'number'], ['差额', 'number'], ['金额单位', 'text'],
  ['识别表格', 'number'], ['金额召回率', 'number'], ['未定位金额', 'number'],
];

export const AUDIT_CSV_HEADER = COLUMNS.map(([name]) => name);
/** How each column of AUDIT_CSV_HEADER is written: text (escaped against formulas) or a number. */
export const AUDIT_CSV_KINDS: readonly CsvKind[] = COLUMNS.map(([, kind]) => kind);
const KINDS = AUDIT_CSV_KINDS;

/** The CSV's first line: the UTF-8 BOM and the header record. */
export function auditCsvHead(): string {
  return '\uFEFF' + csvText(AUDIT_CSV_HEADER, KINDS, []);
}

/**
 * The records of one document, one per finding (an unreadable file is one record), as cells in the
 * columns of AUDIT_CSV_HEADER: the CSV writes them escaped by AUDIT_CSV_KINDS, a workbook as cells.
 */
export function auditFindingRecords(d: AuditEntry, href: (file: string) => string): CsvValue[][] {
  if (!d.readable) return [[d.file, '', '', '', '无法读取', '', '', d.error.code, d.error.message, '', '', '', '', '', '', href(d.file), '', '', '', '', '', '', '']];
  const c = d.coverage;
  const coverage = [c.tables, c.recall === null ? '' : c.recall.toFixed(3), c.unplacedAmounts];
  const fileHref = href(d.file);
  return d.findings.map((f) => {
    const l = f.location;
    return [d.file, d.unit, d.year, d.kind, severityLabel(f.severity), f.rule, f.category, f.title, f.message, l.section, l.item ?? '', l.field ?? '', l.line ?? '', l.page ?? '',
      findingPlace(d, f), findingHref(fileHref, d, f), f.expected ?? '', f.actual ?? '', f.difference ?? '', f.unit ?? '', ...coverage];
  });
}

/** The CSV records of one document (one per finding; an unreadable file is one record), each ending in CRLF. */
export function auditCsvDocument(d: AuditEntry, href: (file: string) => string): string {
  let out = '';
  for (const r of auditFindingRecords(d, href)) out += csvRecord(r);
  return out;
}

function csvRecord(cells: readonly CsvValue[]): string {
  return cells.map((c, i) => csvField(c, KINDS[i] ?? 'text')).join(',') + '\r\n';
}

/** Renders the CSV text (starting with the UTF-8 BOM): `auditCsvHead` then `auditCsvDocument` of each document. */
export function renderAuditCsv(r: AuditReport, href: (file: string) => string): string {
  let out = auditCsvHead();
  for (const d of r.documents) out += auditCsvDocument(d, href);
  return out;
}
