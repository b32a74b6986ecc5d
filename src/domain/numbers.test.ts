import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal.ts';
import { formatFraction, formatSignedFraction, roundHalfUp, toRoundedNumber } from './numbers.ts';

describe('roundHalfUp', () => {
  it('rounds exact halves up, where binary floats would not', () => {
    // 1.005 * 100 is 100.49999999999999 in binary floating point.
    expect(roundHalfUp({ num: 1005, den: 1000 })).toBe(101);
    expect(roundHalfUp({ num: 34975, den: 10000 })).toBe(350);
    expect(roundHalfUp({ num: 34974, den: 10000 })).toBe(350);
    expect(roundHalfUp({ num: 34949, den: 10000 })).toBe(349);
  });
  it('handles repeating fractions and negatives', () => {
    expect(roundHalfUp({ num: 31, den: 11 })).toBe(282); // 2,8181…
    expect(roundHalfUp({ num: 2, den: 3 })).toBe(67);
    expect(roundHalfUp({ num: -5, den: 1000 })).toBe(-1);
  });
  it('refuses a non-integer input', () => {
    expect(() => roundHalfUp({ num: 0.1, den: 1 })).toThrow(RangeError);
  });
});

describe('Indonesian number formatting', () => {
  it('uses a decimal comma and keeps trailing zeros', () => {
    expect(formatDecimal(379, 2)).toBe('3,79');
    expect(formatDecimal(350, 2)).toBe('3,50');
    expect(formatDecimal(5, 2)).toBe('0,05');
    expect(formatDecimal(-3, 2)).toBe('-0,03');
    expect(formatFraction({ num: 37860, den: 10000 })).toBe('3,79');
    expect(formatSignedFraction({ num: 300, den: 10000 })).toBe('+0,03');
    expect(formatSignedFraction({ num: 0, den: 1 })).toBe('0,00');
    expect(toRoundedNumber({ num: 32670, den: 10000 })).toBe(3.27);
  });
});
