/** Charts of the package as static SVG (ECharts server-side rendering), inlined in the HTML and PDF. */
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import { formatAmount } from '../../domain/money.js';
import type { ChartSpec } from '../view/types.js';

/** The font of every chart text (the print CSS's first font). */
export const FONT = '"WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif';

/**
 * ECharts as its one-file build (the package's `require` entry, dist/echarts.js), loaded by the first
 * chart drawn: its ES-module entry is 2,700 files, seconds of start-up on a busy machine for every
 * process that may draw a chart (the server, a parser thread), drawn or not.
 */
let lib: typeof ECharts | undefined;
const echarts = (): typeof ECharts => (lib ??= createRequire(import.meta.url)('echarts') as typeof ECharts);

/** An ECharts option drawn server-side as an SVG string of the given size. */
export function svgOf(option: ECharts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Converts fen to a chart value in the display unit (display only: labels are formatted from fen). */
function toUnit(fen: number, spec: ChartSpec): number {
  return fen / (spec.displayUnit === '万元' ? 1_000_000 : 100);
}

/** Renders one chart spec to an SVG string of the given size. */
export function renderChartSvg(spec: ChartSpec, width = 640, height = 320): string {
  const label = (fen: number) => formatAmount(fen, spec.displayUnit, 2);
  const base = { animation: false, textStyle: { fontFamily: FONT }, title: { text: `${spec.title}（${spec.displayUnit}）`, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } } };
  if (spec.kind === 'pie') {
    const s = spec.series[0]!;
    return svgOf({
      ...base,
      series: [
        {
          type: 'pie',
          radius: ['30%', '60%'],
          center: ['50%', '56%'],
          label: { formatter: (p: { dataIndex: number; name: string; percent: number }) => `${p.name}\n${label(s.fen[p.dataIndex]!)}（${p.percent}%）`, fontFamily: FONT },
          data: spec.categories.map((name, i) => ({ name, value: toUnit(s.fen[i]!, spec) })),
        },
      ],
    }, width, height);
  }
  const stacked = spec.kind === 'stacked-bar';
  return svgOf({
    ...base,
    legend: stacked ? { bottom: 0, type: 'plain', textStyle: { fontSize: 10, fontFamily: FONT } } : undefined,
    grid: { left: 80, right: 24, top: 48, bottom: stacked ? 72 : 60, containLabel: false },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, fontSize: 10, fontFamily: FONT } },
    yAxis: { type: 'value', axisLabel: { fontFamily: FONT } },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: stacked ? 'total' : undefined,
      data: s.fen.map((f) => toUnit(f, spec)),
      label: stacked ? undefined : { show: true, position: 'top', fontSize: 10, formatter: (p: { dataIndex: number }) => label(s.fen[p.dataIndex]!) },
    })),
  }, width, height);
}
