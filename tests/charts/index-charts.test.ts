// The index charts are checked on their pixels: a PNG of the promised size, not blank, bars whose
// lengths follow the values, and a target line where the target is. The Kaltim 2024 example is
// also written to <tmpdir>/spbe-charts/ so a person can look at it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import type { DomainChartInput, StageChartInput } from '../../src/charts/index-charts.ts';
import { COLORS, formatValue, wrapLabel } from '../../src/charts/render.ts';
import { decode, near, pixelAt, pngSize, profile, stats } from '../support/png-pixels.ts';
import type { Pixels } from '../support/png-pixels.ts';

const KALTIM_DOMAINS: DomainChartInput = {
  title: 'Indeks SPBE per Domain — Pemprov Kaltim 2024',
  subtitle: 'Penilaian akhir · Indeks 3,79 (Sangat Baik)',
  target: 3.5,
  bars: [
    { label: 'Kebijakan Internal SPBE', value: 3.7 },
    { label: 'Tata Kelola SPBE', value: 3.5 },
    { label: 'Manajemen SPBE', value: 2.82 },
    { label: 'Layanan SPBE', value: 4.32 },
  ],
};

const SPBE_BANDS = [
  { name: 'Kurang', min: 1, max: 1.8 },
  { name: 'Cukup', min: 1.8, max: 2.6 },
  { name: 'Baik', min: 2.6, max: 3.5 },
  { name: 'Sangat Baik', min: 3.5, max: 4.2 },
  { name: 'Memuaskan', min: 4.2, max: 5 },
];

const KALTIM_STAGES: StageChartInput = {
  title: 'Indeks SPBE per Tahap — Pemprov Kaltim 2024',
  target: 3.5,
  bands: SPBE_BANDS,
  stages: [
    { label: 'Mandiri', value: 4.35 },
    { label: 'Dokumen', value: 3.28 },
    { label: 'Interviu', value: 3.79 },
    { label: 'Akhir', value: 3.79 },
  ],
};

const SPBE_ASPECTS = [
  'Kebijakan Internal Tata Kelola SPBE',
  'Perencanaan Strategis SPBE',
  'Teknologi Informasi dan Komunikasi',
  'Penyelenggara SPBE',
  'Penerapan Manajemen SPBE',
  'Pelaksanaan Audit TIK',
  'Layanan Administrasi Pemerintahan Berbasis Elektronik',
  'Layanan Publik Berbasis Elektronik',
];

function argmax(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}

/**
 * Lengths of the bars, in the order they are drawn: runs of rows (horizontal bars) or columns
 * (vertical bars) holding bar-coloured pixels, each measured at its longest.
 */
function barLengths(p: Pixels, horizontalBars: boolean): number[] {
  const counts = profile(p, near(COLORS.bar, 8), horizontalBars ? 'y' : 'x');
  const lengths: number[] = [];
  let current = 0;
  for (const count of [...counts, 0]) {
    if (count > 0) current = Math.max(current, count);
    else if (current > 0) {
      lengths.push(current);
      current = 0;
    }
  }
  // A single stray pixel of the bar colour (anti-aliased text) is not a bar.
  return lengths.filter((l) => l > 20);
}

describe('chart helpers', () => {
  it('writes values with a decimal comma and two decimals', () => {
    expect(formatValue(3.5)).toBe('3,50');
    expect(formatValue(2.82)).toBe('2,82');
    expect(formatValue(3.79)).toBe('3,79');
    expect(formatValue(5)).toBe('5,00');
  });

  it('wraps long labels onto lines of at most 16 characters without losing words', () => {
    expect(wrapLabel('Kebijakan Internal SPBE')).toEqual(['Kebijakan', 'Internal SPBE']);
    const long = 'Layanan Administrasi Pemerintahan Berbasis Elektronik';
    const lines = wrapLabel(long);
    expect(lines.every((line) => line.length <= 16)).toBe(true);
    expect(lines.join(' ')).toBe(long);
    expect(wrapLabel('Data')).toEqual(['Data']);
  });
});

