// The index of PermenPANRB 59/2020 (and the same weighted-sum method of Pemdi 8/2026):
//   IndeksAspek  = Σ(level × bobot indikator) / bobot aspek
//   IndeksDomain = Σ(IndeksAspek × bobot aspek) / bobot domain
//   Indeks       = Σ(IndeksDomain × bobot domain) / 100
// Weights are integer hundredths of a percent, so every index is an exact fraction of
// integers; the predicate is classified on that unrounded value (Tabel 13: an index shown as
// 3,50 may be 3,4975 and still "Baik").
import type { FrameworkDef, IndexUnits, PredicateBand } from './framework-types.ts';
import { WEIGHT_TOTAL } from './framework-types.ts';
import type { Fraction } from './numbers.ts';

/** indicator number → level 1..5 */
export type Levels = ReadonlyMap<number, number>;

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
  /** the total in units (× 10 000); always an integer because the weights total 10 000 */
  totalUnits: IndexUnits | null;
  predicate: string | null;
  domains: GroupIndex[];
  aspects: GroupIndex[];
  /** indicator numbers without a level, ascending */
  missing: number[];
}

/** Σ(level × weight) over the given indicators, or the missing ones. */
function weightedSum(weights: ReadonlyMap<number, number>, levels: Levels, nos: readonly number[]) {
  let sum = 0;
  const missing: number[] = [];
  for (const no of nos) {
    const level = levels.get(no);
    if (level === undefined) missing.push(no);
    else sum += level * weights.get(no)!;
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

function groupIndex(weights: ReadonlyMap<number, number>, levels: Levels, group: { no: number; name: string; weight: number }, nos: number[]): GroupIndex {
  const { sum, missing } = weightedSum(weights, levels, nos);
  return {
    no: group.no,
    name: group.name,
    weight: group.weight,
    value: missing.length === 0 ? { num: sum, den: group.weight } : null,
    missing,
  };
}

export function predicateOf(bands: readonly PredicateBand[], units: IndexUnits): string | null {
  const band = bands.find((b) => units >= b.min && (b.maxInclusive ? units <= b.max : units < b.max));
  return band?.name ?? null;
}

export function computeIndex(framework: FrameworkDef, levels: Levels): IndexReport {
  const weights = new Map(framework.indicators.map((i) => [i.no, i.weight]));
  const aspects = framework.aspects.map((a) => groupIndex(weights, levels, a, indicatorsOfAspect(framework, a.no)));
  const domains = framework.domains.map((d) => groupIndex(weights, levels, d, indicatorsOfDomain(framework, d.no)));
  const { sum, missing } = weightedSum(weights, levels, framework.indicators.map((i) => i.no));
  missing.sort((a, b) => a - b);
  const complete = missing.length === 0;
  return {
    total: complete ? { num: sum, den: WEIGHT_TOTAL } : null,
    totalUnits: complete ? sum : null,
    predicate: complete ? predicateOf(framework.predicates, sum) : null,
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

