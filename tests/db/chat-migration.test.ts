// moveChatId and moveChatDeliveries against a real SQLite database: a group upgraded to a
// supergroup keeps one link and one row per reminder occurrence, however many signals arrive, and
// whatever state the rows are in (claimed by a tick, in flight, sent; or already at the new id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { moveChatId } from '../../src/db/chats.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createOpd } from '../../src/db/opds.ts';
import { claimDueReminders, keyForChat, markSending, markSkipped, moveChatDeliveries, reschedule } from '../../src/db/reminder-deliveries.ts';
import { replanWorkspace } from '../../src/db/reminder-plan.ts';
import { setStageDate } from '../../src/db/stages.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(() => { t = createTestDb(); });
afterAll(() => t.close());

const MONDAY = new Date('2026-09-07T00:30:00Z'); // Monday 7 September 2026, 08.30 WITA
const SETTINGS = JSON.stringify({ stageOffsets: [7, 3], hour: 9, digestDay: 3 });
let fixtures = 0;

/** A workspace with a dokumen deadline on Friday 18 September and the basic group `old` linked as Bappeda's. */
async function fixture() {
  const n = ++fixtures;
  const frameworkId = (await findFrameworkIdByCode(t.db, 'spbe-2020'))!;
  const { workspace, evaluation } = await createWorkspace(t.db, {
    slug: `pindah-${n}`, name: `Pemkab Pindah ${n}`, timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2026,
    admin: { telegramId: BigInt(n * 1_000 + 1), displayName: 'Rina' },
  }, CLI_ACTOR);
  const opd = await createOpd(t.db, workspace.id, 'bappeda', 'Bappeda', CLI_ACTOR);
  const old = BigInt(-(n * 1_000 + 5));
  const now = BigInt(-1_000_000_000_000) + old;
  const chat = await t.db.chat.create({ data: { workspaceId: workspace.id, telegramChatId: old, type: 'group', title: 'Tim SPBE', opdId: opd.id, settings: SETTINGS } });
  await setStageDate(t.db, { evaluationId: evaluation.id, workspaceId: workspace.id, stage: 'dokumen', dueDate: '2026-09-18', dueTime: null }, CLI_ACTOR, MONDAY);
  return { ws: workspace.id, old, now, chat };
}

const rowsAt = (chatId: bigint) =>
  t.db.reminderDelivery.findMany({ where: { telegramChatId: chatId }, orderBy: { id: 'asc' }, select: { id: true, key: true, state: true, dueAt: true, claimToken: true } });
const keysOf = (rows: { key: string }[]) => rows.map((r) => r.key).sort();
const renamed = (rows: { key: string }[], from: bigint, to: bigint) => rows.map((r) => keyForChat(r.key, from, to)).sort();

describe('keyForChat', () => {
  it('renames the group id where a key names it, a snooze included, and nothing else', () => {
    expect(keyForChat('stage:3:dokumen:2026-09-18:7:g-5', -5n, -1005n)).toBe('stage:3:dokumen:2026-09-18:7:g-1005');
    expect(keyForChat('digest:2026-09-09:g-5:tunda@2026-09-10', -5n, -1005n)).toBe('digest:2026-09-09:g-1005:tunda@2026-09-10');
    expect(keyForChat('digest:2026-09-09:g-55', -5n, -1005n)).toBe('digest:2026-09-09:g-55');
    expect(keyForChat('stage:3:dokumen:2026-09-18:7:p12', -5n, -1005n)).toBe('stage:3:dokumen:2026-09-18:7:p12');
  });
});

