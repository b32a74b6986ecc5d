// chart.js on @napi-rs/canvas, set up once for the server: no DOM, no animation, no resize
// observers, one device pixel per CSS pixel, an opaque white background and a font that is on the
// machine. The chart-specific drawing (target lines, bands, value labels) lives in each chart's
// own file; this file holds what every chart shares.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { ChartConfiguration, ChartItem, ChartType, DefaultDataPoint, Plugin } from 'chart.js';
import { formatDecimal } from '../domain/decimal.ts';

/** The 2D context chart.js hands to plugins (the DOM type is not in this project's lib). */
export type ChartContext = Chart['ctx'];

export interface ChartSize {
  width: number;
  height: number;
}

/** 16:10 reads well in a Telegram photo bubble on a phone and stays sharp when zoomed. */
export const DEFAULT_SIZE: Readonly<ChartSize> = { width: 1000, height: 625 };

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Text colours are
 * darker shades of the same hues so that they keep at least 4.5:1 contrast on white.
 */
export const COLORS = {
  background: '#ffffff',
  text: '#1a1a1a',
  mutedText: '#4d4d4d',
  grid: '#d9d9d9',
  axis: '#8c8c8c',
  bar: '#0072B2',
  target: '#D55E00',
  targetText: '#A84A00',
  bands: ['#D55E00', '#E69F00', '#F0E442', '#009E73', '#56B4E9', '#CC79A7'],
} as const;

export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** Pixel sizes chosen for a 1000 px wide image shown ~360 CSS px wide on a phone. */
export const FONT_SIZES = { title: 32, subtitle: 24, label: 24, value: 28 } as const;

const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU_FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];

let fontsRegistered = false;

/**
 * Registers DejaVu Sans under its family name. Missing files are skipped silently: Skia then
 * falls back to a system sans-serif, which is uglier but still readable, and a chart is never
 * worth failing a bot reply over.
 */
export function registerFonts(): void {
  if (fontsRegistered) return;
  fontsRegistered = true;
  for (const face of DEJAVU_FACES) {
    const path = `${DEJAVU_DIR}/${face}`;
    if (!existsSync(path)) continue;
    try {
      GlobalFonts.registerFromPath(path, 'DejaVu Sans');
    } catch {
      // A broken font file must not break chart rendering; the fallback font is used instead.
    }
  }
}

// Only the pieces the bar and line charts use, so no DOM-only plugin (tooltip, legend hover) gets
// a chance to touch `window`; legends are drawn by the charts themselves. Titles too: chart.js's
// Title plugin centres over the chart minus its side padding and squeezes a line that does not
// fit, where a photo caption needs the full width.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);
registerFonts();
Chart.defaults.font.family = FONT_FAMILY;
Chart.defaults.font.size = FONT_SIZES.label;
Chart.defaults.color = COLORS.text;

