/**
 * Report use case: a document (or a file) → the disclosure package as HTML, XLSX, PDF or Markdown,
 * optionally with the validation findings as an appendix.
 */
import type { BudgetDocument } from '../domain/model.js';
import { buildReportView, fillTocPages, printPdf, renderHtml, renderMarkdown, renderXlsx, tocAnchors, type HtmlOptions } from '../reports/index.js';
import type { PdfOptions } from '../reports/pdf/print.js';
import type { Finding } from '../rules/types.js';
import type { ImportOptions } from './import-document.js';
import { importFileIsolated, parsePool } from './isolation/pool.js';
import { validateDocument } from './validate.js';

export const REPORT_FORMATS = ['html', 'xlsx', 'pdf', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends HtmlOptions {
  format: ReportFormat;
  /** Validation findings for the appendix (none: no appendix). */
  findings?: Finding[];
  /** Called before each step of a long report (PDF): the step's name, 1-based index and count. */
  onStep?: (step: string) => void;
  /** Chromium executable for PDF (tests point it elsewhere to check the missing-dependency error). */
  chromiumPath?: string;
}

/** Renders a document in memory: text formats as a string, binary ones as bytes. */
export async function renderReport(doc: BudgetDocument, opts: ReportOptions): Promise<string | Uint8Array> {
  const view = buildReportView(doc, opts.findings);
  switch (opts.format) {
    case 'md':
      return renderMarkdown(view);
    case 'xlsx':
      return renderXlsx(view);
    case 'html':
      return renderHtml(view, opts);
    case 'pdf': {
      opts.onStep?.('render HTML');
      const html = renderHtml(view, opts);
      opts.onStep?.('print PDF');
      return printPackage(html, opts.chromiumPath ? { executablePath: opts.chromiumPath } : {});
    }
  }
}

/**
 * Renders the package of a stored document for a server: HTML and XLSX in a parser thread (building
 * a package takes the CPU for a tenth of a second or more, which would hold up every other request
 * on the server's thread); a PDF is that HTML printed by the shared Chromium. `findings` is the
 * appendix 校验结果: an empty list still prints it (saying that nothing was found); null leaves it out
 * (the public portal's package).
 */
export async function renderReportIsolated(doc: BudgetDocument, format: 'html' | 'xlsx' | 'pdf', findings: Finding[] | null): Promise<string | Uint8Array> {
  const pool = parsePool();
  if (format !== 'pdf') return pool.render(doc, findings, format);
  return printPackage(String(await pool.render(doc, findings, 'html')));
}

/**
 * Prints a package whose 目录 carries page numbers: Chromium cannot number a table of contents, so the
 * package is printed, the page each 目录 link leads to is read from that PDF (its named destinations, in a
 * parser thread: pdfjs would hold up a server's requests),
 * and the package is printed again with the numbers. The numbers take room the first print already
 * kept for them, so the pages do not move; a second reading checks it, and should they have moved the
 * print is made again with the new numbers (at most twice more). A package without a 目录 prints once.
 */
export async function printPackage(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const anchors = tocAnchors(html);
  let pdf = await printPdf(html, opts);
  if (anchors.length === 0) return pdf;
  const links = (bytes: Uint8Array) => parsePool().pdfLinks(bytes);
  let pages = await links(pdf);
  for (let attempt = 0; attempt < 3; attempt++) {
    const numbered = await printPdf(fillTocPages(html, pages), opts);
    const after = await links(numbered);
    pdf = numbered;
    if (anchors.every((a) => after.get(a) === pages.get(a))) break;
    pages = after;
  }
  return pdf;
}

/** Imports a file, optionally validates it (findings appendix), and renders the package. */
export async function reportFile(path: string, opts: Omit<ReportOptions, 'findings'> & { withFindings?: boolean; import?: ImportOptions }): Promise<string | Uint8Array> {
  opts.onStep?.('import');
  const doc = await importFileIsolated(path, opts.import ?? {});
  let findings: Finding[] | undefined;
  if (opts.withFindings) {
    opts.onStep?.('check');
    findings = validateDocument(doc).findings;
  }
  return renderReport(doc, { ...opts, ...(findings ? { findings } : {}) });
}
