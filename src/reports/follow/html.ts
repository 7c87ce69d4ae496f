/**
 * The monitoring table (绩效运行监控表) and the self-evaluation report (绩效自评报告) as
 * self-contained HTML (inline CSS and SVG charts), for the browser and for printing to PDF.
 */
import { Decimal } from 'decimal.js';
import { formatAmount } from '../../domain/money.js';
import { isDateTargetUnit } from '../../domain/catalogue/index.js';
import { esc } from '../html/esc.js';
import type { IndicatorScore } from '../../scoring/index.js';
import { attainmentSvg, executionCurveSvg } from './charts.js';
import { DEFAULT_FOLLOW_CONFIG, targetText, type EvaluationReport, type ExecutionFigures, type MonitoringReport, type MonitoringRow } from './model.js';

/** 万元 with two places. */
export const wan = (fen: number) => formatAmount(fen, '万元', 2);
const pctText = (s: string | null) => (s === null ? '—' : `${s}%`);
const dateZh = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export const FOLLOW_CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 10pt; line-height: 1.5; color: #111; margin: 0 auto; max-width: 277mm; }
h1 { text-align: center; font-size: 17pt; margin: 0.2em 0; }
h2 { font-size: 13pt; margin: 0.8em 0 0.3em; }
h3 { font-size: 11pt; margin: 0.6em 0 0.3em; }
p.meta { text-align: center; margin: 0 0 0.8em; }
p { margin: 0.3em 0; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.35; margin: 0.3em 0 0.6em; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: middle; }
th { background: #eef1f5; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; white-space: nowrap; }
tr.total td { font-weight: bold; }
.warn { color: #b91c1c; }
.ok { color: #15803d; }
td.missing { background: #fee2e2; }
section.project { break-before: page; }
.chart { break-inside: avoid; text-align: center; margin: 0.4em 0; }
.chart svg { max-width: 100%; height: auto; }
.charts { display: flex; gap: 8mm; justify-content: center; flex-wrap: wrap; }
ul.warnings { margin: 0.2em 0 0.6em 1.5em; padding: 0; }
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${FOLLOW_CSS}</style></head><body>${body}</body></html>`;
}

function warningsCell(ex: ExecutionFigures): string {
  if (ex.warnings.length === 0) return '<td class="c ok">正常</td>';
  return `<td class="warn">${ex.warnings.map((w) => esc(w.kind === 'below-floor' ? `低于${w.expected}%进度要求` : `偏离计划（计划 ${w.expected}%）`)).join('；')}</td>`;
}

function monitoringRowsHtml(rows: readonly MonitoringRow[]): string {
  const body = rows
    .map((r) => {
      const miss = (k: 'actualToDate' | 'likelihood' | 'reason' | 'action') => (r.check.missing.includes(k) ? ' class="missing"' : '');
      const prompt = r.indicator.notApplicable ? '' : r.check.triggers.length ? `<span class="warn">${esc(r.check.triggers.join('；'))}</span>` : '';
      return `<tr><td>${esc(r.indicator.level1)}</td><td>${esc(r.indicator.level2)}</td><td>${esc(r.indicator.name)}</td><td class="c">${esc(targetText(r.indicator))}</td><td class="c"${miss('actualToDate')}>${esc(r.indicator.notApplicable ? '—' : (r.entry.actualToDate ?? ''))}</td><td class="num">${pctText(r.check.attainment)}</td><td class="c"${miss('likelihood')}>${esc(r.entry.likelihood ?? '')}</td><td${miss('reason')}>${esc(r.entry.reason ?? '')}</td><td${miss('action')}>${esc(r.entry.action ?? '')}</td><td>${prompt}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>截至目前完成情况</th><th>完成进度</th><th>全年预计完成可能性</th><th>偏差原因</th><th>纠偏措施</th><th>提示</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** The mid-year monitoring table as one HTML document. */
export function monitoringHtml(r: MonitoringReport, floors: Record<number, number> = DEFAULT_FOLLOW_CONFIG.execution.floors): string {
  const ex = r.execution;
  const title = `${r.unitName}${r.year}年度绩效运行监控表`;
  const rows = ex.projects
    .map((p) => `<tr><td>${esc(p.name)}</td><td class="num">${wan(p.budgetFen)}</td><td class="num">${wan(p.plannedFen)}</td><td class="num">${wan(p.paidFen)}</td><td class="num">${pctText(p.rate)}</td><td class="num">${pctText(p.planRate)}</td><td class="num">${pctText(p.forecastRate)}</td>${warningsCell(p)}</tr>`)
    .join('');
  const t = ex.total;
  const total = `<tr class="total"><td>合计</td><td class="num">${wan(t.budgetFen)}</td><td class="num">${wan(t.plannedFen)}</td><td class="num">${wan(t.paidFen)}</td><td class="num">${pctText(t.rate)}</td><td class="num">${pctText(t.planRate)}</td><td class="num">${pctText(t.forecastRate)}</td>${warningsCell(t)}</tr>`;
  const warnings = ex.warnings.length
    ? `<ul class="warnings">${ex.warnings.map((w) => `<li class="warn">${esc(w.name)}：${esc(w.warning.message)}</li>`).join('')}</ul>`
    : '<p>无预警。</p>';
  const dev = r.projects.reduce((s, p) => s + p.deviations, 0);
  const inc = r.projects.reduce((s, p) => s + p.incomplete, 0);
  let html = `<h1>${esc(title)}</h1><p class="meta">监控时点：${dateZh(r.asOf)}　金额单位：万元</p>`;
  html += `<h2>一、预算执行情况</h2><p>截至${dateZh(r.asOf)}，纳入绩效监控的 ${ex.projects.length} 个项目年度预算合计 ${wan(t.budgetFen)} 万元，累计支出 ${wan(t.paidFen)} 万元，预算执行率 ${pctText(t.rate)}，按资金支出进度计划应执行 ${pctText(t.planRate)}；按计划预计年末执行率 ${pctText(t.forecastRate)}。共有 ${ex.warnings.length} 项执行预警，${dev} 项指标存在偏差，其中 ${inc} 项尚未填写完整。</p>`;
  html += `<table><thead><tr><th>项目名称</th><th>年度预算</th><th>计划支出（截至监控时点）</th><th>实际支出</th><th>执行率</th><th>计划执行率</th><th>预计年末执行率</th><th>执行预警</th></tr></thead><tbody>${rows}${total}</tbody></table>`;
  html += `<h3>执行预警</h3>${warnings}`;
  html += `<div class="chart">${executionCurveSvg(t, ex.asOfMonth, '部门项目支出累计执行进度', floors, 760, 300)}</div>`;
  if (r.department) {
    html += `<h2>二、部门整体绩效目标监控（表14）</h2><p>部门整体指标的完成进度与部门项目支出执行率 ${pctText(t.rate)} 对照。</p>${monitoringRowsHtml(r.department.rows)}`;
  }
  html += `<h2>${r.department ? '三' : '二'}、项目绩效运行监控</h2>`;
  r.projects.forEach((p, i) => {
    const e = p.execution;
    html += `<section class="project"><h3>${i + 1}. ${esc(e.name)}</h3>`;
    html += `<table><tbody><tr><th>项目名称</th><td>${esc(e.name)}</td><th>所属项目</th><td>${esc(e.parentProject ?? '')}</td><th>年度预算</th><td class="num">${wan(e.budgetFen)}</td></tr><tr><th>累计支出</th><td class="num">${wan(e.paidFen)}</td><th>预算执行率</th><td class="num">${pctText(e.rate)}</td><th>计划执行率</th><td class="num">${pctText(e.planRate)}</td></tr><tr><th>执行预警</th><td colspan="5" class="${e.warnings.length ? 'warn' : 'ok'}">${e.warnings.length ? esc(e.warnings.map((w) => w.message).join('；')) : '正常'}</td></tr></tbody></table>`;
    html += `<div class="chart">${executionCurveSvg(e, ex.asOfMonth, `${e.name} 累计执行进度`, floors, 620, 190)}</div>`;
    html += `${monitoringRowsHtml(p.rows)}</section>`;
  });
  return page(title, html);
}

function actualText(s: IndicatorScore, a: { value?: string | null; band?: string | null; notApplicable?: boolean } | undefined): string {
  if (s.dropped) return s.note ?? '—';
  if (a?.band) return a.band;
  if (a?.value != null && a.value !== '') return `${a.value}${s.indicator.unit && !isDateTargetUnit(s.indicator.unit) ? s.indicator.unit : ''}`;
  return '';
}

/** The year-end self-evaluation report (summary, narrative with figures, one 绩效自评表 per project, charts). */
export function evaluationHtml(r: EvaluationReport): string {
  const title = `${r.unitName}${r.year}年度项目支出绩效自评报告`;
  const o = r.overall;
  const lagging = r.projects.filter((p) => p.execution.rate !== null && new Decimal(p.execution.rate).lt(90));
  const shortfalls = r.projects.flatMap((p) => p.evaluation.indicators.filter((i) => i.needsExplanation).map((i) => ({ p, i })));
  const incomplete = r.projects.flatMap((p) => p.evaluation.incomplete.map((i) => ({ p, i })));
  let html = `<h1>${esc(title)}</h1><p class="meta">金额单位：万元</p>`;
  html += `<h2>一、总体情况</h2><p>${r.year}年纳入绩效自评的项目共 ${r.projects.length} 个，年度预算合计 ${wan(o.budgetFen)} 万元，全年实际支出 ${wan(o.paidFen)} 万元，预算执行率 ${pctText(o.rate)}。按预算金额加权，自评平均得分 ${o.score} 分，等级“${o.grade}”；其中“优”${r.grades.优} 个、“良”${r.grades.良} 个、“中”${r.grades.中} 个、“差”${r.grades.差} 个。</p>`;
  html += lagging.length
    ? `<p>预算执行率低于 90% 的项目 ${lagging.length} 个：${lagging.map((p) => `${esc(p.name)}（${pctText(p.execution.rate)}）`).join('、')}。</p>`
    : '<p>各项目预算执行率均不低于 90%。</p>';
  html += `<p>未完全达成的绩效指标 ${shortfalls.length} 项${incomplete.length ? `，其中 ${incomplete.length} 项尚未说明原因或改进措施（${incomplete.map(({ p, i }) => `${esc(p.name)}：${esc(i.indicator.name)}`).join('、')}）` : '，均已说明原因和改进措施'}。</p>`;
  html += `<table><thead><tr><th>序号</th><th>项目名称</th><th>年度预算</th><th>全年支出</th><th>执行率</th><th>执行率得分</th><th>产出</th><th>效益</th><th>满意度</th><th>总分</th><th>等级</th></tr></thead><tbody>${r.projects
    .map((p, i) => {
      const e = p.evaluation;
      return `<tr><td class="c">${i + 1}</td><td>${esc(p.name)}</td><td class="num">${wan(p.budgetFen)}</td><td class="num">${wan(p.paidFen)}</td><td class="num">${pctText(p.execution.rate)}</td><td class="num">${e.byCategory.execution}</td><td class="num">${e.byCategory.output}</td><td class="num">${e.byCategory.effect}</td><td class="num">${e.byCategory.satisfaction}</td><td class="num">${e.total}</td><td class="c">${e.grade}</td></tr>`;
    })
    .join('')}<tr class="total"><td></td><td>合计 / 加权平均</td><td class="num">${wan(o.budgetFen)}</td><td class="num">${wan(o.paidFen)}</td><td class="num">${pctText(o.rate)}</td><td></td><td></td><td></td><td></td><td class="num">${o.score}</td><td class="c">${o.grade}</td></tr></tbody></table>`;
  if (shortfalls.length) {
    html += `<h2>二、偏差原因及改进措施</h2><table><thead><tr><th>项目</th><th>指标</th><th>年度目标</th><th>实际完成</th><th>达成率</th><th>偏差原因</th><th>改进措施</th></tr></thead><tbody>${shortfalls
      .map(({ p, i }) => {
        const k = p.evaluation.indicators.indexOf(i);
        const a = p.actuals[k];
        return `<tr><td>${esc(p.name)}</td><td>${esc(i.indicator.name)}</td><td class="c">${esc(targetText(p.indicators[k]!))}</td><td class="c">${esc(actualText(i, a))}</td><td class="num">${i.ratio === null ? '—' : `${new Decimal(i.ratio).times(100).toFixed(2)}%`}</td><td${i.missing.includes('reason') ? ' class="missing"' : ''}>${esc(a?.reason ?? '')}</td><td${i.missing.includes('correction') ? ' class="missing"' : ''}>${esc(a?.correction ?? '')}</td></tr>`;
      })
      .join('')}</tbody></table>`;
  }
  html += `<h2>${shortfalls.length ? '三' : '二'}、项目支出绩效自评表</h2>`;
  r.projects.forEach((p, n) => {
    const e = p.evaluation;
    html += `<section class="project"><h3>${n + 1}. ${esc(p.name)} 绩效自评表（${r.year}年度）</h3>`;
    html += `<table><tbody><tr><th>项目名称</th><td colspan="3">${esc(p.name)}</td><th>所属项目</th><td colspan="3">${esc(p.parentProject ?? '')}</td></tr><tr><th>年度预算</th><td class="num">${wan(p.budgetFen)}</td><th>全年执行数</th><td class="num">${wan(p.paidFen)}</td><th>预算执行率</th><td class="num">${pctText(p.execution.rate)}</td><th>分值 ${e.effectiveWeights.execution.replace(/\.?0+$/, '')} / 得分</th><td class="num">${e.executionScore}</td></tr></tbody></table>`;
    html += `<div class="charts"><div class="chart">${executionCurveSvg(p.execution, 12, '计划与实际累计执行进度', {}, 420, 200)}</div><div class="chart">${attainmentSvg(e, '各指标达成率', 520, 200)}</div></div>`;
    html += `<table><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因</th><th>改进措施</th></tr></thead><tbody>${e.indicators
      .map((s, k) => {
        const a = p.actuals[k];
        const w = s.dropped ? '—' : new Decimal(s.weight).toFixed(2);
        return `<tr><td>${esc(s.indicator.level1)}</td><td>${esc(s.indicator.level2)}</td><td>${esc(s.indicator.name)}</td><td class="c">${esc(targetText(p.indicators[k]!))}</td><td class="c${s.note && !s.dropped ? ' missing' : ''}">${esc(actualText(s, a))}</td><td class="num">${w}</td><td class="num">${s.score ?? '—'}</td><td${s.missing.includes('reason') ? ' class="missing"' : ''}>${esc(a?.reason ?? '')}</td><td${s.missing.includes('correction') ? ' class="missing"' : ''}>${esc(a?.correction ?? '')}</td></tr>`;
      })
      .join('')}<tr class="total"><td colspan="5">总分（预算执行率 ${e.byCategory.execution} + 产出 ${e.byCategory.output} + 效益 ${e.byCategory.effect} + 满意度 ${e.byCategory.satisfaction}）</td><td class="num">100</td><td class="num">${e.total}</td><td colspan="2">自评等级：${e.grade}</td></tr></tbody></table>`;
    html += '</section>';
  });
  return page(title, html);
}