/** Paints the canvas white first; a PNG is transparent otherwise and Telegram's dark theme shows black. */
export const whiteBackground: Plugin = {
  id: 'spbeWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = COLORS.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** A number the Indonesian way with two decimals: 3.5 → "3,50". Values arrive already rounded. */
export function formatValue(value: number): string {
  return formatDecimal(Math.round(value * 100), 2);
}

/**
 * Word-wraps a label onto lines of at most `maxChars` characters (a word longer than that gets a
 * line of its own rather than being cut). chart.js draws a string[] label as several lines.
 */
export function wrapLabel(text: string, maxChars = 16): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** CSS font shorthand for the canvas, in the chart's family. */
export function font(size: number, weight: 'normal' | 'bold' = 'normal', style: 'normal' | 'italic' = 'normal'): string {
  return `${style === 'italic' ? 'italic ' : ''}${weight === 'bold' ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
}

let measureCtx: SKRSContext2D | undefined;

/** Width in pixels of `text` in `cssFont`, measured with the same font engine that draws it. */
export function measureText(text: string, cssFont: string): number {
  measureCtx ??= createCanvas(1, 1).getContext('2d');
  measureCtx.font = cssFont;
  return measureCtx.measureText(text).width;
}

/** Wraps by measured width rather than characters: for titles, which are long and set in bold. */
export function wrapToWidth(text: string, cssFont: string, maxWidth: number): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measureText(candidate, cssFont) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** The pixel size in a CSS font shorthand built by font(). */
export function fontSize(cssFont: string): number {
  return parseInt(/(\d+)px/.exec(cssFont)?.[1] ?? String(FONT_SIZES.label), 10);
}

/**
 * Draws text on a white plate so it stays legible where it crosses a grid or target line.
 * `align` is the horizontal anchor at x; the text is vertically centred on y.
 */
export function drawLabel(
  ctx: ChartContext,
  text: string,
  x: number,
  y: number,
  options: { font: string; color: string; align?: 'left' | 'center' | 'right'; plate?: boolean },
): void {
  const align = options.align ?? 'left';
  ctx.save();
  ctx.font = options.font;
  const width = ctx.measureText(text).width;
  const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
  if (options.plate !== false) {
    const size = fontSize(options.font);
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(left - 4, y - size * 0.6, width + 8, size * 1.2);
  }
  ctx.fillStyle = options.color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left, y);
  ctx.restore();
}

export const LINE_HEIGHT = 1.2;
/** Margin between the image edge and anything drawn. */
export const EDGE = 16;

export interface Heading {
  title: string[];
  subtitle: string[];
  /** Pixels from the top of the image to the end of the subtitle. */
  height: number;
}

/** The title (bold) and subtitle wrapped to the image width, and the height they take. */
export function layoutHeading(title: string, subtitle: string | undefined, width: number): Heading {
  const maxWidth = width - 2 * EDGE;
  const titleLines = wrapToWidth(title, font(FONT_SIZES.title, 'bold'), maxWidth);
  const subtitleLines = subtitle ? wrapToWidth(subtitle, font(FONT_SIZES.subtitle), maxWidth) : [];
  const height = 12 + titleLines.length * FONT_SIZES.title * LINE_HEIGHT + subtitleLines.length * FONT_SIZES.subtitle * LINE_HEIGHT;
  return { title: titleLines, subtitle: subtitleLines, height };
}

/** Draws a heading centred on the whole image, whatever the side paddings of the plot. */
export function drawHeading(ctx: ChartContext, head: Heading, width: number): void {
  let y = 12;
  const lines = [
    ...head.title.map((text) => ({ text, size: FONT_SIZES.title, css: font(FONT_SIZES.title, 'bold'), color: COLORS.text })),
    ...head.subtitle.map((text) => ({ text, size: FONT_SIZES.subtitle, css: font(FONT_SIZES.subtitle), color: COLORS.mutedText })),
  ];
  for (const line of lines) {
    const lineHeight = line.size * LINE_HEIGHT;
    drawLabel(ctx, line.text, width / 2, y + lineHeight / 2, { font: line.css, color: line.color, align: 'center', plate: false });
    y += lineHeight;
  }
}

export function headingPlugin(head: Heading): Plugin {
  return {
    id: 'spbeHeading',
    afterDraw(chart) {
      drawHeading(chart.ctx, head, chart.width);
    },
  };
}

/**
 * A chart with nothing to plot: the heading and a sentence in the middle, so the reader learns
 * why there is no chart instead of getting an empty frame (or no photo at all).
 */
export async function renderMessage(title: string, subtitle: string | undefined, message: string, size: ChartSize = DEFAULT_SIZE): Promise<Buffer> {
  registerFonts();
  const width = Math.round(size.width);
  const height = Math.round(size.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d') as unknown as ChartContext;
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, width, height);
  const head = layoutHeading(title, subtitle, width);
  drawHeading(ctx, head, width);
  const css = font(FONT_SIZES.value, 'normal', 'italic');
  const lines = wrapToWidth(message, css, width - 8 * EDGE);
  const lineHeight = FONT_SIZES.value * LINE_HEIGHT;
  const boxTop = head.height + 24;
  const boxHeight = height - boxTop - 24;
  ctx.save();
  ctx.strokeStyle = COLORS.grid;
  ctx.lineWidth = 2;
  ctx.setLineDash([10, 8]);
  ctx.strokeRect(2 * EDGE, boxTop, width - 4 * EDGE, boxHeight);
  ctx.restore();
  const firstY = boxTop + boxHeight / 2 - ((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, i) => {
    drawLabel(ctx, line, width / 2, firstY + i * lineHeight, { font: css, color: COLORS.mutedText, align: 'center', plate: false });
  });
  return canvas.encode('png');
}

/**
 * Renders a chart configuration (bar or line) to PNG. The chart is destroyed afterwards so
 * nothing of it (plugins hold references to the canvas) outlives the call.
 */
export async function renderChart<TType extends ChartType = 'bar', TData = DefaultDataPoint<TType>, TLabel = unknown>(
  config: ChartConfiguration<TType, TData, TLabel>,
  size: ChartSize = DEFAULT_SIZE,
): Promise<Buffer> {
  registerFonts();
  const canvas = createCanvas(Math.round(size.width), Math.round(size.height));
  const ctx = canvas.getContext('2d');
  const chart = new Chart<TType, TData, TLabel>(ctx as unknown as ChartItem, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      events: [],
    } as ChartConfiguration<TType, TData, TLabel>['options'],
    plugins: [whiteBackground as Plugin<TType>, ...(config.plugins ?? [])],
  });
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
