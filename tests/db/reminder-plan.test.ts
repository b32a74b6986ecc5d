// Replanning against a real SQLite database: the reminder rows follow every change in the change's
// own transaction, a moved deadline replaces rather than adds, what was sent stays sent, what is
// past is kept while pending but never created, and the shipped holiday file is the one used.
// Each test builds its own workspace (WITA, UTC+8: 08.00 local is 00.00Z) in the file's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { linkChat, markUnreachable } from '../../src/db/chats.ts';
import { changeItemStatus, createItem } from '../../src/db/checklists.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createOpd } from '../../src/db/opds.ts';
import { grantRole, markPrivateChatOpen, upsertPerson } from '../../src/db/people.ts';
import { snoozeReminder } from '../../src/db/reminder-deliveries.ts';
import { loadPlanInput, replanWorkspace, SNOOZE_MARK } from '../../src/db/reminder-plan.ts';
import { setStageDate } from '../../src/db/stages.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.close());

const MONDAY = new Date('2026-09-07T00:30:00Z'); // Monday 7 September, 08.30 WITA

let fixtures = 0;

/**
 * A workspace with Bappeda and BPKAD, a linked group, and people: Rina (admin + koordinator) and
 * Budi (PIC of Bappeda) opened the private chat; Sekda (pimpinan) did not.
 */
async function workspaceFixture(now = MONDAY) {
  const n = ++fixtures;
  const tg = (i: number) => BigInt(n * 1_000 + i);
  const frameworkId = (await findFrameworkIdByCode(t.db, 'spbe-2020'))!;
  const { workspace, evaluation } = await createWorkspace(t.db, {
    slug: `uji-${n}`, name: `Pemkab Uji ${n}`, timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2026,
    admin: { telegramId: tg(1), displayName: 'Rina' },
  }, CLI_ACTOR);
  const ws = workspace.id;
  const bappeda = (await createOpd(t.db, ws, 'bappeda', 'Bappeda', CLI_ACTOR)).id;
  const bpkad = (await createOpd(t.db, ws, 'bpkad', 'BPKAD', CLI_ACTOR)).id;
  const add = async (i: number, name: string, role: Role, opdId: number | null, opened: boolean) => {
    const person = await upsertPerson(t.db, { id: tg(i), displayName: name, username: null });
    await grantRole(t.db, ws, person.id, role, opdId);
    if (opened) await markPrivateChatOpen(t.db, person.id, now);
    return { id: person.id, chat: tg(i) };
  };
  const rina = await add(1, 'Rina', 'koordinator', null, true);
  const budi = await add(2, 'Budi', 'pic', bappeda, true);
  const sekda = await add(3, 'Sekda', 'pimpinan', null, false);
  const group = -tg(900);
  const groupTitle = `Tim SPBE ${n}`;
  await t.db.chat.create({ data: { workspaceId: ws, telegramChatId: group, type: 'supergroup', title: groupTitle } });
  const setDeadline = (dueDate: string, at: Date, stage: 'dokumen' | 'interviu' = 'dokumen') =>
    setStageDate(t.db, { evaluationId: evaluation.id, workspaceId: ws, stage, dueDate, dueTime: null }, CLI_ACTOR, at);
  const addItem = (title: string, at: Date, extra: { dueDate?: string; assigneeId?: number; opdId?: number; stage?: string } = {}) =>
    createItem(t.db, {
      workspaceId: ws, evaluationId: evaluation.id, opdId: extra.opdId ?? bappeda, indicatorId: null, stage: extra.stage ?? 'dokumen', level: null,
      title, description: null, dueDate: extra.dueDate ?? null, assigneeId: extra.assigneeId ?? null,
    }, CLI_ACTOR, at);
  return { ws, evaluationId: evaluation.id, bappeda, bpkad, rina, budi, sekda, group, groupTitle, tg, add, setDeadline, addItem };
}

const rowsOf = (ws: number, where: { kind?: string | { startsWith: string }; state?: string } = {}) =>
  t.db.reminderDelivery.findMany({ where: { workspaceId: ws, ...where }, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }] });
