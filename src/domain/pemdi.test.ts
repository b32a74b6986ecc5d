// PermenPANRB 8/2026 as the shipped catalogue and the value rules implement it: the
// regulation's own worked examples, decimal values, bands at the cut points, external indices.
import { describe, expect, it } from 'vitest';
import { shippedFramework } from '../../tests/support/frameworks.ts';
import { combineGroups, computeIndex } from './index-calculation.ts';
import { formatFraction } from './numbers.ts';
import { bandOfValue, formatValue, levelOfValue, nextWholeValue, parseExternalValue, parseIndicatorValue } from './values.ts';

const pemdi = shippedFramework('pemdi-2026');
const spbe = shippedFramework('spbe-2020');
const allAt = (value: number) => new Map(pemdi.indicators.map((i) => [i.no, value]));

describe('the Pemdi catalogue from the regulation', () => {
  it('has 7 aspects and 20 indicators with the weights of Tabel 1 (indicator 13 at 5 %)', () => {
    expect(pemdi.provisional).toBe(false);
    expect(pemdi.domains).toEqual([]);
    expect(pemdi.aspects.map((a) => a.weight / 100)).toEqual([10, 10, 15, 15, 10, 15, 25]);
    expect(pemdi.indicators.map((i) => i.weight / 100)).toEqual([5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15]);
    expect(pemdi.indicators[12]!.name).toBe('Tingkat Kematangan Aplikasi Pemdi');
    expect(pemdi.notes.some((n) => n.includes('indikator 13') && n.includes('5%'))).toBe(true);
  });

  it('cites the regulation and names each indicator with criteria, agencies and owning functions', () => {
    expect(pemdi.citation).toMatchObject({ enacted: '2026-06-01', promulgated: '2026-06-05', gazette: expect.stringContaining('Nomor 364') });
    for (const i of pemdi.indicators) {
      expect(i.criteria, `indikator ${i.no}`).toHaveLength(5);
      expect(i.guidingAgencies.length, `indikator ${i.no}`).toBeGreaterThan(0);
      expect(i.owningFunctions.length, `indikator ${i.no}`).toBeGreaterThan(0);
    }
    expect(pemdi.indicators[4]!.guidingAgencies).toEqual(['Bappenas']);
    expect(pemdi.predicates.map((p) => p.alias)).toEqual(['Merintis', 'Membangun', 'Berkembang', 'Melembaga', 'Unggul']);
    expect(pemdi.unconfirmed.length).toBeGreaterThan(0);
  });

  it('takes indicators 5–7 from SDI, SJIG and EPSS, and refers 10–12 to IKASANDI', () => {
    const codes = Object.fromEntries(pemdi.indicators.filter((i) => i.externalIndex).map((i) => [i.no, i.externalIndex!.code]));
    expect(codes).toEqual({ 5: 'SDI', 6: 'SJIG', 7: 'EPSS', 10: 'IKASANDI', 11: 'IKASANDI', 12: 'IKASANDI' });
    expect(pemdi.indicators[9]!.externalIndex!.derive).toBeNull();
  });
});

describe("the regulation's worked examples", () => {
  it('indicators 1 = 2,00 and 2 = 3,00 give aspect 1 = 2,50 (Tabel 2)', () => {
    const values = allAt(100);
    values.set(1, 200);
    values.set(2, 300);
    expect(formatFraction(computeIndex(pemdi, values).aspects[0]!.value!)).toBe('2,50');
  });

  it('aspects 2,60 / 3,50 / 1,20 / 3,50 / 2,50 / 2,40 / 3,50 give an index of 2,80 (Tabel 3)', () => {
    const aspects = [260, 350, 120, 350, 250, 240, 350];
    const total = combineGroups(aspects.map((v, i) => ({ value: { num: v, den: 100 }, weight: pemdi.aspects[i]!.weight })));
    expect(formatFraction(total)).toBe('2,80');
  });

  it('the same 2,80 comes from indicator values that give those aspects', () => {
    // Every indicator of an aspect at the aspect's value: the aspect index is that value.
    const values = new Map(pemdi.indicators.map((i) => [i.no, [260, 350, 120, 350, 250, 240, 350][i.aspectNo - 1]!]));
    const report = computeIndex(pemdi, values);
    expect(report.totalUnits).toBe(28_000);
    expect(report.predicate).toBe('Baik');
  });

  it('a decimal value moves the index by exactly its weight × the change (indicator 3: 0,05 × 0,26)', () => {
    const before = computeIndex(pemdi, allAt(100));
    const values = allAt(100);
    values.set(3, 126);
    const after = computeIndex(pemdi, values);
    expect(after.totalUnits! - before.totalUnits!).toBe(130); // 0,013 in units of 10 000
    expect(after.total).toEqual({ num: 1_013_000, den: 1_000_000 });
  });
});

