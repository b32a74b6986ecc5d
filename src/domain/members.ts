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

// Changing one role of a member from /anggota or the CLI. A member keeps at least one role (to
// leave, they are removed, which also releases their work), a PIC always has an OPD, and the
// last admin keeps theirs for the reason above.
export type RoleChangeCheck = 'ok' | 'unchanged' | 'last-admin' | 'only-role' | 'needs-opd';

export interface RoleChangeState {
  roles: readonly string[];
  role: string;
  /** true to grant, false to take away */
  on: boolean;
  /** admins of the workspace other than this member, not removed */
  otherAdmins: number;
  /** an OPD given with the change (a PIC needs one) */
  opdGiven: boolean;
}

export function checkRoleChange({ roles, role, on, otherAdmins, opdGiven }: RoleChangeState): RoleChangeCheck {
  const has = roles.includes(role);
  if (on) {
    // Granting pic with an OPD to a PIC moves them: not "unchanged".
    if (role === 'pic') return opdGiven ? 'ok' : has ? 'unchanged' : 'needs-opd';
    return has ? 'unchanged' : 'ok';
  }
  if (!has) return 'unchanged';
  if (role === 'admin' && otherAdmins === 0) return 'last-admin';
  if (roles.length === 1) return 'only-role';
  return 'ok';
}
