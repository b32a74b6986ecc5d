// The sandbox of `npm start` without a token, driven as a newcomer would drive it: lines typed
// into its input, the conversation read back from its output. The bot behind it is the real one,
// polling the fake Bot API over HTTP, on a real (test) database with the live demo
// (tests/sandbox/live-demo.test.ts covers what the demo shows).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotDeps } from '../../src/bot/context.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { toLocalDate } from '../../src/domain/dates.ts';
import { htmlToTerminal } from '../../src/sandbox/render.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';
import type { SandboxSession } from '../support/sandbox-session.ts';
import { outputContaining, startSandboxSession } from '../support/sandbox-session.ts';

let t: TestDb;
let deps: BotDeps;
/** the live demo's evaluation year: today's, in its zone (WITA) */
const year = toLocalDate(new Date(), 'Asia/Makassar').year;
const sessions: SandboxSession[] = [];

beforeAll(() => {
  t = createTestDb();
  deps = {
    db: t.db,
    clock: { now: () => new Date() },
    logger: { info() {}, warn() {}, error() {} },
    charts: { domains: renderDomainChart, stages: renderStageChart },
  };
});

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

afterAll(() => t.close());

async function start(): Promise<SandboxSession> {
  const session = await startSandboxSession(deps);
  sessions.push(session);
  return session;
}

