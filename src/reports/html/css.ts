/** Print stylesheet of the package: A4, landscape pages for wide tables, repeated table headers. */
export const PRINT_CSS = `
@page { size: A4 portrait; margin: 16mm 14mm 16mm 14mm; }
@page wide { size: A4 landscape; margin: 12mm 8mm 14mm 8mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; font-size: 10.5pt; line-height: 1.6; color: #111; margin: 0; }
h1, h2, h3 { font-weight: bold; margin: 0.6em 0 0.4em; }
h2.part { font-size: 15pt; text-align: center; margin-top: 0; }
h3 { font-size: 11.5pt; }
p { margin: 0.3em 0; text-indent: 2em; text-align: justify; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; }
.cover h1 { font-size: 26pt; letter-spacing: 0.1em; }
.cover .sub { font-size: 14pt; margin-top: 1em; }
nav.toc { break-before: page; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li { margin: 0.15em 0; display: flex; align-items: baseline; gap: 1em; }
nav.toc .toc-page { margin-left: auto; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
nav.toc a { color: inherit; text-decoration: none; }
section.chapter { break-before: page; }
section.landscape { page: wide; }
.table-no { text-align: left; font-size: 10.5pt; }
h2.table-title { text-align: center; font-size: 14pt; margin: 0.2em 0 0.5em; }
.table-meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.35; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* An indicator tree that fits on a page moves whole, header row included (no orphaned header). */
table.keep-whole { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: middle; }
th { background: #eef1f5; font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.code { white-space: nowrap; }
/* Header labels never wrap: text extraction reads a wrapped cell interleaved with its neighbours. */
th { white-space: nowrap; }
section.landscape table { font-size: 7.5pt; }
section.landscape th { font-size: 6.5pt; padding: 1pt 1.5pt; }
section.landscape td { padding: 1.5pt 2pt; }
td.label { white-space: nowrap; }
tr.total td, tr.subtotal td, tr.unit td { font-weight: bold; }
p.note { text-indent: 0; font-size: 9pt; margin-top: 0.4em; }
/* Cells that may hold an amount whose column could not be determined, and inferred placements. */
/* A solid fill: a gradient prints as one image tile per cell (600 cells made 14 MB of PDF). */
td.unknown { background: #e6e6e6; }
td.inferred { font-style: italic; }
sup.mark { font-size: 7pt; margin-left: 1pt; }
table.form { font-size: 8.5pt; margin-bottom: -0.6pt; }
table.form td { vertical-align: top; }
table.form td.k { background: #f5f6f8; font-weight: bold; white-space: nowrap; }
table.form td.t, table.form div.t { white-space: nowrap; }
table.form tr.task td.num { vertical-align: bottom; }
table.form td.v { white-space: normal; }
table.form td.multi div { text-indent: 0; }
.form-title { text-align: center; font-size: 14pt; font-weight: bold; }
.form-year { text-align: center; margin-bottom: 0.4em; }
.chart { break-inside: avoid; margin: 0.6em auto; text-align: center; }
.chart svg { max-width: 100%; height: auto; }
table.findings td { white-space: normal; }
.sev-error { color: #b00020; } .sev-warning { color: #8a5a00; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 12px; } section.landscape { max-width: none; } }
`;
