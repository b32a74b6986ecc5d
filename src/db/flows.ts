// Guided conversations in progress, kept in the database so a restart loses nothing.
import type { Db } from './client.ts';

export interface Flow {
  kind: string;
  step: string;
  /** the workspace the flow was started in (null: a flow stored before flows carried one) */
  workspaceId: number | null;
  data: Record<string, unknown>;
}

export async function getFlow(db: Db, personId: number, chatId: bigint, now: Date): Promise<Flow | null> {
  const row = await db.flowState.findUnique({ where: { personId_telegramChatId: { personId, telegramChatId: chatId } } });
  if (!row || row.expiresAt <= now) return null;
  return { kind: row.kind, step: row.step, workspaceId: row.workspaceId, data: JSON.parse(row.data) as Record<string, unknown> };
}

export async function setFlow(db: Db, personId: number, chatId: bigint, flow: Flow & { workspaceId: number }, expiresAt: Date): Promise<void> {
  const data = { kind: flow.kind, step: flow.step, workspaceId: flow.workspaceId, data: JSON.stringify(flow.data), expiresAt };
  await db.flowState.upsert({
    where: { personId_telegramChatId: { personId, telegramChatId: chatId } },
    create: { personId, telegramChatId: chatId, ...data },
    update: data,
  });
}

export async function clearFlow(db: Db, personId: number, chatId: bigint): Promise<void> {
  await db.flowState.deleteMany({ where: { personId, telegramChatId: chatId } });
}