describe('renderDomainChart', () => {
  it('renders a 1000×625 PNG by default, and the size asked for', async () => {
    expect(pngSize(await renderDomainChart(KALTIM_DOMAINS))).toEqual({ width: 1000, height: 625 });
    expect(pngSize(await renderDomainChart(KALTIM_DOMAINS, { width: 800, height: 500 }))).toEqual({ width: 800, height: 500 });
  });

  it('draws something: many colours, a good share of non-white pixels, opaque white corners', async () => {
    const p = await decode(await renderDomainChart(KALTIM_DOMAINS));
    const s = stats(p);
    expect(s.distinct).toBeGreaterThan(20);
    expect(s.nonWhite / (p.width * p.height)).toBeGreaterThan(0.1);
    // The background is painted: a transparent PNG turns black in Telegram's dark theme.
    expect(p.data[3]).toBe(255);
    expect(pixelAt(p, 0, 0)).toEqual([255, 255, 255]);
  });

  it('draws bars whose lengths follow the values on an axis starting at 0', async () => {
    const p = await decode(await renderDomainChart(KALTIM_DOMAINS));
    const lengths = barLengths(p, true);
    expect(lengths).toHaveLength(4);
    const values = KALTIM_DOMAINS.bars.map((b) => b.value ?? 0);
    const pxPerUnit = (lengths[3] ?? 0) / (values[3] ?? 1);
    lengths.forEach((length, i) => expect(length / pxPerUnit).toBeCloseTo(values[i] ?? 0, 1));
  });

  it('draws the target as a vertical line, further right for a higher target, and not without one', async () => {
    const isTarget = near(COLORS.target, 30);
    const at = async (target: number | null) => profile(await decode(await renderDomainChart({ ...KALTIM_DOMAINS, target })), isTarget, 'x');
    const high = await at(3.5);
    const low = await at(2);
    const none = await at(null);
    // A dashed line down most of the plot: a few hundred pixels in one column.
    expect(Math.max(...high)).toBeGreaterThan(150);
    expect(argmax(low)).toBeLessThan(argmax(high));
    expect(none.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('still renders when no domain has a value yet', async () => {
    const png = await renderDomainChart({
      title: 'Indeks SPBE per Domain',
      target: null,
      bars: KALTIM_DOMAINS.bars.map((b) => ({ label: b.label, value: null })),
    });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
    const p = await decode(png);
    expect(barLengths(p, true)).toEqual([]);
    // Title, axis and the "belum dinilai" labels are still there.
    expect(stats(p).nonWhite).toBeGreaterThan(5000);
  });

  it('shows a missing value as an empty slot between the others', async () => {
    const bars = KALTIM_DOMAINS.bars.map((b, i) => ({ ...b, value: i === 1 ? null : b.value }));
    const p = await decode(await renderDomainChart({ ...KALTIM_DOMAINS, bars }));
    expect(barLengths(p, true)).toHaveLength(3);
  });

  it('grows taller for the eight SPBE aspects unless a height is given', async () => {
    const input: DomainChartInput = {
      title: 'Indeks SPBE per Aspek — Kabupaten Paser 2024',
      target: 3,
      bars: SPBE_ASPECTS.map((label, i) => ({ label, value: 2 + i * 0.3 })),
    };
    const grown = pngSize(await renderDomainChart(input));
    expect(grown.width).toBe(1000);
    expect(grown.height).toBeGreaterThan(625);
    expect(pngSize(await renderDomainChart(input, { height: 625 }))).toEqual({ width: 1000, height: 625 });
    expect(barLengths(await decode(await renderDomainChart(input)), true)).toHaveLength(8);
  });
});

describe('renderStageChart', () => {
  it('renders a 1000×625 PNG that is not blank', async () => {
    const png = await renderStageChart(KALTIM_STAGES);
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
    const s = stats(await decode(png));
    expect(s.distinct).toBeGreaterThan(20);
    expect(s.nonWhite).toBeGreaterThan(50_000);
  });

  it('draws one column per stage, heights following the values', async () => {
    const p = await decode(await renderStageChart(KALTIM_STAGES));
    const heights = barLengths(p, false);
    expect(heights).toHaveLength(4);
    const values = KALTIM_STAGES.stages.map((s) => s.value ?? 0);
    const pxPerUnit = (heights[0] ?? 0) / (values[0] ?? 1);
    heights.forEach((h, i) => expect(h / pxPerUnit).toBeCloseTo(values[i] ?? 0, 1));
  });

  it('draws the target as a horizontal line, higher for a higher target', async () => {
    const isTarget = near(COLORS.target, 30);
    const rows = async (target: number | null) => profile(await decode(await renderStageChart({ ...KALTIM_STAGES, target })), isTarget, 'y');
    const high = await rows(3.5);
    const low = await rows(2);
    expect(Math.max(...high)).toBeGreaterThan(300);
    // Canvas y grows downwards: the higher target is the smaller row.
    expect(argmax(high)).toBeLessThan(argmax(low));
    expect((await rows(null)).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('paints the predicate bands behind the columns only when asked', async () => {
    const withBands = stats(await decode(await renderStageChart(KALTIM_STAGES)));
    const without = stats(await decode(await renderStageChart({ ...KALTIM_STAGES, bands: undefined })));
    expect(withBands.nonWhite - without.nonWhite).toBeGreaterThan(100_000);
  });

  it('still renders with every stage missing', async () => {
    const png = await renderStageChart({
      ...KALTIM_STAGES,
      stages: ['Mandiri', 'Dokumen', 'Interviu', 'Visitasi', 'Akhir'].map((label) => ({ label, value: null })),
    });
    expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
    const p = await decode(png);
    expect(barLengths(p, false)).toEqual([]);
    expect(stats(p).nonWhite).toBeGreaterThan(5000);
  });
});

describe('the Kaltim 2024 example', () => {
  // Written for a person to look at (the files land in the temp folder). How fast they render is
  // measured in tests/bench/reports.bench.ts, not asserted here: a busy machine is not a regression.
  it('is written for a person to look at', async () => {
    const dir = join(tmpdir(), 'spbe-charts');
    mkdirSync(dir, { recursive: true });
    const [domains, stages] = [await renderDomainChart(KALTIM_DOMAINS), await renderStageChart(KALTIM_STAGES)];
    writeFileSync(join(dir, 'kaltim-2024-domains.png'), domains);
    writeFileSync(join(dir, 'kaltim-2024-stages.png'), stages);
    expect([domains.subarray(1, 4).toString(), stages.subarray(1, 4).toString()]).toEqual(['PNG', 'PNG']);
  });
});
