// The argument parsers under seeded random input: they never throw, what they accept is in
// range (a date or time they accept reads back the same), and what they refuse comes with a
// short reason quoting at most an excerpt of the input.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { arg, parseWith, words } from './args.ts';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PIECES = ['0', '1', '5', '9', '12', '047', '2024', '29', '-', '/', '.', ',', ':', ' ', '\n', 'e', 'E', '+', 'x', 'Dokumen',
  'final', 'pic', 'Oktober', '٣', '１', '😀', '<', '&', '<b>', '&amp;', '\u200b', 'NaN', 'Infinity', '0x1F', '1e3'];

function randomInputs(seed: number, n: number): string[] {
  const random = prng(seed);
  const int = (k: number) => Math.floor(random() * k);
  return Array.from({ length: n }, () => {
    if (int(20) === 0) return PIECES[int(PIECES.length)]!.repeat(1 + int(3_000));
    return Array.from({ length: int(8) }, () => PIECES[int(PIECES.length)]).join('');
  });
}

const PARSERS: [string, z.ZodType<unknown>, (value: unknown) => boolean][] = [
  ['indicatorNo', arg.indicatorNo(47), (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 47],
  ['level', arg.level, (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5],
  ['stage', arg.stage, (v) => ['mandiri', 'dokumen', 'interviu', 'final'].includes(v as string)],
  ['date', arg.date, (v) => /^\d{4}-\d{2}-\d{2}$/.test(v as string) && parseWith(arg.date, v).ok],
  ['time', arg.time, (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v as string)],
  ['year', arg.year, (v) => Number.isInteger(v) && (v as number) >= 2018 && (v as number) <= 2100],
  ['target', arg.target, (v) => Number.isInteger(v) && (v as number) >= 10_000 && (v as number) <= 50_000],
  ['role', arg.role, (v) => ['admin', 'koordinator', 'pic', 'pimpinan'].includes(v as string)],
  ['number', arg.number(7), (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 7],
];

describe('argument parsers under random input', () => {
  const inputs = randomInputs(20_240_920, 400);

  for (const [name, schema, inRange] of PARSERS) {
    it(`${name}: accepts only values in range, refuses with a short reason quoting an excerpt`, () => {
      let accepted = 0;
      const started = Date.now();
      for (const input of inputs) {
        const parsed = parseWith(schema, input);
        if (parsed.ok) {
          accepted += 1;
          expect(inRange(parsed.value), `${name}(${JSON.stringify(input)}) = ${JSON.stringify(parsed.value)}`).toBe(true);
          continue;
        }
        expect(parsed.problem, `${name}(${JSON.stringify(input.slice(0, 40))})`).toBeTypeOf('string');
        expect(parsed.problem!.length).toBeLessThan(200);
        const flat = input.replace(/\s+/g, ' ');
        if (flat.length > 60) expect(parsed.problem).not.toContain(flat.slice(0, 61));
      }
      expect(accepted).toBeLessThan(inputs.length);
      expect(Date.now() - started, 'no input makes a parser slow').toBeLessThan(1_000);
    });
  }

  it('accepts what people type', () => {
    expect(parseWith(arg.date, '29-10-2024')).toEqual({ ok: true, value: '2024-10-29' });
    expect(parseWith(arg.time, '14.00')).toEqual({ ok: true, value: '14:00' });
    expect(parseWith(arg.indicatorNo(47), '012')).toEqual({ ok: true, value: 12 });
    expect(parseWith(arg.stage, 'Dokumen')).toEqual({ ok: true, value: 'dokumen' });
  });

  it('words() never yields an empty word, whatever the spacing', () => {
    for (const input of inputs) for (const w of words(input)) expect(w).toMatch(/^\S+$/);
    expect(words('  a \n\t b ')).toEqual(['a', 'b']);
  });
});
