// Invite links as an outsider would try them: a link asked for in a group, a single-use link
// forwarded to a second person, a PIC link with a number of uses, and the inviter told who came in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberTexts } from '../../src/bot/texts-members.ts';
import { texts, workspaceTexts } from '../../src/bot/texts.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { buttonsOf, GROUP, rina, startHarness, tamu, textOf } from '../support/bot-harness.ts';
import { cli } from '../support/cli.ts';

let h: Harness;
const WORKSPACE = 'Pemprov Kaltim (demo)';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const codeOf = (call: FakeCall) => /https:\/\/t\.me\/spbe_test_bot\?start=([A-Za-z0-9_-]+)/.exec(textOf(call))?.[1];
const person = (id: number, first_name: string, username?: string): Person => ({ id, first_name, ...(username ? { username } : {}) });
const memberOf = (who: Person) => h.t.db.member.findFirst({ where: { person: { telegramId: BigInt(who.id) } }, include: { roles: true } });

const toRina = (c: FakeCall) => c.method === 'sendMessage' && Number(c.params.chat_id) === rina.id;

/** Opens the link as `who` and returns the reply and the notice Rina got in her private chat (if any). */
async function redeem(who: Person, code: string) {
  const after = h.api.calls.length;
  const answer = await h.say(who, who.id, `/start ${code}`);
  // Polling handles one batch of updates to its end before it asks for the next: once Rina's
  // /bantuan is answered, anything the /start sent her is among the calls.
  const mark = h.api.calls.length;
  h.api.pushText({ chatId: rina.id, from: rina, text: '/bantuan' });
  const help = await h.next((c) => toRina(c) && textOf(c).startsWith('<b>Perintah yang dapat Anda pakai'), mark);
  const notices = h.api.calls.slice(after).filter((c) => toRina(c) && c !== help);
  expect(notices.length).toBeLessThanOrEqual(1);
  return { answer: textOf(answer), notice: notices[0] };
}

describe('/undang in a group', () => {
  it('is refused for a coordinator or admin link, says nothing of a link, and makes no invite', async () => {
    const before = await h.t.db.invite.count();
    for (const command of ['/undang koordinator', '/undang admin', '/undang pic bappeda 5']) {
      const answer = textOf(await h.say(rina, GROUP, command));
      expect(answer).toBe(memberTexts.inviteOnlyPrivate);
      expect(answer).not.toContain('t.me');
    }
    // A stranger in the group gets the same answer: nothing tells them more.
    expect(textOf(await h.say(tamu, GROUP, '/undang admin'))).toBe(memberTexts.inviteOnlyPrivate);
    expect(await h.t.db.invite.count()).toBe(before);
  });
});

describe('a single-use link', () => {
  it('lets in the first person only; a second one with the same link is refused', async () => {
    const made = await h.say(rina, rina.id, '/undang koordinator');
    expect(textOf(made)).toContain(memberTexts.inviteUses(1));
    const code = codeOf(made)!;
    const first = person(777_301, 'Andi', 'andi_kominfo');
    const second = person(777_302, 'Orang Asing');

    const joined = await redeem(first, code);
    expect(joined.answer).toBe(texts.joined(WORKSPACE, 'koordinator', null));
    // Rina is told privately who used her link; a used-up link has no revoke button left.
    expect(textOf(joined.notice!)).toBe(memberTexts.inviteUsed('Andi', 'andi_kominfo', String(first.id), 'koordinator', null, WORKSPACE, 1, 1));
    expect(buttonsOf(joined.notice!)).toEqual([]);

    const refused = await redeem(second, code);
    expect(refused.answer).toBe(texts.inviteProblem['used-up']);
    expect(refused.notice).toBeUndefined();
    expect(await memberOf(second)).toBeNull();
    // The first person opening it again is not a second use, and nobody is told twice.
    const again = await redeem(first, code);
    expect(again.answer).toBe(texts.joined(WORKSPACE, 'koordinator', null));
    expect(again.notice).toBeUndefined();
    const invite = await h.t.db.invite.findUniqueOrThrow({ where: { code }, include: { redemptions: { include: { person: true } } } });
    expect([invite.uses, invite.maxUses]).toEqual([1, 1]);
    expect(invite.redemptions.map((r) => Number(r.person.telegramId))).toEqual([first.id]);
  });

  it('an admin link is single-use too, and cannot be made for several people', async () => {
    const before = await h.t.db.invite.count();
    expect(textOf(await h.say(rina, rina.id, '/undang admin 3'))).toContain(texts.problem(memberTexts.inviteMultiUseNotPic));
    expect(textOf(await h.say(rina, rina.id, '/undang koordinator 2'))).toContain(texts.problem(memberTexts.inviteMultiUseNotPic));
    expect(textOf(await h.say(rina, rina.id, '/undang pic bappeda 51'))).toContain(texts.problem(memberTexts.inviteUsesOutOfRange(50)));
    expect(textOf(await h.say(rina, rina.id, '/undang pic bappeda 0'))).toContain(texts.problem(memberTexts.inviteUsesOutOfRange(50)));
    expect(textOf(await h.say(rina, rina.id, '/undang pic bappeda bpkad'))).toContain(texts.problem(memberTexts.inviteExtraWords));
    expect(await h.t.db.invite.count()).toBe(before);

    const code = codeOf(await h.say(rina, rina.id, '/undang admin'))!;
    expect((await redeem(person(777_311, 'Admin Baru'), code)).answer).toBe(texts.joined(WORKSPACE, 'admin', null));
    expect((await redeem(person(777_312, 'Penyusup'), code)).answer).toBe(texts.inviteProblem['used-up']);
    expect(await memberOf(person(777_312, 'Penyusup'))).toBeNull();
  });
});