describe('moveChatId', () => {
  it('moves the link (settings, OPD, same row) and its rows once; later signals find nothing to move', async () => {
    const f = await fixture();
    const before = await rowsAt(f.old);
    expect(before.length).toBe(4); // H-7, H-3 and the Wednesday digests (9th and 16th)
    expect(await moveChatId(t.db, f.old, f.now, MONDAY, 'Tim SPBE (supergrup)')).toEqual({ kind: 'moved', workspaceId: f.ws });
    expect(await t.db.chat.findUnique({ where: { telegramChatId: f.now } })).toMatchObject({
      id: f.chat.id, type: 'supergroup', title: 'Tim SPBE (supergrup)', opdId: f.chat.opdId, settings: SETTINGS, inactiveAt: null,
    });
    expect(await rowsAt(f.old)).toEqual([]);
    const after = await rowsAt(f.now);
    expect(keysOf(after)).toEqual(renamed(before, f.old, f.now));
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());

    for (let i = 0; i < 3; i++) expect(await moveChatId(t.db, f.old, f.now, MONDAY)).toEqual({ kind: 'none' });
    expect(await rowsAt(f.now)).toEqual(after);
    expect(await t.db.auditEntry.count({ where: { workspaceId: f.ws, action: 'chat.migrate' } })).toBe(1);
    const replanned = await t.db.$transaction((tx) => replanWorkspace(tx, f.ws, MONDAY));
    expect(replanned).toEqual({ created: 0, updated: 0, removed: 0 });
  });

  it('with both ids linked (a second /hubungkan), retires the old link and leaves one row per occurrence', async () => {
    const f = await fixture();
    await t.db.chat.create({ data: { workspaceId: f.ws, telegramChatId: f.now, type: 'supergroup', title: 'Tim SPBE baru' } });
    await t.db.$transaction((tx) => replanWorkspace(tx, f.ws, MONDAY));
    expect((await rowsAt(f.now)).length).toBeGreaterThan(0);
    expect(await moveChatId(t.db, f.old, f.now, MONDAY)).toEqual({ kind: 'merged', workspaceId: f.ws });
    expect(await t.db.chat.findUnique({ where: { telegramChatId: f.old } })).toMatchObject({ inactiveAt: MONDAY });
    expect(await rowsAt(f.old)).toEqual([]);
    const rows = await rowsAt(f.now);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    // The kept link's own settings (the defaults: H-7, H-3, H-1, hari H and Monday digests) decide.
    const replanned = await t.db.$transaction((tx) => replanWorkspace(tx, f.ws, MONDAY));
    expect(replanned).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(await moveChatId(t.db, f.old, f.now, MONDAY)).toEqual({ kind: 'none' });
  });

  it('does nothing for a group never linked, or the same id', async () => {
    expect(await moveChatId(t.db, -987_654n, -1_000_000_987_654n, MONDAY)).toEqual({ kind: 'none' });
    const f = await fixture();
    expect(await moveChatId(t.db, f.old, f.old, MONDAY)).toEqual({ kind: 'none' });
    expect(await t.db.chat.findUnique({ where: { telegramChatId: f.old } })).toMatchObject({ type: 'group' });
  });
});

describe('moveChatDeliveries', () => {
  it('keeps one row per occurrence: a pending row gives way to one in flight or done, two done rows both stay', async () => {
    const f = await fixture();
    const [a, b, c] = await rowsAt(f.old);
    // a: pending at both ids; b: sent at the old id, pending at the new; c: sent at both.
    const copy = async (row: { key: string; dueAt: Date }, state: string) => t.db.reminderDelivery.create({
      data: { workspaceId: f.ws, key: keyForChat(row.key, f.old, f.now), kind: 'stage-group', telegramChatId: f.now, dueAt: row.dueAt, state },
    });
    const aCopy = await copy(a!, 'pending');
    await t.db.reminderDelivery.update({ where: { id: b!.id }, data: { state: 'sent' } });
    const bCopy = await copy(b!, 'pending');
    await t.db.reminderDelivery.update({ where: { id: c!.id }, data: { state: 'sent' } });
    const cCopy = await copy(c!, 'sent');

    const result = await t.db.$transaction((tx) => moveChatDeliveries(tx, f.old, f.now));
    expect(result).toMatchObject({ dropped: 2, workspaceIds: [f.ws] });
    const ids = (await rowsAt(f.now)).map((r) => r.id);
    expect(ids).toContain(aCopy.id);
    expect(ids).not.toContain(a!.id);
    expect(ids).toContain(b!.id);
    expect(ids).not.toContain(bCopy.id);
    expect(ids).toContain(cCopy.id);
    expect((await rowsAt(f.old)).map((r) => r.id)).toEqual([c!.id]);
    const again = await t.db.$transaction((tx) => moveChatDeliveries(tx, f.old, f.now));
    expect(again).toMatchObject({ moved: 0, dropped: 0 });
  });

  it('withdraws a tick’s claim on a pending row it moves: that tick neither sends nor settles it, the next one takes it at the new id', async () => {
    const f = await fixture();
    const due = new Date('2026-09-11T01:00:00Z'); // Friday 09.00 WITA: H-7
    const claimed = (await claimDueReminders(t.db, due, 'tick-1', 100)).filter((r) => r.telegramChatId === f.old);
    expect(claimed).toHaveLength(2); // H-7 and Wednesday's digest
    const [first, second] = claimed;
    expect(await markSending(t.db, first!.id, 'tick-1')).toBe(true);
    await t.db.$transaction((tx) => moveChatDeliveries(tx, f.old, f.now));

    const moved = await rowsAt(f.now);
    expect(moved.find((r) => r.id === first!.id)).toMatchObject({ state: 'sending', claimToken: 'tick-1' });
    expect(moved.find((r) => r.id === second!.id)).toMatchObject({ state: 'pending', claimToken: null });
    // The old tick, holding the old id, tries to settle or send the second row: nothing happens.
    await markSkipped(t.db, [second!.id], 'grup tidak lagi terhubung');
    await reschedule(t.db, [second!.id], new Date('2026-09-12T01:00:00Z'));
    expect(await markSending(t.db, second!.id, 'tick-1')).toBe(false);
    expect(await t.db.reminderDelivery.findUnique({ where: { id: second!.id } })).toMatchObject({ state: 'pending', dueAt: second!.dueAt });
    const next = await claimDueReminders(t.db, due, 'tick-2', 100);
    expect(next.find((r) => r.id === second!.id)).toMatchObject({ telegramChatId: f.now, key: keyForChat(second!.key, f.old, f.now) });
  });
});
