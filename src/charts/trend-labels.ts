// The trend chart's value labels: each year's value (and predicate) printed beside its point,
// placed where it covers neither the line nor another label.
import type { Plugin, Scale } from 'chart.js';
import { clampToAxis, isValue } from './bar-plugins.ts';
import type { TrendChartPoint } from './trend-chart.ts';
import { COLORS, FONT_SIZES, LINE_HEIGHT, drawLabel, font, formatValue, measureText } from './render.ts';

export const POINT_RADIUS = 9;
const LABEL_GAP = 14;
const PREDICATE_SIZE = 22;

export function axes(chart: { scales: Record<string, Scale> }): { x: Scale; y: Scale } | null {
  const x = chart.scales['x'];
  const y = chart.scales['y'];
  return x && y ? { x, y } : null;
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
export function valueLabels(points: readonly TrendChartPoint[]): Plugin<'line'> {
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
