// Validation of a framework's predicate bands (Kurang … Memuaskan). Every index from 1,0 to 5,0
// must get exactly one predicate: a gap would leave a real result unclassified, an overlap would
// make the predicate depend on band order. Bounds are converted exactly (3,5 → 35 000) because
// the official boundary cases (an index printed as 3,50 that is really 3,4975) hinge on them.

import { formatDecimal, numberToScaled, showNumber } from './decimal.ts';
import type { IndexUnits, PredicateBand } from './framework-types.ts';
import { INDEX_SCALE } from './framework-types.ts';

export interface PredicateBandInput {
  name: string;
  alias?: string | null | undefined;
  /** null: from the bottom of the scale */
  min?: number | null | undefined;
  minExclusive?: number | null | undefined;
  max?: number | null | undefined;
  maxExclusive?: number | null | undefined;
}

const INDEX_DECIMALS = 4;
const INDEX_MIN: IndexUnits = 1 * INDEX_SCALE;
const INDEX_MAX: IndexUnits = 5 * INDEX_SCALE;

interface Band {
  name: string;
  alias: string | null;
  min: IndexUnits | null;
  minInclusive: boolean;
  max: IndexUnits;
  maxInclusive: boolean;
}

/** Returns the bands ascending by min (a null min stored as 1,0); problems are appended to errors. */
export function checkPredicates(input: readonly PredicateBandInput[], errors: string[]): PredicateBand[] {
  const seen = new Set<string>();
  for (const { name } of input) {
    if (seen.has(name)) errors.push(`nama predikat "${name}" dipakai lebih dari sekali`);
    seen.add(name);
  }

  const bands: Band[] = [];
  let allValid = true;
  for (const p of input) {
    const band = toBand(p, errors);
    if (band) bands.push(band);
    else allValid = false;
  }
  // Null (from the bottom) sorts first so that a second open-ended band is caught below.
  bands.sort((a, b) => (a.min ?? Number.NEGATIVE_INFINITY) - (b.min ?? Number.NEGATIVE_INFINITY));
  // Coverage only makes sense once every band is readable; otherwise it would report phantom gaps.
  if (allValid) checkCoverage(bands, errors);

  return bands.map((b) => ({
    name: b.name, alias: b.alias, min: b.min ?? INDEX_MIN, minInclusive: b.min === null || b.minInclusive, max: b.max, maxInclusive: b.maxInclusive,
  }));
}

function toBand(p: PredicateBandInput, errors: string[]): Band | null {
  const place = `predikat "${p.name}"`;
  const inclusive = p.max !== undefined && p.max !== null;
  const exclusive = p.maxExclusive !== undefined && p.maxExclusive !== null;
  if (inclusive && exclusive) {
    errors.push(`${place}: isi salah satu dari max (inklusif) atau maxExclusive, bukan keduanya`);
    return null;
  }
  const upper = inclusive ? p.max : p.maxExclusive;
  if (upper === undefined || upper === null) {
    errors.push(`${place}: batas atas wajib diisi, max (inklusif) atau maxExclusive`);
    return null;
  }
  const max = indexUnits(upper, place, inclusive ? 'max' : 'maxExclusive', errors);
  const lowerExclusive = p.minExclusive !== undefined && p.minExclusive !== null;
  if (lowerExclusive && p.min !== undefined && p.min !== null) {
    errors.push(`${place}: isi salah satu dari min (inklusif) atau minExclusive, bukan keduanya`);
    return null;
  }
  const lower = lowerExclusive ? p.minExclusive! : (p.min ?? null);
  const min = lower === null ? null : indexUnits(lower, place, lowerExclusive ? 'minExclusive' : 'min', errors);
  if (max === undefined || min === undefined) return null;
  if (min !== null && min >= max) {
    errors.push(`${place}: batas bawah ${show(min)} harus lebih kecil dari batas atas ${show(max)}`);
    return null;
  }
  return { name: p.name, alias: p.alias ?? null, min, minInclusive: !lowerExclusive, max, maxInclusive: inclusive };
}

function indexUnits(value: number, place: string, field: string, errors: string[]): IndexUnits | undefined {
  const units = numberToScaled(value, INDEX_DECIMALS);
  if (units === null) {
    errors.push(`${place}: ${field} ${showNumber(value)} tidak valid, paling banyak ${INDEX_DECIMALS} desimal`);
    return undefined;
  }
  return units;
}

function checkCoverage(bands: Band[], errors: string[]): void {
  const first = bands[0];
  if (first?.min != null && (first.min > INDEX_MIN || (first.min === INDEX_MIN && !first.minInclusive))) {
    errors.push(
      `predikat terendah "${first.name}" baru mulai dari ${show(first.min)}: ` +
        `nilai 1,0 sampai < ${show(first.min)} tidak punya predikat`,
    );
  }
  bands.forEach((band, i) => {
    const next = bands[i + 1];
    if (next === undefined) {
      if (!band.maxInclusive || band.max !== INDEX_MAX) {
        const written = `${band.maxInclusive ? 'max' : 'maxExclusive'} ${show(band.max)}`;
        errors.push(`predikat teratas "${band.name}" harus berakhir tepat di 5,0 inklusif (max: 5), tertulis ${written}`);
      }
      return;
    }
    if (next.min === null) {
      errors.push(`predikat "${next.name}": min kosong (dari bawah) hanya boleh untuk predikat terendah`);
    } else if (band.max < next.min) {
      errors.push(
        `celah antara predikat "${band.name}" (sampai ${upperText(band)}) dan "${next.name}" ` +
          `(mulai ${lowerText(next)}): nilai di antaranya tidak punya predikat`,
      );
    } else if (band.max > next.min) {
      errors.push(`predikat "${band.name}" (sampai ${upperText(band)}) tumpang tindih dengan predikat "${next.name}" (mulai ${lowerText(next)})`);
    } else if (band.maxInclusive && next.minInclusive) {
      // The cut point would belong to both bands: the file must say which one takes it.
      errors.push(`nilai ${show(band.max)} masuk ke predikat "${band.name}" dan "${next.name}" sekaligus: salah satu batas harus eksklusif`);
    } else if (!band.maxInclusive && !next.minInclusive) {
      errors.push(`nilai ${show(band.max)} tidak masuk predikat mana pun: "${band.name}" berakhir sebelum ${show(band.max)} dan "${next.name}" mulai sesudahnya`);
    }
  });
}

const upperText = (b: Band) => `${b.maxInclusive ? '' : '< '}${show(b.max)}`;
const lowerText = (b: Band) => `${b.minInclusive ? '' : '> '}${show(b.min ?? INDEX_MIN)}`;

/** 18 000 → '1,8'; 34 975 → '3,4975' */
function show(units: IndexUnits): string {
  return formatDecimal(units, INDEX_DECIMALS, 1);
}
