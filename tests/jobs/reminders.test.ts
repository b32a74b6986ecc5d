// Reminders end to end: a real database, the real bot sender, the project's fake Bot API, and a
// clock the test moves. The demo workspace is Kaltim (WITA, UTC+8): 08.00 local is 00.00Z.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/bot/notifier.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { changeItemStatus, createItem } from '../../src/db/checklists.ts';
import { DEMO_GROUP_ID, seedDemoWorkspace } from '../../src/db/demo.ts';
import { replanWorkspace } from '../../src/db/reminder-plan.ts';
import { setStageDate } from '../../src/db/stages.ts';
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, silentLogger, startHarness, tamu, textOf } from '../support/bot-harness.ts';
import { createTestDb } from '../support/db.ts';

let clock = new Date('2026-09-07T00:30:00Z'); // Monday 08.30 WITA
let h: Harness | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function setUp(): Promise<Harness> {
  clock = new Date('2026-09-07T00:30:00Z');
  h = await startHarness({ now: () => clock });
  // The demo's evaluation is 2024; /jadwal takes dates in the evaluation's year and the next, and
  // these reminders run in September 2026 (the holiday files cover 2025–2027).
  await h.t.db.evaluation.updateMany({ where: { workspace: { slug: 'demo-kaltim' } }, data: { year: 2026 } });
  await h.say(rina, rina.id, '/start');
  await h.say(budi, budi.id, '/start');
  return h;
}

async function ids(harness: Harness) {
  const ws = await harness.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const evaluation = await harness.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id } });
  const bappeda = await harness.t.db.opd.findFirstOrThrow({ where: { workspaceId: ws.id, code: 'bappeda' } });
  const budiRow = await harness.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } });
  return { workspaceId: ws.id, evaluationId: evaluation.id, bappedaId: bappeda.id, budiId: budiRow.id };
}

async function addItem(harness: Harness, title: string, extra: { dueDate?: string; assigneeId?: number } = {}) {
  const x = await ids(harness);
  return createItem(harness.t.db, {
    workspaceId: x.workspaceId, evaluationId: x.evaluationId, opdId: x.bappedaId, indicatorId: null, stage: 'dokumen', level: null,
    title, description: null, dueDate: extra.dueDate ?? null, assigneeId: extra.assigneeId ?? null,
  }, CLI_ACTOR, clock);
}

function deliver(harness: Harness) {
  const notifier = createNotifier(harness.bot.telegram, () => 'spbe_test_bot');
  return deliverDueReminders({ db: harness.t.db, notifier, logger: silentLogger, retryDelayMs: 60_000 }, () => clock);
}

const sendsTo = (harness: Harness, chat: number, from = 0) =>
  harness.api.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chat && !c.fault && c.response?.ok).slice(from);

async function rowsByState(harness: Harness) {
  const rows = await harness.t.db.reminderDelivery.findMany({ orderBy: { id: 'asc' } });
  return rows;
}

describe('planning from a deadline set in Telegram', () => {
  it('/jadwal plans the group reminders (H-7, H-3, H-1, hari H at 08.00 WITA) and the PIC with open items', async () => {
    const harness = await setUp();
    await addItem(harness, 'SOP arsitektur SPBE');
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026');
    const rows = await rowsByState(harness);
    const group = rows.filter((r) => r.kind === 'stage-group').map((r) => r.dueAt.toISOString()).sort();
    expect(group).toEqual(['2026-09-11T00:00:00.000Z', '2026-09-15T00:00:00.000Z', '2026-09-17T00:00:00.000Z', '2026-09-18T00:00:00.000Z']);
    expect(rows.filter((r) => r.kind === 'stage-pic').every((r) => r.telegramChatId === BigInt(budi.id))).toBe(true);
    expect(rows.filter((r) => r.kind === 'stage-pic')).toHaveLength(4);
    // rina (koordinator, no OPD) has nothing open for the stage: no private stage reminder (only,
    // should the item be late, the coordinators' overdue list the day after)
    expect(rows.filter((r) => r.telegramChatId === BigInt(rina.id)).map((r) => r.kind)).toEqual(['overdue-coord']);
  });

  it('a moved deadline replaces the pending rows instead of adding more', async () => {
    const harness = await setUp();
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026');
    const before = await rowsByState(harness);
    await harness.say(rina, GROUP, '/jadwal dokumen 25-09-2026');
    const after = await rowsByState(harness);
    expect(after.filter((r) => r.state === 'pending')).toHaveLength(before.length);
    const stageRows = after.filter((r) => r.kind.startsWith('stage'));
    expect(stageRows.length).toBeGreaterThan(0);
    expect(stageRows.every((r) => r.key.includes('2026-09-25'))).toBe(true);
  });
});

