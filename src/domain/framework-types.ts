// In-memory shape of an evaluation framework (SPBE 59/2020, Pemdi 8/2026, …) once its data file
// has been parsed and validated. Every number is an exact integer so that the index can be
// computed without binary floating point (PermenPANRB 59/2020 weights have two decimals).

/** Weights are in hundredths of a percent: 1,30 % → 130; a whole framework sums to 10 000. */
export type WeightUnits = number;

/** An index value times 10 000 (3,4975 → 34 975). Σ(level × weight units) is exactly this. */
export type IndexUnits = number;

export const WEIGHT_TOTAL: WeightUnits = 10_000;
export const INDEX_SCALE = 10_000;
export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export interface LevelScale {
  code: string;
  /** names[0] is level 1 … names[4] is level 5 */
  names: [string, string, string, string, string];
}

/** A predicate band, bounds in IndexUnits; `min` inclusive, `max` exclusive unless maxInclusive. */
export interface PredicateBand {
  name: string;
  min: IndexUnits;
  max: IndexUnits;
  maxInclusive: boolean;
}

export interface DomainDef {
  no: number;
  name: string;
  weight: WeightUnits;
}

export interface AspectDef {
  no: number;
  name: string;
  /** null for frameworks without a domain level (Pemdi: 7 aspects directly under the index) */
  domainNo: number | null;
  weight: WeightUnits;
}

export interface IndicatorDef {
  no: number;
  name: string;
  aspectNo: number;
  weight: WeightUnits;
  scale: string;
  evidenceExample: string | null;
  /** agency whose own index supplies this indicator's level (Pemdi), if any */
  externalSource: string | null;
}

export interface FrameworkDef {
  code: string;
  name: string;
  regulation: string;
  provisional: boolean;
  /** first and last evaluation year this framework is used for (validTo null = still in force) */
  validFrom: number;
  validTo: number | null;
  levelScales: LevelScale[];
  /** ascending by min */
  predicates: PredicateBand[];
  domains: DomainDef[];
  aspects: AspectDef[];
  indicators: IndicatorDef[];
}
