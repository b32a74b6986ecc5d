// Probe (not part of npm run bench): the SQL statements each command sends to PostgreSQL, in
// order, and optionally its time, on the benchmark's seed kept in a database `spbe_probe` on the
// tests' server (seeded on first use, about 4 minutes; drop it with `dropdb spbe_probe`).
// `npx tsx tests/bench/statements.probe.ts [runs]`, `ONLY=/progres` to time one command. This is
// how the statements per command in docs/benchmarks.md were counted and the slow ones found.
import { createRequire } from 'node:module';
import { admin, answerInProcess, benchBot, pic, timeCommand } from './commands.ts';
import { seedBenchDatabase } from './seed.ts';
import { createDb } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { databaseUrl, psql } from '../support/postgres.ts';

const NOW = new Date('2024-10-15T02:00:00Z');
const sql: string[] = [];
// Every statement passes pg's Client.query (Prisma's adapter-pg uses a pg Pool).
const pg = createRequire(import.meta.url)('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '?';
  sql.push(text.replace(/\s+/g, ' ').slice(0, 90));
  return (original as (...a: unknown[]) => unknown).apply(this, args);
};
answerInProcess();
const url = databaseUrl('spbe_probe');
const exists = psql(`SELECT 1 FROM pg_database WHERE datname = 'spbe_probe'`).trim() === '1';
if (!exists) psql('CREATE DATABASE spbe_probe');
const db = createDb(url);
await prepareDatabase(db, url);
if (!exists) { await seedBenchDatabase(db, { itemsPerOpd: 40 }); await db.$executeRawUnsafe('VACUUM ANALYZE'); }
await db.$executeRawUnsafe(`DELETE FROM "ProcessedUpdate"`);
const COMMANDS = [['/indeks', admin, /Indeks/], ['/skor 42', admin, /42/], ['/ceklis opd-7', admin, /Ceklis/], ['/ceklis', pic, /Ceklis/], ['/progres', admin, /Progres/], ['/tugas', pic, /Tugas/]] as const;
const bot = benchBot(db, NOW);
let id = Date.now();
for (const [text, who] of COMMANDS) {
  const w = who(3);
  for (let k = 0; k < 2; k++) {
    sql.length = 0;
    await bot.handleUpdate({ update_id: id++, message: { message_id: 1, date: 0, text, chat: w.chat < 0 ? { id: w.chat, type: 'supergroup', title: 'G' } : { id: w.chat, type: 'private', first_name: 'X' }, from: { id: w.from, is_bot: false, first_name: w.name }, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } } as never);
    if (k === 1) console.log(`${text}: ${sql.length} statements\n  ${sql.join('\n  ')}`);
  }
}
const runs = Number(process.argv[2] ?? 0);
if (runs > 0) {
  for (const [text, who, expect] of COMMANDS.filter(([t]) => !process.env.ONLY || t === process.env.ONLY)) {
    const f = await timeCommand((u) => bot.handleUpdate(u), text, who, expect, { runs, warmup: 100 });
    console.log(`${text}: median ${f.median.toFixed(2)} p99 ${f.p99.toFixed(2)}`);
  }
}
await db.$disconnect();
