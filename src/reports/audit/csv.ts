/** The audit report as CSV: one finding per row (unreadable files as rows of level 无法读取), UTF-8 with BOM for Excel. */
import { stringify } from 'csv-stringify/sync';
import { severityLabel } from '../../domain/catalogue/index.js';
import { findingHref, findingPlace, type AuditReport } from './model.js';

export const AUDIT_CSV_HEADER = ['文件', '单位', '年度', '类型', '级别', '规则', '类别', '标题', '说明', '章节', '项目', '字段', '行', '页', '位置', '链接', '预期', '实际', '差额', '金额单位', '识别表格', '金额召回率', '未定位金额'];

/** Renders the CSV text (starting with the UTF-8 BOM). */
export function renderAuditCsv(r: AuditReport, href: (file: string) => string): string {
  const rows: Array<Array<string | number>> = [AUDIT_CSV_HEADER];
  for (const d of r.documents) {
    if (!d.readable) {
      rows.push([d.file, '', '', '', '无法读取', '', '', d.error.code, d.error.message, '', '', '', '', '', '', href(d.file), '', '', '', '', '', '', '']);
      continue;
    }
    const c = d.coverage;
    const coverage = [c.tables, c.recall === null ? '' : c.recall.toFixed(3), c.unplacedAmounts];
    for (const f of d.findings) {
      const l = f.location;
      rows.push([d.file, d.unit, d.year, d.kind, severityLabel(f.severity), f.rule, f.category, f.title, f.message, l.section, l.item ?? '', l.field ?? '', l.line ?? '', l.page ?? '',
        findingPlace(d, f), findingHref(href(d.file), d, f), f.expected ?? '', f.actual ?? '', f.difference ?? '', f.unit ?? '', ...coverage]);
    }
  }
  return '\uFEFF' + stringify(rows, { record_delimiter: '\r\n' });
}
