// The bot as a service: every command is routed, faults of Telegram lose no reply, a repeated
// update is handled once, a crash in a handler becomes an apology with a reference code, and
// the webhook mode checks its secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/bot/registry.ts';
import { texts } from '../../src/bot/texts.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, GROUP, rina, sekda, startHarness, tamu, textOf } from '../support/bot-harness.ts';

describe('polling', () => {
  let h: Harness;
  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    h = await startHarness({
      logger: { info() {}, warn() {}, error: (fields) => void logged.push(fields) },
      charts: {
        domains: async () => { throw new Error('canvas exploded at /secret/path'); },
        stages: async () => Buffer.from(''),
      },
    });
  });
  afterAll(() => h.stop());

  it('publishes the command menu with Indonesian descriptions at start-up', async () => {
    const call = h.api.callsOf('setMyCommands')[0]!;
    expect(call.params.commands).toEqual(COMMANDS.map((c) => ({ command: c.name, description: c.description })));
  });

  it('routes every registered command: none falls through to the unknown-command reply', async () => {
    for (const { name } of COMMANDS) {
      const reply = textOf(await h.say(rina, name === 'start' || name === 'undang' ? rina.id : GROUP, `/${name}`));
      expect(reply, `/${name}`).not.toBe(texts.unknownCommand(name));
    }
  });

  it('takes commands in any case, as phones capitalise them', async () => {
    expect(textOf(await h.say(budi, GROUP, '/Skor 1'))).toContain('<b>Indikator 1</b>');
    expect(textOf(await h.say(budi, GROUP, '/TAHAPAN@spbe_test_bot'))).toContain('Tahapan evaluasi');
  });

  it('points an unknown command to /bantuan, and ignores commands for other bots', async () => {
    expect(textOf(await h.say(budi, GROUP, '/laporanku'))).toBe(texts.unknownCommand('laporanku'));
    const after = h.api.calls.length;
    h.api.pushText({ chatId: GROUP, from: budi, text: '/indeks@bot_lain' });
    expect(textOf(await h.say(budi, GROUP, '/bantuan'))).toContain('Perintah yang dapat Anda pakai');
    expect(h.api.calls.slice(after).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('/bantuan lists only what the role allows', async () => {
    const forPic = textOf(await h.say(budi, GROUP, '/bantuan'));
    expect(forPic).toContain('/indeks [tahap]');
    expect(forPic).not.toContain('/nilai');
    expect(forPic).not.toContain('/undang');
    const forCoordinator = textOf(await h.say(rina, GROUP, '/bantuan'));
    expect(forCoordinator).toContain('/nilai');
    expect(forCoordinator).toContain('/undang');
    const forStranger = textOf(await h.say(tamu, tamu.id, '/bantuan'));
    expect(forStranger).toContain('/start [kode]');
    expect(forStranger).not.toContain('/indeks');
  });

  it('a 429 with retry_after on a reply waits and then delivers it', async () => {
    h.api.failNext('sendMessage', { kind: '429', retryAfter: 1 });
    const started = Date.now();
    const reply = await h.say(sekda, GROUP, '/tahapan');
    expect(reply.fault).toBeUndefined();
    expect(textOf(reply)).toContain('Tahapan evaluasi');
    const faulted = h.api.callsOf('sendMessage').filter((c) => c.fault);
    expect(faulted.at(-1)?.fault).toMatchObject({ kind: '429' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a 5xx on a reply is retried with backoff and delivered', async () => {
    h.api.failNext('sendMessage', { kind: '5xx', status: 502 });
    expect(textOf(await h.say(sekda, GROUP, '/skor 1'))).toContain('<b>Indikator 1</b>');
  });

  it('a group upgraded to a supergroup (400 migrate_to_chat_id): the reply goes to the new id and the link follows', async () => {
    const OLD = -4_001;
    const NEW = -1_000_000_004_001;
    await h.t.db.chat.create({ data: { workspaceId: 1, telegramChatId: BigInt(OLD), type: 'group', title: 'Grup lama' } });
    h.api.failNext('sendMessage', { kind: 'migrate', newChatId: NEW });
    const after = h.api.calls.length;
    h.api.pushText({ chatId: OLD, chatType: 'group', from: sekda, text: '/tahapan' });
    const delivered = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === NEW && !c.fault, after);
    expect(textOf(delivered)).toContain('Tahapan evaluasi');
    expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(NEW) } })).toMatchObject({ workspaceId: 1, type: 'supergroup' });
    expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(OLD) } })).toBeNull();
    expect(textOf(await h.say(sekda, NEW, '/indeks'))).toContain('Indeks: <b>3,79</b>');
  });

  it('403 from a person who blocked the bot marks them unreachable; 403 kicked makes a group inactive', async () => {
    await h.say(budi, budi.id, '/start');
    h.api.failNext('sendMessage', { kind: '403-blocked' });
    h.api.pushText({ chatId: budi.id, from: budi, text: '/tahapan' });
    await h.api.waitForCall((c) => c.method === 'sendMessage' && c.fault?.kind === '403-blocked', { timeoutMs: 10_000 });
    await expect.poll(async () => (await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } })).unreachableAt).not.toBeNull();
    expect((await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } })).privateChatAt).toBeNull();
    // Opening the chat again (/start) makes them reachable.
    await h.say(budi, budi.id, '/start');
    expect((await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } })).unreachableAt).toBeNull();

    const KICKED = -1_000_000_005_001;
    await h.t.db.chat.create({ data: { workspaceId: 1, telegramChatId: BigInt(KICKED), type: 'supergroup', title: 'Grup X' } });
    h.api.failNext('sendMessage', { kind: '403-kicked' });
    h.api.pushText({ chatId: KICKED, from: sekda, text: '/tahapan' });
    await expect.poll(async () => (await h.t.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(KICKED) } })).inactiveAt).not.toBeNull();
  });

  it('a repeated update_id is handled once', async () => {
    const first = h.api.pushText({ chatId: GROUP, from: rina, text: '/nilai 1 5 interviu' });
    await h.api.waitForCall((c) => c.method === 'sendMessage' && textOf(c).startsWith('Tercatat'), { timeoutMs: 10_000 });
    const after = h.api.calls.length;
    h.api.pushUpdate({ ...first });
    expect(textOf(await h.say(rina, GROUP, '/bantuan'))).toContain('Perintah');
    expect(h.api.calls.slice(after).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await h.t.db.scoreChange.count({ where: { source: 'bot', indicator: { no: 1 } } })).toBe(1);
  });

  it('a crash in a handler answers with an apology and a reference code, logging no secrets', async () => {
    const reply = await h.say(sekda, GROUP, '/indeks');
    const after = h.api.calls.length;
    h.api.pushCallback({ chatId: GROUP, from: sekda, messageId: Number((reply.response as { result: { message_id: number } }).result.message_id), data: 'chart:interviu' });
    const apology = await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Maaf'), after);
    const ref = /<code>([0-9A-F]{6})<\/code>/.exec(textOf(apology))?.[1];
    expect(ref).toBeDefined();
    expect(textOf(apology)).toBe(texts.error(ref!));
    expect(textOf(apology)).not.toContain('secret');
    const entry = logged.find((l) => l.ref === ref)!;
    expect(entry).toMatchObject({ command: null });
    expect((entry.err as Error).message).toBe('canvas exploded at /secret/path');
    expect(JSON.stringify(entry)).not.toContain(h.api.token);
    // The bot keeps serving.
    expect(textOf(await h.say(sekda, GROUP, '/tahapan'))).toContain('Tahapan');
  });
});

