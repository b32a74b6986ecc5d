// A small, explicit timer for `npm run bench`: warm up, run N times, print median / p99 / mean.
// Figures are printed, never asserted (docs/benchmarks.md records them with the machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';

export interface Figures {
  name: string;
  runs: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
}

const rows: Figures[] = [];

export async function measure(name: string, fn: () => unknown, { runs = 1_000, warmup = 100 } = {}): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const figures = { name, runs, medianMs: at(0.5), p99Ms: at(0.99), meanMs: times.reduce((a, b) => a + b, 0) / runs };
  rows.push(figures);
  return figures;
}

export function printFigures(title: string): void {
  const ms = (v: number) => (v < 1 ? v.toFixed(4) : v.toFixed(2));
  console.log(`\n${title}`);
  console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}`);
  console.log('| benchmark | runs | median ms | p99 ms | mean ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows.splice(0)) console.log(`| ${r.name} | ${r.runs} | ${ms(r.medianMs)} | ${ms(r.p99Ms)} | ${ms(r.meanMs)} |`);
}

/** A fresh database migrated by the real migrations, removed by the returned function. */
export async function benchDatabase(): Promise<{ db: Db; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-bench-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const db = createDb(url);
  await prepareDatabase(db, url);
  return { db, dir, async dispose() { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
}
