/** The cross-document audit report: model, HTML, CSV (JSON is the report object itself). */
export * from './model.js';
export { renderAuditHtml } from './html.js';
export { renderAuditCsv, AUDIT_CSV_HEADER } from './csv.js';
