// A linked group upgraded to a supergroup, end to end: the fake Bot API answers the old id with 400
// migrate_to_chat_id from then on and sends the service messages (either first, or only one, or
// none). The link, its settings and OPD, and its pending reminders move to the new id exactly once,
// and every reminder then goes out once, to the new id only. Demo workspace (WITA), 2024 timeline:
// the interview deadline is Tuesday 29 October, the final one Tuesday 10 December.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/bot/notifier.ts';
import { workspaceTexts } from '../../src/bot/texts.ts';
import { replanWorkspace } from '../../src/db/reminder-plan.ts';
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness } from '../support/bot-harness.ts';
import { rina, silentLogger, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
let clock = new Date('2024-10-20T01:00:00Z'); // Sunday 09.00 WITA
beforeAll(async () => { h = await startHarness({ now: () => clock }); });
afterAll(() => h.stop());

const WORKSPACE = 'Pemprov Kaltim (demo)';
// H-7 and H-1 at 09.00 WITA, no digest: each group has four pending reminders from 20 October.
const SETTINGS = JSON.stringify({ stageOffsets: [7, 1], hour: 9, digestDay: null });

/** Links the basic group `old` to the demo workspace as Bappeda's, with its own settings. */
async function linkBasicGroup(old: number) {
  const after = h.api.calls.length;
  h.api.pushText({ chatId: old, chatType: 'group', chatTitle: `Tim SPBE ${old}`, from: rina, text: '/hubungkan bappeda' });
  const reply = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === old, after);
  expect(textOf(reply)).toBe(workspaceTexts.linked(WORKSPACE, 'Bappeda'));
  const chat = await h.t.db.chat.update({ where: { telegramChatId: BigInt(old) }, data: { settings: SETTINGS } });
  await h.t.db.$transaction((tx) => replanWorkspace(tx, chat.workspaceId, clock));
  return chat;
}

const rowsOf = (chatId: number) =>
  h.t.db.reminderDelivery.findMany({ where: { telegramChatId: BigInt(chatId) }, orderBy: { id: 'asc' }, select: { id: true, key: true, state: true, dueAt: true } });

/** The rows of `old`, as they must look once moved to `now`. */
async function expectedAfterMove(old: number, now: number) {
  const rows = await rowsOf(old);
  expect(rows).toHaveLength(4);
  expect(rows.every((r) => r.state === 'pending' && r.key.endsWith(`:g${old}`))).toBe(true);
  return rows.map((r) => ({ ...r, key: r.key.replace(`:g${old}`, `:g${now}`) }));
}

async function expectMoved(chatBefore: { id: number; opdId: number | null; settings: string }, old: number, now: number, moved: Awaited<ReturnType<typeof expectedAfterMove>>) {
  expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(old) } })).toBeNull();
  expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(now) } })).toMatchObject({
    id: chatBefore.id, type: 'supergroup', opdId: chatBefore.opdId, settings: SETTINGS, inactiveAt: null,
  });
  expect(await rowsOf(old)).toEqual([]);
  expect(await rowsOf(now)).toEqual(moved);
  expect(await h.t.db.auditEntry.count({ where: { action: 'chat.migrate', entityId: String(now) } })).toBe(1);
  // A later replan finds every occurrence at the new id: nothing added, nothing for the old id.
  const replanned = await h.t.db.$transaction((tx) => replanWorkspace(tx, 1, clock));
  expect(replanned.created).toBe(0);
  expect(await rowsOf(old)).toEqual([]);
  expect(await rowsOf(now)).toEqual(moved);
}

const notifier = () => createNotifier(h.bot.telegram, () => 'spbe_test_bot');
const sendsTo = (calls: readonly FakeCall[], chatId: number) => calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId);

// Each pair: a basic group and the supergroup it becomes, with the service messages Telegram sends.
const PAIRS = [
  { old: -4_101, now: -1_000_000_004_101, messages: ['to', 'from'] as const },
  { old: -4_102, now: -1_000_000_004_102, messages: ['from', 'to'] as const },
  { old: -4_103, now: -1_000_000_004_103, messages: ['from'] as const },
  { old: -4_104, now: -1_000_000_004_104, messages: ['to'] as const },
];

