/** Charts of the follow-the-year documents as static SVG (ECharts server-side rendering). */
import type { Evaluation } from '../../scoring/index.js';
import { FONT, svgOf } from '../charts/charts.js';
import type { ExecutionFigures } from './model.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** Percent of the budget as a chart value (drawing only; every printed figure comes from fen). */
const pct = (fen: number, budget: number) => (budget > 0 ? Math.round((fen / budget) * 10000) / 100 : 0);

/**
 * Planned and actual cumulative execution by month, in percent of the budget, up to `asOfMonth`
 * for the actual line (the plan runs the whole year); the floors as dashed marks.
 */
export function executionCurveSvg(ex: ExecutionFigures, asOfMonth: number, title: string, floors: Record<number, number> = {}, width = 640, height = 300): string {
  const plan = ex.planned.map((f) => pct(f, ex.budgetFen));
  const actual = ex.cumulative.slice(0, Math.max(0, asOfMonth)).map((f) => pct(f, ex.budgetFen));
  const top = Math.max(100, Math.ceil(Math.max(0, ...plan, ...actual) / 20) * 20);
  const floorMarks = Object.entries(floors).map(([m, v]) => [Number(m) - 1, v]);
  return svgOf({
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
    legend: { bottom: 0, textStyle: { fontFamily: FONT, fontSize: 11 } },
    grid: { left: 48, right: 20, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: MONTHS, axisLabel: { fontFamily: FONT, fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: top, interval: 20, axisLabel: { formatter: '{value}%', fontFamily: FONT } },
    series: [
      { name: '计划累计执行率', type: 'line', data: plan, lineStyle: { type: 'dashed', color: '#6b7280' }, itemStyle: { color: '#6b7280' }, symbolSize: 4 },
      {
        name: '实际累计执行率',
        type: 'line',
        data: actual,
        lineStyle: { color: '#1d4ed8', width: 2.5 },
        itemStyle: { color: '#1d4ed8' },
        symbolSize: 5,
      },
      ...(floorMarks.length ? [{ name: '进度要求', type: 'scatter', symbol: 'rect', symbolSize: [16, 3], itemStyle: { color: '#dc2626' }, data: floorMarks }] : []),
    ],
  }, width, height);
}

/** Attainment (0–100 %) of each scored indicator of a self-evaluation, as horizontal bars. */
export function attainmentSvg(ev: Evaluation, title: string, width = 640, maxHeight = 600): string {
  const scored = ev.indicators.filter((i) => !i.dropped);
  const height = Math.min(maxHeight, Math.max(140, 40 + scored.length * 20));
  return svgOf({
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
    grid: { left: 220, right: 48, top: 28, bottom: 20 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontFamily: FONT, fontSize: 10 } },
    yAxis: { type: 'category', inverse: true, data: scored.map((i) => i.indicator.name), axisLabel: { fontFamily: FONT, fontSize: scored.length > 12 ? 8 : 10, width: 210, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 12,
        data: scored.map((i) => {
          const v = i.ratio === null ? 0 : Math.round(Number(i.ratio) * 1000) / 10;
          return { value: v, itemStyle: { color: v >= 100 ? '#16a34a' : v >= 80 ? '#ca8a04' : '#dc2626' } };
        }),
        label: { show: true, position: 'right', formatter: '{c}%', fontFamily: FONT, fontSize: 10 },
      },
    ],
  }, width, height);
}
