// The OPD progress chart is checked on its pixels: the promised size, not blank, one stacked bar
// per OPD in the order given with segments as long as their counts, a cap with a note for long
// lists, and a picture with a message when there is nothing to show.
import { describe, expect, it } from 'vitest';
import { MAX_OPD_ROWS, renderOpdChart } from '../../src/charts/opd-chart.ts';
import type { OpdChartInput, OpdChartRow } from '../../src/charts/opd-chart.ts';
import { decode, near, pixelAt, pngSize, profile, stats } from '../support/png-pixels.ts';
import type { Pixels } from '../support/png-pixels.ts';

const DONE = '#009E73';
const OVERDUE = '#D55E00';

const PASER_ROWS: OpdChartRow[] = (
  [
    ['opd03', 1, 1, 1, 3],
    ['bappeda', 2, 0, 1, 3],
    ['opd04', 1, 0, 1, 3],
    ['diskominfo', 2, 0, 2, 2],
    ['opd05', 2, 0, 1, 2],
    ['opd06', 3, 0, 0, 2],
    ['opd12', 1, 1, 3, 1],
    ['opd08', 2, 1, 1, 1],
    ['opd07', 3, 1, 0, 1],
    ['opd10', 2, 1, 3, 0],
    ['opd11', 2, 1, 3, 0],
    ['opd09', 2, 1, 2, 0],
  ] as const
).map(([label, done, submitted, open, overdue]) => ({ label, done, submitted, open, overdue }));

const INPUT: OpdChartInput = { title: 'Progres checklist per OPD — 2024', subtitle: 'Pemerintah Kabupaten Paser', rows: PASER_ROWS };

/** Runs of rows holding a stretch of a colour, top to bottom: the legend swatch first, then the bars. */
function bars(p: Pixels, hex: string): { top: number; length: number }[] {
  const found: { top: number; length: number }[] = [];
  let current: { top: number; length: number } | null = null;
  profile(p, near(hex, 8), 'y').forEach((count, y) => {
    if (count > 20) {
      current ??= { top: y, length: 0 };
      current.length = Math.max(current.length, count);
    } else if (current) {
      found.push(current);
      current = null;
    }
  });
  if (current) found.push(current);
  return found;
}

describe('renderOpdChart', () => {
  it('renders 1000×625 for a few OPDs and exactly the size asked for', async () => {
    expect(pngSize(await renderOpdChart({ ...INPUT, rows: PASER_ROWS.slice(0, 3) }))).toEqual({ width: 1000, height: 625 });
    expect(pngSize(await renderOpdChart(INPUT, { width: 1000, height: 625 }))).toEqual({ width: 1000, height: 625 });
  });

  it('grows taller with the rows rather than squeezing them', async () => {
    const twelve = pngSize(await renderOpdChart(INPUT));
    const fifteen = pngSize(await renderOpdChart({ ...INPUT, rows: [...PASER_ROWS, ...PASER_ROWS.slice(0, 3)] }));
    expect(twelve.width).toBe(1000);
    expect(twelve.height).toBeGreaterThan(625);
    expect(fifteen.height).toBeGreaterThan(twelve.height);
  });

  it('draws something: many colours, a good share of non-white pixels, an opaque white corner', async () => {
    const p = await decode(await renderOpdChart(INPUT));
    const s = stats(p);
    expect(s.distinct).toBeGreaterThan(50);
    expect(s.nonWhite / (p.width * p.height)).toBeGreaterThan(0.2);
    expect(p.data[3]).toBe(255);
    expect(pixelAt(p, 0, 0)).toEqual([255, 255, 255]);
  });

  it('draws one bar per OPD in the order given, segments as long as their counts', async () => {
    const rows: OpdChartRow[] = [
      { label: 'opd-a', done: 0, submitted: 0, open: 0, overdue: 4 },
      { label: 'opd-b', done: 3, submitted: 0, open: 0, overdue: 1 },
      { label: 'opd-c', done: 4, submitted: 0, open: 0, overdue: 0 },
    ];
    const p = await decode(await renderOpdChart({ ...INPUT, rows }));
    // The legend swatches come first (top of the image); the bars follow, one per OPD.
    const late = bars(p, OVERDUE).slice(1);
    const done = bars(p, DONE).slice(1);
    expect(late).toHaveLength(2);
    expect(done).toHaveLength(2);
    // opd-a (only overdue) is above opd-b, which is above opd-c (only done).
    expect(late[0]!.top).toBeLessThan(done[0]!.top);
    expect(done[0]!.top).toBeLessThan(done[1]!.top);
    // opd-b: 3 done to 1 overdue; opd-c's 4 done as long as opd-a's 4 overdue.
    expect(done[0]!.length / late[1]!.length).toBeCloseTo(3, 0);
    expect(done[1]!.length / late[0]!.length).toBeCloseTo(1, 1);
  });

  it(`shows the first ${MAX_OPD_ROWS} OPDs and a note for the rest`, async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ label: `opd${i + 1}`, done: 2 + (i % 3), submitted: 1, open: 1, overdue: 0 }));
    const capped = await decode(await renderOpdChart({ ...INPUT, rows: many }));
    const exact = await decode(await renderOpdChart({ ...INPUT, rows: many.slice(0, MAX_OPD_ROWS) }));
    expect(bars(capped, DONE).slice(1)).toHaveLength(MAX_OPD_ROWS);
    // The note "+5 OPD lainnya" sits under the axis, starting in the bottom-left corner, left of
    // where the axis's "0" stands.
    const inkBottomLeft = (p: Pixels) => {
      let ink = 0;
      for (let y = p.height - 45; y < p.height; y++) {
        for (let x = 0; x < 80; x++) if (pixelAt(p, x, y)[0] < 160) ink++;
      }
      return ink;
    };
    expect(inkBottomLeft(capped)).toBeGreaterThan(100);
    expect(inkBottomLeft(exact)).toBe(0);
    expect(capped.height).toBeGreaterThan(exact.height);
    expect(bars(await decode(await renderOpdChart({ ...INPUT, rows: many }, { maxRows: 5 })), DONE).slice(1)).toHaveLength(5);
  });

  it('still renders a PNG with a message when there are no OPDs or no items', async () => {
    for (const rows of [[], PASER_ROWS.map((r) => ({ ...r, done: 0, submitted: 0, open: 0, overdue: 0 }))]) {
      const png = await renderOpdChart({ ...INPUT, rows });
      expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
      const p = await decode(png);
      expect(stats(p).nonWhite).toBeGreaterThan(3000);
      expect(bars(p, DONE)).toHaveLength(0);
    }
  });
});
