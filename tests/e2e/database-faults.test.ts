// `npm start` on PostgreSQL when the server is away: at start it waits (a clear line in the log,
// no exit, no crash loop) and starts as soon as the server answers; /healthz says whether the
// database is reachable. The "server" here is a TCP relay to the real one that the test opens and
// closes, so the machine's PostgreSQL itself is never stopped.
import { spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../../src/bot/texts.ts';
import type { FakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { freePort, textOf } from '../support/bot-harness.ts';
import { TEST_PROVIDER } from '../support/db.ts';
import { databaseUrl, dropDatabase, psql, SERVER_URL } from '../support/postgres.ts';

/** A relay on `port` to the real server, which can be cut (every connection closed) and restored. */
function relay(port: number) {
  const target = new URL(SERVER_URL);
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  return {
    async open() {
      server = createServer((client) => {
        const upstream = createConnection(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => s.destroy()); }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
  };
}

const onPostgres = TEST_PROVIDER === 'postgresql';
const name = `spbe_faults_${process.pid}`;
let api: FakeBotApi;
beforeAll(async () => {
  api = createFakeBotApi({ botUsername: 'spbe_test_bot' });
  await api.start();
  if (onPostgres) psql(`CREATE DATABASE "${name}"`);
});
afterAll(async () => {
  await api.stop();
  if (onPostgres) dropDatabase(name);
});

describe.skipIf(!onPostgres)('PostgreSQL away and back', () => {
  it('waits for a server that is down at start, then starts, answers, and /healthz follows the database', async () => {
    const dbPort = await freePort();
    const httpPort = await freePort();
    const link = relay(dbPort);
    const url = new URL(databaseUrl(name));
    url.port = String(dbPort);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: url.toString(), LOG_LEVEL: 'info',
        WEBHOOK_URL: `http://127.0.0.1:${httpPort}/telegram/hook`, PORT: String(httpPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => { log += String(d); });
    child.stderr.on('data', (d) => { log += String(d); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (text: string, timeoutMs = 60_000) => {
      const until = Date.now() + timeoutMs;
      while (!log.includes(text)) {
        if (Date.now() > until) throw new Error(`no "${text}" in the log:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await waitFor('Basis data belum dapat dihubungi');
      expect(child.exitCode).toBeNull();
      expect(log).not.toContain(url.toString());

      await link.open();
      await waitFor('bot started', 90_000);
      const health = async () => {
        const res = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
        return { status: res.status, body: await res.json() as Record<string, unknown> };
      };
      expect(await health()).toMatchObject({ status: 200, body: { ok: true, database: 'ok' } });
      expect((await health()).body.reminders).toBe((await health()).body.process);

      const after = api.calls.length;
      api.pushText({ chatId: 4242, from: { id: 4242, first_name: 'Warga' }, text: '/indeks' });
      expect(textOf(await api.waitForCall((c) => c.method === 'sendMessage', { after, timeoutMs: 15_000 }))).toBe(texts.noWorkspace);

      // The server goes away while the bot runs: /healthz says so; the bot stays up.
      await link.cut();
      const away = await health();
      expect([away.status, away.body.database]).toEqual([503, 'tidak terjangkau']);
      expect(child.exitCode).toBeNull();
      // And comes back: answers again.
      await link.open();
      const back = api.calls.length;
      api.pushText({ chatId: 4243, from: { id: 4243, first_name: 'Warga' }, text: '/indeks' });
      expect(textOf(await api.waitForCall((c) => c.method === 'sendMessage', { after: back, timeoutMs: 30_000 }))).toBe(texts.noWorkspace);
      expect((await health()).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await link.cut();
    }
    expect(await exited).toBe(0);
  }, 180_000);
});
