// /anggota through the real bot and the fake Bot API: an admin (Rina, the demo's only admin)
// grants and takes away roles, moves a PIC, removes a member after a confirmation; the person is
// told privately, every change is audited; the last admin keeps their role; a forged press
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, buttonsOf, messageIdOf, rina, sekda, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-05-02T01:00:00Z') });
  // Sekda opens a private chat first, so a notice can reach them.
  await h.say(sekda, sekda.id, '/start');
});
afterAll(() => h.stop());

const rolesOf = async (telegramId: number) => {
  const member = await h.t.db.member.findFirstOrThrow({
    where: { person: { telegramId: BigInt(telegramId) } }, include: { roles: true, opds: { include: { opd: true } } },
  });
  return { roles: member.roles.map((r) => r.role).sort(), opds: member.opds.map((o) => o.opd.code), removedAt: member.removedAt, id: member.id };
};

/** Presses a button of the message `on` as `who` in their private chat: the callback answer and the edited message. */
async function press(who: typeof rina, on: FakeCall, label: string | RegExp) {
  const button = buttonsOf(on).find(([text]) => (typeof label === 'string' ? text === label : label.test(text)));
  if (!button) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(on))}`);
  const after = h.api.calls.length;
  const answer = await h.press(who, who.id, messageIdOf(on), button[1]);
  if (answer.params.show_alert) return { answer, view: on };
  const edit = await h.next((c) => c.method === 'editMessageText', after);
  // The edited message keeps its id: the next press is on the same message.
  return { answer, view: { ...edit, response: on.response } as FakeCall };
}

async function openMember(name: RegExp) {
  const list = await h.say(rina, rina.id, '/anggota');
  expect(textOf(list)).toContain('Anggota');
  return (await press(rina, list, name)).view;
}

describe('/anggota', () => {
  it('lists every member with roles and OPD, only for an admin, only in a private chat', async () => {
    const list = textOf(await h.say(rina, rina.id, '/anggota'));
    expect(list).toMatch(/Rina.*admin, koordinator/);
    expect(list).toMatch(/Budi.*PIC Bappeda/);
    expect(list).toMatch(/Sekda.*pimpinan/);
    expect(textOf(await h.say(budi, budi.id, '/anggota'))).toContain('tidak memiliki akses ke /anggota');
    expect(textOf(await h.say(rina, -1_009_000_000_001, '/anggota'))).toContain('hanya dapat dipakai di chat pribadi');
  });

  it('makes Sekda a koordinator with a button; Sekda is told and can then run /nilai', async () => {
    expect(textOf(await h.say(sekda, sekda.id, '/nilai 12 4'))).toContain('tidak memiliki akses ke /nilai');
    const view = await openMember(/Sekda/);
    expect(textOf(view)).toContain('Peran: pimpinan');
    const after = h.api.calls.length;
    const { answer, view: changed } = await press(rina, view, '➕ koordinator');
    expect(answer.params.text).toBe('Tersimpan.');
    expect(textOf(changed)).toContain('Peran: koordinator, pimpinan');
    const told = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === sekda.id, after);
    expect(textOf(told)).toContain('memberi Anda peran <b>koordinator</b>');
    expect((await rolesOf(sekda.id)).roles).toEqual(['koordinator', 'pimpinan']);
    expect(textOf(await h.say(sekda, sekda.id, '/nilai 12 4'))).not.toContain('tidak memiliki akses');
    // A member of several roles sees the commands of all of them.
    const help = textOf(await h.say(sekda, sekda.id, '/bantuan'));
    expect(help).toContain('/nilai');
    expect(help).toContain('/laporan');
    const audit = await h.t.db.auditEntry.findFirstOrThrow({ where: { action: 'member.grant' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(audit.detail)).toMatchObject({ role: 'koordinator', rolesBefore: ['pimpinan'] });
  });

  it('takes the role away again; a member\'s only role cannot be taken, removal is the way', async () => {
    const view = await openMember(/Sekda/);
    const { view: back } = await press(rina, view, '✅ koordinator');
    expect(textOf(back)).toContain('Peran: pimpinan');
    const { answer } = await press(rina, back, '✅ pimpinan');
    expect(answer.params.text).toContain('satu-satunya peran');
    expect((await rolesOf(sekda.id)).roles).toEqual(['pimpinan']);
  });

  it('refuses the last admin removing their own admin role or themselves', async () => {
    const view = await openMember(/Rina/);
    const { answer } = await press(rina, view, '✅ admin');
    expect(answer.params.text).toContain('admin terakhir');
    const confirm = (await press(rina, view, '🚪 Keluarkan')).view;
    const { answer: removal } = await press(rina, confirm, 'Ya, keluarkan');
    expect(removal.params.text).toContain('admin terakhir');
    expect((await rolesOf(rina.id)).roles).toEqual(['admin', 'koordinator']);
    expect((await rolesOf(rina.id)).removedAt).toBeNull();
  });

  it('moves a PIC to another OPD with the chooser', async () => {
    const view = await openMember(/Budi/);
    const chooser = (await press(rina, view, '🏢 Pindah OPD')).view;
    expect(textOf(chooser)).toContain('Pilih OPD');
    expect(buttonsOf(chooser).some(([text]) => text.startsWith('✅ '))).toBe(true);
    const target = buttonsOf(chooser).find(([text, data]) => !text.startsWith('✅') && data.startsWith('am:p:'))!;
    const { view: moved } = await press(rina, chooser, target[0]);
    expect(textOf(moved)).toContain(`PIC ${target[0]}`);
    const budiNow = await rolesOf(budi.id);
    expect(budiNow.opds).toHaveLength(1);
    expect(budiNow.opds).not.toContain('bappeda');
    expect(await h.t.db.auditEntry.count({ where: { action: 'member.move' } })).toBe(1);
  });

  it('ignores a forged button: a PIC pressing it, or an id of no member here', async () => {
    const sekdaId = (await rolesOf(sekda.id)).id;
    const menu = await h.say(budi, budi.id, '/tugas');
    const forged = await h.press(budi, budi.id, messageIdOf(menu), `am:r:${sekdaId}:admin:1`);
    expect(forged.params.text).toContain('tidak memiliki akses ke /anggota');
    const list = await h.say(rina, rina.id, '/anggota');
    const stranger = await h.press(rina, rina.id, messageIdOf(list), 'am:r:999999:admin:1');
    expect(stranger.params.text).toContain('bukan lagi anggota');
    const malformed = await h.press(rina, rina.id, messageIdOf(list), `am:r:${sekdaId}:raja:1`);
    expect(malformed.params.text).toBe('Tombol ini sudah tidak berlaku.');
    expect((await rolesOf(sekda.id)).roles).toEqual(['pimpinan']);
    expect((await rolesOf(budi.id)).roles).toEqual(['pic']);
  });

  it('removes a member after a confirmation; the person is told', async () => {
    const view = await openMember(/Sekda/);
    const confirm = (await press(rina, view, '🚪 Keluarkan')).view;
    expect(textOf(confirm)).toContain('Keluarkan <b>Sekda</b>');
    expect((await rolesOf(sekda.id)).removedAt).toBeNull();
    const after = h.api.calls.length;
    const { view: done } = await press(rina, confirm, 'Ya, keluarkan');
    expect(textOf(done)).toContain('dikeluarkan dari');
    const told = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === sekda.id, after);
    expect(textOf(told)).toContain('diakhiri oleh admin');
    expect((await rolesOf(sekda.id)).removedAt).not.toBeNull();
    expect(textOf(await h.say(sekda, sekda.id, '/indeks'))).not.toContain('Indeks');
  });
});
