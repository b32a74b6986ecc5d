// `npm start` with a setting Telegram would refuse: the process stops at once with the reason,
// before touching the database or Telegram (a bad WEBHOOK_SECRET used to fail setWebhook with a
// warning only, leaving a bot that ran and received nothing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { REPO_ROOT } from '../support/cli.ts';

let api: FakeBotApi;
const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-startup-'));
beforeAll(async () => {
  api = createFakeBotApi({ botUsername: 'spbe_test_bot' });
  await api.start();
});
afterAll(async () => {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: `file:${join(dir, 'bot.db')}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += String(d); });
  const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearTimeout(timer);
    resolve({ code, stderr });
  }));
}

describe('npm start with an invalid WEBHOOK_SECRET', () => {
  it('refuses to start (exit 2), naming the setting and the rule, without calling Telegram or creating the database', async () => {
    const secret = 'rahasia bot.kami';
    const run = await start({ WEBHOOK_URL: 'https://bot.example.go.id/telegram', WEBHOOK_SECRET: secret, PORT: '0' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Pengaturan tidak valid');
    expect(run.stderr).toContain('WEBHOOK_SECRET: harus 1–256 karakter');
    expect(run.stderr).not.toContain(secret);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(api.calls).toHaveLength(0);
    expect(existsSync(join(dir, 'bot.db'))).toBe(false);
  }, 30_000);
});
