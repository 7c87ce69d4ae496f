/** The cross-document audit report: model, HTML, CSV (JSON is the report object itself). */
export * from './model.js';
export { renderAuditHtml, auditHtmlOpening, auditHtmlDocumentRow, auditHtmlMiddle, auditHtmlFindings, recallStats, AUDIT_HTML_CLOSING, type RecallStats } from './html.js';
export { renderAuditCsv, auditCsvHead, auditCsvDocument, auditFindingRecords, AUDIT_CSV_HEADER, AUDIT_CSV_KINDS } from './csv.js';
export { renderSheetsXlsx, type SheetData } from './xlsx.js';
