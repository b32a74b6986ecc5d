// The index charts the bot sends as Telegram photos: the index per domain (or per aspect, for
// Pemdi which has no domains) and the index through the evaluation stages. Inputs are plain,
// already-rounded numbers and Indonesian labels; nothing here reads the database.
import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import {
  COLORS,
  DEFAULT_SIZE,
  EDGE,
  FONT_SIZES,
  LINE_HEIGHT,
  headingPlugin,
  layoutHeading,
  drawLabel,
  font,
  formatValue,
  measureText,
  renderChart,
  wrapLabel,
} from './render.ts';
import type { ChartContext, ChartSize, Heading } from './render.ts';

export interface ChartBar {
  label: string;
  value: number | null;
}

export interface DomainChartInput {
  title: string;
  bars: ChartBar[];
  target: number | null;
  subtitle?: string;
}

export interface PredicateBand {
  name: string;
  min: number;
  max: number;
}

export interface StageChartInput {
  title: string;
  stages: ChartBar[];
  target: number | null;
  bands?: PredicateBand[];
  subtitle?: string;
}

/**
 * Image size. Without an explicit height a domain chart with many long labels (8 SPBE aspects)
 * grows taller instead of overlapping its labels; an explicit height is always kept.
 */
export type ChartOptions = Partial<ChartSize>;

/** The index scale: indices run from 1 to 5; the axis starts at 0 so bar lengths compare honestly. */
const AXIS_MIN = 0;
const AXIS_MAX = 5;
const EMPTY_TEXT = 'belum dinilai';
const LABEL_LINE = FONT_SIZES.label * LINE_HEIGHT;
/** Room between the heading and the plot: a value printed over a full column, or the target label. */
const TOP_RESERVE = 46;
/** Height of the value axis under a horizontal bar chart: tick labels plus their padding. */
const AXIS_BAND = LABEL_LINE + 30;
/** Wrap widths for category labels: ~16 characters, widened only when rows are too short. */
const LABEL_WRAP_MIN = 16;
const LABEL_WRAP_MAX = 34;
/** Vertical breathing room between two rows of wrapped labels. */
const ROW_GAP = 12;

type BarConfig = ChartConfiguration<'bar', (number | null)[], string | string[]>;

/** A value on the 0–5 axis; anything outside (bad data) is pinned to the edge rather than drawn off-canvas. */
function clampToAxis(value: number): number {
  return Math.min(AXIS_MAX, Math.max(AXIS_MIN, value));
}

function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The shared heading, plus room between it and the plot for a value over a full column or the target label. */
function heading(title: string, subtitle: string | undefined, width: number): Heading {
  const head = layoutHeading(title, subtitle, width);
  return { ...head, height: head.height + TOP_RESERVE };
}

/** Index axis options shared by both charts: fixed 0–5, one tick per level. */
function valueAxis() {
  return {
    type: 'linear' as const,
    min: AXIS_MIN,
    max: AXIS_MAX,
    grid: { color: COLORS.grid, lineWidth: 1 },
    border: { color: COLORS.axis },
    ticks: {
      stepSize: 1,
      color: COLORS.text,
      font: { size: FONT_SIZES.label },
      callback: (value: number | string) => String(value).replace('.', ','),
    },
  };
}

function categoryAxis() {
  return {
    type: 'category' as const,
    grid: { display: false },
    border: { color: COLORS.axis },
    // Every domain or stage must be named; chart.js would otherwise skip labels it finds crowded.
    ticks: { autoSkip: false, maxRotation: 0, color: COLORS.text, font: { size: FONT_SIZES.label, lineHeight: LINE_HEIGHT } },
  };
}

function scalesOf(chart: { scales: Record<string, Scale> }): { index: Scale; value: Scale } | null {
  const x = chart.scales['x'];
  const y = chart.scales['y'];
  if (!x || !y) return null;
  return x.type === 'linear' ? { index: y, value: x } : { index: x, value: y };
}

