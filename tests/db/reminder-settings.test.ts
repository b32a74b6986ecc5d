// Saving reminder settings: only a chat linked to the workspace, one transaction with the audit
// entry and the replan (a failing replan leaves nothing behind), and quick changes never lost.
// The replan is the real one: each save is checked by the reminder rows it leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { replanWorkspace } from '../../src/db/reminder-plan.ts';
import { readChatSettings, readPrivateSettings, saveChatSettings, savePrivateSettings } from '../../src/db/reminder-settings.ts';
import { applyChange, DEFAULT_SETTINGS } from '../../src/domain/reminder-settings.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
let ws: number;
let other: number;
let broken: number;
const GROUP = -100_555n;
const BROKEN_GROUP = -100_777n;
const now = new Date('2024-09-20T01:00:00Z'); // Friday 09.00 WITA; the dokumen deadline is Friday 4 October

beforeAll(async () => {
  t = createTestDb();
  const frameworkId = (await findFrameworkIdByCode(t.db, 'spbe-2020'))!;
  ws = (await t.db.workspace.create({
    data: {
      slug: 'uji', name: 'Pemkab Uji', timeZone: 'Asia/Makassar',
      evaluations: { create: { frameworkId, year: 2024, stages: { create: [{ kind: 'dokumen', dueDate: '2024-10-04' }] } } },
    },
  })).id;
  other = (await t.db.workspace.create({ data: { slug: 'lain', name: 'Pemkab Lain', timeZone: 'Asia/Jakarta' } })).id;
  await t.db.chat.create({ data: { workspaceId: ws, telegramChatId: GROUP, type: 'supergroup', title: 'Tim SPBE' } });
  await t.db.chat.create({ data: { workspaceId: ws, telegramChatId: -100_666n, type: 'group', inactiveAt: now } });
  // A zone hand-edited into one that does not exist: planning this workspace fails.
  broken = (await t.db.workspace.create({ data: { slug: 'rusak', name: 'Pemkab Rusak', timeZone: 'Asia/Tidak_Ada' } })).id;
  await t.db.chat.create({ data: { workspaceId: broken, telegramChatId: BROKEN_GROUP, type: 'group', title: 'Grup Rusak' } });
  // the reminders as the defaults plan them
  await t.db.$transaction((tx) => replanWorkspace(tx, ws, now));
});
afterAll(() => t.close());

const noH7 = { ...DEFAULT_SETTINGS, stageOffsets: [3, 1, 0] };

/** The group's pending rows as [kind, offset or date, instant]. */
async function groupRows() {
  const rows = await t.db.reminderDelivery.findMany({ where: { telegramChatId: GROUP, state: 'pending' }, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }] });
  return rows.map((r) => {
    const p = JSON.parse(r.payload) as { offset?: number; date?: string };
    return [r.kind, p.offset ?? p.date, r.dueAt.toISOString()];
  });
}

