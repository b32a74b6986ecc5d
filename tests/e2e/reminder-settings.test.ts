// /pengingat end to end: a coordinator changes a group's reminder settings with buttons that
// edit the same message, and the workspace's private-chat settings from a private chat; a PIC
// is refused for the command and for a forged press, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../../src/bot/texts.ts';
import { reminderSettingsTexts as rt } from '../../src/bot/texts-reminder-settings.ts';
import { DEMO_GROUP_ID } from '../../src/db/demo.ts';
import { parseSettings } from '../../src/domain/reminder-settings.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
let groupMessage: FakeCall;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-09-20T01:00:00Z') });
});
afterAll(() => h.stop());

const groupSettings = async () => (await h.t.db.chat.findUniqueOrThrow({ where: { telegramChatId: DEMO_GROUP_ID } })).settings;
const privateSettings = async () => (await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } })).reminderSettings;
const labels = (call: FakeCall) => buttonsOf(call).map(([label]) => label);

/** Presses a button and resolves with the edit of that message (the callback was answered first). */
async function pressAndEdit(from: Person, chat: number, message: FakeCall, data: string) {
  const after = h.api.calls.length;
  const answer = await h.press(from, chat, messageIdOf(message), data);
  expect(answer.params.show_alert).toBeFalsy();
  const edit = await h.next((c) => c.method === 'editMessageText' && Number(c.params.chat_id) === chat, after);
  expect(Number(edit.params.message_id)).toBe(messageIdOf(message));
  return edit;
}

