import { describe, expect, it } from 'vitest';
import { checkInvite, MAX_INVITE_USES, parseInviteArgs } from './invites.ts';

const now = new Date('2024-09-20T01:00:00Z');
const live = { expiresAt: new Date('2024-09-27T01:00:00Z'), revokedAt: null, maxUses: 1, uses: 0 };

describe('checkInvite', () => {
  it('lets a link in until its cap, its expiry or its revocation', () => {
    expect(checkInvite(live, now)).toBe('valid');
    expect(checkInvite({ ...live, uses: 1 }, now)).toBe('used-up');
    expect(checkInvite({ ...live, maxUses: 2, uses: 1 }, now)).toBe('valid');
    expect(checkInvite({ ...live, expiresAt: now }, now)).toBe('expired');
    expect(checkInvite({ ...live, revokedAt: now }, now)).toBe('revoked');
    expect(checkInvite(null, now)).toBe('unknown');
  });

  it('takes a link stored without a cap (made before caps) as single-use', () => {
    expect(checkInvite({ ...live, maxUses: null }, now)).toBe('valid');
    expect(checkInvite({ ...live, maxUses: null, uses: 1 }, now)).toBe('used-up');
  });
});

describe('parseInviteArgs', () => {
  it('is one person by default; a PIC link may name a number of uses, before or after the OPD', () => {
    expect(parseInviteArgs('koordinator', [])).toEqual({ ok: true, opdWord: null, maxUses: 1 });
    expect(parseInviteArgs('pic', ['bappeda'])).toEqual({ ok: true, opdWord: 'bappeda', maxUses: 1 });
    expect(parseInviteArgs('pic', ['bappeda', '5'])).toEqual({ ok: true, opdWord: 'bappeda', maxUses: 5 });
    expect(parseInviteArgs('pic', ['5', 'bappeda'])).toEqual({ ok: true, opdWord: 'bappeda', maxUses: 5 });
    expect(parseInviteArgs('pimpinan', ['1'])).toEqual({ ok: true, opdWord: null, maxUses: 1 });
  });

  it('refuses several uses for other roles, a number out of range, and extra words', () => {
    expect(parseInviteArgs('admin', ['2'])).toEqual({ ok: false, problem: 'multi-use-not-pic' });
    expect(parseInviteArgs('koordinator', ['bappeda', '3'])).toEqual({ ok: false, problem: 'multi-use-not-pic' });
    expect(parseInviteArgs('pic', ['bappeda', '0'])).toEqual({ ok: false, problem: 'uses-out-of-range' });
    expect(parseInviteArgs('pic', ['bappeda', String(MAX_INVITE_USES + 1)])).toEqual({ ok: false, problem: 'uses-out-of-range' });
    expect(parseInviteArgs('pic', ['bappeda', 'bpkad'])).toEqual({ ok: false, problem: 'extra-words' });
    expect(parseInviteArgs('pic', ['bappeda', '2', '3'])).toEqual({ ok: false, problem: 'extra-words' });
  });
});
