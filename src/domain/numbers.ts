// Exact rounding and the Indonesian way of writing numbers (decimal comma: "3,79").
// Values arrive as exact fractions num/den of integers; nothing goes through binary floats.
import { formatDecimal } from './decimal.ts';

export interface Fraction {
  num: number;
  den: number;
}

/** Rounds num/den half-up to `decimals` places and returns the scaled integer (3,786 → 379). */
export function roundHalfUp(value: Fraction, decimals = 2): number {
  const { num, den } = value;
  if (den <= 0 || !Number.isInteger(num) || !Number.isInteger(den)) {
    throw new RangeError('roundHalfUp needs integers and a positive denominator');
  }
  const scale = 10 ** decimals;
  const sign = num < 0 ? -1 : 1;
  // floor((|num|·scale·2 + den) / (2·den)) is half-up on exact integers, no float anywhere.
  const scaled = Math.floor((Math.abs(num) * scale * 2 + den) / (2 * den));
  return sign * scaled;
}

/** num/den rounded half-up and written the Indonesian way. */
export function formatFraction(value: Fraction, decimals = 2): string {
  return formatDecimal(roundHalfUp(value, decimals), decimals);
}

/** A signed change for display: "+0,03", "-0,12", "0,00". */
export function formatSignedFraction(value: Fraction, decimals = 2): string {
  const scaled = roundHalfUp(value, decimals);
  return (scaled > 0 ? '+' : '') + formatDecimal(scaled, decimals);
}

/** The rounded value as a JSON number (3.79), for machine output only. */
export function toRoundedNumber(value: Fraction, decimals = 2): number {
  return roundHalfUp(value, decimals) / 10 ** decimals;
}
