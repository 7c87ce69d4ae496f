/** The package as one self-contained, print-ready HTML page (A4, zh-CN, inline CSS and SVG charts). */
import { renderChartSvg } from '../charts/charts.js';
import type { DepartmentTargetsView, FindingView, IndicatorRowView, NarrativePartView, ProjectFormView, ReportView, TableView } from '../view/types.js';
import { PRINT_CSS } from './css.js';
import { esc } from './esc.js';

export interface HtmlOptions {
  /** Cover page and table of contents (default true). */
  frontMatter?: boolean;
  /** Chart appendix (default true). */
  charts?: boolean;
}

const span = (n: number | undefined, attr: string) => (n && n > 1 ? ` ${attr}="${n}"` : '');

function narrativeHtml(p: NarrativePartView): string {
  const body = p.sections
    .map((s) => (s.title ? `<h3>${esc(s.title)}</h3>` : '') + s.paragraphs.map((x) => `<p>${esc(x)}</p>`).join(''))
    .join('\n');
  return `<section class="chapter narrative" id="part-${p.no}">${p.heading ? `<h2 class="part">${esc(p.heading)}</h2>` : ''}\n${body}</section>`;
}

function tableHeadHtml(t: TableView): string {
  return t.header
    .map((row) => `<tr>${row.map((c) => `<th${span(c.rowspan, 'rowspan')}${span(c.colspan, 'colspan')}>${esc(c.text)}</th>`).join('')}</tr>`)
    .join('');
}

/** The mark of a row with unplaced amounts, and the note under the table that explains it. */
const UNPLACED_MARK = '※';

/**
 * One table section: its number when fiscus prints one ("表 N"), its title, unit line, header and
 * rows; wide tables on landscape pages. A row with amounts whose column could not be determined
 * carries a mark, its possible cells are shaded, and a note under the table lists the amounts.
 */
export function tableHtml(t: TableView): string {
  const rows = t.body
    .map((r) => {
      const marked = r.unplaced.length > 0;
      const cells = r.cells
        .map((c) => {
          const cls = (c.kind === 'amount' ? 'num' : c.kind === 'code' ? 'code' : c.kind === 'label' ? 'label' : 'text') + (c.unknown ? ' unknown' : '') + (c.inferred ? ' inferred' : '');
          const pad = c.level && c.kind === 'label' ? ` style="padding-left:${4 + 10 * c.level}pt"` : '';
          const mark = marked && c.anchor !== undefined && r.unplaced.some((u) => u.rowId === c.anchor) ? `<sup class="mark">${UNPLACED_MARK}</sup>` : '';
          return `<td class="${cls}"${pad}>${esc(c.text)}${mark}</td>`;
        })
        .join('');
      return `<tr class="${r.kind}">${cells}</tr>`;
    })
    .join('\n');
  const unplaced = t.body.flatMap((r) => r.unplaced);
  const notes = [
    ...(t.note ? [t.note] : []),
    ...unplaced.map((u) => `${UNPLACED_MARK}${u.label}：${u.note}（${u.amounts.join('、')}），阴影单元格为其可能所在列。`),
  ];
  return (
    `<section class="chapter table${t.landscape ? ' landscape' : ''}" id="${t.anchor}">` +
    (t.numberLabel ? `<div class="table-no">${esc(t.numberLabel)}</div>` : '') +
    `<h2 class="table-title">${esc(t.title)}</h2>` +
    `<div class="table-meta"><span>${t.unitName ? `单位名称：${esc(t.unitName)}` : ''}</span><span>单位：${t.displayUnit}</span></div>` +
    `<table><thead>${tableHeadHtml(t)}</thead><tbody>\n${rows}</tbody></table>` +
    notes.map((n) => `<p class="note">${esc(n)}</p>`).join('') +
    `</section>`
  );
}

