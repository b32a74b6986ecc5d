// SQLite and PostgreSQL side by side (issue 13): the bot's commands on 600 workspaces and the
// checklist commands on 960 000 items, from the update to the reply, on one database of each kind
// seeded the same way (600 workspaces × 40 OPDs × 47 indicators scored in 5 stages, 40 items per
// OPD). PostgreSQL is the tests' server (TEST_POSTGRES_URL, by default 127.0.0.1:5432); the
// benchmark makes and drops its own database there. Aim: p99 under 20 ms on PostgreSQL.
import { cpus } from 'node:os';
import type { Update } from 'telegraf/types';
import { admin, answerInProcess, benchBot, pic, timeCommand } from './commands.ts';
import type { CommandFigures, Who } from './commands.ts';
import { adminId, OPDS, picId, seedBenchDatabase, WORKSPACES } from './seed.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Db } from '../../src/db/client.ts';
import { dashboardHandler } from '../../src/dashboard/http.ts';
import { signInitData } from '../../src/dashboard/sign-in.ts';
import type { BenchProvider } from './support.ts';
import { benchDatabase, POSTGRES_SERVER } from './support.ts';
import { serverReachable } from '../support/postgres.ts';

/** A day inside the seeded evaluation's calendar (its items fall due in September and November 2024). */
const NOW = new Date('2024-10-15T02:00:00Z');
const COMMANDS: [text: string, who: Who, expect: RegExp, label: string, shared?: boolean][] = [
  ['/indeks', admin, /Indeks/, '`/indeks` (koordinator, group)'],
  ['/skor 42', admin, /42/, '`/skor 42`'],
  ['/domain 4', admin, /Domain/, '`/domain 4`'],
  ['/ceklis opd-7', admin, /Ceklis OPD 7<\/b> — 40 item/, '`/ceklis opd-7` (40 items, page 1)'],
  ['/ceklis', pic, /Ceklis OPD 7<\/b> — 40 item/, '`/ceklis` (PIC, private, own OPD)'],
  ['/progres', admin, /Progres ceklis/, '`/progres` (40 OPD bars)'],
  ['/tugas', pic, /Tugas Anda/, '`/tugas` (PIC)'],
  // With another process alive every reply also books the send budget the processes share.
  ['/indeks', admin, /Indeks/, '`/indeks`, another process alive (shared send budget)', true],
  ['/ceklis', pic, /Ceklis OPD 7<\/b> — 40 item/, '`/ceklis` (PIC), another process alive', true],
];

const providers: BenchProvider[] = serverReachable() ? ['sqlite', 'postgresql'] : ['sqlite'];
if (providers.length === 1) console.log(`PostgreSQL at ${POSTGRES_SERVER} not reachable: SQLite only`);
answerInProcess();
const results = new Map<BenchProvider, { seedS: number; figures: CommandFigures[]; dashboard: CommandFigures[]; sizes: number[] }>();

/**
 * The dashboard's data request over HTTP, sign-in included (initData checked, person, workspace,
 * the summary's queries, JSON), for a workspace's koordinator and for a PIC, workspace after
 * workspace; and what the first view downloads: the page and one summary.
 */
async function timeDashboard(db: Db): Promise<{ figures: CommandFigures[]; sizes: number[] }> {
  const handler = dashboardHandler({ db, clock: { now: () => NOW }, logger: { info() {}, warn() {}, error: (f, m) => console.error(m, f) }, token: 'bench' });
  const server = createServer((req, res) => { if (!handler(req, res)) res.writeHead(404).end(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const figures: CommandFigures[] = [];
  for (const who of [(w: number) => ({ id: adminId(w), first_name: `Admin ${w}` }), (w: number) => ({ id: picId(w, 7), first_name: 'PIC opd-7' })]) {
    const signed = Array.from({ length: WORKSPACES + 1 }, (_, w) => (w === 0 ? '' : signInitData(who(w), 'bench', NOW)));
    const samples: number[] = [];
    for (let i = 0; i < 1_100; i++) {
      const w = 1 + (i % WORKSPACES);
      const start = process.hrtime.bigint();
      const res = await fetch(`${base}/dasbor/api/ringkasan`, { headers: { authorization: `tma ${signed[w]}` } });
      const body = await res.json() as { opds?: unknown[] };
      if (res.status !== 200 || !body.opds?.length) throw new Error(`dashboard: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      if (i >= 100) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    const q = (p: number) => samples[Math.ceil(p * samples.length) - 1]!;
    figures.push({ median: q(0.5), p99: q(0.99), runs: samples.length });
  }
  const page = Buffer.from(await (await fetch(`${base}/dasbor`)).arrayBuffer());
  const summary = Buffer.from(await (await fetch(`${base}/dasbor/api/ringkasan`, { headers: { authorization: `tma ${signInitData(who0(1), 'bench', NOW)}` } })).arrayBuffer());
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { figures, sizes: [page.length, gzipSync(page).length, summary.length, gzipSync(summary).length] };
}
const who0 = (w: number) => ({ id: adminId(w), first_name: `Admin ${w}` });
for (const provider of providers) {
  const bench = await benchDatabase(provider);
  const started = Date.now();
  await seedBenchDatabase(bench.db, { itemsPerOpd: 40 });
  // The steady state of a database in use: vacuumed and analysed, as autovacuum leaves it some time
  // after a bulk load this size (measured right after the load, autovacuum's own run lands inside
  // the timings).
  if (provider === 'postgresql') await bench.db.$executeRawUnsafe('VACUUM ANALYZE');
  const seedS = (Date.now() - started) / 1000;
  console.log(`${provider}: seeded ${await bench.db.checklistItem.count()} items (${WORKSPACES} workspaces × ${OPDS} OPDs) in ${seedS.toFixed(1)} s`);
  const alone = benchBot(bench.db, NOW);
  const withPeers = benchBot(bench.db, NOW, { shared: true });
  const figures: CommandFigures[] = [];
  for (const [text, who, expect, label, shared] of COMMANDS) {
    const bot = shared ? withPeers : alone;
    const f = await timeCommand((u: Update) => bot.handleUpdate(u), text, who, expect);
    console.log(`${provider} ${label}: median ${f.median.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms`);
    figures.push(f);
  }
  const dashboard = await timeDashboard(bench.db);
  console.log(`${provider} dashboard summary (koordinator, PIC): ${dashboard.figures.map((f) => `median ${f.median.toFixed(2)} p99 ${f.p99.toFixed(2)}`).join('; ')}`);
  results.set(provider, { seedS, figures, dashboard: dashboard.figures, sizes: dashboard.sizes });
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
['koordinator (40 OPD cards)', 'PIC (own OPD)'].forEach((label, i) => {
  const s = results.get('sqlite')?.dashboard[i];
  const p = results.get('postgresql')?.dashboard[i];
  console.log(`| dashboard \`GET /dasbor/api/ringkasan\`, ${label}, over HTTP with sign-in | ${ms(s?.median)} | ${ms(s?.p99)} | ${ms(p?.median)} | ${ms(p?.p99)} |`);
});
const sizes = results.get('sqlite')!.sizes;
console.log(`\nFirst view of the dashboard: page ${sizes[0]} bytes (${sizes[1]} gzipped), summary of 40 OPDs ${sizes[2]} bytes (${sizes[3]} gzipped); nothing else is requested.`);
