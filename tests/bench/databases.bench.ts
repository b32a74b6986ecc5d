// SQLite and PostgreSQL side by side (issue 13): the bot's commands on 600 workspaces and the
// checklist commands on 960 000 items, from the update to the reply, on one database of each kind
// seeded the same way (600 workspaces × 40 OPDs × 47 indicators scored in 5 stages, 40 items per
// OPD). PostgreSQL is the tests' server (TEST_POSTGRES_URL, by default 127.0.0.1:5432); the
// benchmark makes and drops its own database there. Aim: p99 under 20 ms on PostgreSQL.
import { cpus } from 'node:os';
import type { Update } from 'telegraf/types';
import { admin, answerInProcess, benchBot, pic, timeCommand } from './commands.ts';
import type { CommandFigures, Who } from './commands.ts';
import { OPDS, seedBenchDatabase, WORKSPACES } from './seed.ts';
import type { BenchProvider } from './support.ts';
import { benchDatabase, POSTGRES_SERVER } from './support.ts';
import { serverReachable } from '../support/postgres.ts';

/** A day inside the seeded evaluation's calendar (its items fall due in September and November 2024). */
const NOW = new Date('2024-10-15T02:00:00Z');
const COMMANDS: [text: string, who: Who, expect: RegExp, label: string][] = [
  ['/indeks', admin, /Indeks/, '`/indeks` (koordinator, group)'],
  ['/skor 42', admin, /42/, '`/skor 42`'],
  ['/domain 4', admin, /Domain/, '`/domain 4`'],
  ['/ceklis opd-7', admin, /Ceklis OPD 7<\/b> — 40 item/, '`/ceklis opd-7` (40 items, page 1)'],
  ['/ceklis', pic, /Ceklis OPD 7<\/b> — 40 item/, '`/ceklis` (PIC, private, own OPD)'],
  ['/progres', admin, /Progres ceklis/, '`/progres` (40 OPD bars)'],
  ['/tugas', pic, /Tugas Anda/, '`/tugas` (PIC)'],
];

const providers: BenchProvider[] = serverReachable() ? ['sqlite', 'postgresql'] : ['sqlite'];
if (providers.length === 1) console.log(`PostgreSQL at ${POSTGRES_SERVER} not reachable: SQLite only`);
answerInProcess();
const results = new Map<BenchProvider, { seedS: number; figures: CommandFigures[] }>();
for (const provider of providers) {
  const bench = await benchDatabase(provider);
  const started = Date.now();
  await seedBenchDatabase(bench.db, { itemsPerOpd: 40 });
  // What autovacuum's analyze would do after a bulk load this size, so the planner knows the tables.
  if (provider === 'postgresql') await bench.db.$executeRawUnsafe('ANALYZE');
  const seedS = (Date.now() - started) / 1000;
  console.log(`${provider}: seeded ${await bench.db.checklistItem.count()} items (${WORKSPACES} workspaces × ${OPDS} OPDs) in ${seedS.toFixed(1)} s`);
  const bot = benchBot(bench.db, NOW);
  const handle = (u: Update) => bot.handleUpdate(u);
  const figures: CommandFigures[] = [];
  for (const [text, who, expect, label] of COMMANDS) {
    const f = await timeCommand(handle, text, who, expect);
    console.log(`${provider} ${label}: median ${f.median.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms`);
    figures.push(f);
  }
  results.set(provider, { seedS, figures });
  await bench.dispose();
}

const ms = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2).replace('.', ','));
console.log(`\nCommands, SQLite and PostgreSQL side by side (update → reply, ${COMMANDS.length} commands × 1 000 runs after 100)`);
console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}; PostgreSQL ${POSTGRES_SERVER}`);
console.log('| command | SQLite median | SQLite p99 | PostgreSQL median | PostgreSQL p99 |');
console.log('|---|---:|---:|---:|---:|');
COMMANDS.forEach(([, , , label], i) => {
  const s = results.get('sqlite')?.figures[i];
  const p = results.get('postgresql')?.figures[i];
  console.log(`| ${label} | ${ms(s?.median)} | ${ms(s?.p99)} | ${ms(p?.median)} | ${ms(p?.p99)} |`);
});
console.log(`| seeding 960 000 items (s) | ${ms(results.get('sqlite')?.seedS)} | | ${ms(results.get('postgresql')?.seedS)} | |`);
