// The operator's log through the real bot, telegraf and the fake Bot API: a line per handled
// update (update_id, command, workspace, duration), a line per Telegram call (chat, method,
// result, retry_after), errors with their stack, and never a bot token or a file URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { Harness } from '../support/bot-harness.ts';
import { rina, startHarness } from '../support/bot-harness.ts';

const TOKEN = '7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';
const FILE_URL = `https://api.telegram.org/file/bot${TOKEN}/documents/file_7.pdf`;
const lines: string[] = [];
const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
/** The line is written when the update's handling ends, which is after its reply went out. */
async function waitForRecord(match: (r: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 200; i++) {
    const found = records().find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no log line matched; lines: ${lines.join('')}`);
}
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logger: createLogger('info', { destination: { write: (l) => lines.push(l) } }) });
});
afterAll(() => h.stop());

describe('the log', () => {
  it('has one line per handled update and one per Telegram call', async () => {
    lines.length = 0;
    await h.say(rina, rina.id, '/indeks');
    const update = await waitForRecord((r) => r.msg === 'update handled' && r.command === 'indeks');
    expect(update).toMatchObject({ level: 'info', type: 'message', workspace: 'demo-kaltim', chat: rina.id });
    expect(typeof update.update_id).toBe('number');
    expect(update.duration_ms).toBeGreaterThanOrEqual(0);
    const send = records().find((r) => r.msg === 'telegram call' && r.method === 'sendMessage')!;
    expect(send).toMatchObject({ chat: rina.id, result: 'ok', attempt: 1 });
    // The text typed is not logged: a bot in a group reads chatter that is not its business.
    expect(lines.join('\n')).not.toContain('/indeks');
  });

  it('logs a 429 with its retry_after, then the retry that went through', async () => {
    lines.length = 0;
    h.api.failNext('sendMessage', { kind: '429', retryAfter: 1 }, 1, rina.id);
    await h.say(rina, rina.id, '/tahapan');
    await waitForRecord((r) => r.msg === 'update handled' && r.command === 'tahapan');
    const calls = records().filter((r) => r.method === 'sendMessage');
    expect(calls[0]).toMatchObject({ level: 'warn', msg: 'telegram call failed', result: 429, retry_after: 1, attempt: 1 });
    expect(calls[1]).toMatchObject({ result: 'ok', attempt: 2 });
  });

  it('gives a failed update its stack, with the token and a file URL scrubbed', async () => {
    lines.length = 0;
    h.api.failNext('sendMessage', { kind: '400', description: `Bad Request: wrong file ${FILE_URL} for bot ${TOKEN}` }, 1, rina.id);
    await h.say(rina, rina.id, '/tahapan');
    await h.next((c) => c.method === 'sendMessage' && String(c.params.text).includes('Kode'), 0).catch(() => undefined);
    const failed = await waitForRecord((r) => r.msg === 'update failed');
    const err = failed.err as { message: string; stack: string; type: string };
    expect(err.stack).toMatch(/\n\s+at /);
    expect(err.message).toContain('[file-url]');
    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('api.telegram.org/file');
    expect(all).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1');
  });

  it('scrubs a token whatever field it hides in, and redacts known secret fields', () => {
    const out: string[] = [];
    const logger = createLogger('debug', { destination: { write: (l) => out.push(l) } });
    logger.warn({ token: TOKEN, url: FILE_URL, nested: { note: `token ${TOKEN}` }, chat: -1001234567890n }, `calling ${TOKEN}`);
    const line = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ token: '[redacted]', url: '[file-url]', nested: { note: 'token [token]' }, msg: 'calling [token]' });
    expect(out[0]).not.toContain(TOKEN);
  });

  it('leaves out what is below LOG_LEVEL', () => {
    const out: string[] = [];
    const logger = createLogger('warn', { destination: { write: (l) => out.push(l) } });
    logger.info({}, 'quiet');
    logger.error({}, 'loud');
    expect(out.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['loud']);
  });

  it('writes readable lines when pretty', () => {
    const out: string[] = [];
    createLogger('info', { pretty: true, destination: { write: (l) => out.push(l) } }).warn({ chat: 5 }, `send to bot${TOKEN}`);
    expect(out.join('')).toMatch(/WARN.*send to bot\[token\]/);
    expect(out.join('')).toContain('chat: 5');
  });
});