describe('reading', () => {
  it('gives the defaults for a linked chat, null for one not linked to this workspace', async () => {
    expect(await readChatSettings(t.db, ws, GROUP)).toEqual(DEFAULT_SETTINGS);
    expect(await readChatSettings(t.db, other, GROUP)).toBeNull();
    expect(await readChatSettings(t.db, ws, -100_666n)).toBeNull(); // the bot was removed from it
    expect(await readChatSettings(t.db, ws, -1n)).toBeNull();
    expect(await readPrivateSettings(t.db, ws)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('saving a group', () => {
  it('stores only the difference, audits it, and the group’s pending H-7 reminder goes with it', async () => {
    expect(await groupRows()).toEqual([
      ['digest-group', '2024-09-23', '2024-09-23T00:00:00.000Z'],
      ['stage-group', 7, '2024-09-27T00:00:00.000Z'],
      ['digest-group', '2024-09-30', '2024-09-30T00:00:00.000Z'],
      ['stage-group', 3, '2024-10-01T00:00:00.000Z'],
      ['stage-group', 1, '2024-10-03T00:00:00.000Z'],
      ['stage-group', 0, '2024-10-04T00:00:00.000Z'],
    ]);
    const result = await saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: noH7, now }, CLI_ACTOR);
    expect(result).toEqual({ before: DEFAULT_SETTINGS, after: noH7, changed: true });
    expect(await readChatSettings(t.db, ws, GROUP)).toEqual(noH7);
    expect((await t.db.chat.findUniqueOrThrow({ where: { telegramChatId: GROUP } })).settings).toBe('{"stageOffsets":[3,1,0]}');
    expect(await groupRows()).toEqual([
      ['digest-group', '2024-09-23', '2024-09-23T00:00:00.000Z'],
      ['digest-group', '2024-09-30', '2024-09-30T00:00:00.000Z'],
      ['stage-group', 3, '2024-10-01T00:00:00.000Z'],
      ['stage-group', 1, '2024-10-03T00:00:00.000Z'],
      ['stage-group', 0, '2024-10-04T00:00:00.000Z'],
    ]);
    expect(await t.db.reminderDelivery.count({ where: { telegramChatId: GROUP, key: { contains: ':7:g' } } })).toBe(0);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'reminder.settings' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ workspaceId: ws, via: 'cli', entity: 'chat', entityId: GROUP.toString() });
    expect(JSON.parse(audit.detail)).toEqual({ dari: DEFAULT_SETTINGS, ke: noH7 });
  });

  it('writes nothing when nothing changes, and does not replan', async () => {
    const audits = await t.db.auditEntry.count();
    const rows = await t.db.reminderDelivery.findMany({ orderBy: { id: 'asc' } });
    // A replan on Tuesday 24th would add the digest of 7 October; an unchanged save must not run one.
    const tuesday = new Date('2024-09-24T01:00:00Z');
    const result = await saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: noH7, now: tuesday }, CLI_ACTOR);
    expect(result).toEqual({ before: noH7, after: noH7, changed: false });
    expect(await t.db.auditEntry.count()).toBe(audits);
    expect(await t.db.reminderDelivery.findMany({ orderBy: { id: 'asc' } })).toEqual(rows);
    expect(await t.db.reminderDelivery.findUnique({ where: { key: `digest:2024-10-07:g${GROUP}` } })).toBeNull();
  });

  it('refuses a chat of another workspace and leaves it as it was', async () => {
    const rows = await groupRows();
    const result = await saveChatSettings(t.db, { workspaceId: other, telegramChatId: GROUP, settings: DEFAULT_SETTINGS, now }, CLI_ACTOR);
    expect(result).toBeNull();
    expect(await readChatSettings(t.db, ws, GROUP)).toEqual(noH7);
    expect(await groupRows()).toEqual(rows);
  });

  it('rolls the settings and the audit back when the replan fails', async () => {
    const audits = await t.db.auditEntry.count();
    await expect(saveChatSettings(t.db, { workspaceId: broken, telegramChatId: BROKEN_GROUP, settings: { ...DEFAULT_SETTINGS, hour: 9 }, now }, CLI_ACTOR))
      .rejects.toThrow(/time ?zone/i);
    expect((await readChatSettings(t.db, broken, BROKEN_GROUP))!.hour).toBe(8);
    expect((await t.db.chat.findUniqueOrThrow({ where: { telegramChatId: BROKEN_GROUP } })).settings).toBe('{}');
    expect(await t.db.auditEntry.count()).toBe(audits);
    expect(await t.db.reminderDelivery.count({ where: { workspaceId: broken } })).toBe(0);
  });

  it('applies changes given as functions to what is stored, so two at once both count, reminders included', async () => {
    await Promise.all([
      saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: (s) => applyChange(s, { kind: 'hour', hour: 10 })!, now }, CLI_ACTOR),
      saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: (s) => applyChange(s, { kind: 'digest', day: 3 })!, now }, CLI_ACTOR),
    ]);
    expect(await readChatSettings(t.db, ws, GROUP)).toMatchObject({ hour: 10, digestDay: 3, stageOffsets: [3, 1, 0] });
    // 10.00 WITA is 02.00Z; digests on Wednesdays
    expect(await groupRows()).toEqual([
      ['digest-group', '2024-09-25', '2024-09-25T02:00:00.000Z'],
      ['stage-group', 3, '2024-10-01T02:00:00.000Z'],
      ['digest-group', '2024-10-02', '2024-10-02T02:00:00.000Z'],
      ['stage-group', 1, '2024-10-03T02:00:00.000Z'],
      ['stage-group', 0, '2024-10-04T02:00:00.000Z'],
    ]);
  });

  it('turning reminders off removes the group’s pending rows; turning them on brings them back', async () => {
    await saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: (s) => applyChange(s, { kind: 'enabled', on: false })!, now }, CLI_ACTOR);
    expect(await groupRows()).toEqual([]);
    await saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: (s) => applyChange(s, { kind: 'enabled', on: true })!, now }, CLI_ACTOR);
    expect((await groupRows()).map(([kind, which]) => `${kind} ${which}`)).toEqual([
      'digest-group 2024-09-25', 'stage-group 3', 'digest-group 2024-10-02', 'stage-group 1', 'stage-group 0',
    ]);
  });
});

