// The parts of a framework file that concern indicator values: a decimal-valued framework's
// invariants (Pemdi 8/2026) and the other agencies' indices that supply a value (Pasal 7).
import { z } from 'zod';
import { formatDecimal, numberToScaled, showNumber } from './decimal.ts';
import type { ExternalIndexDef, IndicatorDef, PredicateBand } from './framework-types.ts';

const text = z.string().refine((s) => s.trim() !== '', { error: 'tidak boleh kosong' });

export const externalIndexSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, { error: 'kode huruf besar, mis. SDI' }),
  name: text,
  agency: text,
  min: z.number(),
  max: z.number(),
  decimals: z.literal(2),
  thresholds: z.array(z.number()).length(4).nullable(),
  thresholdRule: z.enum(['lower-inclusive', 'upper-inclusive']).nullable(),
  derive: z.enum(['level', 'value']).nullable(),
});

type ExternalIndexFile = z.infer<typeof externalIndexSchema>;

/**
 * A decimal-valued framework (Pemdi) has to keep two things exact: Σ(value × weight) in index
 * units needs every indicator weight in whole percent (1,26 × 1,30 % would need six decimals), and
 * an indicator's band (its level) is read from the predicate bands, so there must be exactly five.
 */
export function checkDecimalValues(valueDecimals: number, indicators: IndicatorDef[], predicates: PredicateBand[], errors: string[]): void {
  if (valueDecimals === 0) {
    if (indicators.some((i) => i.externalIndex?.derive === 'value')) {
      errors.push('externalIndex dengan derive "value" butuh valueDecimals 2 (nilai berdesimal)');
    }
    return;
  }
  for (const i of indicators) {
    if (Number.isFinite(i.weight) && i.weight % 100 !== 0) {
      errors.push(`indikator ${i.no}: bobot ${formatDecimal(i.weight, 2, 0)} harus bilangan bulat persen karena nilai indikator berdesimal`);
    }
    if (i.criteria.length !== 0 && i.criteria.length !== 5) {
      errors.push(`indikator ${i.no}: criteria harus tepat 5 (tingkat 1 sampai 5), ada ${i.criteria.length}`);
    }
  }
  if (predicates.length !== 5) errors.push(`kerangka bernilai desimal harus punya tepat 5 predikat (satu per tingkat), ada ${predicates.length}`);
}

/** Scales an external index's bounds to hundredths and checks its cut points climb inside them. */
export function checkExternalIndex(raw: ExternalIndexFile, place: string, errors: string[]): ExternalIndexDef | null {
  const scaled = (v: number, field: string) => {
    const units = numberToScaled(v, 2);
    if (units === null) errors.push(`${place}: externalIndex.${field} ${showNumber(v)} tidak valid, paling banyak 2 desimal`);
    return units;
  };
  const min = scaled(raw.min, 'min');
  const max = scaled(raw.max, 'max');
  const thresholds = raw.thresholds?.map((t, k) => scaled(t, `thresholds[${k}]`)) ?? null;
  if (min === null || max === null || thresholds?.some((t) => t === null)) return null;
  const before = errors.length;
  if (min >= max) errors.push(`${place}: externalIndex.min harus lebih kecil dari max`);
  if (thresholds && !thresholds.every((t, k) => t! > min && t! < max && (k === 0 || t! > thresholds[k - 1]!))) {
    errors.push(`${place}: externalIndex.thresholds harus naik dan berada di antara min dan max`);
  }
  if ((thresholds === null) !== (raw.thresholdRule === null) || (thresholds === null) !== (raw.derive === null)) {
    errors.push(`${place}: externalIndex tanpa thresholds juga tanpa thresholdRule dan derive (hanya rujukan), dan sebaliknya`);
  }
  if (raw.derive === 'value' && (min < 100 || max > 500)) errors.push(`${place}: derive "value" hanya untuk indeks berskala 1–5`);
  if (errors.length > before) return null;
  return {
    code: raw.code, name: raw.name, agency: raw.agency, min, max,
    thresholds: thresholds as number[] | null, thresholdRule: raw.thresholdRule, derive: raw.derive,
  };
}
