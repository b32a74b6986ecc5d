import type { Prisma } from '../generated/prisma/client.ts';

/** Who made a change: a person through the bot, or the admin at the command line. */
export interface Actor {
  via: 'bot' | 'cli' | 'system';
  personId: number | null;
}

export const CLI_ACTOR: Actor = { via: 'cli', personId: null };

export interface AuditInput {
  workspaceId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: unknown;
}

/** Written inside the same transaction as the change it describes, so neither exists alone. */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      workspaceId: input.workspaceId,
      actorId: actor.personId,
      via: actor.via,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
      detail: JSON.stringify(input.detail ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    },
  });
}

export const botActor = (personId: number): Actor => ({ via: 'bot', personId });
