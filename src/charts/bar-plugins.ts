// The drawing the bar charts add to chart.js: the target line, the value printed at each bar
// (or "belum dinilai"), the predicate bands; and the 0–5 index axis they share.
import type { Plugin, Scale } from 'chart.js';
import { COLORS, FONT_SIZES, LINE_HEIGHT, drawLabel, font, formatValue, measureText } from './render.ts';
import type { ChartContext } from './render.ts';
import type { PredicateBand } from './index-charts.ts';

/** The index scale: indices run from 1 to 5; the axis starts at 0 so bar lengths compare honestly. */
export const AXIS_MIN = 0;
export const AXIS_MAX = 5;
export const LABEL_LINE = FONT_SIZES.label * LINE_HEIGHT;
const EMPTY_TEXT = 'belum dinilai';

/** A value on the 0–5 axis; anything outside (bad data) is pinned to the edge rather than drawn off-canvas. */
export function clampToAxis(value: number): number {
  return Math.min(AXIS_MAX, Math.max(AXIS_MIN, value));
}

export function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function scalesOf(chart: { scales: Record<string, Scale> }): { index: Scale; value: Scale } | null {
  const x = chart.scales['x'];
  const y = chart.scales['y'];
  if (!x || !y) return null;
  return x.type === 'linear' ? { index: y, value: x } : { index: x, value: y };
}

export function targetText(target: number): string {
  return `Target ${formatValue(target)}`;
}

/**
 * The target as a dashed line across the plot (dashes and colour both set it apart from the grid,
 * so it survives colour-blindness and greyscale). Horizontal bars get a vertical line labelled
 * above the plot; columns get a horizontal line labelled in the right-hand gutter, where no
 * column reaches.
 */
export function targetLine(target: number | null, horizontalBars: boolean): Plugin<'bar'> {
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
export function valueLabels(values: (number | null)[], target: number | null, horizontalBars: boolean): Plugin<'bar'> {
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
export function predicateBands(bands: PredicateBand[], target: number | null): Plugin<'bar'> {
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
