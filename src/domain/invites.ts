// When an invite deep link may still be used: it expires, can be revoked, and is capped. A link
// lets in one person, unless it is a PIC link to a whole OPD given an explicit number of uses: a
// link seen by others (posted in a group, forwarded) must not let in whoever opens it next.
import type { Role } from './roles.ts';

export type InviteCheck = 'valid' | 'unknown' | 'expired' | 'revoked' | 'used-up';

export interface InviteState {
  expiresAt: Date;
  revokedAt: Date | null;
  maxUses: number | null;
  uses: number;
}

/** A link made before links were capped has no cap stored: it is taken as single-use. */
export function usesAllowed(invite: Pick<InviteState, 'maxUses'>): number {
  return invite.maxUses ?? 1;
}

export function checkInvite(invite: InviteState | null, now: Date): InviteCheck {
  if (!invite) return 'unknown';
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (invite.uses >= usesAllowed(invite)) return 'used-up';
  return 'valid';
}

export const INVITE_DAYS = 7;
/** The most people one PIC link may let in (an OPD's team, not a whole office). */
export const MAX_INVITE_USES = 50;

export type InviteArgs =
  | { ok: true; opdWord: string | null; maxUses: number }
  | { ok: false; problem: 'extra-words' | 'uses-out-of-range' | 'multi-use-not-pic' };

/**
 * The words after the role in `/undang <peran> [opd] [jumlah]`: at most one OPD code and one
 * number of uses, in either order. Only a PIC link may let in more than one person: an admin,
 * coordinator or leader is invited one by one.
 */
export function parseInviteArgs(role: Role, words: readonly string[]): InviteArgs {
  const numbers = words.filter((w) => /^\d+$/.test(w));
  const others = words.filter((w) => !/^\d+$/.test(w));
  if (numbers.length > 1 || others.length > 1) return { ok: false, problem: 'extra-words' };
  const maxUses = numbers.length === 1 ? Number(numbers[0]) : 1;
  if (maxUses < 1 || maxUses > MAX_INVITE_USES) return { ok: false, problem: 'uses-out-of-range' };
  if (maxUses > 1 && role !== 'pic') return { ok: false, problem: 'multi-use-not-pic' };
  return { ok: true, opdWord: others[0] ?? null, maxUses };
}
