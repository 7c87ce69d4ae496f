/** The monitoring table and the self-evaluation as XLSX workbooks (amounts in 万元 as numbers with two places). */
import type * as ExcelJS from 'exceljs';
import { exceljs } from '../xlsx/exceljs.js';
import { headerRow } from '../xlsx/render.js';
import { Decimal } from 'decimal.js';
import { targetText, type EvaluationReport, type MonitoringReport, type MonitoringRow } from './model.js';

/** 万元 as an exact two-place number for a cell (formatting only; sums are computed in fen). */
const wanCell = (fen: number) => new Decimal(fen).div(1_000_000).toDecimalPlaces(2).toNumber();
const pctCell = (s: string | null) => (s === null ? null : new Decimal(s).div(100).toNumber());

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  headerRow(ws, header, widths);
  return ws;
}

function formats(ws: ExcelJS.Worksheet, money: number[], percent: number[]) {
  for (const c of money) ws.getColumn(c).numFmt = '#,##0.00';
  for (const c of percent) ws.getColumn(c).numFmt = '0.00%';
}

const indicatorRow = (owner: string, r: MonitoringRow) => [
  owner,
  r.indicator.level1,
  r.indicator.level2,
  r.indicator.name,
  targetText(r.indicator),
  r.indicator.notApplicable ? '—' : (r.entry.actualToDate ?? ''),
  pctCell(r.check.attainment),
  r.entry.likelihood ?? '',
  r.entry.reason ?? '',
  r.entry.action ?? '',
  r.check.triggers.join('；'),
  r.check.missing.length ? `未填写：${r.check.missing.join('、')}` : '',
];

/** The monitoring table: 执行情况 (per project and total), 指标监控 (table 14 and every project's indicators). */
export async function monitoringXlsx(r: MonitoringReport): Promise<Uint8Array> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'fiscus';
  const ex = r.execution;
  const s1 = sheet(wb, '执行情况', `${r.unitName}${r.year}年度预算执行监控（截至 ${r.asOf}，万元）`, ['项目名称', '年度预算', '计划支出', '实际支出', '执行率', '计划执行率', '预计年末支出', '预计年末执行率', '执行预警'], [28, 14, 14, 14, 10, 10, 14, 12, 60]);
  for (const p of ex.projects) s1.addRow([p.name, wanCell(p.budgetFen), wanCell(p.plannedFen), wanCell(p.paidFen), pctCell(p.rate), pctCell(p.planRate), wanCell(p.forecastFen), pctCell(p.forecastRate), p.warnings.map((w) => w.message).join('；')]);
  const t = ex.total;
  s1.addRow(['合计', wanCell(t.budgetFen), wanCell(t.plannedFen), wanCell(t.paidFen), pctCell(t.rate), pctCell(t.planRate), wanCell(t.forecastFen), pctCell(t.forecastRate), t.warnings.map((w) => w.message).join('；')]).font = { bold: true };
  formats(s1, [2, 3, 4, 7], [5, 6, 8]);
  const s2 = sheet(wb, '指标监控', `${r.unitName}${r.year}年度绩效运行监控表（截至 ${r.asOf}）`, ['项目', '一级指标', '二级指标', '三级指标', '年度指标值', '截至目前完成情况', '完成进度', '预计完成可能性', '偏差原因', '纠偏措施', '偏差提示', '待补充'], [22, 10, 14, 28, 12, 16, 10, 12, 12, 40, 40, 20]);
  if (r.department) for (const row of r.department.rows) s2.addRow(indicatorRow('部门整体（表14）', row));
  for (const p of r.projects) for (const row of p.rows) s2.addRow(indicatorRow(p.execution.name, row));
  formats(s2, [], [7]);
  const months = sheet(wb, '月度累计', '月度累计支出与计划（万元）', ['项目名称', '类别', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)], [28, 10, ...new Array<number>(12).fill(11)]);
  for (const p of [...ex.projects, { ...t, name: '合计' }]) {
    months.addRow([p.name, '计划', ...p.planned.map(wanCell)]);
    months.addRow([p.name, '实际', ...p.cumulative.map((f, i) => (i < ex.asOfMonth ? wanCell(f) : null))]);
  }
  formats(months, Array.from({ length: 12 }, (_, i) => i + 3), []);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The self-evaluation: 自评汇总 and 绩效自评表 (every indicator of every project with weights and scores). */
export async function evaluationXlsx(r: EvaluationReport): Promise<Uint8Array> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'fiscus';
  const s1 = sheet(wb, '自评汇总', `${r.unitName}${r.year}年度项目支出绩效自评汇总（万元）`, ['项目名称', '年度预算', '全年支出', '执行率', '执行率得分', '产出', '效益', '满意度', '总分', '等级'], [28, 14, 14, 10, 10, 10, 10, 10, 10, 8]);
  for (const p of r.projects) {
    const e = p.evaluation;
    s1.addRow([p.name, wanCell(p.budgetFen), wanCell(p.paidFen), pctCell(p.execution.rate), Number(e.byCategory.execution), Number(e.byCategory.output), Number(e.byCategory.effect), Number(e.byCategory.satisfaction), Number(e.total), e.grade]);
  }
  s1.addRow(['合计 / 加权平均', wanCell(r.overall.budgetFen), wanCell(r.overall.paidFen), pctCell(r.overall.rate), null, null, null, null, Number(r.overall.score), r.overall.grade]).font = { bold: true };
  formats(s1, [2, 3], [4]);
  const s2 = sheet(wb, '绩效自评表', `${r.unitName}${r.year}年度项目支出绩效自评表`, ['项目', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '达成率', '分值', '得分', '偏差原因', '改进措施', '说明'], [22, 10, 14, 28, 12, 14, 10, 8, 8, 40, 40, 18]);
  for (const p of r.projects) {
    s2.addRow([p.name, '预算执行率', '', '预算执行率', '100%', pctCell(p.execution.rate), pctCell(p.execution.rate), Number(p.evaluation.effectiveWeights.execution), Number(p.evaluation.executionScore), '', '', '']);
    p.evaluation.indicators.forEach((s, k) => {
      const a = p.actuals[k];
      const actual = s.dropped ? '' : (a?.band ?? a?.value ?? '');
      s2.addRow([p.name, s.indicator.level1, s.indicator.level2, s.indicator.name, targetText(p.indicators[k]!), actual, s.ratio === null ? null : Number(s.ratio), s.dropped ? null : Number(new Decimal(s.weight).toFixed(2)), s.score === null ? null : Number(s.score), a?.reason ?? '', a?.correction ?? '', [s.note, s.missing.length ? `待补充：${s.missing.join('、')}` : ''].filter(Boolean).join('；')]);
    });
    s2.addRow([p.name, '合计', '', '', '', '', null, 100, Number(p.evaluation.total), `等级：${p.evaluation.grade}`, '', '']).font = { bold: true };
  }
  formats(s2, [], [7]);
  s2.getColumn(6).numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