function settles(promise: Promise<void> | undefined, ms = 10_000): Promise<'settled' | 'pending'> {
  return Promise.race([
    (promise ?? new Promise<never>(() => {})).then(() => 'settled' as const),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

describe('the sandbox conversation', () => {
  it('welcomes a newcomer in Indonesian, as Rina in the demo group, with commands to try', async () => {
    const s = await start();
    const welcome = await outputContaining(s.output, 0, ':keluar');
    expect(welcome).toContain('sandbox lokal');
    expect(welcome).toContain('Rina (koordinator) di grup "Tim Pemdi Paser (demo)"');
    for (const example of ['/bantuan', '/indeks', '/skor 19', '/simulasi 3', '/tahapan', '/nilai 19 2,25 interviu']) {
      expect(welcome).toContain(example);
    }
    for (const command of [':sebagai <1-4>', ':grup', ':pribadi', ':bantuan', ':keluar']) expect(welcome).toContain(command);
  });

  it('/indeks shows the index as plain text with a numbered button, and "1" saves the charts as PNG files', async () => {
    const s = await start();
    const reply = await s.type('/indeks', '[1] 📊 Grafik');
    expect(reply).toContain('Indeks: 2,60 (Baik)');
    expect(reply).not.toMatch(/<\/?b>|&lt;/); // HTML rendered
    expect(reply).not.toContain('\x1b['); // and no ANSI codes on a pipe

    const after = await s.type('1', 'indeks-tahapan.png');
    expect(after).toContain('👆 Menekan [1] 📊 Grafik');
    const paths = [...after.matchAll(/Foto disimpan: (\S+\.png)/g)].map((m) => m[1]!);
    expect(paths).toEqual([join(s.photoDir, 'indeks-domain.png'), join(s.photoDir, 'indeks-tahapan.png')]);
    for (const path of paths) {
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('/laporan saves the four charts of the album, the PDF summary and the workbook as files', async () => {
    const s = await start();
    const out = await s.type('/laporan', 'XLSX lengkap');
    const photos = [...out.matchAll(/Foto disimpan: (\S+\.png)/g)].map((m) => m[1]!);
    expect(photos.map((p) => p.replace(`${s.photoDir}/`, ''))).toEqual(['domains.png', 'stages.png', 'trend.png', 'opds.png']);
    expect(out).toContain(`Indeks Pemerintah Digital ${year}`);
    const files = [...out.matchAll(/disimpan: (\S+\.(?:pdf|xlsx))/g)].map((m) => m[1]!);
    expect(files.map((p) => p.replace(`${s.photoDir}/`, ''))).toContain(`laporan-pemdi-${year}-demo-pemdi.pdf`);
    for (const path of [...photos, ...files]) expect(existsSync(path)).toBe(true);
    expect(readFileSync(files[0]!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a newcomer who is not a member is told so, in a reply and in a button press\'s notice', async () => {
    const s = await start();
    await s.type('/indeks', '[1] 📊 Grafik'); // Rina's message, with its button
    expect(await s.type(':sebagai 4', 'Sekarang Anda Tamu')).toContain('belum anggota');
    await s.type('1', '🔔 Anda belum terdaftar di workspace Pemkab Paser (demo).');
    await s.type('/indeks', 'Anda belum terdaftar di workspace Pemkab Paser (demo). Minta tautan undangan kepada admin.');
    // Lines wait for the bot to finish the previous one: all the press caused is printed before this.
    const rest = await s.type(':bantuan', 'Perintah sandbox');
    expect(s.output()).not.toContain('Foto disimpan');
    expect(rest).not.toContain('🤖');
  });

  it('a number answers a question without buttons (/tugaskan\'s indicator), and :ketik sends text while buttons show', async () => {
    const s = await start();
    await s.type('/tugaskan', 'Pilih OPD');
    await s.type('1', 'Ketik nomor indikator');
    await s.type('5', 'Ketik judul item');
    await s.type(':ketik', 'Tulis teksnya sesudah :ketik');
    await s.type('/indeks', '[1] 📊 Grafik');
    // With the index's button showing, "1" would press it; :ketik sends it as text instead.
    const help = await s.type(':ketik /bantuan', '/indeks');
    expect(help).not.toContain('Menekan');
  });

  it('a PIC has no access to /nilai', async () => {
    const s = await start();
    await s.type(':sebagai 2', 'Sekarang Anda Budi (PIC Bappeda)');
    await s.type('/nilai 1 5', 'Anda tidak memiliki akses ke /nilai. Perintah ini hanya untuk koordinator.');
  });

  it('types in the private chat after :pribadi, and says so when there is no button to press', async () => {
    const s = await start();
    await s.type(':pribadi', 'di chat pribadi dengan bot');
    await s.type('/start', 'Anda terdaftar di: Pemkab Paser (demo)');
    await s.type('3', 'Belum ada pesan bot bertombol di chat ini.');
    await s.type(':sebagai 9', 'Pilih orang dengan nomornya');
    await s.type(':apa', 'Perintah sandbox ":apa" tidak dikenal.');
  });
});

describe('the dashboard from the sandbox', () => {
  it(':dasbor prints a local address signed as the chosen person, and /dasbor\'s button does too', async () => {
    const s = await start();
    await outputContaining(s.output, 0, ':keluar');
    const printed = await s.type(':dasbor', '/dasbor#');
    expect(printed).toContain('Dasbor sebagai Rina (koordinator)');
    const link = new URL(/http:\/\/127\.0\.0\.1:\d+\/dasbor#\S+/.exec(printed)![0]);
    const initData = new URLSearchParams(link.hash.slice(1)).get('tgWebAppData')!;
    const page = await fetch(new URL('/dasbor', link));
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const summary = await (await fetch(new URL('/dasbor/api/ringkasan', link), { headers: { authorization: `tma ${initData}` } })).json() as { workspace: { name: string }; opds: unknown[] };
    expect(summary.workspace.name).toBe('Pemkab Paser (demo)');
    expect(summary.opds.length).toBeGreaterThan(0);
    // As the stranger, the same address signs them in and gets nothing of the demo.
    await s.type(':sebagai 4', 'Tamu');
    const stranger = await s.type(':dasbor', '/dasbor#');
    const strangerData = new URLSearchParams(new URL(/http:\/\/127\.0\.0\.1:\d+\/dasbor#\S+/.exec(stranger)![0]).hash.slice(1)).get('tgWebAppData')!;
    expect((await fetch(new URL('/dasbor/api/ringkasan', link), { headers: { authorization: `tma ${strangerData}` } })).status).toBe(403);
    // /dasbor in the private chat answers with the web_app button; pressing it prints the address.
    await s.type(':sebagai 1', 'Rina');
    await s.type(':pribadi', 'chat pribadi');
    await s.type('/dasbor', '📊 Dasbor');
    expect(await s.type('1', '/dasbor#')).toContain('Dasbor sebagai Rina');
  });
});

describe('ending and restarting', () => {
  it(':keluar resolves finished', async () => {
    const s = await start();
    expect(await settles(s.running.finished, 200)).toBe('pending');
    await s.type(':keluar', 'Sampai jumpa');
    expect(await settles(s.running.finished)).toBe('settled');
  });

  it('the end of input resolves finished, after the lines before it are answered', async () => {
    const s = await start();
    s.input.end('/tahapan\n');
    expect(await settles(s.running.finished)).toBe('settled');
    const printed = s.output();
    const title = `Tahapan evaluasi Indeks Pemerintah Digital ${year}`;
    expect(printed.indexOf(title)).toBeGreaterThan(0);
    expect(printed.indexOf(title)).toBeLessThan(printed.indexOf('Sampai jumpa'));
  });

  it('a second run on the same database seeds nothing twice and still gets answers', async () => {
    const first = await start();
    await first.type('/skor 19', 'Indikator 19');
    await first.running.stop('test');
    const second = await start();
    await second.type('/skor 19', 'Indikator 19');
    expect(await t.db.workspace.count({ where: { slug: 'demo-pemdi' } })).toBe(1);
    expect(await t.db.chat.count({ where: { title: 'Tim Pemdi Paser (demo)' } })).toBe(1);
  });
});

describe('htmlToTerminal', () => {
  it('makes <b> bold with ANSI only when asked, unescapes entities and keeps <code> and links readable', () => {
    const html = '<b>Format</b>: <code>/nilai &lt;no&gt; &amp; catatan</code> <a href="https://example.org/a?x=1&amp;y=2">panduan</a>';
    expect(htmlToTerminal(html, { color: false })).toBe('Format: /nilai <no> & catatan panduan (https://example.org/a?x=1&y=2)');
    expect(htmlToTerminal(html, { color: true })).toBe('\x1b[1mFormat\x1b[22m: /nilai <no> & catatan panduan (https://example.org/a?x=1&y=2)');
    expect(htmlToTerminal('<b>a <strong>b</strong> c</b>', { color: true })).toBe('\x1b[1ma b c\x1b[22m');
  });
});
