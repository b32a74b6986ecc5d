// When an invite deep link may still be used: it expires, can be revoked, and may be capped.
export type InviteCheck = 'valid' | 'unknown' | 'expired' | 'revoked' | 'used-up';

export interface InviteState {
  expiresAt: Date;
  revokedAt: Date | null;
  maxUses: number | null;
  uses: number;
}

export function checkInvite(invite: InviteState | null, now: Date): InviteCheck {
  if (!invite) return 'unknown';
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used-up';
  return 'valid';
}

export const INVITE_DAYS = 7;