const replan = (ws: number, now: Date) => t.db.$transaction((tx) => replanWorkspace(tx, ws, now));
const brief = (rows: { key: string; telegramChatId: bigint; dueAt: Date; state: string }[]) =>
  rows.map((r) => [r.key, r.telegramChatId, r.dueAt.toISOString(), r.state]);

describe('setting a stage deadline', () => {
  it('writes the group’s and the PIC’s stage reminders in the same call', async () => {
    const f = await workspaceFixture();
    await f.addItem('SOP arsitektur SPBE', MONDAY);
    expect(await rowsOf(f.ws, { kind: { startsWith: 'stage' } })).toEqual([]);
    await f.setDeadline('2026-09-18', MONDAY);
    const e = f.evaluationId;
    expect(brief(await rowsOf(f.ws, { kind: { startsWith: 'stage' } }))).toEqual([
      [`stage:${e}:dokumen:2026-09-18:7:g${f.group}`, f.group, '2026-09-11T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:7:p${f.budi.id}`, f.budi.chat, '2026-09-11T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:3:g${f.group}`, f.group, '2026-09-15T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:3:p${f.budi.id}`, f.budi.chat, '2026-09-15T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:1:g${f.group}`, f.group, '2026-09-17T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:1:p${f.budi.id}`, f.budi.chat, '2026-09-17T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:0:g${f.group}`, f.group, '2026-09-18T00:00:00.000Z', 'pending'],
      [`stage:${e}:dokumen:2026-09-18:0:p${f.budi.id}`, f.budi.chat, '2026-09-18T00:00:00.000Z', 'pending'],
    ]);
    const groupRow = (await rowsOf(f.ws, { kind: 'stage-group' }))[0]!;
    expect(JSON.parse(groupRow.payload)).toEqual({ evaluationId: e, stage: 'dokumen', dueDate: '2026-09-18', offset: 7, opdId: null });
  });

  it('uses the shipped holiday file: a deadline on 17 Agustus 2026 is reminded on Monday 10th and Friday 14th', async () => {
    const at = new Date('2026-08-03T00:30:00Z');
    const f = await workspaceFixture(at);
    await f.setDeadline('2026-08-17', at);
    expect((await rowsOf(f.ws, { kind: 'stage-group' })).map((r) => [JSON.parse(r.payload).offset, r.dueAt.toISOString()])).toEqual([
      [7, '2026-08-10T00:00:00.000Z'],
      [0, '2026-08-14T00:00:00.000Z'],
    ]);
  });

  it('leaves no row behind when the transaction it runs in fails', async () => {
    const f = await workspaceFixture();
    const failed = t.db.$transaction(async (tx) => {
      await tx.stage.update({ where: { evaluationId_kind: { evaluationId: f.evaluationId, kind: 'dokumen' } }, data: { dueDate: '2026-09-18' } });
      const summary = await replanWorkspace(tx, f.ws, MONDAY);
      expect(summary.created).toBeGreaterThanOrEqual(4);
      expect(await tx.reminderDelivery.count({ where: { workspaceId: f.ws, kind: 'stage-group' } })).toBe(4);
      throw new Error('batal');
    });
    await expect(failed).rejects.toThrow('batal');
    expect(await rowsOf(f.ws)).toEqual([]);
    expect((await t.db.stage.findFirstOrThrow({ where: { evaluationId: f.evaluationId, kind: 'dokumen' } })).dueDate).toBeNull();
  });
});

