/** Reports: view models of the disclosure package and its renderers (HTML, XLSX, PDF, Markdown). */
export * from './view/index.js';
export { fillTocPages, renderHtml, tocAnchors, type HtmlOptions } from './html/render.js';
export { renderXlsx } from './xlsx/render.js';
export { renderMarkdown } from './md/render.js';
export { printPdf, CHROMIUM_PATH, type PdfOptions } from './pdf/print.js';
export { closePdfBrowsers } from './pdf/browsers.js';
export { renderChartSvg } from './charts/charts.js';
