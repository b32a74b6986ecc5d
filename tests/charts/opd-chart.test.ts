// The OPD progress chart is checked on its pixels: the promised size, not blank, one stacked bar
// per OPD in the order given with segments as long as their counts, a cap with a note for long
// lists, and a picture with a message when there is nothing to show.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { MAX_OPD_ROWS, renderOpdChart } from '../../src/charts/opd-chart.ts';
import type { OpdChartInput, OpdChartRow } from '../../src/charts/opd-chart.ts';

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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

async function decode(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

function pixelAt(p: Pixels, x: number, y: number): [number, number, number] {
  const i = (y * p.width + x) * 4;
  return [p.data[i] ?? 0, p.data[i + 1] ?? 0, p.data[i + 2] ?? 0];
}

function near(hex: string, tolerance = 8): (rgb: [number, number, number]) => boolean {
  const n = parseInt(hex.slice(1), 16);
  const want = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return (rgb) => rgb.every((c, k) => Math.abs(c - (want[k] ?? 0)) <= tolerance);
}

function stats(p: Pixels): { distinct: number; nonWhite: number } {
  const colours = new Set<number>();
  let nonWhite = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const [r, g, b] = [p.data[i] ?? 0, p.data[i + 1] ?? 0, p.data[i + 2] ?? 0];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 245 || g < 245 || b < 245) nonWhite++;
  }
  return { distinct: colours.size, nonWhite };
}

/** Pixels of a colour per image row. */
function rowProfile(p: Pixels, hex: string): number[] {
  const isColour = near(hex);
  const counts = new Array<number>(p.height).fill(0);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) if (isColour(pixelAt(p, x, y))) counts[y]! += 1;
  }
  return counts;
}

/** Runs of rows holding a stretch of a colour, top to bottom: the legend swatch first, then the bars. */
function bars(p: Pixels, hex: string): { top: number; length: number }[] {
  const found: { top: number; length: number }[] = [];
  let current: { top: number; length: number } | null = null;
  rowProfile(p, hex).forEach((count, y) => {
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
