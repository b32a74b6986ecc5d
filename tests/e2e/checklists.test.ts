// Checklists end to end: a coordinator assigns through /tugaskan, the PIC sees it in /tugas and
// attaches a document and a link, the coordinator sends it back and then verifies it, /progres
// changes; others cannot move the item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistTexts, texts } from '../../src/bot/texts.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, sekda, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
const dinkesPic: Person = { id: 900_010, first_name: 'Dewi' };
let itemId = 0;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-09-20T01:00:00Z') });
  // A PIC of another OPD (Dinas Kesehatan).
  const ws = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const dinkes = await h.t.db.opd.findFirstOrThrow({ where: { workspaceId: ws.id, code: 'dinkes' } });
  const person = await h.t.db.person.create({ data: { telegramId: BigInt(dinkesPic.id), displayName: 'Dewi' } });
  await h.t.db.member.create({ data: { workspaceId: ws.id, personId: person.id, roles: { create: [{ role: 'pic' }] }, opds: { create: [{ opdId: dinkes.id }] } } });
});
afterAll(() => h.stop());

const button = (call: FakeCall, text: string) => buttonsOf(call).find(([label]) => label.includes(text))?.[1];

async function pressAndNext(from: Person, chat: number, call: FakeCall, data: string) {
  const after = h.api.calls.length;
  await h.press(from, chat, messageIdOf(call), data);
  return h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chat && !c.fault, after);
}

describe('assigning with /tugaskan', () => {
  it('walks OPD → indicator → title → due date → assignee and creates the item', async () => {
    const start = await h.say(rina, GROUP, '/tugaskan');
    expect(textOf(start)).toBe(checklistTexts.assignStart);
    const askIndicator = await pressAndNext(rina, GROUP, start, button(start, 'Bappeda')!);
    expect(textOf(askIndicator)).toContain('OPD: <b>Bappeda</b>');
    expect(textOf(await h.say(rina, GROUP, '99'))).toContain('Nomor indikator "99" tidak ada');
    expect(textOf(await h.say(rina, GROUP, '12'))).toBe(checklistTexts.assignTitle);
    expect(textOf(await h.say(rina, GROUP, 'Unggah Peta Rencana SPBE'))).toContain('Ketik tenggat');
    const who = await h.say(rina, GROUP, '30-09-2024');
    expect(textOf(who)).toBe(checklistTexts.assignWho);
    expect(buttonsOf(who).map(([label]) => label)).toEqual(['Budi (PIC Bappeda)', checklistTexts.assignNobody]);
    const after = h.api.calls.length;
    await h.press(rina, GROUP, messageIdOf(who), button(who, 'Budi')!);
    const done = await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Item #'), after);
    itemId = Number(/#(\d+)/.exec(textOf(done))![1]);
    expect(textOf(done)).toBe(`Item #${itemId} dibuat: Unggah Peta Rencana SPBE — Bappeda — Budi (PIC Bappeda) — tenggat 30 September 2024.`);
    // Budi never opened a private chat with the bot: the group gets a pointer instead.
    const pointer = await h.next((c) => c.method === 'sendMessage' && textOf(c).includes('belum dapat mengirim pesan pribadi'), after);
    expect(textOf(pointer)).toContain('https://t.me/spbe_test_bot');
    const row = await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: itemId }, include: { indicator: true, opd: true, assignee: true } });
    expect(row).toMatchObject({ title: 'Unggah Peta Rencana SPBE', dueDate: '2024-09-30', status: 'belum', stage: 'dokumen' });
    expect([row.indicator?.no, row.opd.code, row.assignee?.displayName]).toEqual([12, 'bappeda', 'Budi (PIC Bappeda)']);
    expect(await h.t.db.flowState.count()).toBe(0);
  });

  it('/tugaskan is for coordinators only', async () => {
    expect(textOf(await h.say(budi, GROUP, '/tugaskan'))).toBe(texts.noAccess('tugaskan', 'koordinator'));
  });
});

