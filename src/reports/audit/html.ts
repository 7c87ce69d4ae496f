/** The audit report as one self-contained HTML page in Chinese (inline CSS, no scripts, no fetches). */
import { FAIL_ON_LABELS, SEVERITY_LABELS, severityLabel } from '../../domain/catalogue/index.js';
import { formatAmount } from '../../domain/money.js';
import { esc } from '../html/esc.js';
import { findingHref, findingPlace, type AuditEntry, type AuditReport, type AuditedDocument, type RuleTally, type UnreadableDocument } from './model.js';
import { minOf, pushAll } from '../../domain/arrays.js';


/** 错误 / 警告 / 提示 as column headers. */
const SEVERITY_HEADS = (['error', 'warning', 'info'] as const).map((k) => `<th>${SEVERITY_LABELS[k]}</th>`).join('');

function amount(fen: number | null, unit: string): string {
  return fen === null ? '—' : formatAmount(fen, unit === '元' ? '元' : '万元', 2);
}

const CSS = `body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top}
th{background:#eef3fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.error{color:#b00020}.warning{color:#a15c00}.info{color:#555}
.bad{background:#fff4f4}h2{margin-top:2em}small{color:#666}`;

/** 金额召回率 over the documents that print text to measure against: how many, their sum (in document order) and the lowest. */
export interface RecallStats {
  count: number;
  sum: number;
  min: number;
}

/** The recall figures of a batch's documents, summed in their order. */
export function recallStats(docs: readonly AuditEntry[]): RecallStats {
  const rs = docs.flatMap((d) => (d.readable && d.coverage.recall !== null ? [d.coverage.recall] : []));
  return { count: rs.length, sum: rs.reduce((a, b) => a + b, 0), min: rs.length ? minOf(rs) : Infinity };
}

/**
 * Renders the report. `href(file)` turns a document path into a link relative to where the report is
 * written (so PDFs open at the finding's page: `file.pdf#page=N`). The page is its parts in order, one
 * line each: `auditHtmlOpening`, `auditHtmlDocumentRow` of each readable document, `auditHtmlMiddle`,
 * `auditHtmlFindings` of each document, `AUDIT_HTML_CLOSING` (a batch can be written part by part).
 */
export function renderAuditHtml(r: AuditReport, href: (file: string) => string): string {
  const out: string[] = auditHtmlOpening(r, recallStats(r.documents));
  for (const d of r.documents) {
    const row = auditHtmlDocumentRow(d, href);
    if (row !== null) out.push(row);
  }
  pushAll(out, auditHtmlMiddle(r.documents.filter((d): d is UnreadableDocument => !d.readable), r.rules));
  for (const d of r.documents) pushAll(out, auditHtmlFindings(d, href));
  out.push(AUDIT_HTML_CLOSING);
  return out.join('\n');
}

/** The page's last line. */
export const AUDIT_HTML_CLOSING = '</body></html>\n';