describe('a moved deadline', () => {
  it('replaces the pending rows (as many, new keys, no duplicate), keeps a sent one sent, and never plans it again', async () => {
    const f = await workspaceFixture();
    await f.addItem('SOP arsitektur SPBE', MONDAY);
    await f.setDeadline('2026-09-18', MONDAY);
    const first = await rowsOf(f.ws, { kind: { startsWith: 'stage' } });
    expect(first).toHaveLength(8);

    await f.setDeadline('2026-09-25', MONDAY);
    const moved = await rowsOf(f.ws, { kind: { startsWith: 'stage' } });
    expect(moved).toHaveLength(8);
    expect(moved.every((r) => r.state === 'pending' && r.key.includes(':2026-09-25:'))).toBe(true);
    expect(new Set(moved.map((r) => r.key)).size).toBe(8);
    expect(moved.map((r) => r.dueAt.toISOString())).toEqual([
      '2026-09-18T00:00:00.000Z', '2026-09-18T00:00:00.000Z', '2026-09-22T00:00:00.000Z', '2026-09-22T00:00:00.000Z',
      '2026-09-24T00:00:00.000Z', '2026-09-24T00:00:00.000Z', '2026-09-25T00:00:00.000Z', '2026-09-25T00:00:00.000Z',
    ]);

    // Friday 18th 09.00: the group's H-7 of the 25th went out; then the deadline moves to Monday 28th
    const friday = new Date('2026-09-18T01:00:00Z');
    const sentKey = `stage:${f.evaluationId}:dokumen:2026-09-25:7:g${f.group}`;
    await t.db.reminderDelivery.update({ where: { key: sentKey }, data: { state: 'sent', sentAt: new Date('2026-09-18T00:00:05Z') } });
    await f.setDeadline('2026-09-28', friday);
    const again = await rowsOf(f.ws, { kind: { startsWith: 'stage' } });
    expect(again.filter((r) => r.state === 'sent').map((r) => r.key)).toEqual([sentKey]);
    // the 28th's H-7 (Monday 21st) is a new occurrence; H-3 (Friday 25th) and H-1 (Friday 25th) are one
    expect(brief(again.filter((r) => r.state === 'pending' && r.telegramChatId === f.group))).toEqual([
      [`stage:${f.evaluationId}:dokumen:2026-09-28:7:g${f.group}`, f.group, '2026-09-21T00:00:00.000Z', 'pending'],
      [`stage:${f.evaluationId}:dokumen:2026-09-28:1:g${f.group}`, f.group, '2026-09-25T00:00:00.000Z', 'pending'],
      [`stage:${f.evaluationId}:dokumen:2026-09-28:0:g${f.group}`, f.group, '2026-09-28T00:00:00.000Z', 'pending'],
    ]);

    // Back to the 25th: the sent H-7 is not planned again; H-7 to Budi (Friday 08.00) is past, so not created
    await f.setDeadline('2026-09-25', friday);
    const back = await rowsOf(f.ws, { kind: { startsWith: 'stage' } });
    expect(back.filter((r) => r.key === sentKey).map((r) => r.state)).toEqual(['sent']);
    expect(brief(back.filter((r) => r.state === 'pending')).map(([key, , at]) => [String(key).replace(/^stage:\d+:dokumen:/, ''), at])).toEqual([
      ['2026-09-25:3:g' + f.group, '2026-09-22T00:00:00.000Z'],
      ['2026-09-25:3:p' + f.budi.id, '2026-09-22T00:00:00.000Z'],
      ['2026-09-25:1:g' + f.group, '2026-09-24T00:00:00.000Z'],
      ['2026-09-25:1:p' + f.budi.id, '2026-09-24T00:00:00.000Z'],
      ['2026-09-25:0:g' + f.group, '2026-09-25T00:00:00.000Z'],
      ['2026-09-25:0:p' + f.budi.id, '2026-09-25T00:00:00.000Z'],
    ]);
  });
});