function targetText(target: number): string {
  return `Target ${formatValue(target)}`;
}

/**
 * The target as a dashed line across the plot (dashes and colour both set it apart from the grid,
 * so it survives colour-blindness and greyscale). Horizontal bars get a vertical line labelled
 * above the plot; columns get a horizontal line labelled in the right-hand gutter, where no
 * column reaches.
 */
function targetLine(target: number | null, horizontalBars: boolean): Plugin<'bar'> {
  return {
    id: 'spbeTargetLine',
    afterDatasetsDraw(chart) {
      if (!isValue(target)) return;
      const scales = scalesOf(chart);
      if (!scales) return;
      const { ctx, chartArea } = chart;
      const at = scales.value.getPixelForValue(clampToAxis(target));
      const labelFont = font(FONT_SIZES.label, 'bold');
      ctx.save();
      ctx.strokeStyle = COLORS.target;
      ctx.lineWidth = 3;
      ctx.setLineDash([12, 6]);
      ctx.beginPath();
      if (horizontalBars) {
        ctx.moveTo(at, chartArea.top - 6);
        ctx.lineTo(at, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right + 6, at);
      }
      ctx.stroke();
      ctx.restore();
      if (horizontalBars) {
        const half = measureText(targetText(target), labelFont) / 2 + 6;
        const x = Math.min(chart.width - half, Math.max(half, at));
        drawLabel(ctx, targetText(target), x, chartArea.top - 8 - FONT_SIZES.label * 0.6, {
          font: labelFont,
          color: COLORS.targetText,
          align: 'center',
        });
      } else {
        drawLabel(ctx, targetText(target), chartArea.right + 12, at, { font: labelFont, color: COLORS.targetText });
      }
    },
  };
}

/** Splits "belum dinilai" over two lines when the slot is narrower than the phrase. */
function emptyLines(ctx: ChartContext, slotWidth: number, cssFont: string): string[] {
  ctx.save();
  ctx.font = cssFont;
  const fits = ctx.measureText(EMPTY_TEXT).width <= slotWidth - 8;
  ctx.restore();
  return fits ? [EMPTY_TEXT] : EMPTY_TEXT.split(' ');
}

/**
 * Each bar's value with a decimal comma at the end of the bar, and "belum dinilai" in the slot of
 * a missing value, so an empty slot never reads as a zero. A value gets a white plate only where
 * the target line runs through it; elsewhere a plate would look like a stray box on the bands.
 */
function valueLabels(values: (number | null)[], target: number | null, horizontalBars: boolean): Plugin<'bar'> {
  return {
    id: 'spbeValueLabels',
    afterDatasetsDraw(chart) {
      const scales = scalesOf(chart);
      if (!scales) return;
      const { ctx, chartArea } = chart;
      const valueFont = font(FONT_SIZES.value, 'bold');
      const emptyFont = font(FONT_SIZES.label, 'normal', 'italic');
      const slot =
        values.length > 1
          ? Math.abs(scales.index.getPixelForValue(1) - scales.index.getPixelForValue(0))
          : horizontalBars
            ? chartArea.height
            : chartArea.width;
      const zero = scales.value.getPixelForValue(AXIS_MIN);
      const targetAt = isValue(target) ? scales.value.getPixelForValue(clampToAxis(target)) : null;
      values.forEach((value, i) => {
        const center = scales.index.getPixelForValue(i);
        if (!isValue(value)) {
          if (horizontalBars) {
            drawLabel(ctx, EMPTY_TEXT, zero + 12, center, { font: emptyFont, color: COLORS.mutedText, plate: false });
            return;
          }
          const lines = emptyLines(ctx, slot, emptyFont);
          lines.forEach((line, k) => {
            const y = zero - 18 - (lines.length - 1 - k) * LABEL_LINE;
            drawLabel(ctx, line, center, y, { font: emptyFont, color: COLORS.mutedText, align: 'center', plate: false });
          });
          return;
        }
        const end = scales.value.getPixelForValue(clampToAxis(value));
        const text = formatValue(value);
        const width = measureText(text, valueFont);
        if (horizontalBars) {
          const x = end + 10;
          const plate = targetAt !== null && targetAt >= x - 6 && targetAt <= x + width + 6;
          drawLabel(ctx, text, x, center, { font: valueFont, color: COLORS.text, plate });
        } else {
          const y = end - 8 - FONT_SIZES.value * 0.6;
          const plate = targetAt !== null && Math.abs(targetAt - y) <= FONT_SIZES.value * 0.6 + 4;
          drawLabel(ctx, text, center, y, { font: valueFont, color: COLORS.text, align: 'center', plate });
        }
      });
    },
  };
}

