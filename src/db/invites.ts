import { randomBytes } from 'node:crypto';
import type { InviteCheck } from '../domain/invites.ts';
import { checkInvite } from '../domain/invites.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';
import { grantRole } from './people.ts';

export interface NewInvite {
  workspaceId: number;
  role: Role;
  opdId: number | null;
  createdById: number | null;
  expiresAt: Date;
}

/** A code that fits Telegram's /start payload (A–Z a–z 0–9 _ -, at most 64). */
function newCode(): string {
  return randomBytes(9).toString('base64url');
}

export async function createInvite(db: Db, input: NewInvite, actor: Actor) {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.create({ data: { ...input, code: newCode() }, include: { opd: true } });
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'invite.create', entity: 'invite', entityId: invite.id,
      detail: { role: input.role, opdId: input.opdId, expiresAt: input.expiresAt },
    });
    return invite;
  });
}

/** Revokes an invite of this workspace only (the id comes from a button, so it is re-scoped). */
export async function revokeInvite(db: Db, workspaceId: number, inviteId: number, at: Date, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({ where: { id: inviteId, workspaceId, revokedAt: null }, data: { revokedAt: at } });
    if (count === 1) await recordAudit(tx, actor, { workspaceId, action: 'invite.revoke', entity: 'invite', entityId: inviteId });
    return count === 1;
  });
}

export type RedeemOutcome =
  | { kind: 'joined'; workspaceId: number; workspaceName: string; role: Role; opdName: string | null }
  | { kind: Exclude<InviteCheck, 'valid'> };

/** Joins the person with the invite's role (and OPD), counting the use, all or nothing. */
export async function redeemInvite(db: Db, code: string, personId: number, now: Date): Promise<RedeemOutcome> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { code }, include: { workspace: true, opd: true } });
    const check = checkInvite(invite, now);
    if (check !== 'valid' || !invite) return { kind: check === 'valid' ? 'unknown' : check };
    const role = invite.role as Role;
    await grantRole(tx, invite.workspaceId, personId, role, invite.opdId);
    await tx.invite.update({ where: { id: invite.id }, data: { uses: { increment: 1 } } });
    await tx.person.update({ where: { id: personId }, data: { activeWorkspaceId: invite.workspaceId } });
    await recordAudit(tx, { via: 'bot', personId }, {
      workspaceId: invite.workspaceId, action: 'member.join', entity: 'invite', entityId: invite.id,
      detail: { role, opdId: invite.opdId },
    });
    // a new PIC with open items in their OPD gets the stage's private reminders
    await replanWorkspace(tx, invite.workspaceId, now);
    return { kind: 'joined', workspaceId: invite.workspaceId, workspaceName: invite.workspace.name, role, opdName: invite.opd?.name ?? null };
  });
}
