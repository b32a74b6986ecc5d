// Offboarding end to end: `members remove` from the admin CLI really ends access. The removed
// person's commands and buttons are refused, their flow, invites and private reminders go (and no
// replan brings the reminders back), their open items become unassigned, no invite (old or new)
// lets them back in, and only an admin re-adding them does. The last admin stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberTexts } from '../../src/bot/texts-members.ts';
import { checklistTexts, texts } from '../../src/bot/texts.ts';
import { replanAll } from '../../src/db/reminder-plan.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, sekda, startHarness, tamu, textOf } from '../support/bot-harness.ts';
import { cli } from '../support/cli.ts';

const NOW = new Date('2024-09-20T01:00:00Z');
const WORKSPACE = 'Pemprov Kaltim (demo)';
const dewi: Person = { id: 900_020, first_name: 'Dewi' }; // a second coordinator, joins by invite
const ani: Person = { id: 900_021, first_name: 'Ani' }; // a second admin, added from the CLI

let h: Harness;
let workspaceId = 0;
let openItem = 0;
let doneItem = 0;

const codeOf = (call: FakeCall) => /start=([A-Za-z0-9_-]+)/.exec(textOf(call))![1]!;
const members = (...argv: string[]) => cli(h.t.db, ['members', ...argv, '--workspace', 'demo-kaltim'], NOW);
const personId = async (who: Person) => (await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(who.id) } })).id;
const pendingTo = (who: Person) => h.t.db.reminderDelivery.count({ where: { telegramChatId: BigInt(who.id), state: 'pending' } });
/** What a refusal on a button shows: the reply text without its markup. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '');

beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  const ws = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  workspaceId = ws.id;
  const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId } });
  const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { workspaceId, code: 'bappeda' } });
  const budiId = await personId(budi);
  const item = (title: string, status: string) => h.t.db.checklistItem.create({
    data: { workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, stage: 'dokumen', title, dueDate: '2024-09-30', assigneeId: budiId, status },
  });
  openItem = (await item('Unggah Renstra OPD', 'belum')).id;
  doneItem = (await item('Unggah SK Tim', 'selesai')).id;
  // Budi opens his private chat: from now on he gets private reminders (the stage's and the item's).
  await h.say(budi, budi.id, '/start');
});
afterAll(() => h.stop());

describe('members remove', () => {
  it('refuses to remove the last admin', async () => {
    const run = await members('remove', '--user', String(rina.id));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('admin terakhir');
    expect(textOf(await h.say(rina, GROUP, '/tahapan'))).toContain('Tahapan evaluasi');
  });

  it('ends a PIC’s access: commands, buttons, flow, reminders (not replanned), items unassigned', async () => {
    // Before: Budi works his checklist and has a flow (attaching evidence) and reminders waiting.
    const list = await h.say(budi, budi.id, '/ceklis');
    expect(textOf(list)).toContain('Ceklis Bappeda');
    const open = buttonsOf(list).find(([, data]) => data === `it:${openItem}`)![1];
    const after = h.api.calls.length;
    await h.press(budi, budi.id, messageIdOf(list), open);
    const view = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id, after);
    const attach = buttonsOf(view).find(([label]) => label === checklistTexts.attachButton)![1];
    await h.press(budi, budi.id, messageIdOf(view), attach);
    expect(await h.t.db.flowState.count({ where: { personId: await personId(budi) } })).toBe(1);
    expect(await pendingTo(budi)).toBeGreaterThan(0);

    const run = await members('remove', '--user', String(budi.id));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Butir terbuka yang dilepas (kini tanpa penanggung jawab): #${openItem}.`);

    // Every command and every button press is refused, in the group and privately.
    expect(textOf(await h.say(budi, GROUP, '/nilai 1 5'))).toBe(texts.notMember(WORKSPACE));
    expect(textOf(await h.say(budi, GROUP, '/ceklis'))).toBe(texts.notMember(WORKSPACE));
    expect(textOf(await h.say(budi, budi.id, '/ceklis'))).toBe(texts.noWorkspace);
    expect(textOf(await h.say(budi, budi.id, '/tugas'))).toBe(texts.noWorkspace);
    expect((await h.press(budi, budi.id, messageIdOf(list), open)).params.text).toBe(plain(texts.noWorkspace));
    expect((await h.press(budi, budi.id, messageIdOf(view), attach)).params.text).toBe(plain(texts.noWorkspace));
    // What he types next is not taken as evidence: the flow is gone.
    expect(await h.t.db.flowState.count({ where: { personId: await personId(budi) } })).toBe(0);

    // His pending private reminders are gone, and neither a replan nor the daily one brings them back.
    expect(await pendingTo(budi)).toBe(0);
    await replanAll(h.t.db, NOW);
    await replanAll(h.t.db, new Date('2024-09-24T01:00:00Z'));
    expect(await pendingTo(budi)).toBe(0);

    // The open item stays, unassigned (so Bappeda's PICs are chased); the finished one keeps his name.
    const items = await h.t.db.checklistItem.findMany({ where: { id: { in: [openItem, doneItem] } }, orderBy: { id: 'asc' } });
    expect(items.map((i) => i.assigneeId)).toEqual([null, await personId(budi)]);
    const member = await h.t.db.member.findFirstOrThrow({ where: { workspaceId, personId: await personId(budi) }, include: { roles: true, opds: true } });
    expect(member.removedAt).not.toBeNull();
    expect([member.roles, member.opds]).toEqual([[], []]);
    const audit = await h.t.db.auditEntry.findFirstOrThrow({ where: { action: 'member.remove', entityId: String(member.id) } });
    expect(audit.via).toBe('cli');
    expect(JSON.parse(audit.detail)).toMatchObject({ roles: ['pic'], unassignedItemIds: [openItem], clearedFlows: 1 });

    const again = await members('remove', '--user', String(budi.id));
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('sudah dikeluarkan')]);
  });

  it('ends a coordinator’s /nilai; neither the old invite nor a new one brings them back; members add does', async () => {
    const oldCode = codeOf(await h.say(rina, rina.id, '/undang koordinator'));
    expect(textOf(await h.say(dewi, dewi.id, `/start ${oldCode}`))).toBe(texts.joined(WORKSPACE, 'koordinator', null));
    expect(textOf(await h.say(dewi, GROUP, '/nilai 2 4'))).toContain('Tercatat: indikator 2');

    expect((await members('remove', '--user', String(dewi.id))).code).toBe(0);
    expect(textOf(await h.say(dewi, GROUP, '/nilai 2 5'))).toBe(texts.notMember(WORKSPACE));
    expect(textOf(await h.say(dewi, dewi.id, '/nilai 2 5'))).toBe(texts.noWorkspace);

    // Her own (used) link, and a fresh one, are both refused with the reason.
    expect(textOf(await h.say(dewi, dewi.id, `/start ${oldCode}`))).toBe(memberTexts.removedRefused(WORKSPACE));
    const newCode = codeOf(await h.say(rina, rina.id, '/undang pimpinan'));
    expect(textOf(await h.say(dewi, dewi.id, `/start ${newCode}`))).toBe(memberTexts.removedRefused(WORKSPACE));
    const fresh = await h.t.db.invite.findUniqueOrThrow({ where: { code: newCode } });
    expect(fresh.uses).toBe(0);
    const member = await h.t.db.member.findFirstOrThrow({ where: { workspaceId, personId: await personId(dewi) }, include: { roles: true } });
    expect([member.removedAt !== null, member.roles]).toEqual([true, []]);

    // Only an admin adding her back, on purpose, does; with the role given then (not her old one).
    const added = await members('add', '--user', String(dewi.id), '--role', 'pimpinan');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('dipulihkan');
    expect(textOf(await h.say(dewi, GROUP, '/nilai 2 5'))).toBe(texts.noAccess('nilai', 'koordinator'));
    expect(textOf(await h.say(dewi, GROUP, '/tahapan'))).toContain('Tahapan evaluasi');
  });

  it('revokes the unused invites of a removed admin; an admin can be removed while another remains', async () => {
    expect((await members('add', '--user', String(ani.id), '--role', 'admin')).code).toBe(0);
    const code = codeOf(await h.say(ani, ani.id, '/undang pimpinan'));
    expect((await members('remove', '--user', String(ani.id))).code).toBe(0);
    expect(textOf(await h.say(tamu, tamu.id, `/start ${code}`))).toBe(texts.inviteProblem.revoked);
    expect(await h.t.db.member.count({ where: { person: { telegramId: BigInt(tamu.id) } } })).toBe(0);
    expect(textOf(await h.say(ani, ani.id, '/undang pimpinan'))).toBe(texts.noWorkspace);
  });

  it('names an unknown person, or a username used twice, instead of guessing', async () => {
    const unknown = await members('remove', '--user', '@tidakada');
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('bukan anggota')]);
    await h.t.db.person.updateMany({ where: { telegramId: { in: [BigInt(sekda.id), BigInt(tamu.id)] } }, data: { username: 'Kembar' } });
    await members('add', '--user', String(tamu.id), '--role', 'pimpinan');
    const twice = await members('remove', '--user', '@kembar');
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining(`@kembar dipakai 2 orang; sebut id Telegram-nya: ${sekda.id}, ${tamu.id}.`)]);
    const usage = await members('remove');
    expect(usage.code).toBe(2);
  });
});