describe('/pengingat in a linked group', () => {
  it('shows the defaults with buttons', async () => {
    groupMessage = await h.say(rina, GROUP, '/pengingat');
    const text = textOf(groupMessage);
    expect(text).toContain('<b>Pengaturan pengingat grup ini</b>\nWorkspace: Pemprov Kaltim (demo)');
    expect(text).toContain('Status: 🔔 <b>aktif</b>');
    expect(text).toContain('Pengingat tenggat tahapan: H-7, H-3, H-1, hari H');
    expect(text).toContain('Jam kirim: 08.00 WITA');
    expect(text).toContain('Ringkasan mingguan: setiap Senin');
    expect(text).toContain('Jam tenang: 20.00–06.00 WITA');
    expect(text).toContain(rt.workingDays);
    expect(text).not.toContain('tenggat item');
    expect(buttonsOf(groupMessage)).toEqual([
      [rt.turnOff, 'rs:on:0'],
      ['▫️ H-14', 'rs:so:14:1'], ['✅ H-7', 'rs:so:7:0'], ['✅ H-3', 'rs:so:3:0'], ['✅ H-1', 'rs:so:1:0'], ['✅ hari H', 'rs:so:0:0'],
      ['▫️ 07.00', 'rs:h:7'], ['✅ 08.00', 'rs:h:8'], ['▫️ 09.00', 'rs:h:9'], ['▫️ 10.00', 'rs:h:10'], ['▫️ 13.00', 'rs:h:13'], ['▫️ 15.00', 'rs:h:15'],
      ['✅ Sen', 'rs:d:1'], ['▫️ Sel', 'rs:d:2'], ['▫️ Rab', 'rs:d:3'], ['▫️ Kam', 'rs:d:4'], ['▫️ Jum', 'rs:d:5'], ['▫️ Mati', 'rs:d:0'],
    ]);
    for (const [, data] of buttonsOf(groupMessage)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(await groupSettings()).toBe('{}');
  });

  it('turns H-7 off: the same message is edited and the group row changes', async () => {
    const edit = await pressAndEdit(rina, GROUP, groupMessage, 'rs:so:7:0');
    expect(textOf(edit)).toContain('Pengingat tenggat tahapan: H-3, H-1, hari H');
    expect(labels(edit)).toContain('▫️ H-7');
    expect(buttonsOf(edit)).toContainEqual(['▫️ H-7', 'rs:so:7:1']);
    expect(parseSettings(await groupSettings()).stageOffsets).toEqual([3, 1, 0]);
  });

  it('a second press of the same button changes nothing and is no error', async () => {
    const audits = await h.t.db.auditEntry.count({ where: { action: 'reminder.settings' } });
    const after = h.api.calls.length;
    await h.press(rina, GROUP, messageIdOf(groupMessage), 'rs:so:7:0');
    // The unchanged edit is refused by Telegram ("message is not modified") and ignored.
    const edit = await h.next((c) => c.method === 'editMessageText', after);
    expect(edit.response).toMatchObject({ ok: false, error_code: 400 });
    expect(await h.t.db.auditEntry.count({ where: { action: 'reminder.settings' } })).toBe(audits);
    expect(textOf(await h.say(rina, GROUP, '/tahapan'))).toContain('Tahapan evaluasi');
    expect(h.api.calls.slice(after).some((c) => c.method === 'sendMessage' && textOf(c).includes('Kode rujukan'))).toBe(false);
  });

  it('changes the hour and the digest day', async () => {
    const hour = await pressAndEdit(rina, GROUP, groupMessage, 'rs:h:9');
    expect(textOf(hour)).toContain('Jam kirim: 09.00 WITA');
    expect(labels(hour)).toEqual(expect.arrayContaining(['✅ 09.00', '▫️ 08.00']));
    const day = await pressAndEdit(rina, GROUP, groupMessage, 'rs:d:3');
    expect(textOf(day)).toContain('Ringkasan mingguan: setiap Rabu');
    expect(labels(day)).toEqual(expect.arrayContaining(['✅ Rab', '▫️ Sen']));
    expect(parseSettings(await groupSettings())).toMatchObject({ hour: 9, digestDay: 3, stageOffsets: [3, 1, 0] });
    const none = await pressAndEdit(rina, GROUP, groupMessage, 'rs:d:0');
    expect(textOf(none)).toContain('Ringkasan mingguan: mati');
    expect(parseSettings(await groupSettings()).digestDay).toBeNull();
  });

  it('turns all reminders off and shows how to turn them back on', async () => {
    const edit = await pressAndEdit(rina, GROUP, groupMessage, 'rs:on:0');
    expect(textOf(edit)).toContain('Status: 🔕 <b>mati</b>');
    expect(buttonsOf(edit)[0]).toEqual([rt.turnOn, 'rs:on:1']);
    expect(parseSettings(await groupSettings()).enabled).toBe(false);
  });

  it('refuses a PIC, for the command and for a forged press, and nothing changes', async () => {
    const before = await groupSettings();
    const audits = await h.t.db.auditEntry.count();
    expect(textOf(await h.say(budi, GROUP, '/pengingat'))).toBe(texts.noAccess('pengingat', 'admin dan koordinator'));
    for (const data of ['rs:on:1', 'rs:h:10', 'rs:so:14:1']) {
      const after = h.api.calls.length;
      const answer = await h.press(budi, GROUP, messageIdOf(groupMessage), data);
      expect(answer.params).toMatchObject({ text: texts.noAccess('pengingat', 'admin dan koordinator'), show_alert: true });
      await h.say(budi, GROUP, '/tahapan'); // let any stray work of the press finish first
      expect(h.api.calls.slice(after).some((c) => c.method === 'editMessageText')).toBe(false);
    }
    expect(await groupSettings()).toBe(before);
    expect(await h.t.db.auditEntry.count()).toBe(audits);
  });

  it('treats a button of another kind of chat or a value never offered as stale', async () => {
    const before = await groupSettings();
    for (const data of ['rs:io:7:1', 'rs:h:22', 'rs:so:2:1', 'rs:d:6', 'rs:on:2', 'rs:x']) {
      const answer = await h.press(rina, GROUP, messageIdOf(groupMessage), data);
      expect(answer.params, data).toMatchObject({ text: texts.staleButton, show_alert: true });
    }
    expect(await groupSettings()).toBe(before);
  });

  it('gives the not-linked refusal in a group that is not linked', async () => {
    expect(textOf(await h.say(rina, -1_009_000_000_777, '/pengingat'))).toBe(texts.groupNotLinked);
  });
});

describe('/pengingat in a private chat', () => {
  it('edits the workspace private-chat settings: item reminders and the private digest', async () => {
    const groupBefore = await groupSettings();
    const message = await h.say(rina, rina.id, '/pengingat');
    const text = textOf(message);
    expect(text).toContain('<b>Pengaturan pengingat chat pribadi</b>');
    expect(text).toContain('Pengingat tenggat item: H-3, H-1');
    expect(text).toContain('Ringkasan pribadi mingguan: setiap Senin');
    // the stage reminders PICs get privately, then the item reminders
    expect(text).toContain('Pengingat tenggat tahapan: H-7, H-3, H-1, hari H');
    expect(buttonsOf(message).slice(6, 9)).toEqual([['▫️ H-7', 'rs:io:7:1'], ['✅ H-3', 'rs:io:3:0'], ['✅ H-1', 'rs:io:1:0']]);

    const edit = await pressAndEdit(rina, rina.id, message, 'rs:io:7:1');
    expect(textOf(edit)).toContain('Pengingat tenggat item: H-7, H-3, H-1');
    const day = await pressAndEdit(rina, rina.id, message, 'rs:d:5');
    expect(textOf(day)).toContain('Ringkasan pribadi mingguan: setiap Jumat');
    expect(parseSettings(await privateSettings())).toMatchObject({ itemOffsets: [7, 3, 1], digestDay: 5, enabled: true });
    expect(await groupSettings()).toBe(groupBefore);

    const stage = await pressAndEdit(rina, rina.id, message, 'rs:so:14:1');
    expect(textOf(stage)).toContain('Pengingat tenggat tahapan: H-14, H-7, H-3, H-1, hari H');
    expect(parseSettings(await privateSettings()).stageOffsets).toEqual([14, 7, 3, 1, 0]);
    expect(await groupSettings()).toBe(groupBefore);
  });

  it('a PIC cannot change them from a private chat either', async () => {
    const before = await privateSettings();
    const refusal = await h.say(budi, budi.id, '/pengingat');
    expect(textOf(refusal)).toBe(texts.noAccess('pengingat', 'admin dan koordinator'));
    const answer = await h.press(budi, budi.id, messageIdOf(refusal), 'rs:io:1:0');
    expect(answer.params).toMatchObject({ show_alert: true });
    expect(await privateSettings()).toBe(before);
  });
});

describe('the audit trail', () => {
  it('records who changed what, before and after', async () => {
    const person = await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(rina.id) } });
    const rows = await h.t.db.auditEntry.findMany({ where: { action: 'reminder.settings' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.entity)).toEqual(['chat', 'chat', 'chat', 'chat', 'chat', 'workspace', 'workspace', 'workspace']);
    expect(rows.every((r) => r.actorId === person.id && r.via === 'bot')).toBe(true);
    expect(rows[0]!.entityId).toBe(DEMO_GROUP_ID.toString());
    const first = JSON.parse(rows[0]!.detail) as { dari: { stageOffsets: number[] }; ke: { stageOffsets: number[] } };
    expect([first.dari.stageOffsets, first.ke.stageOffsets]).toEqual([[7, 3, 1, 0], [3, 1, 0]]);
  });
});