describe('indicator values', () => {
  it.each([['1,26', 126], ['1.26', 126], ['2', 200], ['5,00', 500], ['1,00', 100], [' 3,5 ', 350]])('Pemdi accepts %s', (text, value) => {
    expect(parseIndicatorValue(pemdi, text)).toEqual({ ok: true, value });
  });

  it.each(['0,9', '5,01', '1,265', '0', 'abc', '', '1,2,3', '-1', '6'])('Pemdi refuses %j with a clear message', (text) => {
    const parsed = parseIndicatorValue(pemdi, text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain('1,00 sampai 5,00');
  });

  it.each(['1,26', '2,5', '0', '6'])('SPBE refuses %s: whole levels only', (text) => {
    const parsed = parseIndicatorValue(spbe, text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain('tingkat bulat 1 sampai 5');
  });

  it('SPBE accepts whole levels, also as a spreadsheet writes them', () => {
    expect(parseIndicatorValue(spbe, '4')).toEqual({ ok: true, value: 400 });
    expect(parseIndicatorValue(spbe, '4,0')).toEqual({ ok: true, value: 400 });
  });

  it('formats Pemdi with two decimals and SPBE as a whole level', () => {
    expect(formatValue(pemdi, 126)).toBe('1,26');
    expect(formatValue(pemdi, 300)).toBe('3,00');
    expect(formatValue(spbe, 300)).toBe('3');
  });

  it.each([
    [100, 1, 'Kurang'], [150, 1, 'Kurang'], [151, 2, 'Cukup'], [250, 2, 'Cukup'], [251, 3, 'Baik'],
    [350, 3, 'Baik'], [351, 4, 'Sangat Baik'], [400, 4, 'Sangat Baik'], [401, 5, 'Memuaskan'], [500, 5, 'Memuaskan'],
  ])('Pemdi value %i stands at level %i (%s), upper-inclusive like the predicates', (value, level, band) => {
    expect(levelOfValue(pemdi, value)).toBe(level);
    expect(bandOfValue(pemdi, value)?.name).toBe(band);
  });

  it('every whole value L is in band L, so a raise to the next whole value reaches the next level', () => {
    for (const level of [1, 2, 3, 4, 5]) expect(levelOfValue(pemdi, level * 100)).toBe(level);
    expect([126, 250, 300, 499, 500].map(nextWholeValue)).toEqual([200, 300, 400, 500, null]);
  });
});

describe('external indices', () => {
  const ext = (no: number) => pemdi.indicators.find((i) => i.no === no)!.externalIndex!;

  it.each([
    ['0', 100], ['12,49', 100], ['12,5', 200], ['37,5', 300], ['58,3', 300], ['62,5', 400], ['74,99', 400], ['75', 500], ['100', 500],
  ])('SDI %s gives indicator 5 the value %i (lower-inclusive cut points)', (text, derived) => {
    expect(parseExternalValue(ext(5), text)).toMatchObject({ ok: true, derived });
  });

  it('SDI keeps its own value beside the derived one', () => {
    expect(parseExternalValue(ext(5), '58,3')).toEqual({ ok: true, raw: 5_830, derived: 300 });
  });

  it.each([['1,79', 100], ['1,8', 200], ['2,6', 300], ['3,49', 300], ['3,5', 400], ['4,2', 500]])('EPSS %s gives indicator 7 the value %i', (text, derived) => {
    expect(parseExternalValue(ext(7), text)).toMatchObject({ ok: true, derived });
  });

  it('SJIG shares the 1–5 scale: its value is the indicator value', () => {
    expect(parseExternalValue(ext(6), '3,27')).toEqual({ ok: true, raw: 327, derived: 327 });
    expect(parseExternalValue(ext(6), '0,5').ok).toBe(false);
  });

  it('IKASANDI is a reference: recorded, nothing derived', () => {
    expect(parseExternalValue(ext(10), '70')).toEqual({ ok: true, raw: 7_000, derived: null });
  });

  it.each(['101', '-1', 'x', '58,333'])('SDI refuses %s', (text) => {
    const parsed = parseExternalValue(ext(5), text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain('SDI');
  });
});
