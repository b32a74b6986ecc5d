// Who acts in a use case. A member comes through the chat or the dashboard with their roles and
// OPDs, and the rules judge them by those. The admin at the command line runs the server: they act
// with a koordinator's authority, are nobody's assignee, and the audit records them as `cli`.
import type { Actor } from '../db/audit.ts';
import { botActor, CLI_ACTOR } from '../db/audit.ts';
import type { ItemActor } from '../domain/checklists.ts';
import type { Role } from '../domain/roles.ts';

export interface MemberActor extends ItemActor {
  via: 'bot';
  personId: number;
}

export interface CommandLineActor extends ItemActor {
  via: 'cli';
  personId: null;
}

export type AppActor = MemberActor | CommandLineActor;

export const CLI_KOORDINATOR: CommandLineActor = { via: 'cli', personId: null, roles: ['koordinator'], opdIds: [] };

/** A member as the chat or the dashboard knows them (their access to one workspace). */
export function memberActor(who: { personId: number; roles: readonly Role[]; opdIds: readonly number[] }): MemberActor {
  return { via: 'bot', personId: who.personId, roles: who.roles, opdIds: who.opdIds };
}

/** The audit entry's actor for this one. */
export function auditActorOf(actor: AppActor): Actor {
  return actor.via === 'cli' ? CLI_ACTOR : botActor(actor.personId);
}

/** Planning actions (assigning, levels, deadlines) are the koordinator's, as the chat's commands say. */
export function isKoordinator(actor: AppActor): boolean {
  return actor.roles.includes('koordinator');
}

/** The refusal a non-koordinator gets from a use case a transport let through. */
export const KOORDINATOR_ONLY = 'Hanya koordinator yang dapat melakukan ini.';
