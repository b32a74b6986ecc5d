// A chart's legend: swatches (a bar's square, a line's point, hollow when provisional) and
// labels, wrapped into centred rows under the heading.
import { COLORS, EDGE, FONT_SIZES, drawLabel, font, measureText } from './render.ts';
import type { ChartContext } from './render.ts';

export interface LegendEntry {
  label: string;
  color: string;
  /** a square (a bar's colour) or a round point (a line's) */
  shape?: 'square' | 'point';
  /** drawn as an outline only */
  hollow?: boolean;
}

const SWATCH = 26;
const LEGEND_GAP = 32;

/** Legend rows (entries that fit the width side by side), each row's total width. */
function legendRows(entries: readonly LegendEntry[], maxWidth: number): { entries: LegendEntry[]; width: number }[] {
  const css = font(FONT_SIZES.label);
  const rows: { entries: LegendEntry[]; width: number }[] = [];
  for (const entry of entries) {
    const w = SWATCH + 10 + measureText(entry.label, css);
    const row = rows.at(-1);
    if (row && row.width + LEGEND_GAP + w <= maxWidth) {
      row.entries.push(entry);
      row.width += LEGEND_GAP + w;
    } else rows.push({ entries: [entry], width: w });
  }
  return rows;
}

/** Height a legend takes at this width (chart.js's Legend plugin reaches for the DOM, so charts draw their own). */
export function legendHeight(entries: readonly LegendEntry[], width: number): number {
  return legendRows(entries, width - 2 * EDGE).length * FONT_SIZES.label * 1.6;
}

/** Draws the legend centred, from `top` down: a colour swatch and a label per entry. */
export function drawLegend(ctx: ChartContext, entries: readonly LegendEntry[], top: number, width: number): void {
  const css = font(FONT_SIZES.label);
  const rowHeight = FONT_SIZES.label * 1.6;
  legendRows(entries, width - 2 * EDGE).forEach((row, r) => {
    let x = (width - row.width) / 2;
    const y = top + r * rowHeight + rowHeight / 2;
    for (const entry of row.entries) {
      ctx.save();
      ctx.beginPath();
      if (entry.shape === 'point') ctx.arc(x + SWATCH / 2, y, SWATCH / 2 - 3, 0, 2 * Math.PI);
      else ctx.rect(x + 2, y - SWATCH / 2 + 2, SWATCH - 4, SWATCH - 4);
      ctx.fillStyle = entry.hollow ? COLORS.background : entry.color;
      ctx.fill();
      ctx.strokeStyle = entry.color;
      ctx.lineWidth = entry.hollow ? 4 : 2;
      ctx.stroke();
      ctx.restore();
      drawLabel(ctx, entry.label, x + SWATCH + 10, y, { font: css, color: COLORS.text, plate: false });
      x += SWATCH + 10 + measureText(entry.label, css) + LEGEND_GAP;
    }
  });
}
