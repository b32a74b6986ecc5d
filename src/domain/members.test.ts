import { describe, expect, it } from 'vitest';
import { checkRemoval, checkRoleChange } from './members.ts';

describe('checkRemoval', () => {
  it('removes a member once, and never the last admin', () => {
    expect(checkRemoval({ member: { removedAt: null, roles: ['pic'] }, otherAdmins: 0 })).toBe('ok');
    expect(checkRemoval({ member: { removedAt: null, roles: ['admin', 'koordinator'] }, otherAdmins: 0 })).toBe('last-admin');
    expect(checkRemoval({ member: { removedAt: null, roles: ['admin'] }, otherAdmins: 1 })).toBe('ok');
    expect(checkRemoval({ member: { removedAt: new Date(), roles: [] }, otherAdmins: 0 })).toBe('already-removed');
    expect(checkRemoval({ member: null, otherAdmins: 1 })).toBe('not-member');
  });
});

describe('checkRoleChange', () => {
  const base = { otherAdmins: 1, opdGiven: false };
  it('grants a missing role; a PIC needs an OPD, and a PIC given one is moved', () => {
    expect(checkRoleChange({ ...base, roles: ['pic'], role: 'koordinator', on: true })).toBe('ok');
    expect(checkRoleChange({ ...base, roles: ['koordinator'], role: 'koordinator', on: true })).toBe('unchanged');
    expect(checkRoleChange({ ...base, roles: ['pimpinan'], role: 'pic', on: true })).toBe('needs-opd');
    expect(checkRoleChange({ ...base, roles: ['pimpinan'], role: 'pic', on: true, opdGiven: true })).toBe('ok');
    expect(checkRoleChange({ ...base, roles: ['pic'], role: 'pic', on: true })).toBe('unchanged');
    expect(checkRoleChange({ ...base, roles: ['pic'], role: 'pic', on: true, opdGiven: true })).toBe('ok');
  });

  it('takes a role away, but never the last admin\'s admin role or a member\'s only role', () => {
    expect(checkRoleChange({ ...base, roles: ['admin', 'koordinator'], role: 'koordinator', on: false })).toBe('ok');
    expect(checkRoleChange({ ...base, roles: ['admin', 'koordinator'], role: 'admin', on: false })).toBe('ok');
    expect(checkRoleChange({ ...base, otherAdmins: 0, roles: ['admin', 'koordinator'], role: 'admin', on: false })).toBe('last-admin');
    expect(checkRoleChange({ ...base, roles: ['pic'], role: 'pic', on: false })).toBe('only-role');
    expect(checkRoleChange({ ...base, roles: ['pic'], role: 'pimpinan', on: false })).toBe('unchanged');
  });
});