/**
 * Predicate bands as faint horizontal stripes behind the columns, named in the right-hand gutter
 * (inside the plot a name would collide with the columns). A name that would sit on the target
 * label moves to the free part of its band, or is left out when the band has no room for it.
 */
function predicateBands(bands: PredicateBand[], target: number | null): Plugin<'bar'> {
  return {
    id: 'spbePredicateBands',
    beforeDraw(chart) {
      const scales = scalesOf(chart);
      if (!scales || bands.length === 0) return;
      const { ctx, chartArea } = chart;
      // Colour follows the order of the bands, not their names, so Pemdi's or a future
      // framework's bands get the same low-to-high ramp.
      const layouts = [...bands]
        .sort((a, b) => a.min - b.min)
        .map((band, index) => ({
          band,
          color: COLORS.bands[index % COLORS.bands.length] ?? COLORS.grid,
          top: scales.value.getPixelForValue(clampToAxis(Math.max(band.min, band.max))),
          bottom: scales.value.getPixelForValue(clampToAxis(Math.min(band.min, band.max))),
        }));
      ctx.save();
      ctx.globalAlpha = 0.16;
      for (const { top, bottom, color } of layouts) {
        ctx.fillStyle = color;
        ctx.fillRect(chartArea.left, top, chart.width - chartArea.left, bottom - top);
      }
      ctx.restore();

      const needed = FONT_SIZES.label + 2;
      const targetHalf = FONT_SIZES.label * 0.6;
      const targetY = isValue(target) ? scales.value.getPixelForValue(clampToAxis(target)) : null;
      for (const { top, bottom, band } of layouts) {
        if (bottom - top < needed) continue;
        let y = (top + bottom) / 2;
        if (targetY !== null && Math.abs(y - targetY) < targetHalf + needed / 2) {
          const above = targetY - targetHalf - top;
          const below = bottom - (targetY + targetHalf);
          if (above >= below && above >= needed) y = top + above / 2;
          else if (below >= needed) y = bottom - below / 2;
          else continue;
        }
        drawLabel(ctx, band.name, chartArea.right + 12, y, { font: font(FONT_SIZES.label), color: COLORS.mutedText, plate: false });
      }
    },
  };
}

function maxLines(wrapped: string[][]): number {
  return Math.max(1, ...wrapped.map((lines) => lines.length));
}

/**
 * Wraps the domain (or aspect) names at ~16 characters, widening the lines only as far as needed
 * for the rows to fit. When even the widest wrap does not fit and the caller left the height
 * open, the image grows: overlapping labels are worse than a taller photo.
 */