describe('service messages of an upgrade (migrate_to_chat_id / migrate_from_chat_id)', () => {
  it.each(PAIRS)('$messages: the link keeps its settings and OPD, and its pending reminders move once', async ({ old, now, messages }) => {
    const chat = await linkBasicGroup(old);
    const moved = await expectedAfterMove(old, now);
    h.api.upgradeToSupergroup({ oldChatId: old, newChatId: now, from: rina, chatTitle: `Tim SPBE ${old}`, messages: [...messages] });
    await expect.poll(() => h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(now) } }), { timeout: 10_000 }).not.toBeNull();
    // The supergroup answers as the linked group (a later update: the service messages are handled by then).
    expect(textOf(await h.say(rina, now, '/tahapan'))).toContain('Tahapan evaluasi');
    await expectMoved(chat, old, now, moved);
  });

  it('the tick then sends each group its H-7 once, to the new id only', async () => {
    clock = new Date('2024-10-22T01:00:00Z'); // Tuesday 09.00 WITA: H-7 of the interview
    const after = h.api.calls.length;
    await deliverDueReminders({ db: h.t.db, notifier: notifier(), logger: silentLogger }, () => clock);
    const calls = h.api.calls.slice(after);
    for (const { old, now } of PAIRS) {
      expect(sendsTo(calls, old)).toEqual([]);
      const sent = sendsTo(calls, now);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.fault).toBeUndefined();
      expect(textOf(sent[0]!)).toContain('Penilaian Interviu');
      const byDue = (await rowsOf(now)).sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
      expect(byDue.map((r) => r.state)).toEqual(['sent', 'pending', 'pending', 'pending']);
    }
    // A second tick at the same time has nothing left to send to them.
    const again = h.api.calls.length;
    await deliverDueReminders({ db: h.t.db, notifier: notifier(), logger: silentLogger }, () => clock);
    for (const { old, now } of PAIRS) expect([...sendsTo(h.api.calls.slice(again), old), ...sendsTo(h.api.calls.slice(again), now)]).toEqual([]);
  });
});

describe('an upgrade Telegram tells only by answering a send 400 migrate_to_chat_id', () => {
  const OLD = -4_201;
  const NEW = -1_000_000_004_201;

  it('moves the link and its reminders, and resends each reminder once to the new id', async () => {
    clock = new Date('2024-10-20T01:00:00Z');
    // Two reminders due in the same tick (interview H-7, final H-49), so one is still in hand, at
    // the old id, when the first send finds the group moved.
    const chat = await linkBasicGroup(OLD);
    await h.t.db.chat.update({ where: { id: chat.id }, data: { settings: JSON.stringify({ stageOffsets: [49, 7], hour: 10, digestDay: null }) } });
    await h.t.db.$transaction((tx) => replanWorkspace(tx, 1, clock));
    const dueTogether = (await rowsOf(OLD)).filter((r) => r.dueAt.getTime() === Date.parse('2024-10-22T02:00:00Z'));
    expect(dueTogether).toHaveLength(2);
    h.api.upgradeToSupergroup({ oldChatId: OLD, newChatId: NEW, from: rina, messages: [] });

    clock = new Date('2024-10-22T02:00:00Z'); // Tuesday 10.00 WITA
    const after = h.api.calls.length;
    // One at a time, so the second row is taken up after the first send moved the group; the next
    // tick sends what the first had to leave.
    await deliverDueReminders({ db: h.t.db, notifier: notifier(), logger: silentLogger, concurrency: 1 }, () => clock);
    await deliverDueReminders({ db: h.t.db, notifier: notifier(), logger: silentLogger }, () => clock);
    const calls = h.api.calls.slice(after);

    const refused = sendsTo(calls, OLD);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((c) => c.fault?.kind === 'migrate')).toBe(true);
    const delivered = sendsTo(calls, NEW);
    expect(delivered.every((c) => c.fault === undefined)).toBe(true);
    expect(delivered.map(textOf).map((t) => /Penilaian Interviu|Hasil Akhir/.exec(t)?.[0]).sort()).toEqual(['Hasil Akhir', 'Penilaian Interviu']);

    expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(OLD) } })).toBeNull();
    expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(NEW) } })).toMatchObject({ id: chat.id, type: 'supergroup', opdId: chat.opdId });
    expect(await rowsOf(OLD)).toEqual([]);
    const rows = await rowsOf(NEW);
    expect(rows.filter((r) => dueTogether.some((d) => d.id === r.id)).map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(rows.every((r) => r.key.endsWith(`:g${NEW}`))).toBe(true);
    expect(await h.t.db.auditEntry.count({ where: { action: 'chat.migrate', entityId: String(NEW) } })).toBe(1);
  });
});

describe('/hubungkan in the new supergroup', () => {
  const OLD = -4_301;
  const NEW = -1_000_000_004_301;

  it('finds the linked basic group it came from and moves that link (settings, OPD, reminders) instead of adding a second', async () => {
    clock = new Date('2024-10-20T01:00:00Z');
    const chat = await linkBasicGroup(OLD);
    const moved = await expectedAfterMove(OLD, NEW);
    h.api.upgradeToSupergroup({ oldChatId: OLD, newChatId: NEW, from: rina, messages: [] }); // the bot missed the news
    const chatsBefore = await h.t.db.chat.count();
    const after = h.api.calls.length;
    h.api.pushText({ chatId: NEW, chatType: 'supergroup', chatTitle: 'Tim SPBE Bappeda', from: rina, text: '/hubungkan' });
    const reply = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === NEW, after);
    expect(textOf(reply)).toBe(workspaceTexts.linkMoved(WORKSPACE, 'Bappeda'));
    expect(await h.t.db.chat.count()).toBe(chatsBefore);
    await expectMoved(chat, OLD, NEW, moved);
  });

  it('in a supergroup that came from no linked group, links it as before', async () => {
    const fresh = -1_000_000_004_302;
    expect(textOf(await h.say(rina, fresh, '/hubungkan'))).toBe(workspaceTexts.linked(WORKSPACE, null));
    expect(await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(fresh) } })).toMatchObject({ type: 'supergroup', opdId: null });
  });
});
