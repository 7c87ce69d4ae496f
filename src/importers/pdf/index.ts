/** PDF input: the text layer with positions, laid out like `pdftotext -layout`, as SourceText. */
export { pdfLinkPages, readPdf } from './read.js';
export type { PdfText, PdfItem, PdfLine, PdfPageLayout } from './read.js';