function layoutCategoryLabels(
  labels: string[],
  head: Heading,
  width: number,
  height: number | undefined,
): { labels: string[][]; size: ChartSize } {
  const baseHeight = height ?? DEFAULT_SIZE.height;
  const plotHeight = baseHeight - head.height - AXIS_BAND - 12;
  const rows = Math.max(labels.length, 1);
  const rowNeeds = (wrapped: string[][]) => maxLines(wrapped) * LABEL_LINE + ROW_GAP;
  const candidates: string[][][] = [];
  for (let chars = LABEL_WRAP_MIN; chars <= LABEL_WRAP_MAX; chars += 2) {
    candidates.push(labels.map((label) => wrapLabel(label, chars)));
  }
  const fitting = candidates.find((wrapped) => rows * rowNeeds(wrapped) <= plotHeight);
  if (fitting) return { labels: fitting, size: { width, height: baseHeight } };
  const widest = candidates[candidates.length - 1] ?? labels.map((label) => [label]);
  if (height !== undefined) return { labels: widest, size: { width, height } };
  // Two lines per row is the sweet spot; take the narrowest wrap that gets there.
  const chosen = candidates.find((wrapped) => maxLines(wrapped) <= 2) ?? widest;
  const grown = Math.ceil(baseHeight + rows * rowNeeds(chosen) - plotHeight);
  return { labels: chosen, size: { width, height: grown } };
}

function barDataset(values: (number | null)[]) {
  return {
    data: values.map((v) => (isValue(v) ? clampToAxis(v) : null)),
    backgroundColor: COLORS.bar,
    borderWidth: 0,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
    maxBarThickness: 150,
  };
}

/**
 * The index of each domain (or each aspect) as horizontal bars on a 0–5 axis: long names read
 * left to right as a label column, and each value sits at the end of its bar.
 */
export async function renderDomainChart(input: DomainChartInput, options?: ChartOptions): Promise<Buffer> {
  const width = options?.width ?? DEFAULT_SIZE.width;
  const head = heading(input.title, input.subtitle, width);
  const values = input.bars.map((b) => b.value);
  const layout = layoutCategoryLabels(
    input.bars.map((b) => b.label),
    head,
    width,
    options?.height,
  );
  // Room right of the plot for "5,00" printed after a full bar.
  const valueRoom = measureText('5,00', font(FONT_SIZES.value, 'bold')) + 24;
  const config: BarConfig = {
    type: 'bar',
    data: { labels: layout.labels, datasets: [barDataset(values)] },
    options: {
      indexAxis: 'y',
      layout: { padding: { left: EDGE, right: valueRoom, top: head.height, bottom: 12 } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { x: valueAxis(), y: categoryAxis() },
    },
    plugins: [headingPlugin(head), targetLine(input.target, true), valueLabels(values, input.target, true)],
  };
  return renderChart(config, layout.size);
}

/**
 * The index through the stages (mandiri → dokumen → interviu → final) as columns, with the target
 * and, optionally, the predicate bands behind them.
 */
export async function renderStageChart(input: StageChartInput, options?: ChartOptions): Promise<Buffer> {
  const size: ChartSize = { width: options?.width ?? DEFAULT_SIZE.width, height: options?.height ?? DEFAULT_SIZE.height };
  const head = heading(input.title, input.subtitle, size.width);
  const values = input.stages.map((s) => s.value);
  const bands = input.bands ?? [];
  const gutterWidths = [
    ...(isValue(input.target) ? [measureText(targetText(input.target), font(FONT_SIZES.label, 'bold'))] : []),
    ...bands.map((b) => measureText(b.name, font(FONT_SIZES.label))),
  ];
  const gutter = gutterWidths.length > 0 ? Math.max(...gutterWidths) + 24 : EDGE;
  const config: BarConfig = {
    type: 'bar',
    data: { labels: input.stages.map((s) => wrapLabel(s.label, LABEL_WRAP_MIN)), datasets: [barDataset(values)] },
    options: {
      indexAxis: 'x',
      layout: { padding: { left: EDGE, right: gutter, top: head.height, bottom: 12 } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { x: categoryAxis(), y: valueAxis() },
    },
    plugins: [
      predicateBands(bands, input.target),
      headingPlugin(head),
      targetLine(input.target, false),
      valueLabels(values, input.target, false),
    ],
  };
  return renderChart(config, size);
}