describe('delivery after downtime', () => {
  it('sends what fell due while the bot was down once: the reminder closest to the deadline, no names in the group', async () => {
    const harness = await setUp();
    await addItem(harness, 'SOP arsitektur SPBE');
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026');
    const groupBefore = sendsTo(harness, GROUP).length;
    clock = new Date('2026-09-15T01:00:00Z'); // Tuesday 09.00: H-7 (Friday) and H-3 (today) fell due
    const summary = await deliver(harness);
    // the two H-3 reminders, and Monday's weekly digests (group, and Budi who has work open)
    expect(summary).toMatchObject({ sent: 4, skipped: 2 });
    expect(sendsTo(harness, GROUP, groupBefore).filter((c) => textOf(c).includes('Ringkasan mingguan'))).toHaveLength(1);

    const group = sendsTo(harness, GROUP, groupBefore).filter((c) => textOf(c).includes('Pengingat'));
    expect(group).toHaveLength(1);
    expect(textOf(group[0]!)).toContain('Penilaian Dokumen');
    expect(textOf(group[0]!)).toContain('3 hari lagi');
    expect(textOf(group[0]!)).not.toMatch(/Budi|Rina/);
    expect(buttonsOf(group[0]!).map(([, d]) => d.split(':')[0])).toEqual(['tz', 'tz']);

    const pic = sendsTo(harness, budi.id).filter((c) => textOf(c).includes('berakhir'));
    expect(pic).toHaveLength(1);
    expect(textOf(pic[0]!)).toContain('SOP arsitektur SPBE');

    const again = await deliver(harness);
    expect(again.sent).toBe(0);
    expect(sendsTo(harness, GROUP, groupBefore)).toHaveLength(2);
  });

  it('summarises reminders whose deadline passed while the bot was down in one message', async () => {
    const harness = await setUp();
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026');
    const groupBefore = sendsTo(harness, GROUP).length;
    clock = new Date('2026-09-21T01:00:00Z'); // Monday after the Friday deadline
    const summary = await deliver(harness);
    // H-7, H-3 and H-1 are superseded by hari H, which went into the summary; last Monday's
    // digest is a week old and dropped (the next one comes)
    expect(summary).toMatchObject({ missed: 1, skipped: 4, sent: 0 });
    expect((await harness.t.db.reminderDelivery.findFirstOrThrow({ where: { kind: 'digest-group' } })).state).toBe('skipped');
    const group = sendsTo(harness, GROUP, groupBefore).filter((c) => !textOf(c).includes('Ringkasan mingguan'));
    expect(group).toHaveLength(1);
    expect(textOf(group[0]!)).toContain('Pengingat yang terlewat');
    expect(textOf(group[0]!).match(/Penilaian Dokumen/g)).toHaveLength(1);
    const rows = (await rowsByState(harness)).filter((r) => r.kind === 'stage-group');
    expect(rows.map((r) => r.state)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(rows.filter((r) => r.lastError?.includes('ringkasan'))).toHaveLength(1);
    expect((await deliver(harness)).missed).toBe(0);
  });

  it('holds a reminder that falls due on a Saturday until Monday 08.00', async () => {
    const harness = await setUp();
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026');
    const before = sendsTo(harness, GROUP).length;
    clock = new Date('2026-09-12T02:00:00Z'); // Saturday 10.00 WITA, H-7 overdue since Friday
    expect((await deliver(harness)).deferred).toBe(1);
    expect(sendsTo(harness, GROUP, before)).toHaveLength(0);
    const held = await harness.t.db.reminderDelivery.findFirstOrThrow({ where: { kind: 'stage-group', state: 'pending' }, orderBy: { dueAt: 'asc' } });
    expect(held.dueAt.toISOString()).toBe('2026-09-14T00:00:00.000Z');
  });
});

describe('item reminders, snooze and finished work', () => {
  it('reminds the assignee at H-3 with open and snooze buttons; snooze brings it back tomorrow; a finished item is never reminded', async () => {
    const harness = await setUp();
    const x = await ids(harness);
    const item = await addItem(harness, 'Peta rencana SPBE', { dueDate: '2026-09-18', assigneeId: x.budiId });
    clock = new Date('2026-09-15T00:05:00Z'); // Tuesday 08.05
    const before = sendsTo(harness, budi.id).length;
    await deliver(harness);
    // The weekly digest may go out in the same tick and lists the item too: the reminder is the other message.
    const reminder = sendsTo(harness, budi.id, before).find((c) => textOf(c).includes('Peta rencana SPBE') && !textOf(c).includes('Ringkasan mingguan'));
    expect(reminder).toBeDefined();
    expect(textOf(reminder!)).toContain('Tenggat butir ceklis 3 hari lagi');
    const buttons = buttonsOf(reminder!);
    expect(buttons[0]).toEqual(['📋 Buka butir', `it:${item.id}`]);
    const snooze = buttons.find(([label]) => label === '⏰ Tunda 1 hari')![1];

    // Someone outside the workspace cannot use the button; nothing is queued.
    const refused = await harness.press(tamu, budi.id, messageIdOf(reminder!), snooze);
    expect(String(refused.params.text)).not.toContain('Diingatkan');
    expect(await harness.t.db.reminderDelivery.count({ where: { key: { contains: ':tunda@' } } })).toBe(0);

    const answer = await harness.press(budi, budi.id, messageIdOf(reminder!), snooze);
    expect(String(answer.params.text)).toContain('Diingatkan lagi Rabu, 16 September 2026 08.00 WITA');
    const edit = await harness.next((c) => c.method === 'editMessageReplyMarkup', 0);
    expect(JSON.stringify(edit.params.reply_markup)).not.toContain('tz:');
    const snoozed = await harness.t.db.reminderDelivery.findFirstOrThrow({ where: { key: { contains: ':tunda@' } } });
    expect(snoozed.dueAt.toISOString()).toBe('2026-09-16T00:00:00.000Z');

    clock = new Date('2026-09-16T00:10:00Z');
    const wednesday = sendsTo(harness, budi.id).length;
    await deliver(harness);
    expect(sendsTo(harness, budi.id, wednesday).filter((c) => textOf(c).includes('Peta rencana SPBE'))).toHaveLength(1);

    // Budi finishes (a coordinator verifies); Thursday's H-1 and the overdue notice never come.
    await changeItemStatus(harness.t.db, { workspaceId: x.workspaceId, itemId: item.id, from: 'belum', to: 'selesai', reason: null, at: clock }, CLI_ACTOR);
    for (const day of ['2026-09-17T00:10:00Z', '2026-09-21T00:10:00Z']) {
      clock = new Date(day);
      const n = sendsTo(harness, budi.id).length;
      await deliver(harness);
      expect(sendsTo(harness, budi.id, n).filter((c) => textOf(c).includes('Peta rencana SPBE'))).toHaveLength(0);
    }
  });
});

describe('Telegram faults during delivery', () => {
  async function dueNow(harness: Harness) {
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026');
    clock = new Date('2026-09-11T00:05:00Z'); // Friday, H-7
    return sendsTo(harness, GROUP).length;
  }

  it('429 retry_after: waits and delivers once', async () => {
    const harness = await setUp();
    const before = await dueNow(harness);
    harness.api.failNext('sendMessage', { kind: '429', retryAfter: 1 });
    const started = Date.now();
    expect((await deliver(harness)).sent).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sendsTo(harness, GROUP, before)).toHaveLength(1);
  });

  it('5xx: retried and delivered once', async () => {
    const harness = await setUp();
    const before = await dueNow(harness);
    harness.api.failNext('sendMessage', { kind: '5xx', status: 502 });
    expect((await deliver(harness)).sent).toBe(1);
    expect(sendsTo(harness, GROUP, before)).toHaveLength(1);
  });

  it('400 migrated: the group link moves to the new id and the reminder goes there', async () => {
    const harness = await setUp();
    await dueNow(harness);
    harness.api.failNext('sendMessage', { kind: 'migrate', newChatId: -1009000000777 });
    expect((await deliver(harness)).sent).toBe(1);
    expect(sendsTo(harness, -1009000000777)).toHaveLength(1);
    expect(await harness.t.db.chat.count({ where: { telegramChatId: -1009000000777n } })).toBe(1);
    expect(await harness.t.db.chat.count({ where: { telegramChatId: DEMO_GROUP_ID } })).toBe(0);
  });

  it('403 kicked: the group goes inactive, the coordinator is told once, later reminders are skipped', async () => {
    const harness = await setUp();
    const before = await dueNow(harness);
    const rinaBefore = sendsTo(harness, rina.id).length;
    harness.api.failNext('sendMessage', { kind: '403-kicked' });
    expect((await deliver(harness)).failed).toBe(1);
    const chat = await harness.t.db.chat.findUniqueOrThrow({ where: { telegramChatId: DEMO_GROUP_ID } });
    expect(chat.inactiveAt).not.toBeNull();

    // the notice was queued with the 403 and went out in the same tick's next round
    const notices = sendsTo(harness, rina.id, rinaBefore);
    expect(notices).toHaveLength(1);
    expect(textOf(notices[0]!)).toContain('tidak lagi dapat mengirim pesan ke grup');

    clock = new Date('2026-09-15T00:05:00Z'); // H-3
    await deliver(harness);
    await deliver(harness);
    expect(sendsTo(harness, GROUP, before)).toHaveLength(0);
    expect(sendsTo(harness, rina.id, rinaBefore)).toHaveLength(1);
  });
});