describe('replanning', () => {
  it('removes a finished item’s pending reminders, its overdue notices and the coordinators’ list', async () => {
    const f = await workspaceFixture();
    const item = await f.addItem('Dokumen Renstra', MONDAY, { dueDate: '2026-09-16', assigneeId: f.budi.id });
    const other = await f.addItem('Peta proses bisnis', MONDAY, { dueDate: '2026-09-30', assigneeId: f.budi.id });
    const aboutItem = async (id: number) => (await rowsOf(f.ws)).filter((r) => {
      const p = JSON.parse(r.payload) as { itemId?: number; itemIds?: number[] };
      return p.itemId === id || p.itemIds?.includes(id);
    }).map((r) => [r.kind, r.telegramChatId, r.dueAt.toISOString()]);
    expect(await aboutItem(item.id)).toEqual([
      ['item-due', f.budi.chat, '2026-09-14T00:00:00.000Z'], // H-3 is Sunday 13th
      ['item-due', f.budi.chat, '2026-09-15T00:00:00.000Z'],
      ['overdue-coord', f.rina.chat, '2026-09-17T00:00:00.000Z'], // the coordinators' list of the day
      ['item-overdue', f.budi.chat, '2026-09-17T00:00:00.000Z'],
    ]);
    expect(await changeItemStatus(t.db, { workspaceId: f.ws, itemId: item.id, from: 'belum', to: 'selesai', reason: null, at: MONDAY }, CLI_ACTOR)).toBe(true);
    expect(await aboutItem(item.id)).toEqual([]);
    expect((await aboutItem(other.id)).map(([kind]) => kind)).toEqual(['item-due', 'item-due', 'overdue-coord', 'item-overdue']);
    // submitted for review: waiting on the coordinator, not on Budi, so no reminder either
    await changeItemStatus(t.db, { workspaceId: f.ws, itemId: other.id, from: 'belum', to: 'diajukan', reason: null, at: MONDAY }, CLI_ACTOR);
    expect(await aboutItem(other.id)).toEqual([]);
    expect(await rowsOf(f.ws, { kind: 'digest-private' })).toEqual([]);
  });

  it('twice in a row changes nothing the second time', async () => {
    const f = await workspaceFixture();
    await f.addItem('SOP arsitektur SPBE', MONDAY, { dueDate: '2026-09-16' });
    await f.setDeadline('2026-09-18', MONDAY);
    const before = brief(await rowsOf(f.ws));
    expect(before.length).toBeGreaterThan(10);
    expect(await replan(f.ws, MONDAY)).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(await replan(f.ws, MONDAY)).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(brief(await rowsOf(f.ws))).toEqual(before);
  });

  it('after downtime keeps a pending row whose time passed, but creates no new past occurrence', async () => {
    const f = await workspaceFixture();
    await f.setDeadline('2026-09-18', MONDAY);
    const h7 = (await rowsOf(f.ws, { kind: 'stage-group' }))[0]!;
    expect(h7.dueAt.toISOString()).toBe('2026-09-11T00:00:00.000Z');

    // Wednesday 16th 09.00: the bot was down since Monday 7th; H-7 and H-3 fell due unsent
    const wednesday = new Date('2026-09-16T01:00:00Z');
    await replan(f.ws, wednesday);
    const kept = await rowsOf(f.ws, { kind: 'stage-group' });
    expect(kept.map((r) => [r.id, r.dueAt.toISOString(), r.state])).toEqual([
      [h7.id, '2026-09-11T00:00:00.000Z', 'pending'],
      [kept[1]!.id, '2026-09-15T00:00:00.000Z', 'pending'],
      [kept[2]!.id, '2026-09-17T00:00:00.000Z', 'pending'],
      [kept[3]!.id, '2026-09-18T00:00:00.000Z', 'pending'],
    ]);

    // a group linked now gets only what is still ahead
    const opdGroup = -f.tg(901);
    await linkChat(t.db, { workspaceId: f.ws, telegramChatId: opdGroup, title: 'Bappeda', type: 'group', opdId: f.bappeda }, CLI_ACTOR, wednesday);
    expect((await t.db.reminderDelivery.findMany({ where: { telegramChatId: opdGroup, kind: 'stage-group' }, orderBy: { dueAt: 'asc' } }))
      .map((r) => r.dueAt.toISOString())).toEqual(['2026-09-17T00:00:00.000Z', '2026-09-18T00:00:00.000Z']);
  });

  it('keeps a digest a holiday moved past its date while it waits (Monday 17 Agustus → Tuesday 18th)', async () => {
    const friday = new Date('2026-08-14T01:00:00Z');
    const f = await workspaceFixture(friday);
    await replan(f.ws, friday);
    const key = `digest:2026-08-17:g${f.group}`;
    expect((await t.db.reminderDelivery.findUniqueOrThrow({ where: { key } })).dueAt.toISOString()).toBe('2026-08-18T00:00:00.000Z');
    // any change replans; early on Tuesday the 17th is already past, the digest is not
    await replan(f.ws, new Date('2026-08-17T17:00:00Z')); // Tuesday 01.00 WITA
    expect(await t.db.reminderDelivery.findUnique({ where: { key } })).toMatchObject({ state: 'pending', dueAt: new Date('2026-08-18T00:00:00Z') });
  });

  it('keeps a snoozed reminder, whatever else the replan changes', async () => {
    const f = await workspaceFixture();
    await f.addItem('SOP arsitektur SPBE', MONDAY);
    await f.setDeadline('2026-09-18', MONDAY);
    const original = (await rowsOf(f.ws, { kind: 'stage-pic' }))[0]!;
    await t.db.reminderDelivery.update({ where: { id: original.id }, data: { state: 'sent' } });
    const snooze = await snoozeReminder(t.db, original, new Date('2026-09-14T00:00:00Z'), '2026-09-14');
    expect(snooze).toEqual({ kind: 'snoozed', dueAt: new Date('2026-09-14T00:00:00Z') });
    const snoozedKey = `${original.key}${SNOOZE_MARK}2026-09-14`;

    await f.setDeadline('2026-09-25', MONDAY); // every other pending stage row is replaced
    expect(await replan(f.ws, MONDAY)).toEqual({ created: 0, updated: 0, removed: 0 });
    const snoozed = await t.db.reminderDelivery.findUniqueOrThrow({ where: { key: snoozedKey } });
    expect(snoozed).toMatchObject({ state: 'pending', kind: 'stage-pic', telegramChatId: f.budi.chat, dueAt: new Date('2026-09-14T00:00:00Z') });
    expect(JSON.parse(snoozed.payload)).toMatchObject({ dueDate: '2026-09-18', snoozedFrom: original.key });
    expect((await rowsOf(f.ws, { kind: 'stage-pic', state: 'pending' })).filter((r) => !r.key.includes(':2026-09-25:')).map((r) => r.key)).toEqual([snoozedKey]);
  });

  it('reads the people as the planner needs them: reachable, coordinator, PIC of which OPD; open items only', async () => {
    const f = await workspaceFixture();
    const open = await f.addItem('Terbuka', MONDAY);
    const done = await f.addItem('Selesai', MONDAY);
    await changeItemStatus(t.db, { workspaceId: f.ws, itemId: done.id, from: 'belum', to: 'selesai', reason: null, at: MONDAY }, CLI_ACTOR);
    const input = (await t.db.$transaction((tx) => loadPlanInput(tx, f.ws, MONDAY)))!;
    expect(input.timeZone).toBe('Asia/Makassar');
    expect(input.today).toEqual({ year: 2026, month: 9, day: 7 });
    expect(input.holidays.has('2026-08-17')).toBe(true);
    expect(input.people.map((p) => [p.personId, p.chatId, p.reachable, p.isCoordinator, p.picOpdIds])).toEqual([
      [f.rina.id, f.rina.chat, true, true, []],
      [f.budi.id, f.budi.chat, true, false, [f.bappeda]],
      [f.sekda.id, f.sekda.chat, false, false, []],
    ]);
    expect(input.items.map((i) => i.id)).toEqual([open.id]);
    expect(input.groups).toEqual([{ chatId: f.group, opdId: null, settings: expect.objectContaining({ enabled: true, stageOffsets: [7, 3, 1, 0] }) }]);
  });
});

