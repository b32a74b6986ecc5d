// The report's four charts from the Paser fixture model: four PNGs of the promised sizes, none
// blank, the right number of bars, a provisional year drawn as such, and the OPD segments counting
// each item once. The PNGs are also written to <tmpdir>/spbe-charts/ for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opdChartRows, renderReportCharts } from '../../src/charts/report-charts.ts';
import { COLORS } from '../../src/charts/render.ts';
import { buildReport } from '../../src/domain/report.ts';
import { shippedFramework } from '../support/frameworks.ts';
import { decode, near, pngSize, profile, stats } from '../support/png-pixels.ts';
import type { Pixels } from '../support/png-pixels.ts';
import { paserLevels, paserReportInput } from '../support/report-fixture.ts';

/** Runs of image rows ('y') or columns ('x') holding more than 20 pixels of the bar colour. */
function barRuns(p: Pixels, axis: 'x' | 'y'): number {
  let runs = 0;
  let inRun = false;
  for (const count of profile(p, near(COLORS.bar, 8), axis)) {
    if (count > 20 && !inRun) runs++;
    inRun = count > 20;
  }
  return runs;
}

describe('renderReportCharts', () => {
  it('renders the four charts of the Paser report, none of them blank', async () => {
    const charts = await renderReportCharts(buildReport(paserReportInput()));
    expect(Object.keys(charts).sort()).toEqual(['domains', 'opds', 'stages', 'trend']);
    expect(pngSize(charts.domains)).toEqual({ width: 1000, height: 625 });
    expect(pngSize(charts.stages)).toEqual({ width: 1000, height: 625 });
    expect(pngSize(charts.trend)).toEqual({ width: 1000, height: 625 });
    // Twelve OPDs need more than 625 px at a readable row height.
    const opds = pngSize(charts.opds);
    expect(opds.width).toBe(1000);
    expect(opds.height).toBeGreaterThan(625);
    for (const png of Object.values(charts)) {
      const p = await decode(png);
      const s = stats(p);
      expect(s.distinct).toBeGreaterThan(50);
      expect(s.nonWhite / (p.width * p.height)).toBeGreaterThan(0.1);
    }
    const dir = join(tmpdir(), 'spbe-charts');
    mkdirSync(dir, { recursive: true });
    for (const [name, png] of Object.entries(charts)) writeFileSync(join(dir, `paser-2024-${name}.png`), png);
  });

  it('draws a bar per SPBE domain and a column per stage that has an index', async () => {
    const model = buildReport(paserReportInput());
    const charts = await renderReportCharts(model);
    expect(barRuns(await decode(charts.domains), 'y')).toBe(4);
    expect(model.stages.map((s) => s.stage)).toEqual(['mandiri', 'dokumen', 'final']);
    expect(barRuns(await decode(charts.stages), 'x')).toBe(3);
  });

  it('draws Pemdi, which has no domains, per aspect', async () => {
    const pemdi = shippedFramework('pemdi-2026');
    const levels = new Map(pemdi.indicators.map((i) => [i.no, (1 + (i.no % 5)) * 100]));
    const model = buildReport({ ...paserReportInput(), year: 2026, framework: pemdi, recorded: new Map([['dokumen', levels]]) });
    const domains = await decode((await renderReportCharts(model)).domains);
    expect(barRuns(domains, 'y')).toBe(pemdi.aspects.length);
  });

  it('draws this year differently while it is provisional', async () => {
    const final = buildReport(paserReportInput());
    const levels = paserLevels();
    levels.delete('final');
    // Same index as the final result, only the stage differs: the picture must still change.
    levels.set('dokumen', paserLevels().get('final')!);
    const provisional = buildReport({ ...paserReportInput(), recorded: levels });
    expect(provisional.trend.at(-1)).toMatchObject({ year: 2024, provisional: true, stage: 'dokumen', totalUnits: final.trend.at(-1)!.totalUnits });
    const a = (await renderReportCharts(final)).trend;
    const b = (await renderReportCharts(provisional)).trend;
    expect(pngSize(b)).toEqual({ width: 1000, height: 625 });
    expect(a.equals(b)).toBe(false);
  });

  it('counts each checklist item once in the OPD bars, an overdue submission as overdue', () => {
    const model = buildReport(paserReportInput());
    const rows = opdChartRows(model);
    expect(rows.map((r) => r.label)).toEqual(model.opds.map((o) => o.code));
    model.opds.forEach((opd, i) => {
      const row = rows[i]!;
      expect(row.done + row.submitted + row.open + row.overdue).toBe(opd.total);
      expect(row.overdue).toBe(opd.overdue);
    });
    // The fixture has submitted items past their due date: they count as late, not as submitted.
    expect(rows.reduce((n, r) => n + r.submitted, 0)).toBeLessThan(model.opds.reduce((n, o) => n + o.submitted, 0));
  });

  it('still renders all four before any level, history or OPD exists', async () => {
    const model = buildReport({ ...paserReportInput({ opds: 0, history: false }), recorded: new Map() });
    const charts = await renderReportCharts(model);
    for (const png of Object.values(charts)) {
      expect(pngSize(png)).toEqual({ width: 1000, height: 625 });
      expect(stats(await decode(png)).nonWhite).toBeGreaterThan(3000);
    }
  });
});