describe('overlapping ticks', () => {
  it('two ticks at once send every reminder exactly once', async () => {
    const harness = await setUp();
    const x = await ids(harness);
    for (let i = 1; i <= 24; i++) {
      await harness.t.db.chat.create({ data: { workspaceId: x.workspaceId, telegramChatId: BigInt(-1009100000000 - i), type: 'supergroup', title: `OPD ${i}` } });
    }
    await setStageDate(harness.t.db, { evaluationId: x.evaluationId, workspaceId: x.workspaceId, stage: 'dokumen', dueDate: '2026-09-18', dueTime: null }, CLI_ACTOR, clock);
    clock = new Date('2026-09-11T00:05:00Z');
    const [a, b] = await Promise.all([deliver(harness), deliver(harness)]);
    expect(a.sent + b.sent).toBe(25);
    for (let i = 1; i <= 24; i++) expect(sendsTo(harness, -1009100000000 - i)).toHaveLength(1);
    expect(await harness.t.db.reminderDelivery.count({ where: { kind: 'stage-group', state: 'sent' } })).toBe(25);
  });
});

describe('a process killed while sending', () => {
  it('SIGKILL mid fan-out, then a restart: nothing lost, duplicates only of what was in flight', async () => {
    const t = createTestDb();
    await seedDemoWorkspace(t.db);
    const api = createFakeBotApi();
    const { apiRoot } = await api.start();
    try {
      const ws = await t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
      const evaluation = await t.db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id } });
      const groups = Array.from({ length: 40 }, (_, i) => -1009200000000 - i);
      for (const id of groups) await t.db.chat.create({ data: { workspaceId: ws.id, telegramChatId: BigInt(id), type: 'supergroup', title: `G${id}` } });
      await setStageDate(t.db, { evaluationId: evaluation.id, workspaceId: ws.id, stage: 'dokumen', dueDate: '2026-09-18', dueTime: null }, CLI_ACTOR, new Date('2026-09-01T00:00:00Z'));
      const rows = await t.db.reminderDelivery.count({ where: { kind: 'stage-group', dueAt: { lte: new Date('2026-09-11T00:05:00Z') } } });
      expect(rows).toBe(41); // 40 groups and the demo group, H-7

      const worker = (perSecond: number) => spawn(process.execPath, ['--import', 'tsx', resolve('tests/support/reminder-worker.ts'), t.url, apiRoot, api.token, '2026-09-11T00:05:00Z', String(perSecond)], { stdio: ['ignore', 'pipe', 'pipe'] });
      const first = worker(10); // 10 a second: the fan-out takes about 4 s
      const exited = new Promise((r) => first.once('exit', r));
      await new Promise<void>((r) => {
        const check = () => (api.callsOf('sendMessage').length >= 12 ? r() : setTimeout(check, 20));
        check();
      });
      first.kill('SIGKILL');
      await exited;
      const inFlight = await t.db.reminderDelivery.count({ where: { state: 'sending' } });
      const sentBeforeKill = api.callsOf('sendMessage').length;
      expect(sentBeforeKill).toBeLessThan(41);

      const second = worker(1000);
      const output = await new Promise<string>((r) => {
        let out = '';
        second.stdout.on('data', (d) => (out += String(d)));
        second.once('exit', () => r(out));
      });
      expect(JSON.parse(output).recovered.inFlight).toBe(inFlight);

      const perChat = new Map<number, number>();
      for (const c of api.callsOf('sendMessage')) perChat.set(Number(c.params.chat_id), (perChat.get(Number(c.params.chat_id)) ?? 0) + 1);
      const lost = [...groups, Number(DEMO_GROUP_ID)].filter((id) => !perChat.has(id));
      const duplicates = [...perChat.values()].reduce((n, k) => n + k - 1, 0);
      expect(lost).toEqual([]);
      expect(duplicates).toBeLessThanOrEqual(inFlight);
      expect(await t.db.reminderDelivery.count({ where: { kind: 'stage-group', dueAt: { lte: new Date('2026-09-11T00:05:00Z') }, state: 'sent' } })).toBe(41);
    } finally {
      await api.stop();
      await t.close();
    }
  }, 30_000);
});

