// The fake Bot API driven the way the bot will drive it: a real telegraf over HTTP, in polling
// and in webhook mode. What is asserted is what Telegram would have said or done.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import type { FakeBotApi, FakeBotApiOptions, FakeCall, TgUpdate } from '../../src/sandbox/fake-bot-api.ts';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Last in, first out: bots stop before the fake they poll.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startApi(options?: FakeBotApiOptions): Promise<FakeBotApi> {
  const api = createFakeBotApi(options);
  await api.start();
  cleanups.push(() => api.stop());
  return api;
}

function botFor(api: FakeBotApi, token = api.token): Telegraf {
  return new Telegraf(token, { telegram: { apiRoot: api.apiRoot } });
}

/**
 * Launches in polling mode and returns once the first long poll is parked on the fake. The launch
 * promise comes back wrapped: an async function returning it bare would wait for it to settle.
 */
async function launchPolling(api: FakeBotApi, bot: Telegraf): Promise<{ launched: Promise<void> }> {
  const mark = api.calls.length;
  const launched = bot.launch();
  launched.catch(() => undefined); // a test that expects a rejection awaits it itself
  await api.waitForCall((call) => call.method === 'getUpdates' && call.params['timeout'] === 50, { after: mark });
  cleanups.push(async () => {
    bot.stop('test over');
    await launched.catch(() => undefined);
  });
  return { launched };
}

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
  });
}

const ayu = { id: 501, first_name: 'Ayu', username: 'ayu_kominfo' };

/** A PNG header (800×450) followed by every byte value and a fake multipart boundary. */
function pngBytes(): Buffer {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(800, 16);
  header.writeUInt32BE(450, 20);
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([header, everyByte, Buffer.from('\r\n--not-the-boundary\r\n\r\n'), everyByte]);
}

