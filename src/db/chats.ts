import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';

export async function findChat(db: Db, telegramChatId: bigint) {
  return db.chat.findUnique({ where: { telegramChatId }, include: { workspace: true } });
}

export interface ChatLink {
  workspaceId: number;
  telegramChatId: bigint;
  title: string | null;
  type: string;
  opdId: number | null;
}

export type LinkOutcome = { kind: 'linked' | 'relinked' } | { kind: 'taken'; workspaceName: string };

/** Links a group to a workspace; a group already linked to another workspace is refused. */
export async function linkChat(db: Db, link: ChatLink, actor: Actor): Promise<LinkOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.chat.findUnique({ where: { telegramChatId: link.telegramChatId }, include: { workspace: true } });
    if (existing && existing.workspaceId !== link.workspaceId && existing.inactiveAt === null) {
      return { kind: 'taken', workspaceName: existing.workspace.name };
    }
    const data = { workspaceId: link.workspaceId, title: link.title, type: link.type, opdId: link.opdId, inactiveAt: null };
    await tx.chat.upsert({ where: { telegramChatId: link.telegramChatId }, create: { telegramChatId: link.telegramChatId, ...data }, update: data });
    await recordAudit(tx, actor, {
      workspaceId: link.workspaceId, action: 'chat.link', entity: 'chat', entityId: link.telegramChatId.toString(),
      detail: { title: link.title, opdId: link.opdId },
    });
    return { kind: existing ? 'relinked' : 'linked' };
  });
}

/** A group became a supergroup (400 migrate_to_chat_id): its link follows it to the new id. */
export async function moveChatId(db: Db, fromId: bigint, toId: bigint): Promise<void> {
  await db.$transaction(async (tx) => {
    const chat = await tx.chat.findUnique({ where: { telegramChatId: fromId } });
    if (!chat || (await tx.chat.findUnique({ where: { telegramChatId: toId } }))) return;
    await tx.chat.update({ where: { id: chat.id }, data: { telegramChatId: toId, type: 'supergroup' } });
    await recordAudit(tx, { via: 'system', personId: null }, {
      workspaceId: chat.workspaceId, action: 'chat.migrate', entity: 'chat', entityId: toId.toString(), detail: { dari: fromId.toString() },
    });
  });
}

/** Telegram answered 403: a group that removed the bot goes inactive; a person who blocked it is unreachable. */
export async function markUnreachable(db: Db, telegramChatId: bigint, at: Date): Promise<void> {
  if (telegramChatId > 0n) {
    await db.person.updateMany({ where: { telegramId: telegramChatId }, data: { unreachableAt: at, privateChatAt: null } });
  } else {
    await db.chat.updateMany({ where: { telegramChatId, inactiveAt: null }, data: { inactiveAt: at } });
  }
}
