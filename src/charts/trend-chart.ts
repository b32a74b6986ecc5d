// The index over the years as a line, each year's value printed at its point, over the predicate
// bands that year was judged against. The bands are painted per year column, not across the whole
// plot: SPBE (PermenPANRB 59/2020) and Pemdi 2026 use different cut-offs, and a change of
// framework must show as a step rather than be hidden under one set of bands.
import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import type { PredicateBand } from './index-charts.ts';
import {
  COLORS,
  DEFAULT_SIZE,
  EDGE,
  FONT_SIZES,
  LINE_HEIGHT,
  drawLabel,
  drawLegend,
  font,
  formatValue,
  headingPlugin,
  layoutHeading,
  legendHeight,
  measureText,
  renderChart,
  renderMessage,
} from './render.ts';
import type { ChartSize, LegendEntry } from './render.ts';

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
const AXIS_MIN = 0;
const AXIS_MAX = 5;
const BAND_ALPHA = 0.2;
const POINT_RADIUS = 9;
const LABEL_GAP = 14;
const PREDICATE_SIZE = 22;

type LineConfig = ChartConfiguration<'line', (number | null)[], string | string[]>;

function clampToAxis(value: number): number {
  return Math.min(AXIS_MAX, Math.max(AXIS_MIN, value));
}

function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function pointLabel(point: TrendChartPoint): string | undefined {
  return point.label ?? (point.provisional ? TREND_TEXTS.provisional : undefined);
}

function axes(chart: { scales: Record<string, Scale> }): { x: Scale; y: Scale } | null {
  const x = chart.scales['x'];
  const y = chart.scales['y'];
  return x && y ? { x, y } : null;
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

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** How many sampled pixels of the line (every ~3 px along each segment) fall inside the box. */
function lineHits(line: readonly { x: number; y: number }[], box: Box): number {
  let hits = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3));
    for (let k = 0; k <= steps; k++) {
      const x = a.x + ((b.x - a.x) * k) / steps;
      const y = a.y + ((b.y - a.y) * k) / steps;
      if (x > box.left && x < box.right && y > box.top && y < box.bottom) hits++;
    }
  }
  return hits;
}

/**
 * Puts each value label above or below its point: wherever it stays inside the plot, clear of
 * the line and of the labels already placed. Ties go above a peak and below a dip, where the
 * line falls away from the label.
 */
function placeLabels(line: readonly { x: number; y: number }[], blocks: readonly { width: number; height: number }[], area: Box): Box[] {
  const placed: Box[] = [];
  line.forEach((point, i) => {
    const block = blocks[i]!;
    const neighbours = [line[i - 1]?.y, line[i + 1]?.y].filter(isValue);
    // Canvas y grows downwards: a peak has the smaller y.
    const peak = neighbours.length === 0 || point.y <= neighbours.reduce((a, b) => a + b, 0) / neighbours.length;
    const left = point.x - block.width / 2;
    const right = point.x + block.width / 2;
    const above = { left, right, bottom: point.y - POINT_RADIUS - LABEL_GAP, top: point.y - POINT_RADIUS - LABEL_GAP - block.height };
    const below = { left, right, top: point.y + POINT_RADIUS + LABEL_GAP, bottom: point.y + POINT_RADIUS + LABEL_GAP + block.height };
    const cost = (box: Box, preferred: boolean) =>
      (box.top < area.top || box.bottom > area.bottom ? 10_000 : 0) +
      (placed.some((other) => overlaps(box, other)) ? 1_000 : 0) +
      lineHits(line, { left: box.left - 3, top: box.top - 3, right: box.right + 3, bottom: box.bottom + 3 }) +
      (preferred ? 0 : 0.5);
    placed.push(cost(above, peak) <= cost(below, !peak) ? above : below);
  });
  return placed;
}

/**
 * Each value with a decimal comma beside its point, on a light plate so the line and the band
 * edges do not cut through the digits; and the predicate under it when every predicate fits its
 * column (with many years the zones already say it).
 */
function valueLabels(points: readonly TrendChartPoint[]): Plugin<'line'> {
  return {
    id: 'spbeTrendValues',
    afterDatasetsDraw(chart) {
      const scales = axes(chart);
      if (!scales) return;
      const { ctx, chartArea } = chart;
      const valueFont = font(FONT_SIZES.value, 'bold');
      const predicateFont = font(PREDICATE_SIZE);
      const column = points.length > 1 ? Math.abs(scales.x.getPixelForValue(1) - scales.x.getPixelForValue(0)) : chartArea.width;
      const showPredicates = points.every((p) => p.predicate === null || measureText(p.predicate, predicateFont) + 8 <= column);
      const blocks = points.map((point) => {
        const lines: { text: string; css: string; size: number; color: string }[] = [
          { text: formatValue(point.value), css: valueFont, size: FONT_SIZES.value, color: COLORS.text },
        ];
        if (showPredicates && point.predicate) {
          lines.push({ text: point.predicate, css: predicateFont, size: PREDICATE_SIZE, color: COLORS.mutedText });
        }
        return {
          lines,
          width: Math.max(...lines.map((l) => measureText(l.text, l.css))) + 12,
          height: lines.reduce((h, l) => h + l.size * LINE_HEIGHT, 0) + 4,
        };
      });
      const line = points.map((p, i) => ({ x: scales.x.getPixelForValue(i), y: scales.y.getPixelForValue(clampToAxis(p.value)) }));
      const area = { left: chartArea.left, top: chartArea.top, right: chartArea.right, bottom: chartArea.bottom };
      placeLabels(line, blocks, area).forEach((box, i) => {
        const block = blocks[i]!;
        ctx.save();
        ctx.fillStyle = 'rgba(255,255,255,0.85)';
        ctx.fillRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
        ctx.restore();
        let y = box.top + 2;
        for (const l of block.lines) {
          const h = l.size * LINE_HEIGHT;
          drawLabel(ctx, l.text, (box.left + box.right) / 2, y + h / 2, { font: l.css, color: l.color, align: 'center', plate: false });
          y += h;
        }
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
