// Saving reminder settings: only a chat linked to the workspace, one transaction with the audit
// entry and the replan (a failing replan leaves nothing behind), and quick changes never lost.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { readChatSettings, readPrivateSettings, saveChatSettings, savePrivateSettings } from '../../src/db/reminder-settings.ts';
import { applyChange, DEFAULT_SETTINGS } from '../../src/domain/reminder-settings.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

// The replan is another module's work; here it only has to be called inside the transaction.
const replan = vi.hoisted(() => vi.fn());
vi.mock('../../src/db/reminder-plan.ts', () => ({ replanWorkspace: replan }));

let t: TestDb;
let ws: number;
let other: number;
const GROUP = -100_555n;
const now = new Date('2024-09-20T01:00:00Z');

beforeAll(async () => {
  t = createTestDb();
  ws = (await t.db.workspace.create({ data: { slug: 'uji', name: 'Pemkab Uji', timeZone: 'Asia/Makassar' } })).id;
  other = (await t.db.workspace.create({ data: { slug: 'lain', name: 'Pemkab Lain', timeZone: 'Asia/Jakarta' } })).id;
  await t.db.chat.create({ data: { workspaceId: ws, telegramChatId: GROUP, type: 'supergroup', title: 'Tim SPBE' } });
  await t.db.chat.create({ data: { workspaceId: ws, telegramChatId: -100_666n, type: 'group', inactiveAt: now } });
});
afterAll(() => t.close());
beforeEach(() => {
  replan.mockReset();
  replan.mockResolvedValue({ created: 0, updated: 0, removed: 0 });
});

const noH7 = { ...DEFAULT_SETTINGS, stageOffsets: [3, 1, 0] };

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
  it('stores only the difference, audits it and replans inside the same transaction', async () => {
    replan.mockImplementation(async (tx: typeof t.db, workspaceId: number, at: Date) => {
      // Called after the write, in the transaction: it sees the new settings.
      const row = await tx.chat.findUniqueOrThrow({ where: { telegramChatId: GROUP } });
      expect([workspaceId, at, row.settings]).toEqual([ws, now, '{"stageOffsets":[3,1,0]}']);
      return { created: 0, updated: 0, removed: 0 };
    });
    const result = await saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: noH7, now }, CLI_ACTOR);
    expect(result).toEqual({ before: DEFAULT_SETTINGS, after: noH7, changed: true });
    expect(replan).toHaveBeenCalledTimes(1);
    expect(await readChatSettings(t.db, ws, GROUP)).toEqual(noH7);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'reminder.settings' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ workspaceId: ws, via: 'cli', entity: 'chat', entityId: GROUP.toString() });
    expect(JSON.parse(audit.detail)).toEqual({ dari: DEFAULT_SETTINGS, ke: noH7 });
  });

  it('writes nothing when nothing changes', async () => {
    const audits = await t.db.auditEntry.count();
    const result = await saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: noH7, now }, CLI_ACTOR);
    expect(result?.changed).toBe(false);
    expect(replan).not.toHaveBeenCalled();
    expect(await t.db.auditEntry.count()).toBe(audits);
  });

  it('refuses a chat of another workspace and leaves it as it was', async () => {
    const result = await saveChatSettings(t.db, { workspaceId: other, telegramChatId: GROUP, settings: DEFAULT_SETTINGS, now }, CLI_ACTOR);
    expect(result).toBeNull();
    expect(await readChatSettings(t.db, ws, GROUP)).toEqual(noH7);
  });

  it('rolls the settings and the audit back when the replan fails', async () => {
    replan.mockRejectedValue(new Error('planner failed'));
    const audits = await t.db.auditEntry.count();
    await expect(saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: { ...noH7, hour: 9 }, now }, CLI_ACTOR))
      .rejects.toThrow('planner failed');
    expect((await readChatSettings(t.db, ws, GROUP))!.hour).toBe(8);
    expect(await t.db.auditEntry.count()).toBe(audits);
  });

  it('applies changes given as functions to what is stored, so two at once both count', async () => {
    await Promise.all([
      saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: (s) => applyChange(s, { kind: 'hour', hour: 10 })!, now }, CLI_ACTOR),
      saveChatSettings(t.db, { workspaceId: ws, telegramChatId: GROUP, settings: (s) => applyChange(s, { kind: 'digest', day: 3 })!, now }, CLI_ACTOR),
    ]);
    expect(await readChatSettings(t.db, ws, GROUP)).toMatchObject({ hour: 10, digestDay: 3, stageOffsets: [3, 1, 0] });
  });
});

describe('saving private chats', () => {
  it('stores the workspace setting, audited, replanned, and no other workspace changes', async () => {
    const after = { ...DEFAULT_SETTINGS, itemOffsets: [7, 3, 1], digestDay: null };
    const result = await savePrivateSettings(t.db, { workspaceId: ws, settings: after, now }, { via: 'bot', personId: null });
    expect(result.changed).toBe(true);
    expect(replan).toHaveBeenCalledWith(expect.anything(), ws, now);
    expect(await readPrivateSettings(t.db, ws)).toEqual(after);
    expect(await readPrivateSettings(t.db, other)).toEqual(DEFAULT_SETTINGS);
    expect((await t.db.workspace.findUniqueOrThrow({ where: { id: ws } })).reminderSettings).toBe('{"itemOffsets":[7,3,1],"digestDay":null}');
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'reminder.settings', entity: 'workspace' } });
    expect(audit).toMatchObject({ workspaceId: ws, entityId: String(ws) });
    expect(JSON.parse(audit.detail)).toEqual({ dari: DEFAULT_SETTINGS, ke: after });
  });
});
