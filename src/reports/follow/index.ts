/** Following the year: view models and the monitoring / self-evaluation documents (HTML, XLSX, PDF). */
import { printPdf } from '../pdf/print.js';
import { evaluationHtml, monitoringHtml } from './html.js';
import type { EvaluationReport, MonitoringReport } from './model.js';
import { evaluationXlsx, monitoringXlsx } from './xlsx.js';

export * from './model.js';
export { monitoringHtml, evaluationHtml, FOLLOW_CSS } from './html.js';
export { monitoringXlsx, evaluationXlsx } from './xlsx.js';
export { executionCurveSvg, attainmentSvg } from './charts.js';

export type FollowFormat = 'html' | 'xlsx' | 'pdf';

export const CONTENT_TYPES: Record<FollowFormat, string> = {
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** What a follow-the-year document is made from: the monitoring table or the self-evaluation report. */
export type FollowDoc = { kind: 'monitoring'; report: MonitoringReport; floors?: Record<number, number> } | { kind: 'evaluation'; report: EvaluationReport };

/** Renders the monitoring table or the self-evaluation report; PDF through the package's Chromium printer. */
export async function renderFollow(doc: FollowDoc, format: FollowFormat): Promise<{ body: Uint8Array | string; contentType: string }> {
  const html = () => (doc.kind === 'monitoring' ? monitoringHtml(doc.report, doc.floors) : evaluationHtml(doc.report));
  if (format === 'html') return { body: html(), contentType: CONTENT_TYPES.html };
  if (format === 'xlsx') return { body: doc.kind === 'monitoring' ? await monitoringXlsx(doc.report) : await evaluationXlsx(doc.report), contentType: CONTENT_TYPES.xlsx };
  return { body: await printPdf(html()), contentType: CONTENT_TYPES.pdf };
}
