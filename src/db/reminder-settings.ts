// Reading and saving reminder settings: a linked group's (Chat.settings) and those of a
// workspace's members' private chats (Workspace.reminderSettings). A save commits together with
// its audit entry and the replanned reminders, so the pending reminders always follow the settings.
import type { ReminderSettings } from '../domain/reminder-settings.ts';
import { parseSettings, sameSettings, serializeSettings } from '../domain/reminder-settings.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db, Queryable } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';

/**
 * The new settings, or how to make them from the stored ones: the function form is applied to
 * what is stored inside the transaction, so two quick changes never overwrite one another.
 */
export type SettingsUpdate = ReminderSettings | ((current: ReminderSettings) => ReminderSettings);

export interface SaveResult {
  before: ReminderSettings;
  after: ReminderSettings;
  /** false when the new settings equal the stored ones: nothing was written, audited or replanned */
  changed: boolean;
}

const resolve = (update: SettingsUpdate, current: ReminderSettings) => (typeof update === 'function' ? update(current) : update);

/** A group's row, only while it is linked to this workspace (an inactive link does not count). */
function linkedChat(db: Queryable, workspaceId: number, telegramChatId: bigint) {
  return db.chat.findFirst({ where: { telegramChatId, workspaceId, inactiveAt: null }, select: { id: true, settings: true } });
}

/** Settings of a chat linked to the workspace; null when the chat is not (or no longer) linked to it. */
export async function readChatSettings(db: Queryable, workspaceId: number, telegramChatId: bigint): Promise<ReminderSettings | null> {
  const chat = await linkedChat(db, workspaceId, telegramChatId);
  return chat ? parseSettings(chat.settings) : null;
}

/** Settings of the workspace's members' private chats (item reminders, private digest). */
export async function readPrivateSettings(db: Queryable, workspaceId: number): Promise<ReminderSettings> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { reminderSettings: true } });
  return parseSettings(ws.reminderSettings);
}

export interface ChatSettingsInput {
  workspaceId: number;
  telegramChatId: bigint;
  settings: SettingsUpdate;
  now: Date;
}

/** Saves a linked group's settings; null when the chat is not linked to the workspace (nothing saved). */
export async function saveChatSettings(db: Db, input: ChatSettingsInput, actor: Actor): Promise<SaveResult | null> {
  return db.$transaction(async (tx) => {
    const chat = await linkedChat(tx, input.workspaceId, input.telegramChatId);
    if (!chat) return null;
    const before = parseSettings(chat.settings);
    const after = resolve(input.settings, before);
    if (sameSettings(before, after)) return { before, after: before, changed: false };
    await tx.chat.update({ where: { id: chat.id }, data: { settings: serializeSettings(after) } });
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'reminder.settings', entity: 'chat', entityId: input.telegramChatId.toString(),
      detail: { dari: before, ke: after },
    });
    await replanWorkspace(tx, input.workspaceId, input.now);
    return { before, after, changed: true };
  });
}

export interface PrivateSettingsInput {
  workspaceId: number;
  settings: SettingsUpdate;
  now: Date;
}

/** Saves the settings of the workspace's members' private chats. */
export async function savePrivateSettings(db: Db, input: PrivateSettingsInput, actor: Actor): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const before = await readPrivateSettings(tx, input.workspaceId);
    const after = resolve(input.settings, before);
    if (sameSettings(before, after)) return { before, after: before, changed: false };
    await tx.workspace.update({ where: { id: input.workspaceId }, data: { reminderSettings: serializeSettings(after) } });
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'reminder.settings', entity: 'workspace', entityId: input.workspaceId,
      detail: { dari: before, ke: after },
    });
    await replanWorkspace(tx, input.workspaceId, input.now);
    return { before, after, changed: true };
  });
}
