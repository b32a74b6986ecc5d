// `npm start` as a real process: serves a bot token against TELEGRAM_API_ROOT (the fake Bot API),
// survives a failing start-up call, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../../src/bot/texts.ts';
import type { FakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { freePort, textOf } from '../support/bot-harness.ts';

let api: FakeBotApi;
const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-process-'));
beforeAll(async () => {
  api = createFakeBotApi({ botUsername: 'spbe_test_bot' });
  await api.start();
});
afterAll(async () => {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with BOT_TOKEN', () => {
  it('keeps running when setMyCommands fails, answers, serves /healthz, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    api.failNext('setMyCommands', { kind: '400', description: 'Bad Request: BOT_COMMAND_INVALID' }, 10);
    // The process npm start runs (npm itself would be killed by the signal, not the bot).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: `file:${join(dir, 'bot.db')}`, LOG_LEVEL: 'info', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'], detached: false,
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await api.waitForCall('getUpdates', { timeoutMs: 30_000 });
      expect(api.callsOf('setMyCommands').every((c) => c.fault)).toBe(true);
      const after = api.calls.length;
      api.pushText({ chatId: 4242, from: { id: 4242, first_name: 'Warga' }, text: '/indeks' });
      const reply = await api.waitForCall((c) => c.method === 'sendMessage', { after, timeoutMs: 10_000 });
      expect(textOf(reply)).toBe(texts.noWorkspace);
      expect(stderr).toContain('setMyCommands failed; continuing');
      expect(stderr).not.toContain(api.token);
      // Polling mode answers /healthz on PORT too: the database is reachable, this process sends reminders.
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const report = await health.json() as { ok: boolean; database: string; process: string; reminders: string | null };
      expect(report).toMatchObject({ ok: true, database: 'ok' });
      expect(report.reminders).toBe(report.process);
      expect((await fetch(`http://127.0.0.1:${port}/telegram`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
