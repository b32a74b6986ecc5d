// The fake Bot API's group upgrade: from `upgradeToSupergroup` on, the old id is answered as
// Telegram answers it (400 migrate_to_chat_id, on every call but getChat, resets included), and the
// service messages reach a real telegraf in the order asked, shaped as Telegram sends them.
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import type { FakeBotApi } from '../../src/sandbox/fake-bot-api.ts';

const OLD = -4_501;
const NEW = -1_000_000_004_501;
const ayu = { id: 5_501, first_name: 'Ayu' };
const UPGRADED = { code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: NEW } };

let api: FakeBotApi | undefined;
afterEach(async () => { await api?.stop(); });

async function startApi(): Promise<FakeBotApi> {
  api = createFakeBotApi();
  await api.start();
  return api;
}

describe('upgradeToSupergroup', () => {
  it('answers every call to the old id 400 migrate_to_chat_id but getChat, until the end; the new id works', async () => {
    const fake = await startApi();
    const tg = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } }).telegram;
    await tg.sendMessage(OLD, 'sebelum');
    fake.upgradeToSupergroup({ oldChatId: OLD, newChatId: NEW, from: ayu, messages: [] });
    await expect(tg.sendMessage(OLD, 'a')).rejects.toMatchObject(UPGRADED);
    await expect(tg.sendMessage(OLD, 'b')).rejects.toMatchObject(UPGRADED);
    await expect(tg.sendChatAction(OLD, 'typing')).rejects.toMatchObject(UPGRADED);
    await expect(tg.editMessageText(OLD, 1, undefined, 'ubah')).rejects.toMatchObject(UPGRADED);
    await expect(tg.getChat(OLD)).resolves.toMatchObject({ id: OLD });
    expect(fake.callsOf('sendMessage').slice(1).every((c) => c.fault?.kind === 'migrate')).toBe(true);
    fake.reset();
    await expect(tg.sendMessage(OLD, 'c')).rejects.toMatchObject(UPGRADED);
    await expect(tg.sendMessage(NEW, 'sesudah')).resolves.toMatchObject({ chat: { id: NEW, type: 'supergroup' }, text: 'sesudah' });
    expect(fake.pendingUpdates).toEqual([]);
  });

  it.each([
    [undefined, ['to', 'from']],
    [['from', 'to'] as const, ['from', 'to']],
    [['from'] as const, ['from']],
    [['to'] as const, ['to']],
  ])('pushes the service messages %o to a polling telegraf, as Telegram shapes them', async (messages, expected) => {
    const fake = await startApi();
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    const seen: [number, string][] = [];
    bot.on(message('migrate_to_chat_id'), (ctx) => {
      expect(ctx.chat).toMatchObject({ id: OLD, type: 'group', title: 'Tim SPBE' });
      expect(ctx.from).toMatchObject(ayu);
      seen.push([ctx.update.update_id, `to:${ctx.message.migrate_to_chat_id}`]);
    });
    bot.on(message('migrate_from_chat_id'), (ctx) => {
      expect(ctx.chat).toMatchObject({ id: NEW, type: 'supergroup', title: 'Tim SPBE' });
      seen.push([ctx.update.update_id, `from:${ctx.message.migrate_from_chat_id}`]);
    });
    const updates = fake.upgradeToSupergroup({ oldChatId: OLD, newChatId: NEW, from: ayu, chatTitle: 'Tim SPBE', ...(messages ? { messages: [...messages] } : {}) });
    expect(updates.map((u) => (u.message!.chat.id === OLD ? 'to' : 'from'))).toEqual(expected);
    const launched = bot.launch();
    try {
      await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(expected.length);
      // telegraf handles one batch's updates concurrently: their update_ids keep the order pushed.
      expect(seen.sort(([a], [b]) => a - b).map(([, what]) => what)).toEqual(expected.map((w) => (w === 'to' ? `to:${NEW}` : `from:${OLD}`)));
    } finally {
      bot.stop('test over');
      await launched.catch(() => undefined);
    }
  });
});
