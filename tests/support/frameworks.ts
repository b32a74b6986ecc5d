// Test support: the shipped framework files, parsed, and fixture levels.
import { readFileSync } from 'node:fs';
import type { FrameworkDef } from '../../src/domain/framework-types.ts';
import { parseFrameworkFile } from '../../src/domain/framework-file.ts';

export function shippedFramework(code: 'spbe-2020' | 'pemdi-2026'): FrameworkDef {
  const url = new URL(`../../prisma/data/frameworks/${code}.json`, import.meta.url);
  const parsed = parseFrameworkFile(JSON.parse(readFileSync(url, 'utf8')), `${code}.json`);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.framework;
}

/** Reads a fixture levels CSV (indikator,tingkat) from tests/fixtures into values in hundredths (3 → 300). */
export function fixtureValues(file: string): Map<number, number> {
  const text = readFileSync(new URL(`../../tests/fixtures/${file}`, import.meta.url), 'utf8');
  const rows = text.trim().split('\n').slice(1).map((line) => line.split(','));
  return new Map(rows.map(([no, level]) => [Number(no), Number(level) * 100]));
}

/** Whole levels as values in hundredths: { 1: 3, 2: 4 } → Map { 1 → 300, 2 → 400 }. */
export const levelValues = (entries: Iterable<readonly [number, number]>): Map<number, number> =>
  new Map([...entries].map(([no, level]) => [no, level * 100]));
