// The index over the years as a line, each year's value printed at its point, over the predicate
// bands that year was judged against. The bands are painted per year column, not across the whole
// plot: SPBE (PermenPANRB 59/2020) and Pemdi 2026 use different cut-offs, and a change of
// framework must show as a step rather than be hidden under one set of bands.
import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import type { PredicateBand } from './index-charts.ts';
import { AXIS_MAX, AXIS_MIN, clampToAxis, isValue } from './bar-plugins.ts';
import {
  COLORS,
  DEFAULT_SIZE,
  EDGE,
  FONT_SIZES,
  LINE_HEIGHT,
  drawLabel,
  font,
  formatValue,
  headingPlugin,
  layoutHeading,
  measureText,
  renderChart,
  renderMessage,
} from './render.ts';
import type { ChartSize } from './render.ts';
import type { LegendEntry } from './legend.ts';
import { drawLegend, legendHeight } from './legend.ts';
import { POINT_RADIUS, axes, valueLabels } from './trend-labels.ts';

export interface TrendChartPoint {
  year: number;
  /** the index, already rounded to two decimals */
  value: number;
  predicate: string | null;
  /** the bands this year was judged against, in index numbers (min inclusive, max exclusive) */
  bands: readonly PredicateBand[];
  /** this year's evaluation, not final yet: drawn hollow, reached by a dashed line */
  provisional: boolean;
  /** shown under the year; defaults to "sementara" for a provisional point */
  label?: string;
}

export interface TrendChartInput {
  title: string;
  subtitle?: string;
  /** ascending by year */
  points: readonly TrendChartPoint[];
  target: number | null;
}

export type TrendChartOptions = Partial<ChartSize>;

export const TREND_TEXTS = {
  empty: 'Belum ada data riwayat indeks untuk ditampilkan.',
  provisional: 'sementara',
  legendFinal: 'hasil resmi',
  legendProvisional: 'sementara (belum final)',
  target: (value: string) => `Target ${value}`,
} as const;

/**
 * The same 0–5 axis as the index charts. Indices start at 1, so the strip below 1 is never a
 * band; it leaves room under a low year (Paser 2021: 1,36) for its label.
 */
const BAND_ALPHA = 0.2;

type LineConfig = ChartConfiguration<'line', (number | null)[], string | string[]>;

function pointLabel(point: TrendChartPoint): string | undefined {
  return point.label ?? (point.provisional ? TREND_TEXTS.provisional : undefined);
}

/** The colour of a band by its rank, low to high, so every framework gets the same ramp. */
function sortedBands(bands: readonly PredicateBand[]): { band: PredicateBand; color: string }[] {
  return [...bands]
    .sort((a, b) => a.min - b.min)
    .map((band, index) => ({ band, color: COLORS.bands[index % COLORS.bands.length] ?? COLORS.grid }));
}

/**
 * Places the names of a set of bands between `top` and `bottom` of each band, away from the
 * target label; a band too thin for a name (or with no room beside the target) goes unnamed.
 */
function bandNamePositions(bands: readonly PredicateBand[], y: Scale, targetY: number | null): { name: string; y: number }[] {
  const needed = FONT_SIZES.label + 2;
  const targetHalf = FONT_SIZES.label * 0.6;
  const out: { name: string; y: number }[] = [];
  for (const { band } of sortedBands(bands)) {
    const top = y.getPixelForValue(clampToAxis(Math.max(band.min, band.max)));
    const bottom = y.getPixelForValue(clampToAxis(Math.min(band.min, band.max)));
    if (bottom - top < needed) continue;
    let at = (top + bottom) / 2;
    if (targetY !== null && Math.abs(at - targetY) < targetHalf + needed / 2) {
      const above = targetY - targetHalf - top;
      const below = bottom - (targetY + targetHalf);
      if (above >= below && above >= needed) at = top + above / 2;
      else if (below >= needed) at = bottom - below / 2;
      else continue;
    }
    out.push({ name: band.name, y: at });
  }
  return out;
}

/**
 * The bands as faint colour zones, one column per year. The last year's zones run on into the
 * right-hand gutter, where their names stand. Earlier years under other cut-offs are not named
 * again (names inside the plot collide with the line and the values): the colour of a band
 * follows its rank, so "Kurang" is the same colour under every framework.
 */
function bandZones(points: readonly TrendChartPoint[], target: number | null): Plugin<'line'> {
  return {
    id: 'spbeTrendBands',
    beforeDatasetsDraw(chart) {
      const scales = axes(chart);
      if (!scales || points.length === 0) return;
      const { ctx, chartArea } = chart;
      const { x, y } = scales;
      const half = points.length > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) / 2 : chartArea.width / 2;
      const columns = points.map((point, i) => {
        const center = x.getPixelForValue(i);
        const last = i === points.length - 1;
        return { point, left: i === 0 ? chartArea.left : center - half, right: last ? chart.width : center + half };
      });
      ctx.save();
      ctx.globalAlpha = BAND_ALPHA;
      for (const { point, left, right } of columns) {
        for (const { band, color } of sortedBands(point.bands)) {
          const top = y.getPixelForValue(clampToAxis(Math.max(band.min, band.max)));
          const bottom = y.getPixelForValue(clampToAxis(Math.min(band.min, band.max)));
          ctx.fillStyle = color;
          ctx.fillRect(left, top, right - left, bottom - top);
        }
      }
      ctx.restore();

      const targetY = isValue(target) ? y.getPixelForValue(clampToAxis(target)) : null;
      const latest = points.at(-1)!.bands;
      const nameFont = font(FONT_SIZES.label);
      for (const { name, y: at } of bandNamePositions(latest, y, targetY)) {
        drawLabel(ctx, name, chartArea.right + 12, at, { font: nameFont, color: COLORS.text, plate: false });
      }
    },
  };
}

