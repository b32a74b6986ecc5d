import { randomBytes } from 'node:crypto';
import type { InviteCheck } from '../domain/invites.ts';
import { checkInvite, usesAllowed } from '../domain/invites.ts';
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
  /** how many people may join with it: 1 unless a PIC link to a whole OPD */
  maxUses: number;
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
      detail: { role: input.role, opdId: input.opdId, expiresAt: input.expiresAt, maxUses: input.maxUses },
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

/** Whom to tell that their link was used, and who used it. */
export interface InviteUseNotice {
  inviteId: number;
  inviter: { telegramId: bigint; unreachableAt: Date | null };
  joiner: { telegramId: bigint; displayName: string; username: string | null };
  uses: number;
  maxUses: number;
}

export type RedeemOutcome =
  | {
    kind: 'joined'; workspaceId: number; workspaceName: string; role: Role; opdName: string | null;
    /** the inviter, unless they invited themselves or are gone */
    notice: InviteUseNotice | null;
  }
  /** a member an admin removed: no invite brings them back (only an admin re-adding them) */
  | { kind: 'removed'; workspaceName: string }
  | { kind: Exclude<InviteCheck, 'valid'> };

/** Joins the person with the invite's role (and OPD), counting and recording the use, all or nothing. */
export async function redeemInvite(db: Db, code: string, personId: number, now: Date): Promise<RedeemOutcome> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { code }, include: { workspace: true, opd: true, createdBy: true } });
    if (!invite) return { kind: 'unknown' };
    const joined = { kind: 'joined', workspaceId: invite.workspaceId, workspaceName: invite.workspace.name, role: invite.role as Role, opdName: invite.opd?.name ?? null } as const;
    const member = await tx.member.findUnique({ where: { workspaceId_personId: { workspaceId: invite.workspaceId, personId } } });
    if (member?.removedAt) return { kind: 'removed', workspaceName: invite.workspace.name };
    // The same person opening their own link again (a second tap on Mulai) is not another use.
    const usedBefore = await tx.inviteUse.findUnique({ where: { inviteId_personId: { inviteId: invite.id, personId } } });
    if (usedBefore && member) return { ...joined, notice: null };
    const check = checkInvite(invite, now);
    if (check !== 'valid') return { kind: check };
    // Conditional on the count read above: of two people taking the last use at once, one wins.
    const { count } = await tx.invite.updateMany({ where: { id: invite.id, uses: invite.uses, revokedAt: null }, data: { uses: { increment: 1 } } });
    if (count !== 1) return { kind: 'used-up' };
    await tx.inviteUse.create({ data: { inviteId: invite.id, personId, usedAt: now } });
    await grantRole(tx, invite.workspaceId, personId, joined.role, invite.opdId);
    const joiner = await tx.person.update({ where: { id: personId }, data: { activeWorkspaceId: invite.workspaceId } });
    await recordAudit(tx, { via: 'bot', personId }, {
      workspaceId: invite.workspaceId, action: 'member.join', entity: 'invite', entityId: invite.id,
      detail: { role: joined.role, opdId: invite.opdId, invitedBy: invite.createdById },
    });
    // a new PIC with open items in their OPD gets the stage's private reminders
    await replanWorkspace(tx, invite.workspaceId, now);
    const inviter = invite.createdBy && invite.createdBy.id !== personId ? invite.createdBy : null;
    return {
      ...joined,
      notice: inviter && {
        inviteId: invite.id,
        inviter: { telegramId: inviter.telegramId, unreachableAt: inviter.unreachableAt },
        joiner: { telegramId: joiner.telegramId, displayName: joiner.displayName, username: joiner.username },
        uses: invite.uses + 1,
        maxUses: usesAllowed(invite),
      },
    };
  });
}

/** A workspace's invites, newest first, with who used each and when. */
export async function listInvites(db: Db, workspaceId: number) {
  return db.invite.findMany({
    where: { workspaceId },
    include: {
      opd: { select: { code: true } },
      createdBy: { select: { displayName: true, telegramId: true } },
      redemptions: { include: { person: { select: { displayName: true, username: true, telegramId: true } } }, orderBy: { usedAt: 'asc' } },
    },
    orderBy: { id: 'desc' },
  });
}