describe('fake Bot API with telegraf polling', () => {
  it('answers a pushed /ping with the bot\'s pong and confirms the update at the next poll', async () => {
    const api = await startApi();
    const bot = botFor(api);
    bot.command('ping', (ctx) => ctx.reply('pong'));
    await launchPolling(api, bot);

    const update = api.pushText({ chatId: ayu.id, from: ayu, text: '/ping' });
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 5 }]);

    const call = await api.waitForCall('sendMessage');
    expect(call.params).toMatchObject({ chat_id: ayu.id, text: 'pong' });
    expect(api.messagesTo(ayu.id)).toEqual([
      expect.objectContaining({ message_id: 2, text: 'pong', chat: expect.objectContaining({ id: ayu.id, type: 'private' }) }),
    ]);
    await api.waitForCall((c) => c.method === 'getUpdates' && c.params['offset'] === update.update_id + 1, { after: 0 });
    expect(api.pendingUpdates).toEqual([]);
    expect(api.callsOf('getMe')).toHaveLength(1);
    expect(api.callsOf('deleteWebhook')).toHaveLength(1);
  });

  it('gives a group command with the @botname suffix an entity covering the suffix', async () => {
    const api = await startApi({ botUsername: 'spbe_uji_bot' });
    const bot = botFor(api);
    bot.command('ping', (ctx) => ctx.reply('pong'));
    await launchPolling(api, bot);

    const update = api.pushText({ chatId: -100123, from: ayu, text: '/ping@spbe_uji_bot sekarang' });
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: '/ping@spbe_uji_bot'.length }]);
    expect(update.message?.chat).toMatchObject({ id: -100123, type: 'supergroup' });
    await api.waitForCall('sendMessage');
    expect(api.messagesTo(-100123).map((m) => m.text)).toEqual(['pong']);
  });

  it('delivers a callback query on the bot\'s message and applies the edit in place', async () => {
    const api = await startApi();
    const bot = botFor(api);
    bot.action('setuju', async (ctx) => {
      await ctx.answerCbQuery('Tercatat');
      await ctx.editMessageText('Disetujui');
    });
    await launchPolling(api, bot);
    const chatId = -100777;
    const sent = await bot.telegram.sendMessage(chatId, 'Setuju?', Markup.inlineKeyboard([Markup.button.callback('Ya', 'setuju')]));
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Ya', callback_data: 'setuju', hide: false }]] });

    const queryId = api.pushCallback({ chatId, from: ayu, messageId: sent.message_id, data: 'setuju' });

    const answer = await api.waitForCall('answerCallbackQuery', { after: 0 });
    expect(answer.params).toMatchObject({ callback_query_id: queryId, text: 'Tercatat' });
    expect(answer.response).toEqual({ ok: true, result: true });
    await api.waitForCall('editMessageText', { after: 0 });
    const [edited] = api.messagesTo(chatId);
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'Disetujui' });
    expect(edited?.edit_date).toEqual(expect.any(Number));
    expect(edited).not.toHaveProperty('reply_markup'); // an edit without markup drops the keyboard
    await expect(bot.telegram.editMessageText(chatId, sent.message_id, undefined, 'Disetujui')).rejects.toMatchObject({
      code: 400,
      description: expect.stringContaining('Bad Request: message is not modified'),
    });
    await expect(bot.telegram.answerCbQuery(queryId)).rejects.toMatchObject({ code: 400 }); // answered once only
  });

  it('hands a pushed document to the bot, which downloads its bytes through getFile', async () => {
    const api = await startApi();
    const bot = botFor(api);
    bot.on(message('document'), async (ctx) => {
      const link = await ctx.telegram.getFileLink(ctx.message.document.file_id);
      const bytes = Buffer.from(await (await fetch(link)).arrayBuffer());
      await ctx.reply(`${ctx.message.document.file_name} ${ctx.message.document.mime_type}: ${bytes.toString('utf8')}`);
    });
    await launchPolling(api, bot);

    api.pushDocument({ chatId: ayu.id, from: ayu, fileName: 'nilai.csv', mimeType: 'text/csv', data: Buffer.from('opd;nilai\n') });

    const reply = await api.waitForCall('sendMessage');
    expect(reply.params['text']).toBe('nilai.csv text/csv: opd;nilai\n');
  });

  it('delivers a repeated update_id again while the bot waits, so deduplication can be tested', async () => {
    const api = await startApi();
    const bot = botFor(api);
    const seen: number[] = [];
    bot.on('my_chat_member', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    await launchPolling(api, bot);
    const raw: Omit<TgUpdate, 'update_id'> = {
      my_chat_member: {
        chat: { id: -100555, type: 'supergroup', title: 'OPD' },
        from: { ...ayu, is_bot: false },
        date: 1_700_000_000,
        old_chat_member: { status: 'left', user: api.botUser },
        new_chat_member: { status: 'member', user: api.botUser },
      },
    };
    const first = api.pushUpdate(raw);
    await api.waitForCall((c) => c.method === 'getUpdates' && c.params['offset'] === first.update_id + 1);
    const again = api.pushUpdate({ ...raw, update_id: first.update_id });
    await api.waitForCall((c) => c.method === 'getUpdates' && c.params['offset'] === again.update_id + 1);
    expect(seen).toEqual([first.update_id, first.update_id]);
    expect(api.pushText({ chatId: 1, from: ayu, text: 'x' }).update_id).toBe(first.update_id + 1);
  });

  it('ends the poll of a running bot with 409 when another instance polls, and telegraf gives up', async () => {
    const api = await startApi();
    const { launched } = await launchPolling(api, botFor(api));
    const other = botFor(api).telegram;

    await expect(other.getUpdates(0, 100, 0, undefined)).resolves.toEqual([]);

    await expect(launched).rejects.toMatchObject({
      code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
  });
});

describe('fake Bot API long polling', () => {
  it('answers [] after the timeout when nothing arrives, and at once when an update is pushed', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;

    const started = Date.now();
    await expect(tg.getUpdates(1, 100, 0, undefined)).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    const waiting = tg.getUpdates(20, 100, 0, undefined);
    await api.waitForCall('getUpdates');
    const pushedAt = Date.now();
    const update = api.pushText({ chatId: ayu.id, from: ayu, text: 'halo' });
    const updates = await waiting;
    expect(Date.now() - pushedAt).toBeLessThan(1000);
    expect(updates.map((u) => u.update_id)).toEqual([update.update_id]);
  });

  it('honours offset (confirming what is below it) and limit', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    const [a, b, c] = ['satu', 'dua', 'tiga'].map((text) => api.pushText({ chatId: ayu.id, from: ayu, text }).update_id);

    expect((await tg.getUpdates(0, 2, 0, undefined)).map((u) => u.update_id)).toEqual([a, b]);
    expect((await tg.getUpdates(0, 100, b!, undefined)).map((u) => u.update_id)).toEqual([b, c]);
    expect(api.pendingUpdates.map((u) => u.update_id)).toEqual([b, c]);
    await expect(tg.getUpdates(0, 100, c! + 1, undefined)).resolves.toEqual([]);
    expect(api.pendingUpdates).toEqual([]);
  });

  it('ends the older of two concurrent polls with 409', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    const first = tg.getUpdates(30, 100, 0, undefined);
    first.catch(() => undefined);
    await api.waitForCall('getUpdates');

    const second = tg.getUpdates(0, 100, 0, undefined);

    await expect(first).rejects.toBeInstanceOf(TelegramError);
    await expect(first).rejects.toMatchObject({ code: 409, description: expect.stringContaining('terminated by other getUpdates request') });
    await expect(second).resolves.toEqual([]);
  });

  it('stop() answers a pending poll with [] and closes the server promptly', async () => {
    const api = createFakeBotApi();
    const { apiRoot } = await api.start();
    const tg = botFor(api).telegram;
    const polling = tg.getUpdates(30, 100, 0, undefined);
    await api.waitForCall('getUpdates');

    const started = Date.now();
    await api.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(polling).resolves.toEqual([]);
    await expect(fetch(`${apiRoot}/bot${api.token}/getMe`)).rejects.toThrow();
  });
});