describe('overdue notices for items due with their stage', () => {
  it('an item without its own date, past its stage deadline: its assignee and each coordinator are told once, also across a restart', async () => {
    const harness = await setUp();
    const x = await ids(harness);
    const item = await addItem(harness, 'Dokumen Arsitektur SPBE', { assigneeId: x.budiId });
    await harness.say(rina, GROUP, '/jadwal dokumen 18-09-2026'); // Friday
    clock = new Date('2026-09-21T00:05:00Z'); // Monday 08.05 WITA, the next working day
    const before = { budi: sendsTo(harness, budi.id).length, rina: sendsTo(harness, rina.id).length };
    await deliver(harness);
    const toBudi = sendsTo(harness, budi.id, before.budi).filter((c) => textOf(c).includes('melewati tenggat'));
    const toRina = sendsTo(harness, rina.id, before.rina).filter((c) => textOf(c).includes('melewati tenggat'));
    expect(toBudi).toHaveLength(1);
    expect(textOf(toBudi[0]!)).toContain('Dokumen Arsitektur SPBE');
    expect(toRina).toHaveLength(1);
    expect(textOf(toRina[0]!)).toContain('Dokumen Arsitektur SPBE');
    // A restart replans and delivers again: nothing more.
    await harness.t.db.$transaction((tx) => replanWorkspace(tx, x.workspaceId, clock));
    await deliver(harness);
    expect(sendsTo(harness, budi.id, before.budi).filter((c) => textOf(c).includes('melewati tenggat'))).toHaveLength(1);
    expect(sendsTo(harness, rina.id, before.rina).filter((c) => textOf(c).includes('melewati tenggat'))).toHaveLength(1);
    void item;
  });
});

