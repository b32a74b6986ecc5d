// The index charts the bot sends as Telegram photos: the index per domain (or per aspect, for
// Pemdi which has no domains) and the index through the evaluation stages. Inputs are plain,
// already-rounded numbers and Indonesian labels; nothing here reads the database.
import type { ChartConfiguration } from 'chart.js';
import { COLORS, DEFAULT_SIZE, EDGE, FONT_SIZES, LINE_HEIGHT, headingPlugin, layoutHeading, font, measureText, renderChart, wrapLabel } from './render.ts';
import type { ChartSize, Heading } from './render.ts';
import { AXIS_MAX, LABEL_LINE, AXIS_MIN, clampToAxis, isValue, predicateBands, targetLine, targetText, valueLabels } from './bar-plugins.ts';

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
