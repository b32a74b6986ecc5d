// In-memory shape of an evaluation framework (SPBE 59/2020, Pemdi 8/2026, …) once its data file
// has been parsed and validated. Every number is an exact integer so that the index can be
// computed without binary floating point (PermenPANRB 59/2020 weights have two decimals).

/** Weights are in hundredths of a percent: 1,30 % → 130; a whole framework sums to 10 000. */
export type WeightUnits = number;

/** An index value times 10 000 (3,4975 → 34 975). Σ(level × weight units) is exactly this. */
export type IndexUnits = number;

/**
 * An indicator's value times 100: a Pemdi value 1,26 → 126; an SPBE level 3 → 300. Every stored
 * and computed indicator value uses this scale, so Σ(value × weight) stays an exact integer.
 */
export type ValueHundredths = number;
export const VALUE_SCALE = 100;
export const VALUE_MIN: ValueHundredths = 100;
export const VALUE_MAX: ValueHundredths = 500;

export const WEIGHT_TOTAL: WeightUnits = 10_000;
export const INDEX_SCALE = 10_000;
export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export interface LevelScale {
  code: string;
  /** names[0] is level 1 … names[4] is level 5 */
  names: [string, string, string, string, string];
}

/**
 * A predicate band, bounds in IndexUnits. Which bound is inclusive is data, because the rule
 * differs: SPBE 59/2020 Tabel 13 reads "3,5 – < 4,2" (lower bound inclusive), while Pemdi 8/2026
 * is read upper-inclusive (1,50 is Kurang, 2,50 Cukup), as its assessors do.
 */
export interface PredicateBand {
  name: string;
  /** the regulation's second name (Pemdi: Merintis … Unggul), if any */
  alias: string | null;
  min: IndexUnits;
  minInclusive: boolean;
  max: IndexUnits;
  maxInclusive: boolean;
}

/**
 * Another agency's index that supplies an indicator's value (Pemdi 8/2026 Pasal 7). Bounds and
 * thresholds are hundredths of that index's own scale (SDI 0–100: 12,5 → 1 250).
 */
export interface ExternalIndexDef {
  code: string;
  name: string;
  agency: string;
  min: number;
  max: number;
  /** the four cut points between levels 1|2|3|4|5; null = reference only, no value derived */
  thresholds: number[] | null;
  /** lower-inclusive: a value at a cut point takes the higher level; upper-inclusive: the lower */
  thresholdRule: 'lower-inclusive' | 'upper-inclusive' | null;
  /** level: the indicator value is that level (3 → 3,00); value: the index value itself (1–5 scale) */
  derive: 'level' | 'value' | null;
}

export interface Citation {
  number: string;
  title: string;
  enacted: string;
  promulgated: string;
  gazette: string;
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
  /** what each level 1..5 requires, in short words (empty when the file gives none) */
  criteria: string[];
  /** instansi pembina: the central agencies that guide this indicator */
  guidingAgencies: string[];
  /** the instansi's own functions (units) that own this indicator */
  owningFunctions: string[];
  /** another agency's index that supplies this indicator's value, if any */
  externalIndex: ExternalIndexDef | null;
}

export interface FrameworkDef {
  code: string;
  name: string;
  regulation: string;
  provisional: boolean;
  /** first and last evaluation year this framework is used for (validTo null = still in force) */
  validFrom: number;
  validTo: number | null;
  /** 0: whole levels 1–5 (SPBE); 2: values 1,00–5,00 with two decimals (Pemdi) */
  valueDecimals: number;
  citation: Citation | null;
  /** errata and decisions on what the regulation leaves open */
  notes: string[];
  /** what in this file is not confirmed by the regulation itself */
  unconfirmed: string[];
  levelScales: LevelScale[];
  /** ascending by min */
  predicates: PredicateBand[];
  domains: DomainDef[];
  aspects: AspectDef[];
  indicators: IndicatorDef[];
}