/** The head, the summary paragraph and the documents table's head. */
export function auditHtmlOpening(r: Pick<AuditReport, 'summary' | 'failOn' | 'tool'>, recalls: RecallStats): string[] {
  const s = r.summary;
  return [
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>批量审核报告</title><style>${CSS}</style></head><body>`,
    `<h1>批量审核报告</h1><p>共 ${s.documents} 份文件：可读取 ${s.readable} 份，无法读取 ${s.unreadable} 份；` +
      `${SEVERITY_LABELS.error} ${s.error} 条，${SEVERITY_LABELS.warning} ${s.warning} 条，${SEVERITY_LABELS.info} ${s.info} 条；按“${FAIL_ON_LABELS[r.failOn]}”判定不通过的文档 ${s.failing} 份。` +
      recallSentence(recalls) +
      `<small>（${esc(r.tool.name)} ${esc(r.tool.version)}，${r.tool.rules} 条规则）</small></p>`,
    `<h2>文档一览</h2><table><thead><tr><th>文件</th><th>格式</th><th>版式</th><th>单位</th><th>年度</th><th>类型</th><th>收入总计</th><th>支出总计</th><th>金额单位</th><th>识别表格</th><th>金额召回率</th><th>未定位金额</th>${SEVERITY_HEADS}</tr></thead><tbody>`,
  ];
}

/** A readable document's row of the documents table (null for an unreadable one). */
export function auditHtmlDocumentRow(d: AuditEntry, href: (file: string) => string): string | null {
  if (!d.readable) return null;
  return (
    `<tr${d.summary.error ? ' class="bad"' : ''}><td><a href="${esc(href(d.file))}">${esc(d.file)}</a></td><td>${esc(d.format)}</td><td>${esc(d.profile)}</td><td>${esc(d.unit)}</td><td>${d.year}</td><td>${esc(d.kind)}</td>` +
    `<td class="n">${amount(d.totals.revenue, d.displayUnit)}</td><td class="n">${amount(d.totals.expenditure, d.displayUnit)}</td><td>${esc(d.displayUnit)}</td>` +
    coverageCells(d) +
    `<td class="n error">${d.summary.error}</td><td class="n warning">${d.summary.warning}</td><td class="n info">${d.summary.info}</td></tr>`
  );
}

/** The documents table's end, the unreadable files, the per-rule table and the findings' heading. */
export function auditHtmlMiddle(bad: readonly UnreadableDocument[], rules: readonly RuleTally[]): string[] {
  const out: string[] = ['</tbody></table>'];
  out.push(`<h2>无法读取的文件（${bad.length}）</h2>`);
  if (bad.length) {
    out.push('<table><thead><tr><th>文件</th><th>原因</th><th>代码</th></tr></thead><tbody>');
    for (const d of bad) out.push(`<tr><td>${esc(d.file)}</td><td>${esc(d.error.message)}</td><td>${esc(d.error.code)}</td></tr>`);
    out.push('</tbody></table>');
  } else out.push('<p>无。</p>');

  out.push(`<h2>按规则统计</h2><table><thead><tr><th>规则</th><th>标题</th><th>类别</th><th>不通过的文档数</th><th>涉及文档数</th>${SEVERITY_HEADS}</tr></thead><tbody>`);
  for (const t of rules) {
    out.push(`<tr><td>${esc(t.rule)}</td><td>${esc(t.title)}</td><td>${esc(t.category)}</td><td class="n">${t.failing}</td><td class="n">${t.documents}</td>` +
      `<td class="n">${t.findings.error}</td><td class="n">${t.findings.warning}</td><td class="n">${t.findings.info}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push('<h2>全部问题</h2>');
  return out;
}

/** A document's findings: its heading and table (nothing for an unreadable document or one without findings). */
export function auditHtmlFindings(d: AuditEntry, href: (file: string) => string): string[] {
  if (!d.readable || d.findings.length === 0) return [];
  const fileHref = href(d.file);
  const out = [`<h3>${esc(d.unit)} ${d.year} ${esc(d.kind)} <small>${esc(d.file)}</small></h3>`];
  out.push('<table><thead><tr><th>级别</th><th>规则</th><th>位置</th><th>说明</th><th>预期</th><th>实际</th><th>差额</th></tr></thead><tbody>');
  for (const f of d.findings) out.push(findingRow(d, f, fileHref));
  out.push('</tbody></table>');
  return out;
}

/** 金额召回率平均 …，最低 … over the documents that print text to measure against. */
function recallSentence(r: RecallStats): string {
  if (r.count === 0) return '';
  const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
  return `金额召回率平均 ${pct(r.sum / r.count)}，最低 ${pct(r.min)}。`;
}

/** The coverage columns: tables recognised (with rows / all; the missing standard tables on hover), recall, unplaced amounts. */
function coverageCells(d: AuditedDocument): string {
  const c = d.coverage;
  const missing = c.missingTables.length ? ` title="缺少：${esc(c.missingTables.join('、'))}"` : '';
  const tables = `${c.tablesWithRows}${c.tablesWithRows !== c.tables ? ` / ${c.tables}` : ''}${c.missingTables.length ? `（缺 ${c.missingTables.length}）` : ''}`;
  const recall = c.recall === null ? '—' : `${(Math.floor(c.recall * 1000) / 10).toFixed(1)}%`;
  const held = c.recall === null ? '' : ` title="${c.heldAmounts} / ${c.printedAmounts}"`;
  return `<td class="n"${missing}>${tables}</td><td class="n"${held}>${recall}</td><td class="n">${c.unplacedAmounts}</td>`;
}

function findingRow(d: AuditedDocument, f: AuditedDocument['findings'][number], fileHref: string): string {
  const unit = f.unit ? ` ${esc(f.unit)}` : '';
  return `<tr><td class="${f.severity}">${severityLabel(f.severity)}</td><td>${esc(f.rule)}</td><td><a href="${esc(findingHref(fileHref, d, f))}">${esc(findingPlace(d, f))}</a></td>` +
    `<td>${esc(f.message)}</td><td class="n">${esc(f.expected ?? '')}${f.expected ? unit : ''}</td><td class="n">${esc(f.actual ?? '')}${f.actual ? unit : ''}</td><td class="n">${esc(f.difference ?? '')}</td></tr>`;
}
