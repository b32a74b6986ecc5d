import { describe, expect, it } from 'vitest';
import { combineGroups, computeIndex, predicateOf } from './index-calculation.ts';
import { formatFraction } from './numbers.ts';
import { fixtureValues, shippedFramework } from '../../tests/support/frameworks.ts';

const spbe = shippedFramework('spbe-2020');
const pemdi = shippedFramework('pemdi-2026');

function shown(report: ReturnType<typeof computeIndex>) {
  return {
    total: report.total && formatFraction(report.total),
    predicate: report.predicate,
    domains: report.domains.map((d) => d.value && formatFraction(d.value)),
  };
}

describe('the index of PermenPANRB 59/2020', () => {
  it("reproduces the regulation's worked example (Tabel 12): 3,70 / 3,40 / 3,00 / 3,20 → 3,28", () => {
    const domainValues = [370, 340, 300, 320].map((v) => ({ num: v, den: 100 }));
    const total = combineGroups(domainValues.map((value, i) => ({ value, weight: spbe.domains[i]!.weight })));
    expect(total.num / total.den).toBeCloseTo(3.282, 10);
    expect(formatFraction(total)).toBe('3,28');
  });

  it.each([
    ['kaltim-2024-final.csv', ['3,70', '3,50', '2,82', '4,32'], '3,79', 'Sangat Baik'],
    ['paser-2024-final.csv', ['3,90', '3,00', '2,36', '3,56'], '3,27', 'Baik'],
    ['paser-2023-final.csv', ['3,00', '2,60', '2,00', '3,37'], '2,90', 'Baik'],
  ])('levels of %s give the official domains %j → %s %s', (file, domains, total, predicate) => {
    const report = computeIndex(spbe, fixtureValues(file));
    expect(shown(report)).toEqual({ total, predicate, domains });
    expect(report.missing).toEqual([]);
  });

  it('computes aspect indices as the weighted mean of their own indicators', () => {
    const levels = new Map(spbe.indicators.map((i) => [i.no, 100]));
    for (const no of [11, 12, 13, 14]) levels.set(no, no === 11 ? 500 : 200); // aspek 2: (5+2+2+2)/4
    const report = computeIndex(spbe, levels);
    expect(formatFraction(report.aspects.find((a) => a.no === 2)!.value!)).toBe('2,75');
    expect(formatFraction(report.aspects.find((a) => a.no === 1)!.value!)).toBe('1,00');
  });

  it('reports the missing indicators instead of an index when some have no level', () => {
    const levels = fixtureValues('kaltim-2024-final.csv');
    levels.delete(42);
    levels.delete(7);
    const report = computeIndex(spbe, levels);
    expect(report.total).toBeNull();
    expect(report.predicate).toBeNull();
    expect(report.missing).toEqual([7, 42]);
    expect(report.domains.map((d) => d.value === null)).toEqual([true, false, false, true]);
    expect(report.domains[3]!.missing).toEqual([42]);
  });
});

describe('predicates on the unrounded value', () => {
  const bands = spbe.predicates;
  it.each([
    [17_975, 'Kurang'], [17_999, 'Kurang'], [18_000, 'Cukup'],
    [25_975, 'Cukup'], [25_999, 'Cukup'], [26_000, 'Baik'],
    [34_975, 'Baik'], [34_999, 'Baik'], [35_000, 'Sangat Baik'],
    [41_975, 'Sangat Baik'], [41_999, 'Sangat Baik'], [42_000, 'Memuaskan'],
    [10_000, 'Kurang'], [50_000, 'Memuaskan'],
  ])('SPBE: %i units is %s', (units, name) => {
    expect(predicateOf(bands, units)).toBe(name);
  });

  it('an index shown as 3,50 that was 3,4975 stays Baik, through the whole engine', () => {
    // All at 3 (30 000 units), 42–47 at 5 (+3 600), 32 at 4 (+275), 11–12 at 4 (+500),
    // 21–24 at 4 (+600): exactly 34 975 units.
    const levels = new Map(spbe.indicators.map((i) => [i.no, 300]));
    for (const no of [42, 43, 44, 45, 46, 47]) levels.set(no, 500);
    for (const no of [32, 11, 12, 21, 22, 23, 24]) levels.set(no, 400);
    const report = computeIndex(spbe, levels);
    expect(report.totalUnits).toBe(34_975);
    expect(formatFraction(report.total!)).toBe('3,50');
    expect(report.predicate).toBe('Baik');
    levels.set(33, 400); // +275 → 35 250
    expect(computeIndex(spbe, levels).predicate).toBe('Sangat Baik');
  });

  // PermenPANRB 8/2026 Tabel 4 prints "<" on both sides; read upper-inclusive as its assessors do.
  it.each([
    [10_000, 'Kurang'], [14_900, 'Kurang'], [15_000, 'Kurang'], [15_001, 'Cukup'], [15_100, 'Cukup'],
    [24_900, 'Cukup'], [25_000, 'Cukup'], [25_001, 'Baik'], [25_100, 'Baik'],
    [34_900, 'Baik'], [35_000, 'Baik'], [35_001, 'Sangat Baik'], [35_100, 'Sangat Baik'],
    [39_900, 'Sangat Baik'], [40_000, 'Sangat Baik'], [40_001, 'Memuaskan'], [40_100, 'Memuaskan'], [50_000, 'Memuaskan'],
  ])('Pemdi (upper-inclusive): %i units is %s', (units, name) => {
    expect(predicateOf(pemdi.predicates, units)).toBe(name);
  });

  it('Pemdi has no domains: the index comes from its 7 aspects', () => {
    const report = computeIndex(pemdi, new Map(pemdi.indicators.map((i) => [i.no, 300])));
    expect(report.domains).toEqual([]);
    expect(report.aspects).toHaveLength(7);
    expect(formatFraction(report.total!)).toBe('3,00');
    expect(report.predicate).toBe('Baik');
  });
});