describe('a person or coordinator in two workspaces', () => {
  it('gets the private digest and the overdue list of each workspace', async () => {
    const a = await workspaceFixture();
    const b = await workspaceFixture();
    // Budi of workspace A is also PIC of B's Bappeda; Rina of A also coordinates B
    await grantRole(t.db, b.ws, a.budi.id, 'pic', b.bappeda);
    await grantRole(t.db, b.ws, a.rina.id, 'koordinator', null);
    await a.addItem('Item A', MONDAY, { dueDate: '2026-09-16', assigneeId: a.budi.id });
    await b.addItem('Item B', MONDAY, { dueDate: '2026-09-16', assigneeId: a.budi.id });
    const mine = async (ws: number, kind: string, chat: bigint) =>
      (await rowsOf(ws, { kind })).filter((r) => r.telegramChatId === chat).map((r) => r.dueAt.toISOString());
    for (const ws of [a.ws, b.ws]) {
      // Monday 7th 08.30: today's digest (08.00) is past, next Monday's is the one pending
      expect(await mine(ws, 'digest-private', a.budi.chat), `workspace ${ws}`).toEqual(['2026-09-14T00:00:00.000Z']);
      expect(await mine(ws, 'overdue-coord', a.rina.chat), `workspace ${ws}`).toEqual(['2026-09-17T00:00:00.000Z']);
    }
  });
});