describe('the PIC works the item', () => {
  it('sees it in /tugas and in /ceklis, attaches a document and a link', async () => {
    await h.say(budi, budi.id, '/start');
    expect(textOf(await h.say(budi, budi.id, '/tugas'))).toContain(`⬜ #${itemId} Unggah Peta Rencana SPBE — Bappeda — 30 September 2024`);
    const list = await h.say(budi, budi.id, '/ceklis');
    // The name follows what Telegram says now (Budi opened the chat as "Budi").
    expect(textOf(list)).toContain(`#${itemId} Unggah Peta Rencana SPBE (ind. 12) — 30 September 2024 — Budi`);
    const detail = await pressAndNext(budi, budi.id, list, `it:${itemId}`);
    expect(textOf(detail)).toContain('Status: ⬜ Belum');
    const ask = await pressAndNext(budi, budi.id, detail, `ev:${itemId}`);
    expect(textOf(ask)).toBe(checklistTexts.askEvidence(itemId));
    const after = h.api.calls.length;
    h.api.pushDocument({ chatId: budi.id, from: budi, fileName: 'peta-rencana-spbe.pdf', mimeType: 'application/pdf', size: 120_000 });
    const saved = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id, after);
    expect(textOf(saved)).toBe(checklistTexts.evidenceSaved(itemId, 'Diajukan'));
    const again = await pressAndNext(budi, budi.id, detail, `ev:${itemId}`);
    expect(textOf(again)).toBe(checklistTexts.askEvidence(itemId));
    expect(textOf(await h.say(budi, budi.id, 'tautan: https://bappeda.kaltimprov.go.id/peta-rencana'))).toBe(checklistTexts.evidenceSaved(itemId, 'Diajukan'));
    const evidence = await h.t.db.evidence.findMany({ where: { itemId }, orderBy: { id: 'asc' } });
    expect(evidence.map((e) => [e.kind, e.fileName, e.fileSize, e.url])).toEqual([
      ['document', 'peta-rencana-spbe.pdf', 120_000, null],
      ['link', 'https://bappeda.kaltimprov.go.id/peta-rencana', null, 'https://bappeda.kaltimprov.go.id/peta-rencana'],
    ]);
    expect(evidence[0]!.telegramFileId).toMatch(/.+/);
    expect(evidence[0]!.url).toBeNull();
    // The card names each evidence's kind in Indonesian.
    const card = textOf(await pressAndNext(budi, budi.id, list, `it:${itemId}`));
    expect(card).toContain('📎 dokumen: peta-rencana-spbe.pdf (Budi)');
    expect(card).toContain('📎 tautan: https://bappeda.kaltimprov.go.id/peta-rencana (Budi)');
  });

  it('a PIC of another OPD and a pimpinan cannot move it', async () => {
    const list = await h.say(sekda, GROUP, '/ceklis bappeda');
    const sekdaAnswer = await h.press(sekda, GROUP, messageIdOf(list), `mv:${itemId}:setujui`);
    expect(sekdaAnswer.params.text).toContain('Pimpinan hanya dapat melihat');
    const dewiList = await h.say(dinkesPic, GROUP, '/ceklis bappeda');
    const dewiAnswer = await h.press(dinkesPic, GROUP, messageIdOf(dewiList), `mv:${itemId}:setujui`);
    expect(String(dewiAnswer.params.text)).not.toMatch(/^Item #/);
    const budiAnswer = await h.press(budi, GROUP, messageIdOf(list), `mv:${itemId}:setujui`);
    expect(String(budiAnswer.params.text)).not.toMatch(/^Item #/);
    expect((await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: itemId } })).status).toBe('diajukan');
  });
});

describe('the coordinator reviews', () => {
  it('sends it back with a reason that the assignee receives, then verifies the resubmission', async () => {
    const progressBefore = textOf(await h.say(sekda, GROUP, '/progres'));
    expect(progressBefore).toContain('Bappeda (0/1)');
    const list = await h.say(rina, GROUP, '/ceklis bappeda');
    const detail = await pressAndNext(rina, GROUP, list, `it:${itemId}`);
    expect(buttonsOf(detail).map(([, data]) => data)).toEqual(expect.arrayContaining([`mv:${itemId}:setujui`, `mv:${itemId}:kembalikan`]));
    const ask = await pressAndNext(rina, GROUP, detail, `mv:${itemId}:kembalikan`);
    expect(textOf(ask)).toBe(checklistTexts.askReason(itemId));
    const after = h.api.calls.length;
    const moved = await h.say(rina, GROUP, 'Peta rencana belum ditandatangani kepala daerah');
    expect(textOf(moved)).toBe(checklistTexts.moved(itemId, 'Revisi'));
    const notice = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id, after);
    expect(textOf(notice)).toBe(checklistTexts.notifyRevision(itemId, 'Unggah Peta Rencana SPBE', 'Peta rencana belum ditandatangani kepala daerah'));
    expect(await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ status: 'revisi', revisionReason: 'Peta rencana belum ditandatangani kepala daerah' });

    const mine = await h.say(budi, budi.id, '/ceklis');
    const budiDetail = await pressAndNext(budi, budi.id, mine, `it:${itemId}`);
    expect(textOf(budiDetail)).toContain('↩️ Alasan dikembalikan: Peta rencana belum ditandatangani kepala daerah');
    await pressAndNext(budi, budi.id, budiDetail, `ev:${itemId}`);
    const resubmitted = h.api.calls.length;
    h.api.pushDocument({ chatId: budi.id, from: budi, fileName: 'peta-rencana-ttd.pdf', mimeType: 'application/pdf', size: 130_000 });
    await h.next((c) => c.method === 'sendMessage' && textOf(c) === checklistTexts.evidenceSaved(itemId, 'Diajukan'), resubmitted);

    const verify = await h.say(rina, GROUP, '/ceklis bappeda');
    const afterVerify = h.api.calls.length;
    const answer = await h.press(rina, GROUP, messageIdOf(verify), `mv:${itemId}:setujui`);
    expect(answer.params.text).toBe(checklistTexts.moved(itemId, 'Selesai'));
    const verified = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id, afterVerify);
    expect(textOf(verified)).toBe(checklistTexts.notifyVerified(itemId, 'Unggah Peta Rencana SPBE'));
    expect(textOf(await h.say(sekda, GROUP, '/progres'))).toContain('Bappeda (1/1)');
    const audits = await h.t.db.auditEntry.findMany({ where: { entity: 'item', entityId: String(itemId) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['item.create', 'item.evidence', 'item.evidence', 'item.status', 'item.evidence', 'item.status']);
  });

  it('/progres is for coordinators and leaders, with overdue items listed', async () => {
    expect(textOf(await h.say(budi, GROUP, '/progres'))).toBe(texts.noAccess('progres', 'koordinator dan pimpinan'));
    await h.t.db.checklistItem.create({ data: { workspaceId: 1, evaluationId: 1, opdId: 1, title: 'Laporan lama', dueDate: '2024-09-01' } });
    const text = textOf(await h.say(sekda, GROUP, '/progres'));
    expect(text).toContain('<b>Terlambat</b> (1):');
    expect(text).toContain('Laporan lama — Dinas Komunikasi dan Informatika — tenggat 1 September 2024');
  });
});
