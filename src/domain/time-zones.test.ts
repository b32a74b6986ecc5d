import { describe, it, expect } from 'vitest';
import { INDONESIAN_TIME_ZONES, parseTimeZone, zoneLabel } from './time-zones.ts';

describe('parseTimeZone', () => {
  it.each([
    ['WIB', 'Asia/Jakarta'],
    ['wib', 'Asia/Jakarta'],
    ['WITA', 'Asia/Makassar'],
    ['wita', 'Asia/Makassar'],
    [' Wit ', 'Asia/Jayapura'],
    ['Asia/Jakarta', 'Asia/Jakarta'],
    ['Asia/Pontianak', 'Asia/Pontianak'],
    ['Asia/Makassar', 'Asia/Makassar'],
    ['Asia/Jayapura', 'Asia/Jayapura'],
    ['asia/jayapura', 'Asia/Jayapura'],
  ])('%j → %s', (input, expected) => {
    expect(parseTimeZone(input)).toBe(expected);
  });

  it.each(['', 'WITB', 'UTC', 'Asia/Singapore', 'Europe/Amsterdam', 'GMT+7', 'Jakarta'])(
    'rejects %j',
    (input) => {
      expect(parseTimeZone(input)).toBeNull();
    },
  );
});

describe('zoneLabel', () => {
  it('labels every Indonesian zone', () => {
    expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel('Asia/Pontianak')).toBe('WIB');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
  });

  it('throws for a zone outside Indonesia', () => {
    expect(() => zoneLabel('Europe/Amsterdam')).toThrow(RangeError);
  });

  it('round-trips with INDONESIAN_TIME_ZONES', () => {
    for (const [label, iana] of Object.entries(INDONESIAN_TIME_ZONES)) {
      expect(zoneLabel(iana)).toBe(label);
      expect(parseTimeZone(label)).toBe(iana);
    }
  });
});