describe('markUnreachable', () => {
  it('a group that removed the bot: one notice per reachable coordinator, queued once', async () => {
    const f = await workspaceFixture();
    const eka = await f.add(4, 'Eka', 'koordinator', null, true);
    await f.add(5, 'Dedi', 'koordinator', null, false); // never opened the private chat
    const at = new Date('2026-09-08T02:00:00Z');
    await markUnreachable(t.db, f.group, at);
    const notices = (await rowsOf(f.ws, { kind: 'unreachable' })).sort((x, y) => Number(x.telegramChatId - y.telegramChatId));
    expect(notices.map((r) => [r.telegramChatId, r.dueAt.toISOString(), r.state, JSON.parse(r.payload)])).toEqual([
      [f.rina.chat, '2026-09-08T02:00:00.000Z', 'pending', { subject: f.groupTitle, subjectKind: 'group' }],
      [eka.chat, '2026-09-08T02:00:00.000Z', 'pending', { subject: f.groupTitle, subjectKind: 'group' }],
    ]);
    expect((await t.db.chat.findUniqueOrThrow({ where: { telegramChatId: f.group } })).inactiveAt).toEqual(at);

    await markUnreachable(t.db, f.group, new Date('2026-09-08T03:00:00Z'));
    expect(await rowsOf(f.ws, { kind: 'unreachable' })).toHaveLength(2);
  });

  it('a person in two workspaces who blocked the bot: each workspace’s coordinators are told, once', async () => {
    const a = await workspaceFixture();
    const b = await workspaceFixture();
    await grantRole(t.db, b.ws, a.budi.id, 'pic', b.bappeda);
    await grantRole(t.db, b.ws, a.rina.id, 'koordinator', null); // Rina coordinates both
    const at = new Date('2026-09-08T02:00:00Z');
    await markUnreachable(t.db, a.budi.chat, at);
    expect((await t.db.person.findUniqueOrThrow({ where: { id: a.budi.id } })).unreachableAt).toEqual(at);
    const told = async (ws: number) => (await rowsOf(ws, { kind: 'unreachable' }))
      .map((r) => [r.telegramChatId, JSON.parse(r.payload)]).sort((x, y) => Number((x[0] as bigint) - (y[0] as bigint)));
    expect(await told(a.ws)).toEqual([[a.rina.chat, { subject: 'Budi', subjectKind: 'person' }]]);
    // B's own coordinator, and Rina once more: it is B's PIC she is told about there
    expect(await told(b.ws)).toEqual([[a.rina.chat, { subject: 'Budi', subjectKind: 'person' }], [b.rina.chat, { subject: 'Budi', subjectKind: 'person' }]]);
    await markUnreachable(t.db, a.budi.chat, new Date('2026-09-08T03:00:00Z'));
    expect(await t.db.reminderDelivery.count({ where: { kind: 'unreachable', workspaceId: { in: [a.ws, b.ws] } } })).toBe(3);
  });
});
