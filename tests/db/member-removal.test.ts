// removeMember and addMember against a real database: what goes with a membership (roles, flows in
// that workspace only, live invites, pending private reminders of that workspace, snoozed ones too)
// and what stays (other workspaces' flows and reminders, sent rows, closed items' assignee); an
// invite never restores a removed member, addMember does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botActor, CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createInvite, redeemInvite } from '../../src/db/invites.ts';
import { addMember, findMemberships, findPersonByHandle, grantRole, removeMember, upsertPerson } from '../../src/db/people.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
const NOW = new Date('2026-09-07T00:30:00Z');
const LATER = new Date('2026-09-14T00:30:00Z');

let a = 0;
let b = 0;
let adminA = 0;
const GROUP_A = -5_001n;
const GROUP_B = -5_002n;

beforeAll(async () => {
  t = createTestDb();
  const frameworkId = (await findFrameworkIdByCode(t.db, 'spbe-2020'))!;
  const make = async (slug: string, admin: bigint) => (await createWorkspace(t.db, {
    slug, name: slug.toUpperCase(), timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2026,
    admin: { telegramId: admin, displayName: `Admin ${slug}` },
  }, CLI_ACTOR)).workspace.id;
  a = await make('ws-a', 1n);
  b = await make('ws-b', 2n);
  adminA = (await t.db.person.findUniqueOrThrow({ where: { telegramId: 1n } })).id;
  await t.db.chat.create({ data: { workspaceId: a, telegramChatId: GROUP_A, type: 'supergroup' } });
  await t.db.chat.create({ data: { workspaceId: b, telegramChatId: GROUP_B, type: 'supergroup' } });
});
afterAll(() => t.close());

async function personIn(telegramId: bigint, name: string, active: number) {
  const person = await upsertPerson(t.db, { id: telegramId, displayName: name, username: name.toLowerCase() });
  await grantRole(t.db, a, person.id, 'admin', null);
  await grantRole(t.db, b, person.id, 'koordinator', null);
  await t.db.person.update({ where: { id: person.id }, data: { activeWorkspaceId: active } });
  const flow = (chat: bigint) => t.db.flowState.create({ data: { personId: person.id, telegramChatId: chat, kind: 'bukti', step: 'bukti', expiresAt: LATER } });
  await Promise.all([flow(telegramId), flow(GROUP_A), flow(GROUP_B)]);
  const row = (workspaceId: number, key: string, state = 'pending') =>
    t.db.reminderDelivery.create({ data: { workspaceId, key: `${key}:${telegramId}`, kind: 'digest-private', telegramChatId: telegramId, dueAt: LATER, state } });
  await Promise.all([row(a, 'digest:a'), row(a, 'item:1:x:tunda@2026'), row(a, 'digest:sent', 'sent'), row(b, 'digest:b')]);
  return person;
}

const flowsOf = async (personId: number) =>
  (await t.db.flowState.findMany({ where: { personId }, orderBy: { telegramChatId: 'asc' } })).map((f) => f.telegramChatId);
const remindersOf = async (telegramId: bigint) =>
  (await t.db.reminderDelivery.findMany({ where: { telegramChatId: telegramId }, orderBy: { id: 'asc' } })).map((r) => `${r.workspaceId === a ? 'a' : 'b'}:${r.state}`);

describe('removeMember', () => {
  it('clears what belongs to that workspace only; the private chat flow stays when it answers for another', async () => {
    const person = await personIn(10n, 'Nia', b);
    const invite = await createInvite(t.db, { workspaceId: a, role: 'pic', opdId: null, createdById: person.id, expiresAt: LATER, maxUses: 3 }, botActor(person.id));
    const used = await createInvite(t.db, { workspaceId: a, role: 'pimpinan', opdId: null, createdById: person.id, expiresAt: LATER, maxUses: 1 }, botActor(person.id));
    await t.db.invite.update({ where: { id: used.id }, data: { uses: 1 } });

    const outcome = await removeMember(t.db, a, person.id, CLI_ACTOR, NOW);
    expect(outcome).toMatchObject({ kind: 'removed', revokedInviteIds: [invite.id], clearedFlows: 1, droppedReminders: 2 });
    expect(await flowsOf(person.id)).toEqual([GROUP_B, 10n]);
    expect(await remindersOf(10n)).toEqual(['a:sent', 'b:pending']);
    expect((await t.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).toEqual(NOW);
    // A used-up link is left as it was: it lets nobody in anyway.
    expect((await t.db.invite.findUniqueOrThrow({ where: { id: used.id } })).revokedAt).toBeNull();
    expect((await findMemberships(t.db, person.id)).map((m) => m.workspaceId)).toEqual([b]);
    expect((await t.db.person.findUniqueOrThrow({ where: { id: person.id } })).activeWorkspaceId).toBe(b);
  });

  it('clears the private chat flow and the active workspace when they were this workspace’s', async () => {
    const person = await personIn(11n, 'Oki', a);
    await removeMember(t.db, a, person.id, CLI_ACTOR, NOW);
    expect(await flowsOf(person.id)).toEqual([GROUP_B]);
    expect((await t.db.person.findUniqueOrThrow({ where: { id: person.id } })).activeWorkspaceId).toBeNull();
  });

  it('refuses the last admin, a second removal and a non-member', async () => {
    expect(await removeMember(t.db, b, (await t.db.person.findUniqueOrThrow({ where: { telegramId: 2n } })).id, CLI_ACTOR, NOW)).toEqual({ kind: 'last-admin' });
    const nia = (await t.db.person.findUniqueOrThrow({ where: { telegramId: 10n } })).id;
    expect(await removeMember(t.db, a, nia, CLI_ACTOR, NOW)).toEqual({ kind: 'already-removed' });
    const stranger = await upsertPerson(t.db, { id: 99n, displayName: 'X', username: null });
    expect(await removeMember(t.db, a, stranger.id, CLI_ACTOR, NOW)).toEqual({ kind: 'not-member' });
  });
});

describe('coming back', () => {
  it('no invite restores a removed member; addMember does, with only the role it is given', async () => {
    const nia = (await t.db.person.findUniqueOrThrow({ where: { telegramId: 10n } })).id;
    const invite = await createInvite(t.db, { workspaceId: a, role: 'admin', opdId: null, createdById: adminA, expiresAt: LATER, maxUses: 1 }, botActor(adminA));
    expect(await redeemInvite(t.db, invite.code, nia, NOW)).toEqual({ kind: 'removed', workspaceName: 'WS-A' });
    expect((await t.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses).toBe(0);
    expect(await t.db.inviteUse.count({ where: { inviteId: invite.id } })).toBe(0);

    expect(await addMember(t.db, a, nia, 'pimpinan', null, CLI_ACTOR, NOW)).toEqual({ restored: true, isNew: false });
    const membership = (await findMemberships(t.db, nia)).find((m) => m.workspaceId === a);
    expect(membership?.roles).toEqual(['pimpinan']);
    expect(await t.db.auditEntry.count({ where: { action: 'member.restore' } })).toBe(1);
  });

  it('finds a person by @username among the workspace’s members, and reports a username used twice', async () => {
    expect((await findPersonByHandle(t.db, a, '@NIA')).person?.telegramId).toBe(10n);
    expect((await findPersonByHandle(t.db, a, '11')).person?.displayName).toBe('Oki');
    await t.db.person.update({ where: { telegramId: 11n }, data: { username: 'nia' } });
    expect((await findPersonByHandle(t.db, a, '@nia')).kind).toBe('ambiguous');
  });
});
