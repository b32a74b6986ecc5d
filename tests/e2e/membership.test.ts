// People and places, end to end: invites, joining, linking groups, choosing a workspace, and
// the walls between workspaces and roles (forged buttons, other members, wrong roles).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreTexts, texts, workspaceTexts } from '../../src/bot/texts.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { grantRole, upsertPerson } from '../../src/db/people.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, sekda, startHarness, tamu, textOf } from '../support/bot-harness.ts';

let h: Harness;
const paserAdmin: Person = { id: 555_001, first_name: 'Ani' };
let paserId = 0;

beforeAll(async () => {
  h = await startHarness();
  // A second workspace with its own admin and group, to prove nothing crosses over.
  const frameworkId = (await findFrameworkIdByCode(h.t.db, 'spbe-2020'))!;
  const { workspace } = await createWorkspace(h.t.db, {
    slug: 'paser', name: 'Kab. Paser', timeZone: 'Asia/Makassar', targetUnits: 30_000, frameworkId, year: 2024,
    admin: { telegramId: BigInt(paserAdmin.id), displayName: 'Ani' },
  }, CLI_ACTOR);
  paserId = workspace.id;
});
afterAll(() => h.stop());

describe('joining by invite', () => {
  it('an admin makes an invite link; a newcomer opens it and joins with its role and OPD', async () => {
    const made = await h.say(rina, rina.id, '/undang pic bappeda');
    const text = textOf(made);
    expect(text).toContain('Tautan undangan sebagai <b>PIC</b> untuk <b>Bappeda</b>');
    const code = /https:\/\/t\.me\/spbe_test_bot\?start=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(buttonsOf(made)[0]![0]).toBe(workspaceTexts.inviteRevoke);

    const joined = textOf(await h.say(tamu, tamu.id, `/start ${code}`));
    expect(joined).toBe(texts.joined('Pemprov Kaltim (demo)', 'pic', 'Bappeda'));
    const member = await h.t.db.member.findFirst({ where: { person: { telegramId: BigInt(tamu.id) } }, include: { roles: true, opds: { include: { opd: true } } } });
    expect(member?.roles.map((r) => r.role)).toEqual(['pic']);
    expect(member?.opds.map((o) => o.opd.code)).toEqual(['bappeda']);
    // The new member can now read the index in a private chat.
    expect(textOf(await h.say(tamu, tamu.id, '/indeks'))).toContain('Indeks: <b>3,79</b>');
  });

  it('a revoked, unknown or expired code joins nobody', async () => {
    const made = await h.say(rina, rina.id, '/undang pimpinan');
    const code = /start=([A-Za-z0-9_-]+)/.exec(textOf(made))![1]!;
    const answer = await h.press(rina, rina.id, messageIdOf(made), buttonsOf(made)[0]![1]);
    expect(answer.params.text).toBe(workspaceTexts.inviteRevoked);
    const stranger: Person = { id: 777_200, first_name: 'Orang' };
    expect(textOf(await h.say(stranger, stranger.id, `/start ${code}`))).toBe(texts.inviteProblem.revoked);
    expect(textOf(await h.say(stranger, stranger.id, '/start tidakadakode'))).toBe(texts.inviteProblem.unknown);
    await h.t.db.invite.create({ data: { workspaceId: 1, code: 'kadaluarsa01', role: 'pic', expiresAt: new Date('2020-01-01') } });
    expect(textOf(await h.say(stranger, stranger.id, '/start kadaluarsa01'))).toBe(texts.inviteProblem.expired);
    expect(await h.t.db.member.count({ where: { person: { telegramId: BigInt(stranger.id) } } })).toBe(0);
  });

  it('/undang is for admins only, checks its arguments, and a PIC invite needs an OPD', async () => {
    expect(textOf(await h.say(budi, budi.id, '/undang pic bappeda'))).toBe(texts.noAccess('undang', 'admin'));
    expect(textOf(await h.say(rina, rina.id, '/undang ketua'))).toContain('Peran "ketua" tidak dikenal');
    expect(textOf(await h.say(rina, rina.id, '/undang pic'))).toContain('Undangan PIC perlu OPD. OPD yang ada:');
    expect(textOf(await h.say(rina, rina.id, '/undang pic dinas-x'))).toContain('OPD "dinas-x" tidak ada di workspace ini');
    expect(await h.t.db.invite.count({ where: { role: 'pic', opd: { code: 'dinas-x' } } })).toBe(0);
  });
});

