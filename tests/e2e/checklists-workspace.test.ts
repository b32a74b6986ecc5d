// Flows held to their workspace and names kept out of groups: /tugaskan refuses to go on after a
// (forged) ws: switch, a too-long send-back reason keeps the flow waiting, and the checklist
// export asked for in a group goes to the asker's private chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistTexts, fileTexts } from '../../src/bot/texts.ts';
import { flowTexts, importTexts } from '../../src/bot/texts-imports.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createOpd } from '../../src/db/opds.ts';
import { grantRole } from '../../src/db/people.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness } from '../support/bot-harness.ts';
import { buttonsOf, GROUP, messageIdOf, rina, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
let demo = { id: 0, name: '' };
let paser = { id: 0, name: '' };
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-09-20T01:00:00Z') });
  demo = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const frameworkId = (await findFrameworkIdByCode(h.t.db, 'spbe-2020'))!;
  ({ workspace: paser } = await createWorkspace(h.t.db, {
    slug: 'kab-paser', name: 'Pemkab Paser', timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2024, admin: null,
  }, CLI_ACTOR));
  await createOpd(h.t.db, paser.id, 'bappeda', 'Bappeda Paser', CLI_ACTOR);
  const person = await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(rina.id) } });
  await grantRole(h.t.db, paser.id, person.id, 'koordinator', null);
});
afterAll(() => h.stop());

/** The workspace chooser's button (guard.ts), pressed or forged under the bot's last message in Rina's private chat. */
async function choose(workspaceId: number) {
  const after = h.api.calls.length;
  h.api.pushCallback({ chatId: rina.id, from: rina, messageId: h.api.messagesTo(rina.id).at(-1)!.message_id, data: `ws:${workspaceId}` });
  await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Workspace aktif'), after);
}

async function pressAndNext(call: FakeCall, data: string, chat = rina.id) {
  const after = h.api.calls.length;
  await h.press(rina, chat, messageIdOf(call), data);
  return h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chat, after);
}

describe('/tugaskan keeps to the workspace it was started in', () => {
  it('after a switch to another workspace mid-flow, every step is refused and no item is made', async () => {
    await h.say(rina, rina.id, '/start');
    await choose(demo.id);
    const start = await h.say(rina, rina.id, '/tugaskan');
    const bappeda = buttonsOf(start).find(([label]) => label === 'Bappeda')![1];
    expect(textOf(await pressAndNext(start, bappeda))).toContain('OPD: <b>Bappeda</b>');
    const items = await h.t.db.checklistItem.count();

    await choose(paser.id);
    const refusal = flowTexts.otherWorkspace('Pemprov Kaltim (demo)', 'Pemkab Paser');
    expect(textOf(await h.say(rina, rina.id, '12'))).toBe(refusal);
    expect(textOf(await h.say(rina, rina.id, 'Unggah SK Tim SPBE'))).toBe(refusal);
    expect(textOf(await h.say(rina, rina.id, '-'))).toBe(refusal);
    expect(await h.t.db.checklistItem.count()).toBe(items);
    expect(await h.t.db.checklistItem.count({ where: { workspaceId: paser.id } })).toBe(0);

    // Back in the workspace it began in, it goes on where it was.
    await choose(demo.id);
    expect(textOf(await h.say(rina, rina.id, '12'))).toBe(checklistTexts.assignTitle);
    expect(textOf(await h.say(rina, rina.id, 'Unggah SK Tim SPBE'))).toContain('Ketik tenggat');
    const who = await h.say(rina, rina.id, '-');
    expect(textOf(who)).toBe(checklistTexts.assignWho);

    // The last button, pressed after another switch, is refused too.
    await choose(paser.id);
    const after = h.api.calls.length;
    await h.press(rina, rina.id, messageIdOf(who), 'tg-who:0');
    expect(textOf(await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === rina.id, after))).toBe(refusal);
    expect(await h.t.db.checklistItem.count()).toBe(items);

    await choose(demo.id);
    const done = await pressAndNext(who, 'tg-who:0');
    expect(textOf(done)).toMatch(/^Item #\d+ dibuat: Unggah SK Tim SPBE — Bappeda/);
    const made = await h.t.db.checklistItem.findFirstOrThrow({ where: { title: 'Unggah SK Tim SPBE' }, include: { opd: true } });
    expect([made.workspaceId, made.opd.workspaceId]).toEqual([demo.id, demo.id]);
  });
});

