import { describe, it, expect } from 'vitest';
import { formatDecimal, numberToScaled, parseDecimal, showNumber } from './decimal.ts';

describe('parseDecimal', () => {
  it('accepts a dot or a decimal comma and scales exactly', () => {
    expect(parseDecimal('1.3', 2)).toBe(130);
    expect(parseDecimal('1,30', 2)).toBe(130);
    expect(parseDecimal('3', 2)).toBe(300);
    expect(parseDecimal(' 16,5 ', 2)).toBe(1650);
    expect(parseDecimal('3,4975', 4)).toBe(34_975);
    expect(parseDecimal('0', 2)).toBe(0);
    expect(parseDecimal('-0,5', 2)).toBe(-50);
    expect(parseDecimal('-0', 2)).toBe(0);
  });

  it('is exact where float arithmetic is not', () => {
    // Math.round(1.005 * 100) is 100 and 4.35 * 100 is 434.99999999999994
    expect(parseDecimal('1.005', 3)).toBe(1005);
    expect(parseDecimal('4.35', 2)).toBe(435);
    expect(parseDecimal('0.29', 2)).toBe(29);
  });

  it('refuses more decimals than allowed instead of rounding', () => {
    expect(parseDecimal('1.305', 2)).toBeNull();
    expect(parseDecimal('3.500', 2)).toBeNull();
    expect(parseDecimal('1,3', 0)).toBeNull();
  });

  it('refuses text that is not a plain decimal', () => {
    for (const bad of ['', ' ', 'abc', '1.', '.5', ',5', '1.2.3', '1 000', '1e3', '1,3%', '--1', 'NaN']) {
      expect(parseDecimal(bad, 2), bad).toBeNull();
    }
    expect(parseDecimal('1', -1)).toBeNull();
    expect(parseDecimal('99999999999999999', 2)).toBeNull();
  });
});

describe('numberToScaled', () => {
  it('converts a JSON number through its shortest decimal text', () => {
    expect(numberToScaled(1.3, 2)).toBe(130);
    expect(numberToScaled(2.75, 2)).toBe(275);
    expect(numberToScaled(16.5, 2)).toBe(1650);
    expect(numberToScaled(4.2, 4)).toBe(42_000);
    expect(numberToScaled(0.1 + 0.2, 2)).toBeNull(); // 0.30000000000000004
    expect(numberToScaled(1.005, 2)).toBeNull();
    expect(numberToScaled(1e-7, 8)).toBeNull();
    expect(numberToScaled(Number.NaN, 2)).toBeNull();
    expect(numberToScaled(Number.POSITIVE_INFINITY, 2)).toBeNull();
  });
});

describe('formatDecimal', () => {
  it('writes a decimal comma with fixed or trimmed decimals', () => {
    expect(formatDecimal(950, 2)).toBe('9,50');
    expect(formatDecimal(1000, 2, 0)).toBe('10');
    expect(formatDecimal(9999, 2, 0)).toBe('99,99');
    expect(formatDecimal(5, 2)).toBe('0,05');
    expect(formatDecimal(-50, 2)).toBe('-0,50');
    expect(formatDecimal(18_000, 4, 1)).toBe('1,8');
    expect(formatDecimal(34_975, 4, 1)).toBe('3,4975');
    expect(formatDecimal(50_000, 4, 1)).toBe('5,0');
    expect(formatDecimal(7, 0)).toBe('7');
  });

  it('round-trips with parseDecimal', () => {
    for (const units of [0, 1, 130, 275, 1650, 4550, 10_000]) {
      expect(parseDecimal(formatDecimal(units, 2), 2)).toBe(units);
    }
  });

  it('shows a raw number with a decimal comma', () => {
    expect(showNumber(1.305)).toBe('1,305');
    expect(showNumber(13)).toBe('13');
  });
});
