/**
 * Charts of the comparisons (issue 15 item 2) as static SVG (ECharts server-side rendering): horizontal
 * bars, one category per budget, so that long unit names stay readable. Drawing only: every figure the
 * bars are labelled with is formatted from fen.
 */
import { formatAmount } from '../../domain/money.js';
import { FONT, svgOf } from './charts.js';
import { COMPARE_BY_LABELS, LEVEL_LABELS, threePublicLabel, THREE_PUBLIC_ITEMS, type DepartmentComparison } from '../view/compare.js';

export interface BarChartSpec {
  title: string;
  /** One bar group per category (a budget), top to bottom. */
  categories: string[];
  /** Values in fen (null: not stated; drawn as no bar). */
  series: { name: string; fen: (number | null)[] }[];
  decimals: number;
  /** Stack the series into one bar per category (labelled by its sum), instead of bars side by side. */
  stacked?: boolean;
}

const COLORS = ['#1d4ed8', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#ca8a04', '#db2777'];

/** Horizontal bars in 万元 (axis and labels), one row per category. */
export function compareBarsSvg(spec: BarChartSpec, width = 900): string {
  const stacked = spec.stacked === true;
  const rows = spec.categories.length * (stacked ? 1 : Math.max(1, spec.series.length));
  // A legend of several series sits under the axis, three names a line.
  const legendLines = spec.series.length > 1 ? Math.ceil(spec.series.length / 3) : 0;
  const bottom = 34 + legendLines * 20;
  const height = Math.max(160, 50 + rows * 24 + bottom);
  return svgOf(
    {
      animation: false,
      textStyle: { fontFamily: FONT },
      title: { text: `${spec.title}（万元）`, left: 'center', textStyle: { fontSize: 13, fontFamily: FONT } },
      legend: legendLines ? { bottom: 0, left: 20, right: 20, itemGap: 14, textStyle: { fontFamily: FONT, fontSize: 11, width: (width - 80) / 3 - 40, overflow: 'truncate' } } : undefined,
      grid: { left: 230, right: 110, top: 36, bottom },
      xAxis: { type: 'value', axisLabel: { fontFamily: FONT, fontSize: 10 } },
      yAxis: { type: 'category', inverse: true, data: spec.categories, axisLabel: { fontFamily: FONT, fontSize: 11, width: 220, overflow: 'truncate' } },
      series: spec.series.map((s, i) => {
        const last = i === spec.series.length - 1;
        // A stack is labelled once, at its end, with the sum of its parts (formatted from fen).
        const text = (k: number) => {
          if (!stacked) return s.fen[k] == null ? '' : formatAmount(s.fen[k], '万元', spec.decimals);
          return formatAmount(spec.series.reduce((sum, x) => sum + (x.fen[k] ?? 0), 0), '万元', spec.decimals);
        };
        return {
          type: 'bar',
          name: s.name,
          stack: stacked ? 'all' : undefined,
          barMaxWidth: 16,
          itemStyle: { color: COLORS[i % COLORS.length] },
          data: s.fen.map((f) => (f === null ? null : f / 1_000_000)),
          label: { show: !stacked || last, position: 'right', fontSize: 10, fontFamily: FONT, formatter: (p: { dataIndex: number }) => text(p.dataIndex) },
        };
      }),
    },
    width,
    height,
  );
}

/** How many classes a stacked chart shows by name (the rest is one 其他 layer). */
const CHART_CLASSES = 6;

/** The charts of a comparison across departments, drawn server-side as SVG (the web page's; in a parser thread, app/isolation). */
export function departmentCharts(v: DepartmentComparison): { id: string; title: string; svg: string }[] {
  const names = v.documents.map((d) => d.unitName);
  const out: { id: string; title: string; svg: string }[] = [];
  const top = [...v.classes].sort((a, b) => b.total - a.total).slice(0, CHART_CLASSES);
  const rest = v.classes.filter((c) => !top.includes(c));
  const series = top.map((c) => ({ name: `${c.code} ${c.label}`, fen: c.fen.map((f) => f ?? 0) }));
  if (rest.length) series.push({ name: '其他科目', fen: names.map((_, i) => rest.reduce((s, c) => s + (c.fen[i] ?? 0), 0)) });
  const byLabel = `${COMPARE_BY_LABELS[v.by]}（${LEVEL_LABELS[v.by][v.level - 1]}）`;
  out.push({ id: 'chart-classes', title: `各部门按${byLabel}`, svg: compareBarsSvg({ title: `各部门按${byLabel}`, categories: names, series, decimals: v.decimals, stacked: true }) });
  if (v.focus) out.push({ id: 'chart-focus', title: `${v.focus.code} ${v.focus.label}`, svg: compareBarsSvg({ title: `${v.focus.code} ${v.focus.label}`, categories: names, series: [{ name: v.focus.label, fen: v.focus.fen }], decimals: v.decimals }) });
  const items = THREE_PUBLIC_ITEMS.filter((i) => i.id === 'overseas' || i.id === 'reception' || i.id === 'vehicles');
  out.push({
    id: 'chart-three-public',
    title: '“三公”经费',
    svg: compareBarsSvg({ title: '“三公”经费', categories: names, series: items.map((i) => ({ name: threePublicLabel(i.id), fen: v.threePublic.map((t) => t.items[i.id] ?? null) })), decimals: v.decimals, stacked: true }),
  });
  out.push({ id: 'chart-operating', title: '机关运行经费', svg: compareBarsSvg({ title: '机关运行经费', categories: names, series: [{ name: '机关运行经费', fen: v.threePublic.map((t) => t.items['operatingFunds'] ?? null) }], decimals: v.decimals }) });
  return out;
}
