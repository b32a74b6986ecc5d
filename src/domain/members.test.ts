import { describe, expect, it } from 'vitest';
import { checkRemoval } from './members.ts';

describe('checkRemoval', () => {
  it('removes a member once, and never the last admin', () => {
    expect(checkRemoval({ member: { removedAt: null, roles: ['pic'] }, otherAdmins: 0 })).toBe('ok');
    expect(checkRemoval({ member: { removedAt: null, roles: ['admin', 'koordinator'] }, otherAdmins: 0 })).toBe('last-admin');
    expect(checkRemoval({ member: { removedAt: null, roles: ['admin'] }, otherAdmins: 1 })).toBe('ok');
    expect(checkRemoval({ member: { removedAt: new Date(), roles: [] }, otherAdmins: 0 })).toBe('already-removed');
    expect(checkRemoval({ member: null, otherAdmins: 1 })).toBe('not-member');
  });
});
