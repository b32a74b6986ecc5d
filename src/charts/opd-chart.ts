// Checklist progress per OPD as horizontal stacked bars: what is done, what waits on the
// coordinator, what is still open and what is past its due date, in the order given (the report
// model puts the most overdue first, so a long list is cut where it matters least).
import type { ChartConfiguration, Plugin } from 'chart.js';
import {
  COLORS,
  DEFAULT_SIZE,
  EDGE,
  FONT_SIZES,
  LINE_HEIGHT,
  drawLabel,
  font,
  headingPlugin,
  layoutHeading,
  measureText,
  renderChart,
  renderMessage,
} from './render.ts';
import type { ChartSize } from './render.ts';
import type { LegendEntry } from './legend.ts';
import { drawLegend, legendHeight } from './legend.ts';

/** One OPD's items; the four counts are disjoint and add up to the bar. */
export interface OpdChartRow {
  /** a short code or short name */
  label: string;
  done: number;
  /** submitted and waiting for verification, not past due */
  submitted: number;
  /** open and not past due */
  open: number;
  /** open (submitted or not) and past its due date */
  overdue: number;
}

export interface OpdChartInput {
  title: string;
  subtitle?: string;
  rows: readonly OpdChartRow[];
}

/** Image size (without a height the image grows with the rows) and how many OPDs to show. */
export type OpdChartOptions = Partial<ChartSize> & { maxRows?: number };

export const OPD_CHART_TEXTS = {
  done: 'Selesai',
  submitted: 'Diajukan',
  open: 'Terbuka',
  overdue: 'Terlambat',
  empty: 'Belum ada item checklist pada OPD mana pun.',
  noItems: 'belum ada item',
  more: (count: number) => `+${count} OPD lainnya`,
  percentDone: (percent: number) => `${percent}%`,
  percentHeader: '% selesai',
} as const;

export const MAX_OPD_ROWS = 15;

type SegmentKey = 'done' | 'submitted' | 'open' | 'overdue';

/** Okabe–Ito: green for done, sky blue for waiting, yellow for open, vermillion for late. */
const SEGMENTS: readonly { key: SegmentKey; color: string; text: string }[] = [
  { key: 'done', color: '#009E73', text: '#ffffff' },
  { key: 'submitted', color: '#56B4E9', text: COLORS.text },
  { key: 'open', color: '#F0E442', text: COLORS.text },
  { key: 'overdue', color: '#D55E00', text: '#ffffff' },
];

const ROW_HEIGHT = 50;
const LABEL_MAX_CHARS = 14;
const AXIS_BAND = FONT_SIZES.label * LINE_HEIGHT + 24;
const NOTE_BAND = FONT_SIZES.label * LINE_HEIGHT + 16;
const COUNT_SIZE = FONT_SIZES.label;
const HEADER_SIZE = FONT_SIZES.label;
/** Room above the plot for the "% selesai" header of the percentage column. */
const HEADER_BAND = HEADER_SIZE * LINE_HEIGHT + 8;

type BarConfig = ChartConfiguration<'bar', number[], string>;

function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function totalOf(row: OpdChartRow): number {
  return SEGMENTS.reduce((sum, s) => sum + count(row[s.key]), 0);
}

/** A long code or name is cut with an ellipsis: a label column wider than the bars helps no one. */
function shortLabel(label: string): string {
  const trimmed = label.trim();
  return trimmed.length <= LABEL_MAX_CHARS ? trimmed : `${trimmed.slice(0, LABEL_MAX_CHARS - 1).trimEnd()}…`;
}

/** Floor, so 100% means every item is done (as the checklist progress bar in the bot does). */
function percentDone(row: OpdChartRow): number {
  const total = totalOf(row);
  return total === 0 ? 0 : Math.floor((count(row.done) * 100) / total);
}

/**
 * The count inside each segment wide enough for it, the share done in a column right of the plot, and "belum ada
 * item" in the row of an OPD without items (so an empty row never reads as zero progress).
 */
function barLabels(rows: readonly OpdChartRow[]): Plugin<'bar'> {
  return {
    id: 'spbeOpdLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const x = chart.scales['x'];
      const y = chart.scales['y'];
      if (!x || !y) return;
      const countFont = font(COUNT_SIZE, 'bold');
      SEGMENTS.forEach((segment, d) => {
        chart.getDatasetMeta(d).data.forEach((element, i) => {
          const value = count(rows[i]?.[segment.key] ?? 0);
          if (value === 0) return;
          const { x: end, base, y: center } = element.getProps(['x', 'base', 'y'], true) as { x: number; base: number; y: number };
          const text = String(value);
          if (measureText(text, countFont) + 10 > Math.abs(end - base)) return;
          drawLabel(ctx, text, (end + base) / 2, center, { font: countFont, color: segment.text, align: 'center', plate: false });
        });
      });
      const zero = x.getPixelForValue(0);
      rows.forEach((row, i) => {
        const center = y.getPixelForValue(i);
        const total = totalOf(row);
        if (total === 0) {
          drawLabel(ctx, OPD_CHART_TEXTS.noItems, zero + 12, center, {
            font: font(FONT_SIZES.label, 'normal', 'italic'),
            color: COLORS.mutedText,
            plate: false,
          });
          return;
        }
        drawLabel(ctx, OPD_CHART_TEXTS.percentDone(percentDone(row)), chart.width - EDGE, center, {
          font: font(FONT_SIZES.label, 'bold'),
          color: COLORS.text,
          align: 'right',
          plate: false,
        });
      });
    },
  };
}

