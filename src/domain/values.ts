// An indicator's value, kept as hundredths (ValueHundredths). SPBE 59/2020 scores whole levels
// 1–5; Pemdi 8/2026 gives each indicator a decimal from 1,00 to 5,00 (assessors wrote 1,26,
// 1,17, 1,25 in 2026), whose band (Merintis … Unggul) is read with the framework's predicate
// bands. Everything here is exact: text is parsed digit by digit, never through a float.
import { formatDecimal, parseDecimal } from './decimal.ts';
import { excerpt } from './excerpt.ts';
import type { ExternalIndexDef, FrameworkDef, IndexUnits, PredicateBand, ValueHundredths } from './framework-types.ts';
import { VALUE_MAX, VALUE_MIN, VALUE_SCALE } from './framework-types.ts';

export type ValueParse = { ok: true; value: ValueHundredths } | { ok: false; problem: string };

/** The hundredths of an index unit: a value of 1,26 is 12 600 index units. */
const UNITS_PER_HUNDREDTH = 100;

export const isDecimalFramework = (fw: Pick<FrameworkDef, 'valueDecimals'>): boolean => fw.valueDecimals > 0;

/**
 * What a person types for an indicator: SPBE takes a whole level 1–5; Pemdi any value from 1,00
 * to 5,00 with at most two decimals ("1,26", "1.26", "2"). "3,0" is a whole level too, as a
 * spreadsheet cell often becomes.
 */
export function parseIndicatorValue(fw: Pick<FrameworkDef, 'valueDecimals'>, text: string): ValueParse {
  const raw = text.trim();
  if (isDecimalFramework(fw)) {
    const value = parseDecimal(raw, 2);
    if (value === null || value < VALUE_MIN || value > VALUE_MAX) {
      return { ok: false, problem: `Nilai "${excerpt(raw)}" tidak sah: tulis angka 1,00 sampai 5,00 dengan paling banyak dua desimal, mis. 1,26.` };
    }
    return { ok: true, value };
  }
  const value = parseDecimal(raw, 2);
  if (value === null || value % VALUE_SCALE !== 0 || value < VALUE_MIN || value > VALUE_MAX) {
    return { ok: false, problem: `Tingkat "${excerpt(raw)}" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.` };
  }
  return { ok: true, value };
}

/** 126 → "1,26" for Pemdi; 300 → "3" for SPBE, whose levels are whole. */
export function formatValue(fw: Pick<FrameworkDef, 'valueDecimals'>, value: ValueHundredths): string {
  return isDecimalFramework(fw) ? formatDecimal(value, 2) : formatDecimal(value, 2, 0);
}

/** A value as a number for charts and spreadsheets (126 → 1.26); exact for two decimals. */
export const valueNumber = (value: ValueHundredths): number => value / VALUE_SCALE;

export function bandContains(band: PredicateBand, units: IndexUnits): boolean {
  const above = band.minInclusive ? units >= band.min : units > band.min;
  const below = band.maxInclusive ? units <= band.max : units < band.max;
  return above && below;
}

/**
 * The level 1–5 a value stands at. SPBE: the level itself. Pemdi: the band of the five criteria
 * rows (1,00–1,50 … 4,00–5,00), read with the same cut points and inclusivity as the predicates.
 */
export function levelOfValue(fw: Pick<FrameworkDef, 'valueDecimals' | 'predicates'>, value: ValueHundredths): number {
  if (!isDecimalFramework(fw)) return Math.floor(value / VALUE_SCALE);
  const at = fw.predicates.findIndex((b) => bandContains(b, value * UNITS_PER_HUNDREDTH));
  return at < 0 ? 1 : at + 1;
}

/** The predicate band of a single indicator value (Pemdi shows it per indicator). */
export function bandOfValue(fw: Pick<FrameworkDef, 'predicates'>, value: ValueHundredths): PredicateBand | null {
  return fw.predicates.find((b) => bandContains(b, value * UNITS_PER_HUNDREDTH)) ?? null;
}

/**
 * The value one more level would give: the next whole value (1,26 → 2,00; 2,50 → 3,00; 3,00 →
 * 4,00). A level's criteria are met as a whole, and every whole value L lies in band L under
 * both frameworks' rules, so this is the value an indicator reaches by meeting the next
 * level's criteria; the gain is never overstated. Null at 5,00.
 */
export function nextWholeValue(value: ValueHundredths): ValueHundredths | null {
  if (value >= VALUE_MAX) return null;
  return (Math.floor(value / VALUE_SCALE) + 1) * VALUE_SCALE;
}

export type ExternalParse =
  | { ok: true; raw: number; derived: ValueHundredths | null }
  | { ok: false; problem: string };

/** Level 1–5 of an external index value by its four cut points and their rule. */
function externalLevel(ext: ExternalIndexDef, raw: number): number {
  const thresholds = ext.thresholds ?? [];
  const passed = thresholds.filter((t) => (ext.thresholdRule === 'lower-inclusive' ? raw >= t : raw > t)).length;
  return passed + 1;
}

/**
 * Parses another agency's index value as typed ("58,3" for SDI on 0–100) and derives the
 * indicator value the regulation's table gives it: a level as a whole value (SDI 58,3 → level 3
 * → 3,00), or the value itself where the index shares the 1–5 scale (SJIG). Reference-only
 * indices (IKASANDI) derive nothing.
 */
export function parseExternalValue(ext: ExternalIndexDef, text: string): ExternalParse {
  const raw = parseDecimal(text.trim(), 2);
  if (raw === null || raw < ext.min || raw > ext.max) {
    return {
      ok: false,
      problem: `Nilai ${ext.code} "${excerpt(text.trim())}" tidak sah: tulis angka ${formatDecimal(ext.min, 2, 0)} sampai ${formatDecimal(ext.max, 2, 0)} dengan paling banyak dua desimal.`,
    };
  }
  if (ext.derive === 'value') return { ok: true, raw, derived: raw };
  if (ext.derive === 'level') return { ok: true, raw, derived: externalLevel(ext, raw) * VALUE_SCALE };
  return { ok: true, raw, derived: null };
}
