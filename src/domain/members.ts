// Ending a membership. A workspace always keeps an admin: without one nobody can invite, link a
// group or remove anyone, and only the CLI on the server could repair it.
export type RemovalCheck = 'ok' | 'not-member' | 'already-removed' | 'last-admin';

export interface RemovalState {
  /** the membership row, null when the person never was a member */
  member: { removedAt: Date | null; roles: readonly string[] } | null;
  /** admins of the workspace other than this person, not removed */
  otherAdmins: number;
}

export function checkRemoval({ member, otherAdmins }: RemovalState): RemovalCheck {
  if (!member) return 'not-member';
  if (member.removedAt !== null) return 'already-removed';
  if (member.roles.includes('admin') && otherAdmins === 0) return 'last-admin';
  return 'ok';
}
