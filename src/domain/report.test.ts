import { describe, expect, it } from 'vitest';
import { shippedFramework } from '../../tests/support/frameworks.ts';
import { paserReportInput } from '../../tests/support/report-fixture.ts';
import { bandsOfYear, buildReport, topRaises } from './report.ts';
import type { IndicatorRow } from './report.ts';

const spbe = shippedFramework('spbe-2020');
const pemdi = shippedFramework('pemdi-2026');

describe('buildReport', () => {
  const model = buildReport(paserReportInput());

  it('heads with the latest stage and the published Paser 2024 result', () => {
    expect(model.headlineStage).toBe('final');
    expect(model.headline?.totalUnits).toBe(32_670);
    expect(model.headline?.predicate).toBe('Baik');
    expect(model.previous).toEqual({ stage: 'dokumen', totalUnits: model.stages[1]!.report.totalUnits });
    expect(model.stages.map((s) => s.stage)).toEqual(['mandiri', 'dokumen', 'final']);
  });

  it('gives each indicator its contribution; together they are the index', () => {
    const sum = model.indicators.reduce((s, i) => s + i.contributionUnits!, 0);
    expect(sum).toBe(32_670);
    const one = model.indicators.find((i) => i.value === 300)!;
    expect(one.contributionUnits).toBe(3 * one.weight);
    expect(one.nextValue).toBe(400);
    expect(one.gainUnits).toBe(one.weight);
  });

  it('picks five distinct raises, heaviest first, none of an indicator already at 5', () => {
    expect(model.raises).toHaveLength(5);
    expect(new Set(model.raises.map((r) => r.no)).size).toBe(5);
    const gains = model.raises.map((r) => r.gainUnits);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    const heaviestOpen = Math.max(...model.indicators.filter((i) => i.value! < 500).map((i) => i.weight));
    expect(gains[0]).toBe(heaviestOpen);
    expect(model.raises.every((r) => r.value! < 500)).toBe(true);
  });

  it('ranks OPDs by overdue items, counting an item due today as not overdue', () => {
    const input = paserReportInput();
    const first = input.items[0]!;
    const report = buildReport({
      ...input,
      items: [
        { ...first, id: 1, opdCode: 'bappeda', status: 'belum', due: '2024-10-14' },
        { ...first, id: 2, opdCode: 'bappeda', status: 'proses', due: '2024-10-15' },
        { ...first, id: 3, opdCode: 'diskominfo', status: 'selesai', due: '2024-01-01' },
        { ...first, id: 4, opdCode: 'diskominfo', status: 'diajukan', due: '2024-10-01' },
        { ...first, id: 5, opdCode: 'diskominfo', status: 'revisi', due: '2024-10-01' },
      ],
    });
    expect(report.opds.slice(0, 2).map((o) => [o.code, o.overdue, o.open, o.done])).toEqual([
      ['diskominfo', 2, 2, 1],
      ['bappeda', 1, 2, 0],
    ]);
    expect(report.items.filter((i) => i.overdue).map((i) => i.id).sort()).toEqual([1, 4, 5]);
  });

  it('adds this year to the trend, provisional until the final stage', () => {
    expect(model.trend.at(-1)).toMatchObject({ year: 2024, totalUnits: 32_670, provisional: false, stage: 'final' });
    const input = paserReportInput();
    const recorded = new Map(input.recorded);
    recorded.delete('final');
    const early = buildReport({ ...input, recorded });
    expect(early.trend.at(-1)).toMatchObject({ year: 2024, provisional: true, stage: 'dokumen' });
  });

  it('prefers an official result of this year over its own computation', () => {
    const input = paserReportInput();
    const official = { year: 2024, totalUnits: 32_700, predicate: 'Baik', frameworkCode: 'spbe-2020', domains: [], source: 'LHE' };
    const report = buildReport({ ...input, history: [...input.history, official] });
    expect(report.trend.at(-1)).toMatchObject({ year: 2024, totalUnits: 32_700, provisional: false });
  });

  it('computes a missing past predicate from the bands of that year', () => {
    const input = paserReportInput();
    const report = buildReport({ ...input, history: [{ year: 2019, totalUnits: 18_000, predicate: null, frameworkCode: null, domains: [], source: null }] });
    expect(report.trend[0]!.predicate).toBe('Cukup');
  });
});

describe('bandsOfYear', () => {
  it('uses the framework in force, and the earliest one before any', () => {
    expect(bandsOfYear([spbe, pemdi], 2024)?.code).toBe('spbe-2020');
    expect(bandsOfYear([spbe, pemdi], 2026)?.code).toBe('pemdi-2026');
    expect(bandsOfYear([spbe, pemdi], 2018)?.code).toBe('spbe-2020');
    expect(bandsOfYear([spbe, pemdi], 2024, 'pemdi-2026')?.code).toBe('pemdi-2026');
  });

  it('classifies 2,55 differently under SPBE (Cukup) and Pemdi (Baik), and 2,50 as Cukup in both', () => {
    const at = (units: number) => buildReport({
      ...paserReportInput(),
      history: [
        { year: 2025, totalUnits: units, predicate: null, frameworkCode: null, domains: [], source: null },
        { year: 2026, totalUnits: units, predicate: null, frameworkCode: null, domains: [], source: null },
      ],
    }).trend.filter((p) => p.year >= 2025).map((p) => p.predicate);
    expect(at(25_500)).toEqual(['Cukup', 'Baik']);
    // Pemdi reads its cut points upper-inclusive: 2,50 is still Cukup, as SPBE's 2,5 < 2,6 is.
    expect(at(25_000)).toEqual(['Cukup', 'Cukup']);
  });
});

describe('topRaises', () => {
  const row = (no: number, weight: number, level: number | null): IndicatorRow => ({
    no, name: `I${no}`, aspectNo: 1, aspectName: 'A', domainNo: 1, domainName: 'D', weight,
    values: { mandiri: null, dokumen: null, interviu: null, visitasi: null, final: level === null ? null : level * 100 },
    value: level === null ? null : level * 100, contributionUnits: level === null ? null : level * weight,
    nextValue: level === null || level >= 5 ? null : (level + 1) * 100, gainUnits: level === null || level >= 5 ? 0 : weight, owners: [],
  });

  it('breaks ties by the lower level, then the lower number', () => {
    const rows = [row(1, 200, 4), row(2, 200, 2), row(3, 300, 5), row(4, 200, 2), row(5, 100, 1), row(6, 250, null)];
    expect(topRaises(rows, 3).map((r) => r.no)).toEqual([2, 4, 1]);
  });
});