describe('/tugaskan due dates', () => {
  it('a date outside the evaluation year and the next (0001, 1900, 9999) is refused, the step waits, and a good one goes on', async () => {
    await choose(demo.id);
    const start = await h.say(rina, rina.id, '/tugaskan');
    await pressAndNext(start, buttonsOf(start).find(([label]) => label === 'Bappeda')![1]);
    await h.say(rina, rina.id, '-');
    await h.say(rina, rina.id, 'Tenggat yang salah ketik');
    for (const typed of ['01-01-0001', '01-01-1900', '31-12-9999', '31-12-2023']) {
      expect(textOf(await h.say(rina, rina.id, typed)))
        .toBe(`${checklistTexts.dueOutOfRange(typed, 2024, '1 Januari 2024', '31 Desember 2025')}\n${checklistTexts.assignDue(null, '04-10-2024')}`);
    }
    expect(await h.t.db.flowState.findFirstOrThrow({ where: { kind: 'tugaskan' } })).toMatchObject({ step: 'tenggat' });
    expect(textOf(await h.say(rina, rina.id, '31-12-2025'))).toBe(checklistTexts.assignWho);
    const who = h.api.messagesTo(rina.id).at(-1)!;
    const after = h.api.calls.length;
    await h.press(rina, rina.id, who.message_id, 'tg-who:0');
    await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Item #'), after);
    expect(await h.t.db.checklistItem.findFirstOrThrow({ where: { title: 'Tenggat yang salah ketik' } })).toMatchObject({ dueDate: '2025-12-31' });
  });

  it('a new item belongs to the stage still ahead, and a date already past is refused', async () => {
    // 20 September 2024: the documents were due on the 10th, the interview is on 15 October.
    const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: demo.id }, orderBy: { year: 'desc' } });
    for (const [kind, dueDate] of [['mandiri', '2024-08-30'], ['dokumen', '2024-09-10'], ['interviu', '2024-10-15']] as const) {
      await h.t.db.stage.upsert({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind } }, create: { evaluationId: evaluation.id, kind, dueDate }, update: { dueDate } });
    }
    await choose(demo.id);
    const start = await h.say(rina, rina.id, '/tugaskan');
    await pressAndNext(start, buttonsOf(start).find(([label]) => label === 'Bappeda')![1]);
    await h.say(rina, rina.id, '-');
    expect(textOf(await h.say(rina, rina.id, 'Bahan interviu'))).toBe(checklistTexts.assignDue('15 Oktober 2024', '04-10-2024'));
    expect(textOf(await h.say(rina, rina.id, '19-09-2024'))).toBe(`${checklistTexts.duePast('19 September 2024')}\n${checklistTexts.assignDue(null, '04-10-2024')}`);
    expect(await h.t.db.checklistItem.count({ where: { title: 'Bahan interviu' } })).toBe(0);
    expect(textOf(await h.say(rina, rina.id, '-'))).toBe(checklistTexts.assignWho);
    const who = h.api.messagesTo(rina.id).at(-1)!;
    const after = h.api.calls.length;
    await h.press(rina, rina.id, who.message_id, 'tg-who:0');
    const created = await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Item #'), after);
    expect(textOf(created)).toContain('15 Oktober 2024');
    expect(await h.t.db.checklistItem.findFirstOrThrow({ where: { title: 'Bahan interviu' } })).toMatchObject({ stage: 'interviu', dueDate: null });
  });
});

describe('sending an item back', () => {
  it('a reason over 500 characters is refused and the flow still waits for a shorter one', async () => {
    const opd = await h.t.db.opd.findFirstOrThrow({ where: { workspaceId: demo.id, code: 'bappeda' } });
    const item = await h.t.db.checklistItem.create({
      data: { workspaceId: demo.id, opdId: opd.id, title: 'Dokumen Arsitektur SPBE', status: 'diajukan' },
    });
    const detail = await h.say(rina, GROUP, '/ceklis bappeda');
    const ask = await pressAndNext(detail, `mv:${item.id}:kembalikan`, GROUP);
    expect(textOf(ask)).toBe(checklistTexts.askReason(item.id));

    const tooLong = 'x'.repeat(501);
    const refused = textOf(await h.say(rina, GROUP, tooLong));
    expect(refused).toBe(`${flowTexts.reasonTooLong(500, 501)}\n${checklistTexts.askReason(item.id)}`);
    expect(await h.t.db.flowState.count({ where: { kind: 'alasan' } })).toBe(1);
    expect((await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe('diajukan');

    expect(textOf(await h.say(rina, GROUP, 'Lampirkan versi yang sudah ditandatangani.'))).toBe(checklistTexts.moved(item.id, 'Revisi'));
    expect(await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: item.id } }))
      .toMatchObject({ status: 'revisi', revisionReason: 'Lampirkan versi yang sudah ditandatangani.' });
    expect(await h.t.db.flowState.count({ where: { kind: 'alasan' } })).toBe(0);
  });
});

describe('the checklist export from /progres in a group', () => {
  async function exportFromGroup() {
    const progress = await h.say(rina, GROUP, '/progres');
    expect(buttonsOf(progress)).toEqual([[fileTexts.exportButton, 'exp:xlsx']]);
    const after = h.api.calls.length;
    const notice = await pressAndNext(progress, 'exp:xlsx', GROUP);
    return { notice, documents: h.api.calls.slice(after).filter((c) => c.method === 'sendDocument') };
  }

  it('goes to the asker privately (it names assignees); the group is told where it went', async () => {
    await choose(demo.id);
    const { notice, documents } = await exportFromGroup();
    expect(textOf(notice)).toBe(importTexts.exportSentPrivately);
    expect(documents.map((c) => [Number(c.params.chat_id), Boolean(c.fault)])).toEqual([[rina.id, false]]);
    expect((documents[0]!.params.document as { filename: string }).filename).toBe('ceklis-demo-kaltim-2024.xlsx');
  });

  it('when the bot cannot write to the asker, the group is told to open a private chat, and gets no file', async () => {
    h.api.failNext('sendDocument', { kind: '403-blocked' }, 1, rina.id);
    const { notice, documents } = await exportFromGroup();
    expect(textOf(notice)).toBe(importTexts.exportPrivateBlocked('@spbe_test_bot'));
    expect(documents.map((c) => [Number(c.params.chat_id), Boolean(c.fault)])).toEqual([[rina.id, true]]);
  });
});
