// members grant|revoke: the CLI side of /anggota's role buttons, on a real database: the same
// checks (last admin, only role, PIC needs an OPD), the change audited, refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
const W = ['--workspace', 'paser'];
beforeAll(async () => {
  t = createTestDb();
  expect((await cli(t.db, ['workspace', 'create', '--slug', 'paser', '--name', 'Pemkab Paser', '--tz', 'WITA', '--admin', '5001'])).code).toBe(0);
  expect((await cli(t.db, ['opd', 'add', ...W, '--code', 'bappeda', '--name', 'Bappeda'])).code).toBe(0);
  expect((await cli(t.db, ['opd', 'add', ...W, '--code', 'dinkes', '--name', 'Dinas Kesehatan'])).code).toBe(0);
  expect((await cli(t.db, ['members', 'add', ...W, '--user', '5002', '--role', 'pimpinan'])).code).toBe(0);
});
afterAll(() => t.close());

const rolesOf = async (telegramId: number) => {
  const m = await t.db.member.findFirstOrThrow({ where: { person: { telegramId: BigInt(telegramId) } }, include: { roles: true, opds: { include: { opd: true } } } });
  return [m.roles.map((r) => r.role).sort().join(','), m.opds.map((o) => o.opd.code).join(',')];
};

describe('members grant and revoke', () => {
  it('grants a role, moves a PIC, revokes a role, each audited', async () => {
    const granted = await cli(t.db, ['members', 'grant', ...W, '--user', '5002', '--role', 'koordinator']);
    expect(granted.stdout).toContain('kini koordinator, pimpinan');
    expect(await rolesOf(5002)).toEqual(['koordinator,pimpinan', '']);
    expect((await cli(t.db, ['members', 'grant', ...W, '--user', '5002', '--role', 'pic', '--opd', 'bappeda'])).stdout).toContain('(OPD bappeda)');
    expect((await cli(t.db, ['members', 'grant', ...W, '--user', '5002', '--role', 'pic', '--opd', 'dinkes'])).stdout).toContain('(OPD dinkes)');
    expect(await rolesOf(5002)).toEqual(['koordinator,pic,pimpinan', 'dinkes']);
    expect((await cli(t.db, ['members', 'revoke', ...W, '--user', '5002', '--role', 'pic'])).code).toBe(0);
    expect(await rolesOf(5002)).toEqual(['koordinator,pimpinan', '']);
    const actions = (await t.db.auditEntry.findMany({ where: { action: { startsWith: 'member.' } }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions.slice(-4)).toEqual(['member.grant', 'member.grant', 'member.move', 'member.revoke']);
  });

  it.each([
    [['--user', '5001', '--role', 'admin'], 'revoke', /admin terakhir Pemkab Paser/],
    [['--user', '5002', '--role', 'pic'], 'grant', /peran pic perlu --opd/],
    [['--user', '5002', '--role', 'koordinator'], 'grant', /sudah memiliki peran koordinator/],
    [['--user', '5002', '--role', 'admin'], 'revoke', /tidak memiliki peran admin/],
    [['--user', '5003', '--role', 'admin'], 'grant', /bukan anggota Pemkab Paser; tambahkan dengan members add/],
    [['--user', '5002', '--role', 'raja'], 'grant', /peran "raja" tidak dikenal/],
    [['--user', '5002', '--role', 'pic', '--opd', 'dishub'], 'grant', /OPD "dishub" tidak ada/],
    [['--user', '5002', '--role', 'koordinator', '--opd', 'bappeda'], 'grant', /--opd hanya untuk members grant --role pic/],
  ])('refuses %j (%s) and changes nothing', async (args, sub, message) => {
    const before = [await rolesOf(5001), await rolesOf(5002), await t.db.auditEntry.count()];
    const run = await cli(t.db, ['members', sub, ...W, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect([await rolesOf(5001), await rolesOf(5002), await t.db.auditEntry.count()]).toEqual(before);
  });

  it('refuses taking a member\'s only role: removal is the way', async () => {
    await cli(t.db, ['members', 'revoke', ...W, '--user', '5002', '--role', 'koordinator']);
    const run = await cli(t.db, ['members', 'revoke', ...W, '--user', '5002', '--role', 'pimpinan']);
    expect(run.stderr).toContain('satu-satunya peran');
    expect(await rolesOf(5002)).toEqual(['pimpinan', '']);
  });
});