describe('fake Bot API requests and answers', () => {
  it('receives a photo sent as a Buffer as multipart, with the bytes intact and JSON fields parsed', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    const png = pngBytes();
    const keyboard = { inline_keyboard: [[{ text: 'Detail', callback_data: 'detail:1' }]] };

    const sent = await tg.sendPhoto(42, { source: png, filename: 'indeks.png' }, {
      caption: 'Indeks <b>SPBE</b>',
      parse_mode: 'HTML',
      reply_markup: keyboard,
    });

    const [call] = api.callsOf('sendPhoto');
    expect(call?.params).toEqual({
      chat_id: 42,
      caption: 'Indeks <b>SPBE</b>',
      parse_mode: 'HTML',
      reply_markup: keyboard,
      photo: { filename: 'indeks.png', contentType: 'image/png', size: png.length, data: png },
    });
    expect(sent.photo.at(-1)).toMatchObject({ width: 800, height: 450, file_size: png.length });
    expect(sent.caption).toBe('Indeks SPBE');
    expect(sent.caption_entities).toEqual([{ type: 'bold', offset: 7, length: 4 }]);
    const link = await tg.getFileLink(sent.photo.at(-1)!.file_id);
    expect(Buffer.from(await (await fetch(link)).arrayBuffer()).equals(png)).toBe(true);
  });

  it('sends a document given as a Buffer with its name and a MIME type from the extension', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;

    const sent = await tg.sendDocument(-100900, { source: Buffer.from('a;b\n'), filename: 'rekap.csv' }, { caption: 'Rekap' });

    expect(sent.document).toMatchObject({ file_name: 'rekap.csv', mime_type: 'text/csv', file_size: 4 });
    expect(sent.chat).toMatchObject({ id: -100900, type: 'supergroup' });
    expect(api.messagesTo(-100900)).toEqual([expect.objectContaining({ caption: 'Rekap', message_id: 1 })]);
  });

  it('takes an album of uploaded photos as one message per photo sharing a group id, and refuses a one-photo album', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    const png = pngBytes();

    const sent = await tg.sendMediaGroup(-100900, [
      { type: 'photo', media: { source: png, filename: 'a.png' }, caption: 'Grafik <b>1</b>', parse_mode: 'HTML' },
      { type: 'photo', media: { source: png, filename: 'b.png' } },
    ]);

    expect(sent).toHaveLength(2);
    expect(sent[0]!.media_group_id).toBeDefined();
    expect(sent[1]!.media_group_id).toBe(sent[0]!.media_group_id);
    expect(sent[0]).toMatchObject({ caption: 'Grafik 1', caption_entities: [{ type: 'bold', offset: 7, length: 1 }] });
    expect('photo' in sent[1]! && sent[1].photo.at(-1)).toMatchObject({ width: 800, height: 450, file_size: png.length });
    expect(api.messagesTo(-100900)).toHaveLength(2);
    await expect(tg.sendMediaGroup(-100900, [{ type: 'photo', media: { source: png } }])).rejects.toThrow(/wrong number of messages/);
    expect(api.messagesTo(-100900)).toHaveLength(2);
  });

  it('aims a fault at one chat when asked, leaving other chats alone', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    api.failNext('sendMessage', { kind: '403-blocked' }, 1, 42);
    await expect(tg.sendMessage(-100900, 'grup')).resolves.toMatchObject({ text: 'grup' });
    await expect(tg.sendMessage(42, 'pribadi')).rejects.toThrow(/blocked/);
    await expect(tg.sendMessage(42, 'lagi')).resolves.toMatchObject({ text: 'lagi' });
  });

  it('parses form-encoded bodies and query strings, numbers and JSON fields included', async () => {
    const api = await startApi();
    const base = `${api.apiRoot}/bot${api.token}`;
    const keyboard = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };

    const posted = await fetch(`${base}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '-100123', text: '42', reply_markup: JSON.stringify(keyboard) }),
    });
    const queried = await fetch(`${base}/getChat?chat_id=-100123`);

    expect(api.calls.map((c) => c.params)).toEqual([
      { chat_id: -100123, text: '42', reply_markup: keyboard },
      { chat_id: -100123 },
    ]);
    expect(await posted.json()).toMatchObject({ ok: true, result: { text: '42', reply_markup: keyboard } });
    expect(await queried.json()).toEqual({ ok: true, result: { id: -100123, type: 'supergroup', title: 'Group -100123' } });
  });

  it('refuses a wrong token with 401 and an unknown method with 404, recording both', async () => {
    const api = await startApi();

    await expect(botFor(api, '999:salah').telegram.getMe()).rejects.toMatchObject({ code: 401, description: 'Unauthorized' });
    await expect(botFor(api).telegram.callApi('getMeNot' as 'getMe', {})).rejects.toMatchObject({
      code: 404,
      description: 'Not Found: method not found',
    });
    await expect(botFor(api).telegram.getMe()).resolves.toMatchObject({ id: api.botUser.id, is_bot: true, username: 'spbe_sandbox_bot' });
    expect(api.calls.map((c) => `${c.method} ${c.response?.ok}`)).toEqual(['getMe false', 'getMeNot false', 'getMe true']);
  });

  it('renders HTML like Telegram and rejects broken HTML, long text and oversized callback data', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;

    const sent = await tg.sendMessage(7, '<b>Indeks</b> &lt;3 &amp; naik', { parse_mode: 'HTML' });
    expect(sent).toMatchObject({ text: 'Indeks <3 & naik', entities: [{ type: 'bold', offset: 0, length: 6 }] });

    await expect(tg.sendMessage(7, 'nilai <3 turun', { parse_mode: 'HTML' })).rejects.toMatchObject({
      code: 400,
      description: expect.stringContaining("Bad Request: can't parse entities"),
    });
    await expect(tg.sendMessage(7, '<b>tebal', { parse_mode: 'HTML' })).rejects.toMatchObject({
      description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    });
    await expect(tg.sendMessage(7, 'x'.repeat(4097))).rejects.toMatchObject({ description: 'Bad Request: message is too long' });
    await expect(tg.sendMessage(7, 'pilih', Markup.inlineKeyboard([Markup.button.callback('A', 'a'.repeat(65))]))).rejects
      .toMatchObject({ description: 'Bad Request: BUTTON_DATA_INVALID' });
    expect(api.messagesTo(7)).toHaveLength(1);
  });

  it('answers the housekeeping methods and keeps the command menu', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    const commands = [{ command: 'indeks', description: 'Indeks SPBE' }];

    await expect(tg.setMyCommands(commands)).resolves.toBe(true);
    await expect(tg.getMyCommands()).resolves.toEqual(commands);
    await expect(tg.getMyCommands({ scope: { type: 'all_group_chats' } })).resolves.toEqual([]);
    await expect(tg.deleteMyCommands()).resolves.toBe(true);
    await expect(tg.getMyCommands()).resolves.toEqual([]);
    await expect(tg.sendChatAction(7, 'typing')).resolves.toBe(true);
    await expect(tg.setChatMenuButton({ menuButton: { type: 'commands' } })).resolves.toBe(true);
    const sent = await tg.sendMessage(7, 'sementara');
    await expect(tg.deleteMessage(7, sent.message_id)).resolves.toBe(true);
    expect(api.messagesTo(7)).toEqual([]);
    await expect(tg.deleteMessage(7, sent.message_id)).rejects.toMatchObject({ description: 'Bad Request: message to delete not found' });
    await expect(tg.getWebhookInfo()).resolves.toMatchObject({ url: '', pending_update_count: 0 });
  });
});

describe('fake Bot API faults', () => {
  it('answers a 429 fault that telegraf surfaces as a TelegramError with retry_after, once', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    api.failNext('sendMessage', { kind: '429', retryAfter: 7 });

    const error: unknown = await tg.sendMessage(ayu.id, 'pengingat').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({ code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    expect(api.callsOf('sendMessage')[0]).toMatchObject({ fault: { kind: '429', retryAfter: 7 } });
    await expect(tg.sendMessage(ayu.id, 'pengingat')).resolves.toMatchObject({ text: 'pengingat' });
    expect(api.messagesTo(ayu.id)).toHaveLength(1);
  });

  it.each([
    [{ kind: '403-kicked' } as const, { code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' }],
    [{ kind: '403-blocked' } as const, { code: 403, description: 'Forbidden: bot was blocked by the user' }],
    [{ kind: 'migrate', newChatId: -1001234567890 } as const, {
      code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1001234567890 },
    }],
    [{ kind: '5xx' } as const, { code: 500, description: 'Internal Server Error' }],
    [{ kind: '5xx', status: 502 } as const, { code: 502, description: 'Bad Gateway' }],
    [{ kind: '400', description: 'chat not found' } as const, { code: 400, description: 'Bad Request: chat not found' }],
  ])('answers the %o fault as Telegram words it', async (fault, expected) => {
    const api = await startApi();
    api.failNext('*', fault, 2);
    const tg = botFor(api).telegram;

    await expect(tg.sendMessage(-100321, 'a')).rejects.toMatchObject(expected);
    await expect(tg.editMessageText(-100321, 1, undefined, 'b')).rejects.toMatchObject(expected);
    await expect(tg.sendMessage(-100321, 'c')).resolves.toMatchObject({ text: 'c' });
  });

  it('keeps a "*" fault off getUpdates, so an idle poll does not eat it', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    api.failNext('*', { kind: '5xx' });

    await expect(tg.getUpdates(0, 100, 0, undefined)).resolves.toEqual([]);
    await expect(tg.sendMessage(1, 'x')).rejects.toMatchObject({ code: 500 });
  });
});

describe('fake Bot API webhook mode', () => {
  async function webhookBot(api: FakeBotApi, secretToken: string): Promise<{ url: string; headers: Array<string | undefined> }> {
    const bot = botFor(api);
    bot.command('ping', (ctx) => ctx.reply('pong'));
    bot.action('ok', (ctx) => ctx.answerCbQuery('beres'));
    const callback = bot.webhookCallback('/hook', { secretToken });
    const headers: Array<string | undefined> = [];
    const base = await listen((req, res) => {
      headers.push(req.headers['x-telegram-bot-api-secret-token'] as string | undefined);
      void callback(req, res);
    });
    return { url: `${base}/hook`, headers };
  }

  it('POSTs a push to the bot\'s webhookCallback with the secret header', async () => {
    const api = await startApi();
    const { url, headers } = await webhookBot(api, 'rahasia_123');
    api.useWebhook(url, 'rahasia_123');

    const update = api.pushText({ chatId: ayu.id, from: ayu, text: '/ping' });
    const delivery = await api.waitForDelivery(update.update_id);

    expect(delivery).toMatchObject({ ok: true, url, attempts: [{ status: 200 }] });
    expect(headers).toEqual(['rahasia_123']);
    expect(api.messagesTo(ayu.id).map((m) => m.text)).toEqual(['pong']);
    expect(api.pendingUpdates).toEqual([]);
  });

  it('executes the call telegraf puts in its webhook answer (answerCallbackQuery)', async () => {
    const api = await startApi();
    const { url } = await webhookBot(api, 'rahasia_123');
    api.useWebhook(url, 'rahasia_123');
    const sent = await botFor(api).telegram.sendMessage(ayu.id, 'Oke?', Markup.inlineKeyboard([Markup.button.callback('Oke', 'ok')]));

    const queryId = api.pushCallback({ chatId: ayu.id, from: ayu, messageId: sent.message_id, data: 'ok' });

    const answer = await api.waitForCall('answerCallbackQuery');
    expect(answer).toMatchObject({ via: 'webhook-reply', params: { callback_query_id: queryId, text: 'beres' }, response: { ok: true } });
  });

  it('retries a delivery the bot refuses, then records it as failed', async () => {
    const api = await startApi({ webhookRetries: 2, webhookRetryDelayMs: 10 });
    const { url, headers } = await webhookBot(api, 'benar');
    api.useWebhook(url, 'salah');

    const update = api.pushText({ chatId: ayu.id, from: ayu, text: '/ping' });
    const delivery = await api.waitForDelivery(update.update_id);

    expect(delivery.ok).toBe(false);
    expect(delivery.attempts.map((a) => a.status)).toEqual([403, 403, 403]); // telegraf's answer to a wrong secret
    expect(headers).toEqual(['salah', 'salah', 'salah']);
    expect(api.callsOf('sendMessage')).toEqual([]);
    await expect(botFor(api).telegram.getWebhookInfo()).resolves.toMatchObject({ url, last_error_message: expect.stringContaining('403') });
  });

  it('retries after a 5xx answer and delivers the update once', async () => {
    const api = await startApi({ webhookRetries: 3, webhookRetryDelayMs: 10 });
    const bot = botFor(api);
    bot.command('ping', (ctx) => ctx.reply('pong'));
    const callback = bot.webhookCallback('/hook');
    let refusals = 1;
    const base = await listen((req: IncomingMessage, res: ServerResponse) => {
      if (refusals-- > 0) return void res.writeHead(503).end();
      void callback(req, res);
    });
    api.useWebhook(`${base}/hook`);

    const update = api.pushText({ chatId: ayu.id, from: ayu, text: '/ping' });
    const delivery = await api.waitForDelivery(update.update_id);

    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(api.callsOf('sendMessage')).toHaveLength(1);
  });

  it('switches to webhook delivery on the bot\'s setWebhook and back to the queue on deleteWebhook', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    const received: Array<{ secret: string | undefined; update: TgUpdate }> = [];
    const base = await listen(async (req, res) => {
      const body = await readBody(req);
      received.push({ secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined, update: JSON.parse(body) as TgUpdate });
      res.end();
    });
    const queued = api.pushText({ chatId: ayu.id, from: ayu, text: 'sebelum webhook' });

    await tg.setWebhook(`${base}/tg`, { secret_token: 'abc_DEF-1' });
    const pushed = api.pushText({ chatId: ayu.id, from: ayu, text: 'sesudah webhook' });
    await api.waitForDelivery(pushed.update_id);

    expect(received).toEqual([
      { secret: 'abc_DEF-1', update: queued },
      { secret: 'abc_DEF-1', update: pushed },
    ]);
    await expect(tg.getWebhookInfo()).resolves.toMatchObject({ url: `${base}/tg`, pending_update_count: 0 });
    await expect(tg.getUpdates(0, 100, 0, undefined)).rejects.toMatchObject({ code: 409 });

    await tg.deleteWebhook();
    const later = api.pushText({ chatId: ayu.id, from: ayu, text: 'sesudah deleteWebhook' });
    expect(api.pendingUpdates).toEqual([later]);
    expect(received).toHaveLength(2);
  });
});

describe('fake Bot API helpers for tests', () => {
  it('waitForCall sees only calls from now on unless given an index, and times out listing the last calls', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    await tg.sendMessage(1, 'lama');

    await expect(api.waitForCall('sendMessage', { timeoutMs: 50 })).rejects.toThrow(/waitForCall\(sendMessage\)[^]*#0 sendMessage \{"chat_id":1,"text":"lama"\} -> ok/);
    await expect(api.waitForCall('sendMessage', { after: 0 })).resolves.toMatchObject({ index: 0, params: { text: 'lama' } });

    const next = api.waitForCall((call: FakeCall) => call.method === 'sendMessage' && call.params['text'] === 'baru');
    await tg.sendMessage(1, 'baru');
    await expect(next).resolves.toMatchObject({ index: 1, response: { ok: true, result: { message_id: 2 } } });
  });

  it('emits every call to "call" listeners, answered', async () => {
    const api = await startApi();
    const seen: string[] = [];
    api.on('call', (call) => seen.push(`${call.method}:${call.response?.ok}`));

    await botFor(api).telegram.sendMessage(1, 'halo');
    await botFor(api).telegram.sendMessage('@tidak_ada', 'halo').catch(() => undefined);

    expect(seen).toEqual(['sendMessage:true', 'sendMessage:false']);
  });

  it('reset() clears calls and messages while message ids keep counting', async () => {
    const api = await startApi();
    const tg = botFor(api).telegram;
    await tg.sendMessage(1, 'satu');

    api.reset();

    expect(api.calls).toEqual([]);
    expect(api.messagesTo(1)).toEqual([]);
    await expect(tg.sendMessage(1, 'dua')).resolves.toMatchObject({ message_id: 2 });
    expect(api.calls.map((c) => c.index)).toEqual([0]);
  });
});