describe('rate limit', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ rateLimit: { capacity: 3, refillPerMinute: 1 } }); });
  afterAll(() => h.stop());

  it('answers a burst up to the budget, warns once, then stays quiet', async () => {
    for (let i = 0; i < 3; i++) expect(textOf(await h.say(budi, GROUP, '/tahapan'))).toContain('Tahapan');
    expect(textOf(await h.say(budi, GROUP, '/tahapan'))).toBe(texts.rateLimited);
    const after = h.api.calls.length;
    h.api.pushText({ chatId: GROUP, from: budi, text: '/tahapan' });
    // Another person is not limited by Budi's burst.
    expect(textOf(await h.say(sekda, GROUP, '/tahapan'))).toContain('Tahapan');
    expect(h.api.calls.slice(after).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });
});

describe('webhook', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ webhook: true }); });
  afterAll(() => h.stop());

  it('sets the webhook with a secret, answers through it, and serves /healthz', async () => {
    const set = h.api.callsOf('setWebhook')[0]!;
    expect(set.params.secret_token).toBe('rahasia-webhook');
    expect(textOf(await h.say(sekda, GROUP, '/indeks'))).toContain('Indeks: <b>3,79</b>');
    const update = h.api.pushText({ chatId: GROUP, from: sekda, text: '/tahapan' });
    const delivery = await h.api.waitForDelivery(update.update_id);
    expect(delivery.attempts.at(-1)?.status).toBe(200);
    const port = h.running.port!;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
  });

  it('refuses a request without the secret header before reading it', async () => {
    const port = h.running.port!;
    const forged = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'salah' },
      body: JSON.stringify({ update_id: 999_999, message: { message_id: 1, date: 0, chat: { id: GROUP, type: 'supergroup' }, from: { id: 900_001, is_bot: false, first_name: 'X' }, text: '/nilai 2 5', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } }),
    });
    expect(forged.status).toBe(403);
    expect(await h.t.db.processedUpdate.findUnique({ where: { updateId: 999_999n } })).toBeNull();
  });

  it('a webhook retry of the same update is handled once', async () => {
    const update = h.api.pushText({ chatId: GROUP, from: rina, text: '/nilai 3 5 interviu' });
    await h.api.waitForDelivery(update.update_id);
    const port = h.running.port!;
    const again = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'rahasia-webhook' },
      body: JSON.stringify(update),
    });
    expect(again.status).toBe(200);
    expect(await h.t.db.scoreChange.count({ where: { source: 'bot', indicator: { no: 3 } } })).toBe(1);
  });
});

describe('send limits', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ sendLimits: { perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 1_000 } }); });
  afterAll(() => h.stop());

  it('spaces replies to one chat by a second, and a 429 holds back every chat', async () => {
    const after = h.api.calls.length;
    h.api.pushText({ chatId: sekda.id, from: sekda, text: '/tahapan' });
    h.api.pushText({ chatId: sekda.id, from: sekda, text: '/bantuan' });
    const first = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === sekda.id, after);
    const second = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === sekda.id && c.index > first.index, after);
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);

    h.api.failNext('sendMessage', { kind: '429', retryAfter: 2 });
    const start = Date.now();
    const mark = h.api.calls.length;
    h.api.pushText({ chatId: budi.id, from: budi, text: '/tahapan' });
    await h.next((c) => c.method === 'sendMessage' && c.fault?.kind === '429', mark);
    const other = await h.say(tamu, tamu.id, '/bantuan');
    // Tamu's chat was never limited, yet waits out Budi's retry_after with everyone else.
    expect(other.at - start).toBeGreaterThanOrEqual(1_900);
    await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id && !c.fault, mark);
  });
});
