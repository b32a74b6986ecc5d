// One role of a member granted or taken away, or a PIC moved to another OPD: /anggota's buttons
// and the CLI's members grant|revoke, checked, audited and replanned in one transaction.
import type { RoleChangeCheck } from '../domain/members.ts';
import { checkRoleChange } from '../domain/members.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db, Queryable } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';

const MEMBER_VIEW = { person: true, roles: true, opds: { include: { opd: true } }, workspace: true } as const;

/** A current member of this workspace by membership id; null for another workspace's or a removed one. */
export async function findWorkspaceMember(db: Queryable, workspaceId: number, memberId: number) {
  return db.member.findFirst({ where: { id: memberId, workspaceId, removedAt: null }, include: MEMBER_VIEW });
}

export type WorkspaceMember = NonNullable<Awaited<ReturnType<typeof findWorkspaceMember>>>;

export async function findMemberOfPerson(db: Db, workspaceId: number, personId: number) {
  return db.member.findFirst({ where: { workspaceId, personId, removedAt: null }, select: { id: true } });
}

export interface RoleChange {
  workspaceId: number;
  memberId: number;
  role: Role;
  on: boolean;
  /** with role pic and on: the one OPD they answer for from now on */
  opdId?: number | null;
}

export type RoleChangeOutcome =
  | { kind: 'changed'; action: 'grant' | 'revoke' | 'move'; before: WorkspaceMember; after: WorkspaceMember }
  | { kind: Exclude<RoleChangeCheck, 'ok'> | 'not-member' | 'unknown-opd' };

export async function changeMemberRole(db: Db, change: RoleChange, actor: Actor, now: Date): Promise<RoleChangeOutcome> {
  const { workspaceId, memberId, role, on } = change;
  const opdId = on && role === 'pic' ? change.opdId ?? null : null;
  return db.$transaction(async (tx) => {
    const before = await findWorkspaceMember(tx, workspaceId, memberId);
    if (!before) return { kind: 'not-member' } as const;
    if (opdId !== null && !(await tx.opd.findFirst({ where: { id: opdId, workspaceId }, select: { id: true } }))) {
      return { kind: 'unknown-opd' } as const;
    }
    const roles = before.roles.map((r) => r.role);
    const otherAdmins = await tx.member.count({
      where: { workspaceId, removedAt: null, id: { not: memberId }, roles: { some: { role: 'admin' } } },
    });
    const currentOpds = before.opds.map((o) => o.opdId);
    const sameOpd = opdId !== null && currentOpds.length === 1 && currentOpds[0] === opdId;
    const check = sameOpd && roles.includes('pic') ? 'unchanged' : checkRoleChange({ roles, role, on, otherAdmins, opdGiven: opdId !== null });
    if (check !== 'ok') return { kind: check } as const;

    const action = !on ? 'revoke' : roles.includes(role) ? 'move' : 'grant';
    if (on) {
      await tx.memberRole.upsert({ where: { memberId_role: { memberId, role } }, create: { memberId, role }, update: {} });
    } else {
      await tx.memberRole.delete({ where: { memberId_role: { memberId, role } } });
    }
    // A PIC answers for the OPD named last; without the role, for none. Items assigned to them
    // stay theirs: an assignee may move their own item whatever their OPD.
    if (role === 'pic') {
      await tx.memberOpd.deleteMany({ where: { memberId } });
      if (opdId !== null) await tx.memberOpd.create({ data: { memberId, opdId } });
    }
    await recordAudit(tx, actor, {
      workspaceId, action: `member.${action}`, entity: 'member', entityId: memberId,
      detail: { personId: before.personId, role, rolesBefore: roles, opdIdsBefore: currentOpds, opdId },
    });
    // Who gets which reminder follows the roles (PIC reminders, the coordinators' summary).
    await replanWorkspace(tx, workspaceId, now);
    const after = await findWorkspaceMember(tx, workspaceId, memberId);
    return { kind: 'changed', action, before, after: after! } as const;
  });
}
