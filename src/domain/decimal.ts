// Exact conversion between decimal text and scaled integers (1,30 with 2 decimals → 130).
// Weights and index bounds are decimal by nature; going through binary floating point
// (Math.round(1.005 * 100) === 100) would silently shift a boundary, so every conversion here
// works on digits, never on float arithmetic.

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * Parses '1.3', '1,30', '3', '-0,5' into value × 10^decimals as an exact integer.
 * Returns null for anything else, including more fractional digits than `decimals`: a value such
 * as '3.500' is refused rather than rounded, because in Indonesian it may mean three thousand
 * five hundred (dot as thousands separator), and a data file must not lose precision silently.
 */
export function parseDecimal(text: string, decimals: number): number | null {
  if (!Number.isInteger(decimals) || decimals < 0) return null;
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const digits = whole + fraction.padEnd(decimals, '0');
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) return null;
  // `0 * -1` would be -0; keep zero unsigned so equality checks and formatting stay simple.
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Converts a JavaScript number (as read from JSON) exactly: 1.3 → 130 with 2 decimals.
 * String(n) yields the shortest text that round-trips to the same double, which is the decimal
 * the author wrote in the file; exponent forms (1e-7, 1e21) are refused.
 */
export function numberToScaled(value: number, decimals: number): number | null {
  if (!Number.isFinite(value)) return null;
  return parseDecimal(String(value), decimals);
}

/**
 * Formats a scaled integer the Indonesian way (decimal comma): (950, 2) → '9,50'.
 * `minDecimals` lets callers drop trailing zeros: (18_000, 4, 1) → '1,8'; (1_000, 2, 0) → '10'.
 */
export function formatDecimal(scaled: number, decimals: number, minDecimals: number = decimals): string {
  const negative = scaled < 0;
  const digits = String(Math.abs(Math.trunc(scaled))).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return (negative ? '-' : '') + whole + (fraction ? ',' + fraction : '');
}

/** A number as written in a data file, shown with a decimal comma for error messages: 1.305 → '1,305'. */
export function showNumber(value: number): string {
  return String(value).replace('.', ',');
}