describe('PICs the bot cannot write to', () => {
  it('a PIC who never started the bot is named in the group once a day, with the start link; the next day again', async () => {
    const harness = await setUp();
    const x = await ids(harness);
    await addItem(harness, 'Peta proses bisnis');
    await harness.t.db.person.update({ where: { id: x.budiId }, data: { privateChatAt: null } });
    await harness.say(rina, GROUP, '/jadwal dokumen 25-09-2026'); // Friday
    const named = (from: number) => sendsTo(harness, GROUP, from).filter((c) => textOf(c).includes('pengingat pribadi tidak terkirim'));

    clock = new Date('2026-09-18T00:05:00Z'); // H-7, 08.05 WITA
    let before = sendsTo(harness, GROUP).length;
    await deliver(harness);
    expect(named(before)).toHaveLength(1);
    const text = textOf(named(before)[0]!);
    expect(text).toContain('1 pengingat pribadi tidak terkirim');
    expect(text).toContain('Budi (PIC Bappeda) belum memulai chat dengan bot');
    expect(text).toContain('https://t.me/spbe_test_bot?start');

    // A second group message the same day (the weekly digest on Monday is another day; here a
    // snoozed copy) does not name him again.
    await harness.t.db.reminderDelivery.create({
      data: { workspaceId: x.workspaceId, key: 'uji:digest', kind: 'digest-group', telegramChatId: BigInt(GROUP), dueAt: clock, payload: JSON.stringify({ evaluationId: x.evaluationId }) },
    });
    before = sendsTo(harness, GROUP).length;
    await deliver(harness);
    expect(sendsTo(harness, GROUP, before)).toHaveLength(1);
    expect(named(before)).toHaveLength(0);

    clock = new Date('2026-09-22T00:05:00Z'); // H-3 (Tuesday)
    before = sendsTo(harness, GROUP).length;
    await deliver(harness);
    expect(named(before)).toHaveLength(1);

    // Once he starts the bot, he is no longer named.
    await harness.say(budi, budi.id, '/start');
    clock = new Date('2026-09-24T00:05:00Z'); // H-1
    before = sendsTo(harness, GROUP).length;
    await deliver(harness);
    expect(sendsTo(harness, GROUP, before).length).toBeGreaterThan(0);
    expect(named(before)).toHaveLength(0);
  });
});