/** The target as a dashed horizontal line across the plot, labelled in the right-hand gutter. */
function targetLine(target: number | null): Plugin<'line'> {
  return {
    id: 'spbeTrendTarget',
    beforeDatasetsDraw(chart) {
      const scales = axes(chart);
      if (!scales || !isValue(target)) return;
      const { ctx, chartArea } = chart;
      const at = scales.y.getPixelForValue(clampToAxis(target));
      ctx.save();
      ctx.strokeStyle = COLORS.target;
      ctx.lineWidth = 3;
      ctx.setLineDash([12, 6]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, at);
      ctx.lineTo(chartArea.right + 6, at);
      ctx.stroke();
      ctx.restore();
      drawLabel(ctx, TREND_TEXTS.target(formatValue(target)), chartArea.right + 12, at, {
        font: font(FONT_SIZES.label, 'bold'),
        color: COLORS.targetText,
      });
    },
  };
}

function legendEntries(points: readonly TrendChartPoint[]): LegendEntry[] {
  if (!points.some((p) => p.provisional)) return [];
  return [
    { label: TREND_TEXTS.legendFinal, color: COLORS.bar, shape: 'point' },
    { label: TREND_TEXTS.legendProvisional, color: COLORS.bar, shape: 'point', hollow: true },
  ];
}

function legendPlugin(entries: readonly LegendEntry[], top: number): Plugin<'line'> {
  return {
    id: 'spbeTrendLegend',
    afterDraw(chart) {
      if (entries.length > 0) drawLegend(chart.ctx, entries, top, chart.width);
    },
  };
}

/**
 * The index through the years: a line with a point per year, the value at each point, the
 * predicate bands of each year behind it, a provisional year hollow and dashed, and the target.
 * No years gives a picture saying so, still a PNG of the promised size.
 */
export async function renderTrendChart(input: TrendChartInput, options?: TrendChartOptions): Promise<Buffer> {
  const size: ChartSize = { width: options?.width ?? DEFAULT_SIZE.width, height: options?.height ?? DEFAULT_SIZE.height };
  const points = input.points.filter((p) => isValue(p.value));
  if (points.length === 0) return renderMessage(input.title, input.subtitle, TREND_TEXTS.empty, size);

  const head = layoutHeading(input.title, input.subtitle, size.width);
  const legend = legendEntries(points);
  const legendTop = head.height + 4;
  const legendRoom = legend.length > 0 ? legendHeight(legend, size.width) + 4 : 0;
  const gutterTexts = [
    ...(isValue(input.target) ? [{ text: TREND_TEXTS.target(formatValue(input.target)), css: font(FONT_SIZES.label, 'bold') }] : []),
    ...(points.at(-1)?.bands ?? []).map((b) => ({ text: b.name, css: font(FONT_SIZES.label) })),
  ];
  const gutter = Math.max(EDGE, ...gutterTexts.map((t) => measureText(t.text, t.css) + 24));
  const values = points.map((p) => clampToAxis(p.value));
  const provisionalIndex = points.map((p) => p.provisional);
  const config: LineConfig = {
    type: 'line',
    data: {
      labels: points.map((p) => {
        const extra = pointLabel(p);
        return extra ? [String(p.year), extra] : String(p.year);
      }),
      datasets: [
        {
          data: values,
          borderColor: COLORS.bar,
          borderWidth: 4,
          pointRadius: POINT_RADIUS,
          pointBorderWidth: 4,
          pointBorderColor: COLORS.bar,
          pointBackgroundColor: points.map((p) => (p.provisional ? COLORS.background : COLORS.bar)),
          tension: 0,
          fill: false,
          segment: {
            borderDash: (ctx) => (provisionalIndex[ctx.p1DataIndex] || provisionalIndex[ctx.p0DataIndex] ? [12, 8] : undefined),
          },
        },
      ],
    },
    options: {
      layout: { padding: { left: EDGE, right: gutter, top: head.height + legendRoom + 12, bottom: 8 } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: {
          type: 'category',
          offset: true,
          grid: { display: false },
          border: { color: COLORS.axis },
          ticks: { autoSkip: false, maxRotation: 0, color: COLORS.text, font: { size: FONT_SIZES.label, lineHeight: LINE_HEIGHT } },
        },
        y: {
          type: 'linear',
          min: AXIS_MIN,
          max: AXIS_MAX,
          grid: { color: COLORS.grid, lineWidth: 1 },
          border: { color: COLORS.axis },
          ticks: { stepSize: 1, color: COLORS.text, font: { size: FONT_SIZES.label } },
        },
      },
    },
    plugins: [
      bandZones(points, input.target),
      targetLine(input.target),
      valueLabels(points),
      headingPlugin(head) as Plugin<'line'>,
      legendPlugin(legend, legendTop),
    ],
  };
  return renderChart(config, size);
}