function indicatorRowsHtml(rows: IndicatorRowView[], lead?: { label: string; span: number }, nameSpan = 1): string {
  return rows
    .map((r, i) => {
      const first = i === 0 && lead ? `<td class="k"${span(lead.span, 'rowspan')}></td>` : '';
      const l1 = r.level1Span > 0 ? `<td class="k"${span(r.level1Span, 'rowspan')}>${esc(r.level1)}</td>` : '';
      const l2 = r.level2Span > 0 ? `<td class="k"${span(r.level2Span, 'rowspan')}>${esc(r.level2)}</td>` : '';
      const rest = r.wide
        ? `<td class="v multi" colspan="${nameSpan + 1}">${r.wide.map((x) => `<div>${esc(x)}</div>`).join('')}</td>`
        : `<td class="v"${span(nameSpan, 'colspan')}>${esc(r.name)}</td><td class="t">${esc(r.target)}</td>`;
      return `<tr>${first}${l1}${l2}${rest}</tr>`;
    })
    .join('\n');
}

/** The department-wide target form (Shenzhen table 14, 部门（单位）整体支出绩效目标申报表). */
export function departmentTargetsHtml(d: DepartmentTargetsView): string {
  const tasks = [...d.tasks, ...(d.total ? [d.total] : [])];
  // Name above content in one cell and the amounts on the content's last line: text extraction then
  // reads "name / content … amounts" as the format prints it, never name and content side by side.
  const taskRows = tasks
    .map((t, i) => {
      const first = i === 0 ? `<td class="k"${span(d.tasks.length + 1, 'rowspan')}></td>` : '';
      const name = t === d.total ? `<td class="k" colspan="2">合计</td>` : `<td class="v multi" colspan="2"><div class="t">${esc(t.name)}</div><div>${esc(t.content)}</div></td>`;
      return `<tr class="task">${first}${name}${t.cells.map((c) => `<td class="num">${esc(c.text)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return (
    `<section class="chapter targets" id="${d.id}">${d.numberLabel ? `<div class="table-no">${esc(d.numberLabel)}</div>` : ''}` +
    `<h2 class="table-title">${esc(d.title)}</h2><div class="form-year">${d.year} 年度</div>` +
    `<table class="form"><tbody>` +
    `<tr><td class="k">部门（单位）名称</td><td class="v" colspan="2">${esc(d.unitName)}</td><td class="k">主管部门</td><td class="v" colspan="2">${esc(d.competentDepartment)}</td></tr>` +
    `<tr><td class="k">年度总体目标</td><td class="v" colspan="5">${esc(d.overallGoal)}</td></tr>` +
    `<tr><td class="k" rowspan="2">年度主要任务</td><td class="k" rowspan="2">任务名称</td><td class="k" rowspan="2">主要内容</td><td class="k" colspan="3">预算金额（万元）</td></tr>` +
    `<tr><td class="k">总额</td><td class="k">财政拨款</td><td class="k">其他资金</td></tr>\n${taskRows}` +
    `</tbody></table>` +
    `<table class="form keep-whole"><tbody><tr><td class="k">年度绩效指标</td><td class="k">一级指标</td><td class="k">二级指标</td><td class="k">三级指标</td><td class="k">目标值</td></tr>\n` +
    indicatorRowsHtml(d.indicators, { label: '年度绩效指标', span: d.indicators.length }) +
    `</tbody></table></section>`
  );
}

/** One project's target form (预算项目支出绩效目标申报表). */
export function projectFormHtml(f: ProjectFormView, index: number): string {
  const grid = f.grid
    .map((row) => `<tr>${row.map((c) => `<td class="${c.kind === 'label' ? 'k' : c.kind === 'amount' ? 'num' : 'v'}"${span(c.colspan, 'colspan')}>${esc(c.text)}</td>`).join('')}</tr>`)
    .join('\n');
  const block = (label: string, lines: string[]) => `<tr><td class="k">${label}</td><td class="v multi" colspan="5">${lines.map((x) => `<div>${esc(x)}</div>`).join('')}</td></tr>`;
  return (
    `<section class="chapter form" id="form-${index + 1}"><div class="form-title">${esc(f.title)}</div><div class="form-year">${f.year} 年度</div>` +
    `<table class="form"><tbody>\n${grid}\n` +
    block('项目概况', f.overview) +
    block('项目用途', [f.use]) +
    block('项目中期目标', [f.midTermGoal]) +
    block('项目年度目标', [f.annualGoal]) +
    `</tbody></table>` +
    `<table class="form"><tbody><tr><td class="k">年度绩效指标</td><td class="k">一级指标</td><td class="k">二级指标</td><td class="k" colspan="2">指标内容</td><td class="k">目标值</td></tr>\n` +
    indicatorRowsHtml(f.indicators, { label: '年度绩效指标', span: f.indicators.length }, 2) +
    `</tbody></table></section>`
  );
}

function findingsHtml(fs: FindingView[]): string {
  const rows = fs
    .map((f) => `<tr><td class="code">${esc(f.rule)}</td><td class="sev-${f.severity}">${f.severityZh}</td><td>${esc(f.message)}</td><td>${esc(f.where)}</td><td class="num">${esc(f.expected)}</td><td class="num">${esc(f.actual)}</td><td class="num">${esc(f.difference)}</td></tr>`)
    .join('\n');
  return (
    `<section class="chapter landscape findings" id="findings"><h2 class="part">附录 校验结果</h2>` +
    (fs.length === 0 ? `<p>未发现问题。</p>` : `<table class="findings"><thead><tr><th>规则</th><th>级别</th><th>说明</th><th>位置</th><th>应为</th><th>实为</th><th>差额</th></tr></thead><tbody>\n${rows}</tbody></table>`) +
    `</section>`
  );
}

/**
 * One entry of the 目录: the link, and the place of its page number — empty in HTML (a browser has no
 * pages), filled by `fillTocPages` once a print has shown on which page each anchor lands.
 */
function tocItem(anchor: string, html: string): string {
  return `<li><a href="#${anchor}">${html}</a><span class="toc-page" data-anchor="${anchor}"></span></li>`;
}

const TOC_PAGE = /<span class="toc-page" data-anchor="([^"]*)">[^<]*<\/span>/g;

/** The anchors whose page the 目录 shows (empty without front matter). */
export function tocAnchors(html: string): string[] {
  return [...html.matchAll(TOC_PAGE)].map((m) => m[1]!);
}

/** The HTML with each 目录 entry's page number from `pages` (anchor → 1-based page; an unknown one stays empty). */
export function fillTocPages(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(TOC_PAGE, (_, anchor: string) => `<span class="toc-page" data-anchor="${anchor}">${pages.get(anchor) ?? ''}</span>`);
}

/** Renders the whole package as one HTML document: the blocks of the body in the view's order. */
export function renderHtml(v: ReportView, opts: HtmlOptions = {}): string {
  const front = opts.frontMatter ?? true;
  const charts = (opts.charts ?? true) && v.charts.length > 0;
  const toc: string[] = [];
  const body: string[] = [];
  for (const b of v.blocks) {
    if (b.kind === 'part') {
      const p = v.narrative[b.index]!;
      if (p.heading) toc.push(tocItem(`part-${p.no}`, esc(p.heading)));
      body.push(narrativeHtml(p));
    } else if (b.kind === 'table') {
      const t = v.tables[b.index]!;
      toc.push(tocItem(t.anchor, `${t.numberLabel ? `${esc(t.numberLabel)} ` : ''}${esc(t.title)}`));
      body.push(tableHtml(t));
    } else if (b.kind === 'department-targets') {
      const d = v.departmentTargets;
      if (!d) continue;
      toc.push(tocItem(d.id, `${d.numberLabel ? `${esc(d.numberLabel)} ` : ''}${esc(d.title)}`));
      body.push(departmentTargetsHtml(d));
    } else {
      const f = v.forms[b.index]!;
      toc.push(tocItem(`form-${b.index + 1}`, `${esc(f.title)}：${esc(f.name)}`));
      body.push(projectFormHtml(f, b.index));
    }
  }
  if (charts) toc.push(tocItem('charts', '附录 图表'));
  if (v.findings) toc.push(tocItem('findings', '附录 校验结果'));
  const parts = [
    front ? `<section class="cover"><h1>${esc(v.unitName)}</h1><div class="sub">${v.year} 年${esc(v.kind)}</div></section>` : '',
    front ? `<nav class="toc"><h2 class="part">目录</h2><ol>${toc.join('')}</ol></nav>` : '',
    ...body,
    charts ? `<section class="chapter charts" id="charts"><h2 class="part">附录 图表</h2>${v.charts.map((c) => `<div class="chart">${renderChartSvg(c)}</div>`).join('\n')}</section>` : '',
    v.findings ? findingsHtml(v.findings) : '',
  ];
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(v.title)}</title><style>${PRINT_CSS}</style></head><body>\n${parts.filter((x) => x).join('\n')}\n</body></html>\n`;
}
