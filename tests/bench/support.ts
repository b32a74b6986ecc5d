// A small, explicit timer for `npm run bench`: warm up, run N times, print median / p99 / mean.
// Figures are printed, never asserted (docs/benchmarks.md records them with the machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { databaseUrl, dropDatabase, psql, SERVER_URL } from '../support/postgres.ts';

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

export type BenchProvider = 'sqlite' | 'postgresql';

export interface BenchDb { db: Db; url: string; dir: string; dispose(): Promise<void> }

/**
 * A fresh database migrated by the real migrations, removed by the returned function: a SQLite
 * file, or a new database on the PostgreSQL server of the tests (TEST_POSTGRES_URL, by default
 * the machine's own at 127.0.0.1:5432).
 */
export async function benchDatabase(provider: BenchProvider = 'sqlite'): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-bench-'));
  if (provider === 'postgresql') {
    const name = `spbe_bench_${process.pid}_${Date.now()}`;
    psql(`CREATE DATABASE "${name}"`);
    const url = databaseUrl(name);
    const db = createDb(url);
    await prepareDatabase(db, url);
    return {
      db, url, dir,
      async dispose() { await db.$disconnect(); dropDatabase(name); rmSync(dir, { recursive: true, force: true }); },
    };
  }
  const url = `file:${join(dir, 'bench.db')}`;
  const db = createDb(url);
  await prepareDatabase(db, url);
  return { db, url, dir, async dispose() { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Where the PostgreSQL figures come from, for the printed header. */
export const POSTGRES_SERVER = SERVER_URL.replace(/\/\/[^@/]*@/, '//');