describe('saving private chats', () => {
  it('stores the workspace setting, audited, the private reminders follow it, and no other workspace changes', async () => {
    // Budi, PIC of Bappeda, opened the private chat; Bappeda has an unassigned item due Wednesday 9 October.
    const budi = await t.db.person.create({ data: { telegramId: 700_001n, displayName: 'Budi', privateChatAt: now } });
    const opd = await t.db.opd.create({ data: { workspaceId: ws, code: 'bappeda', name: 'Bappeda' } });
    await t.db.member.create({ data: { workspaceId: ws, personId: budi.id, roles: { create: [{ role: 'pic' }] }, opds: { create: [{ opdId: opd.id }] } } });
    const evaluation = await t.db.evaluation.findFirstOrThrow({ where: { workspaceId: ws } });
    await t.db.checklistItem.create({ data: { workspaceId: ws, evaluationId: evaluation.id, opdId: opd.id, title: 'Dokumen Renstra', dueDate: '2024-10-09' } });
    await t.db.$transaction((tx) => replanWorkspace(tx, ws, now));
    const budiRows = async () => (await t.db.reminderDelivery.findMany({ where: { telegramChatId: 700_001n, state: 'pending' }, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }] }))
      .map((r) => [r.kind, r.dueAt.toISOString()]);
    expect(await budiRows()).toEqual([
      ['digest-private', '2024-09-23T00:00:00.000Z'],
      ['digest-private', '2024-09-30T00:00:00.000Z'],
      ['item-due', '2024-10-07T00:00:00.000Z'], // H-3 is Sunday 6th
      ['item-due', '2024-10-08T00:00:00.000Z'],
      ['item-overdue', '2024-10-10T00:00:00.000Z'],
    ]);

    const after = { ...DEFAULT_SETTINGS, itemOffsets: [7, 3, 1], digestDay: null };
    const result = await savePrivateSettings(t.db, { workspaceId: ws, settings: after, now }, { via: 'bot', personId: null });
    expect(result.changed).toBe(true);
    expect(await readPrivateSettings(t.db, ws)).toEqual(after);
    expect(await readPrivateSettings(t.db, other)).toEqual(DEFAULT_SETTINGS);
    expect((await t.db.workspace.findUniqueOrThrow({ where: { id: ws } })).reminderSettings).toBe('{"itemOffsets":[7,3,1],"digestDay":null}');
    expect(await budiRows()).toEqual([
      ['item-due', '2024-10-02T00:00:00.000Z'], // H-7, Wednesday 2nd
      ['item-due', '2024-10-07T00:00:00.000Z'],
      ['item-due', '2024-10-08T00:00:00.000Z'],
      ['item-overdue', '2024-10-10T00:00:00.000Z'],
    ]);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'reminder.settings', entity: 'workspace' } });
    expect(audit).toMatchObject({ workspaceId: ws, entityId: String(ws) });
    expect(JSON.parse(audit.detail)).toEqual({ dari: DEFAULT_SETTINGS, ke: after });
  });
});