describe('a PIC link for a whole OPD', () => {
  it('with `/undang pic bappeda 2` lets in two PICs; the third is refused; Rina hears of each', async () => {
    const made = await h.say(rina, rina.id, '/undang pic bappeda 2');
    expect(textOf(made)).toContain('Tautan undangan sebagai <b>PIC</b> untuk <b>Bappeda</b>');
    expect(textOf(made)).toContain(memberTexts.inviteUses(2));
    const code = codeOf(made)!;
    const invite = await h.t.db.invite.findUniqueOrThrow({ where: { code } });
    const [p1, p2, p3] = [person(777_321, 'Sari'), person(777_322, 'Tono'), person(777_323, 'Ketiga')];

    const one = await redeem(p1, code);
    expect(one.answer).toBe(texts.joined(WORKSPACE, 'pic', 'Bappeda'));
    expect(textOf(one.notice!)).toBe(memberTexts.inviteUsed('Sari', null, String(p1.id), 'pic', 'Bappeda', WORKSPACE, 1, 2));
    // A use is left: the notice carries the revoke button of that link.
    expect(buttonsOf(one.notice!)).toEqual([[workspaceTexts.inviteRevoke, `inv-x:${invite.id}`]]);

    const two = await redeem(p2, code);
    expect(two.answer).toBe(texts.joined(WORKSPACE, 'pic', 'Bappeda'));
    expect(textOf(two.notice!)).toBe(memberTexts.inviteUsed('Tono', null, String(p2.id), 'pic', 'Bappeda', WORKSPACE, 2, 2));

    expect((await redeem(p3, code)).answer).toBe(texts.inviteProblem['used-up']);
    expect(await memberOf(p3)).toBeNull();
    expect((await memberOf(p1))?.roles.map((r) => r.role)).toEqual(['pic']);
    const uses = await h.t.db.inviteUse.findMany({ where: { inviteId: invite.id }, include: { person: true }, orderBy: { id: 'asc' } });
    expect(uses.map((u) => u.person.displayName)).toEqual(['Sari', 'Tono']);
    const audit = await h.t.db.auditEntry.findMany({ where: { action: 'member.join', entityId: String(invite.id) } });
    expect(audit).toHaveLength(2);
  });

  it('a link made before links were capped (no maxUses stored) is taken as single-use', async () => {
    const workspace = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
    await h.t.db.invite.create({ data: { workspaceId: workspace.id, code: 'lamaTanpaBatas', role: 'koordinator', expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await redeem(person(777_331, 'Pertama'), 'lamaTanpaBatas')).answer).toBe(texts.joined(WORKSPACE, 'koordinator', null));
    expect((await redeem(person(777_332, 'Kedua'), 'lamaTanpaBatas')).answer).toBe(texts.inviteProblem['used-up']);
  });
});

describe('who used which link', () => {
  it('`invites list` shows each invite with its uses, status and who used it', async () => {
    const run = await cli(h.t.db, ['invites', 'list', '--workspace', 'demo-kaltim'], new Date());
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ *# +Peran +OPD +Dibuat oleh +Dibuat +Berlaku sampai +Pakai +Status +Dipakai oleh$/);
    const pic = lines.find((l) => l.includes('Sari'))!;
    expect(pic).toMatch(/pic +bappeda +Rina \(900001\) .* 2\/2 +habis +Sari \(777321, .*\); Tono \(777322, /);
    expect(lines.find((l) => l.includes('Andi'))).toMatch(/koordinator .* 1\/1 +habis +Andi @andi_kominfo \(777301, /);
    expect(run.stdout).not.toContain('Penyusup');
  });
});