describe('groups', () => {
  const NEW_GROUP = -1_009_000_000_777;

  it('an unlinked group is told to link, and an admin links it with /hubungkan', async () => {
    expect(textOf(await h.say(rina, NEW_GROUP, '/indeks'))).toBe(texts.groupNotLinked);
    expect(textOf(await h.say(budi, NEW_GROUP, '/hubungkan'))).toBe(texts.noAccess('hubungkan', 'admin'));
    expect(textOf(await h.say(rina, NEW_GROUP, '/hubungkan bappeda'))).toContain('Grup ini sekarang terhubung ke <b>Pemprov Kaltim (demo)</b> (OPD Bappeda)');
    expect(textOf(await h.say(budi, NEW_GROUP, '/indeks'))).toContain('Indeks: <b>3,79</b>');
    expect(textOf(await h.say(rina, rina.id, '/hubungkan'))).toBe(workspaceTexts.linkOnlyInGroup);
  });

  it('another workspace cannot take over a linked group', async () => {
    expect(textOf(await h.say(paserAdmin, NEW_GROUP, '/hubungkan'))).toBe(workspaceTexts.linkTaken('Pemprov Kaltim (demo)'));
    const chat = await h.t.db.chat.findUnique({ where: { telegramChatId: BigInt(NEW_GROUP) } });
    expect(chat?.workspaceId).not.toBe(paserId);
  });
});

describe('walls between workspaces and roles', () => {
  it("a member of another workspace sees nothing of this one's group, and changes nothing", async () => {
    expect(textOf(await h.say(paserAdmin, GROUP, '/indeks'))).toBe(texts.notMember('Pemprov Kaltim (demo)'));
    expect(textOf(await h.say(paserAdmin, GROUP, '/nilai 1 5'))).toBe(texts.notMember('Pemprov Kaltim (demo)'));
    // In their own private chat they see their own (empty) workspace.
    const own = textOf(await h.say(paserAdmin, paserAdmin.id, '/indeks'));
    expect(own).toContain('Kab. Paser');
    expect(own).toContain(scoreTexts.noLevels);
  });

  it('a forged button (another workspace, or an invite id from elsewhere) does nothing', async () => {
    const before = await h.t.db.invite.findMany({ orderBy: { id: 'asc' } });
    const made = await h.say(paserAdmin, paserAdmin.id, '/undang pimpinan');
    const paserInvite = buttonsOf(made)[0]![1];
    // Rina (admin in Kaltim) presses a forged revoke of Paser's invite in her own chat.
    const inRinaChat = messageIdOf(await h.say(rina, rina.id, '/bantuan'));
    expect((await h.press(rina, rina.id, inRinaChat, paserInvite)).params.text).toBe(workspaceTexts.inviteAlreadyRevoked);
    const paserRow = await h.t.db.invite.findFirst({ where: { workspaceId: paserId } });
    expect(paserRow?.revokedAt).toBeNull();
    // A Kaltim PIC forging a workspace switch into Paser, or a chart of Paser, gets nothing.
    const inBudiChat = messageIdOf(await h.say(budi, budi.id, '/bantuan'));
    const inGroup = messageIdOf(await h.say(budi, GROUP, '/bantuan'));
    expect((await h.press(budi, budi.id, inBudiChat, `ws:${paserId}`)).params.text).toBe(texts.buttonNoAccess);
    expect((await h.press(tamu, GROUP, inGroup, 'chart:bogus')).params.text).toBe(texts.staleButton);
    expect((await h.press(budi, GROUP, inGroup, 'inv-x:1')).params.text).toBe(texts.buttonNoAccess);
    expect((await h.t.db.invite.findMany({ orderBy: { id: 'asc' } })).slice(0, before.length)).toEqual(before);
  });

  it('a person in two workspaces chooses one in the private chat', async () => {
    const person = await upsertPerson(h.t.db, { id: BigInt(sekda.id), displayName: 'Sekda', username: null });
    await grantRole(h.t.db, paserId, person.id, 'pimpinan', null);
    const ask = await h.say(sekda, sekda.id, '/indeks');
    expect(textOf(ask)).toBe(texts.chooseWorkspace);
    expect(buttonsOf(ask)).toEqual([['Pemprov Kaltim (demo)', 'ws:1'], ['Kab. Paser', `ws:${paserId}`]]);
    const after = h.api.calls.length;
    await h.press(sekda, sekda.id, messageIdOf(ask), `ws:${paserId}`);
    const chosen = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === sekda.id, after);
    expect(textOf(chosen)).toBe(texts.workspaceChosen('Kab. Paser'));
    expect(textOf(await h.say(sekda, sekda.id, '/indeks'))).toContain('Kab. Paser');
    // In the Kaltim group the group decides, not the choice.
    expect(textOf(await h.say(sekda, GROUP, '/indeks'))).toContain('Pemprov Kaltim (demo)');
  });
});