function decorations(legend: readonly LegendEntry[], legendTop: number, note: string | null): Plugin<'bar'> {
  return {
    id: 'spbeOpdDecorations',
    afterDraw(chart) {
      drawLegend(chart.ctx, legend, legendTop, chart.width);
      drawLabel(chart.ctx, OPD_CHART_TEXTS.percentHeader, chart.width - EDGE, chart.chartArea.top - HEADER_BAND / 2, {
        font: font(HEADER_SIZE),
        color: COLORS.mutedText,
        align: 'right',
        plate: false,
      });
      if (note) {
        drawLabel(chart.ctx, note, EDGE, chart.height - NOTE_BAND / 2 - 4, {
          font: font(FONT_SIZES.label, 'normal', 'italic'),
          color: COLORS.mutedText,
          plate: false,
        });
      }
    },
  };
}

/**
 * Checklist progress of each OPD as one stacked bar: selesai, diajukan, terbuka and terlambat,
 * each counted once. At most `maxRows` OPDs (15) are drawn, the first ones as given; a note says
 * how many more there are. Without an explicit height the image grows with the rows.
 */
export async function renderOpdChart(input: OpdChartInput, options?: OpdChartOptions): Promise<Buffer> {
  const width = options?.width ?? DEFAULT_SIZE.width;
  const maxRows = Math.max(1, options?.maxRows ?? MAX_OPD_ROWS);
  if (input.rows.length === 0 || input.rows.every((r) => totalOf(r) === 0)) {
    return renderMessage(input.title, input.subtitle, OPD_CHART_TEXTS.empty, { width, height: options?.height ?? DEFAULT_SIZE.height });
  }
  const rows = input.rows.slice(0, maxRows);
  const hidden = input.rows.length - rows.length;
  const note = hidden > 0 ? OPD_CHART_TEXTS.more(hidden) : null;

  const head = layoutHeading(input.title, input.subtitle, width);
  const legend: LegendEntry[] = SEGMENTS.map((s) => ({ label: OPD_CHART_TEXTS[s.key], color: s.color }));
  const legendTop = head.height + 6;
  const top = legendTop + legendHeight(legend, width) + HEADER_BAND;
  const bottom = 8 + (note ? NOTE_BAND : 0);
  const needed = Math.ceil(top + rows.length * ROW_HEIGHT + AXIS_BAND + bottom);
  const size: ChartSize = { width, height: options?.height ?? Math.max(DEFAULT_SIZE.height, needed) };
  // The share done stands in a column of its own right of the plot, under its header.
  const valueRoom =
    Math.max(measureText(OPD_CHART_TEXTS.percentDone(100), font(FONT_SIZES.label, 'bold')), measureText(OPD_CHART_TEXTS.percentHeader, font(HEADER_SIZE))) +
    EDGE +
    20;

  const config: BarConfig = {
    type: 'bar',
    data: {
      labels: rows.map((r) => shortLabel(r.label)),
      datasets: SEGMENTS.map((segment) => ({
        data: rows.map((r) => count(r[segment.key])),
        backgroundColor: segment.color,
        borderColor: COLORS.background,
        borderWidth: { right: 2 },
        borderSkipped: false,
        categoryPercentage: 0.85,
        barPercentage: 0.9,
        maxBarThickness: 44,
      })),
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { left: EDGE, right: valueRoom, top, bottom } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: {
          type: 'linear',
          stacked: true,
          min: 0,
          grid: { color: COLORS.grid, lineWidth: 1 },
          border: { color: COLORS.axis },
          ticks: { precision: 0, color: COLORS.text, font: { size: FONT_SIZES.label } },
        },
        y: {
          type: 'category',
          stacked: true,
          grid: { display: false },
          border: { color: COLORS.axis },
          ticks: { autoSkip: false, color: COLORS.text, font: { size: FONT_SIZES.label } },
        },
      },
    },
    plugins: [barLabels(rows), headingPlugin(head) as Plugin<'bar'>, decorations(legend, legendTop, note)],
  };
  return renderChart(config, size);
}
