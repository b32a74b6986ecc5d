// The sandbox of `npm start` without a token, driven as a newcomer would drive it: lines typed
// into its input, the conversation read back from its output. The bot behind it is the real one,
// polling the fake Bot API over HTTP, on a real (test) database with the demo workspace.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotDeps } from '../../src/bot/context.ts';
import type { RunningBot } from '../../src/bot/launch.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { htmlToTerminal } from '../../src/sandbox/render.ts';
import { startSandbox } from '../../src/sandbox/start.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

interface Session {
  running: RunningBot;
  input: PassThrough;
  photoDir: string;
  /** everything printed so far */
  output(): string;
  /** types one line and resolves with the output from then on, once it contains `expected` */
  type(line: string, expected: string): Promise<string>;
}

let t: TestDb;
let deps: BotDeps;
const sessions: Session[] = [];

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
  for (const s of sessions.splice(0)) {
    await s.running.stop('test');
    rmSync(s.photoDir, { recursive: true, force: true });
  }
});

afterAll(() => t.close());

/** Polls the output until it contains `expected` after position `from`; fails after 10 s with what was printed. */
async function outputContaining(read: () => string, from: number, expected: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = read().slice(from);
    if (text.includes(expected)) return text;
    if (Date.now() > deadline) throw new Error(`no "${expected}" in the sandbox output within 10 s; it printed:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function start(): Promise<Session> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => { printed += chunk.toString('utf8'); });
  const photoDir = mkdtempSync(join(tmpdir(), 'spbe-sandbox-test-'));
  const running = await startSandbox(deps, { input, output, photoDir });
  const session: Session = {
    running, input, photoDir,
    output: () => printed,
    type(line, expected) {
      const from = printed.length;
      input.write(`${line}\n`);
      return outputContaining(() => printed, from, expected);
    },
  };
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
    expect(welcome).toContain('Rina (koordinator) di grup "Tim SPBE Kaltim (demo)"');
    for (const example of ['/bantuan', '/indeks', '/skor 42', '/domain 4', '/simulasi 4', '/tahapan', '/nilai 42 5 final']) {
      expect(welcome).toContain(example);
    }
    for (const command of [':sebagai <1-4>', ':grup', ':pribadi', ':bantuan', ':keluar']) expect(welcome).toContain(command);
  });

  it('/indeks shows the index as plain text with a numbered button, and "1" saves the charts as PNG files', async () => {
    const s = await start();
    const reply = await s.type('/indeks', '[1] 📊 Grafik');
    expect(reply).toContain('Indeks: 3,79 (Sangat Baik)');
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
    expect(out).toContain('Indeks SPBE 2024');
    const files = [...out.matchAll(/disimpan: (\S+\.(?:pdf|xlsx))/g)].map((m) => m[1]!);
    expect(files.map((p) => p.replace(`${s.photoDir}/`, ''))).toContain('laporan-spbe-2024-demo-kaltim.pdf');
    for (const path of [...photos, ...files]) expect(existsSync(path)).toBe(true);
    expect(readFileSync(files[0]!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a newcomer who is not a member is told so, in a reply and in a button press\'s notice', async () => {
    const s = await start();
    await s.type('/indeks', '[1] 📊 Grafik'); // Rina's message, with its button
    expect(await s.type(':sebagai 4', 'Sekarang Anda Tamu')).toContain('belum anggota');
    await s.type('/indeks', 'Anda belum terdaftar di workspace Pemprov Kaltim (demo). Minta tautan undangan kepada admin.');
    await s.type('1', '🔔 Anda belum terdaftar di workspace Pemprov Kaltim (demo).');
    // Lines wait for the bot to finish the previous one: all the press caused is printed before this.
    const rest = await s.type(':bantuan', 'Perintah sandbox');
    expect(s.output()).not.toContain('Foto disimpan');
    expect(rest).not.toContain('🤖');
  });

  it('a PIC has no access to /nilai', async () => {
    const s = await start();
    await s.type(':sebagai 2', 'Sekarang Anda Budi (PIC Bappeda)');
    await s.type('/nilai 1 5', 'Anda tidak memiliki akses ke /nilai. Perintah ini hanya untuk koordinator.');
  });

  it('types in the private chat after :pribadi, and says so when there is no button to press', async () => {
    const s = await start();
    await s.type(':pribadi', 'di chat pribadi dengan bot');
    await s.type('/start', 'Anda terdaftar di: Pemprov Kaltim (demo)');
    await s.type('3', 'Belum ada pesan bot bertombol di chat ini.');
    await s.type(':sebagai 9', 'Pilih orang dengan nomornya');
    await s.type(':apa', 'Perintah sandbox ":apa" tidak dikenal.');
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
    expect(printed.indexOf('Tahapan evaluasi Indeks SPBE 2024')).toBeGreaterThan(0);
    expect(printed.indexOf('Tahapan evaluasi Indeks SPBE 2024')).toBeLessThan(printed.indexOf('Sampai jumpa'));
  });

  it('a second run on the same database seeds nothing twice and still gets answers', async () => {
    const first = await start();
    await first.type('/skor 42', 'Indikator 42');
    await first.running.stop('test');
    const second = await start();
    await second.type('/skor 42', 'Indikator 42');
    expect(await t.db.workspace.count({ where: { slug: 'demo-kaltim' } })).toBe(1);
    expect(await t.db.chat.count({ where: { title: 'Tim SPBE Kaltim (demo)' } })).toBe(1);
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
