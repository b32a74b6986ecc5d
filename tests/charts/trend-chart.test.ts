// The trend chart is checked on its pixels: the promised size, not blank, a line that rises where
// the index rises, a provisional year drawn differently, the bands painted per year (a change of
// framework shows as a step), and a picture even without any year.
import { describe, expect, it } from 'vitest';
import { COLORS } from '../../src/charts/render.ts';
import { renderTrendChart } from '../../src/charts/trend-chart.ts';
import type { TrendChartInput, TrendChartPoint } from '../../src/charts/trend-chart.ts';
import { decode, near, pixelAt, pngSize, profile, stats } from '../support/png-pixels.ts';

const SPBE_BANDS = [
  { name: 'Kurang', min: 1, max: 1.8 },
  { name: 'Cukup', min: 1.8, max: 2.6 },
  { name: 'Baik', min: 2.6, max: 3.5 },
  { name: 'Sangat Baik', min: 3.5, max: 4.2 },
  { name: 'Memuaskan', min: 4.2, max: 5 },
];

const PEMDI_BANDS = [
  { name: 'Kurang', min: 1, max: 1.5 },
  { name: 'Cukup', min: 1.5, max: 2.5 },
  { name: 'Baik', min: 2.5, max: 3.5 },
  { name: 'Sangat Baik', min: 3.5, max: 4 },
  { name: 'Memuaskan', min: 4, max: 5 },
];

const PASER: TrendChartPoint[] = (
  [
    [2018, 1.85, 'Cukup'],
    [2019, 1.69, 'Kurang'],
    [2020, 1.69, 'Kurang'],
    [2021, 1.36, 'Kurang'],
    [2022, 2.13, 'Cukup'],
    [2023, 2.9, 'Baik'],
    [2024, 3.27, 'Baik'],
  ] as const
).map(([year, value, predicate]) => ({ year, value, predicate, bands: SPBE_BANDS, provisional: false }));

const INPUT: TrendChartInput = {
  title: 'Perkembangan Indeks SPBE 2018–2024',
  subtitle: 'Pemerintah Kabupaten Paser',
  points: PASER,
  target: 3.5,
};

describe('renderTrendChart', () => {
  it('renders a 1000×625 PNG by default, and the size asked for', async () => {
    expect(pngSize(await renderTrendChart(INPUT))).toEqual({ width: 1000, height: 625 });
    expect(pngSize(await renderTrendChart(INPUT, { width: 800, height: 500 }))).toEqual({ width: 800, height: 500 });
  });

  it('draws something: many colours, a good share of non-white pixels, an opaque white corner', async () => {
    const p = await decode(await renderTrendChart(INPUT));
    const s = stats(p);
    expect(s.distinct).toBeGreaterThan(50);
    expect(s.nonWhite / (p.width * p.height)).toBeGreaterThan(0.3);
    expect(p.data[3]).toBe(255);
    expect(pixelAt(p, 0, p.height - 1)).toEqual([255, 255, 255]);
  });

  it('draws the line higher where the index is higher', async () => {
    const rising = await decode(
      await renderTrendChart({
        ...INPUT,
        target: null,
        points: [
          { year: 2023, value: 1.5, predicate: null, bands: SPBE_BANDS, provisional: false },
          { year: 2024, value: 4.5, predicate: null, bands: SPBE_BANDS, provisional: false },
        ],
      }),
    );
    const isLine = near(COLORS.bar, 8);
    const topmost = (from: number, to: number) => {
      for (let y = 0; y < rising.height; y++) {
        for (let x = from; x < to; x++) if (isLine(pixelAt(rising, x, y))) return y;
      }
      return Infinity;
    };
    // Canvas y grows downwards: the 4,50 point's column reaches much higher than the 1,50 one's.
    expect(topmost(500, 820)).toBeLessThan(topmost(45, 300) - 150);
  });

  it('draws a provisional year differently: its point hollow and the segment to it dashed', async () => {
    const last = PASER.length - 1;
    const provisional = PASER.map((p, i) => (i === last ? { ...p, provisional: true } : p));
    const final = await decode(await renderTrendChart(INPUT));
    const marked = await decode(await renderTrendChart({ ...INPUT, points: provisional }));
    const isLine = near(COLORS.bar, 8);
    let lost = 0;
    for (let y = 0; y < final.height; y++) {
      for (let x = 0; x < final.width; x++) {
        if (isLine(pixelAt(final, x, y)) && !isLine(pixelAt(marked, x, y))) lost++;
      }
    }
    // The inside of the point (r ≈ 7 px) and the gaps of the dashes.
    expect(lost).toBeGreaterThan(200);
  });

  it('paints each year’s own bands, so a change of cut-offs shows as a step', async () => {
    const two = (second: typeof SPBE_BANDS): TrendChartInput => ({
      ...INPUT,
      target: null,
      points: [
        { year: 2025, value: 3, predicate: 'Baik', bands: SPBE_BANDS, provisional: false },
        { year: 2026, value: 3.2, predicate: 'Baik', bands: second, provisional: false },
      ],
    });
    // Rows whose zone colour differs between the first year's column and the last year's, sampled
    // near the column edges where neither the line nor a value label reaches, under the heading.
    const rowsDiffering = async (input: TrendChartInput) => {
      const p = await decode(await renderTrendChart(input));
      let differing = 0;
      for (let y = 120; y < p.height; y++) {
        const a = pixelAt(p, 60, y);
        const b = pixelAt(p, 800, y);
        if (a.some((c, k) => Math.abs(c - (b[k] ?? 0)) > 6)) differing++;
      }
      return differing;
    };
    // SPBE 1,8 / 2,6 / 4,2 against Pemdi 1,5 / 2,5 / 4,0: about 0,6 of the 0–5 axis.
    expect(await rowsDiffering(two(PEMDI_BANDS))).toBeGreaterThan(30);
    expect(await rowsDiffering(two(SPBE_BANDS))).toBeLessThan(3);
  });

  it('draws the target as a horizontal dashed line only when there is one', async () => {
    const rows = async (target: number | null) => profile(await decode(await renderTrendChart({ ...INPUT, target })), near(COLORS.target, 30), 'y');
    const high = await rows(4.5);
    const low = await rows(2.5);
    expect(Math.max(...high)).toBeGreaterThan(300);
    expect(high.indexOf(Math.max(...high))).toBeLessThan(low.indexOf(Math.max(...low)));
    expect((await rows(null)).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('renders a single year', async () => {
    const png = await renderTrendChart({ ...INPUT, points: PASER.slice(-1) });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
    expect(profile(await decode(png), near(COLORS.bar, 8), 'x').reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
  });

  it('still renders a PNG, with a message and no line, when there is no year at all', async () => {
    const png = await renderTrendChart({ ...INPUT, points: [] });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
    const p = await decode(png);
    expect(stats(p).nonWhite).toBeGreaterThan(3000);
    expect(profile(p, near(COLORS.bar, 8), 'x').reduce((a, b) => a + b, 0)).toBe(0);
  });
});
