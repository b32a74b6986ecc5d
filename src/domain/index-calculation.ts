// The index of PermenPANRB 59/2020 (and the same weighted-sum method of Pemdi 8/2026, whose
// indicator values are decimals 1,00–5,00 instead of whole levels):
//   IndeksAspek  = Σ(nilai × bobot indikator) / bobot aspek
//   IndeksDomain = Σ(IndeksAspek × bobot aspek) / bobot domain
//   Indeks       = Σ(IndeksDomain × bobot domain) / 100
// Weights are integer hundredths of a percent and values integer hundredths, so every index is
// an exact fraction of integers; the predicate is classified on that unrounded value (Tabel 13: an index shown as
// 3,50 may be 3,4975 and still "Baik").
import type { FrameworkDef, IndexUnits, PredicateBand, ValueHundredths } from './framework-types.ts';
import { VALUE_SCALE, WEIGHT_TOTAL } from './framework-types.ts';
import type { Fraction } from './numbers.ts';
import { bandContains } from './values.ts';

/** indicator number → value in hundredths (SPBE level 3 → 300; Pemdi 1,26 → 126) */
export type IndicatorValues = ReadonlyMap<number, ValueHundredths>;

export interface GroupIndex {
  no: number;
  name: string;
  weight: number;
  /** exact index of the group, null while any of its indicators has no level */
  value: Fraction | null;
  missing: number[];
}

export interface IndexReport {
  /** exact total, null while any indicator has no level */
  total: Fraction | null;
  /**
   * the total in units (× 10 000): Σ(value × weight) / 100, an integer because SPBE values are
   * whole and a decimal-valued framework has weights in whole percent (checked on loading)
   */
  totalUnits: IndexUnits | null;
  predicate: string | null;
  domains: GroupIndex[];
  aspects: GroupIndex[];
  /** indicator numbers without a level, ascending */
  missing: number[];
}

/** Σ(value × weight) over the given indicators, or the missing ones. */
function weightedSum(weights: ReadonlyMap<number, number>, values: IndicatorValues, nos: readonly number[]) {
  let sum = 0;
  const missing: number[] = [];
  for (const no of nos) {
    const value = values.get(no);
    if (value === undefined) missing.push(no);
    else sum += value * weights.get(no)!;
  }
  return { sum, missing };
}

function indicatorsOfAspect(framework: FrameworkDef, aspectNo: number): number[] {
  return framework.indicators.filter((i) => i.aspectNo === aspectNo).map((i) => i.no);
}

function indicatorsOfDomain(framework: FrameworkDef, domainNo: number): number[] {
  const aspects = framework.aspects.filter((a) => a.domainNo === domainNo).map((a) => a.no);
  return framework.indicators.filter((i) => aspects.includes(i.aspectNo)).map((i) => i.no);
}

function groupIndex(weights: ReadonlyMap<number, number>, values: IndicatorValues, group: { no: number; name: string; weight: number }, nos: number[]): GroupIndex {
  const { sum, missing } = weightedSum(weights, values, nos);
  return {
    no: group.no,
    name: group.name,
    weight: group.weight,
    value: missing.length === 0 ? { num: sum, den: group.weight * VALUE_SCALE } : null,
    missing,
  };
}

export function predicateOf(bands: readonly PredicateBand[], units: IndexUnits): string | null {
  return bands.find((b) => bandContains(b, units))?.name ?? null;
}

export function computeIndex(framework: FrameworkDef, values: IndicatorValues): IndexReport {
  const weights = new Map(framework.indicators.map((i) => [i.no, i.weight]));
  const aspects = framework.aspects.map((a) => groupIndex(weights, values, a, indicatorsOfAspect(framework, a.no)));
  const domains = framework.domains.map((d) => groupIndex(weights, values, d, indicatorsOfDomain(framework, d.no)));
  const { sum, missing } = weightedSum(weights, values, framework.indicators.map((i) => i.no));
  missing.sort((a, b) => a - b);
  const complete = missing.length === 0;
  const units = sum / VALUE_SCALE;
  return {
    total: complete ? { num: sum, den: WEIGHT_TOTAL * VALUE_SCALE } : null,
    totalUnits: complete ? units : null,
    predicate: complete ? predicateOf(framework.predicates, units) : null,
    domains,
    aspects,
    missing,
  };
}

/**
 * The regulation's last step on its own: the index from domain (or aspect) indices and their
 * weights, e.g. Tabel 12's 3,70 / 3,40 / 3,00 / 3,20 with 13 / 25 / 16,5 / 45,5 → 3,282.
 */
export function combineGroups(parts: ReadonlyArray<{ value: Fraction; weight: number }>): Fraction {
  // Σ(v·w) over a common denominator: the product of distinct denominators stays small here.
  const den = parts.reduce((d, p) => (d % p.value.den === 0 ? d : d * p.value.den), 1);
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
  const num = parts.reduce((s, p) => s + p.value.num * (den / p.value.den) * p.weight, 0);
  return { num, den: den * totalWeight };
}

