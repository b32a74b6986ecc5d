// What users and data files wrote, shown back through the real bot and the fake Bot API, whose
// HTML parser is as strict as Telegram's: an imported description `nilai < 3` or a link in it
// must reach the chat as text (before the fix the item could not be opened at all: 400 "can't
// parse entities"), in the item's detail, the reminder's "Buka butir", lists, notices, the
// refusals that quote bad input (as a short excerpt, in one message) and import errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/bot/notifier.ts';
import { texts } from '../../src/bot/texts.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { createItem } from '../../src/db/checklists.ts';
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { TgEntity, TgMessage } from '../../src/sandbox/fake-bot-api-types.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, silentLogger, startHarness, textOf } from '../support/bot-harness.ts';

const LINK = '<a href="https://evil.example/login">portal verifikasi</a>';
const WORKSPACE = 'Pemprov <Kaltim> & Co';
const OPD = 'Bappeda <R&D>';
const BUDI = 'Budi <b>PIC</b> & co';
const TITLE = 'Unggah SK < 3 & <i>draf</i>';
const DESCRIPTION = `nilai < 3 & &amp;\n${LINK}`;
const FILE = '<script>.pdf & x';
const REASON = `ulang < 3 & ${LINK}`;
/** Budi, with the name he gave himself in Telegram (the bot keeps it as his display name). */
const pic: Person = { ...budi, first_name: BUDI };

let h: Harness;
let clock = new Date('2024-09-20T01:00:00Z');
const ids = { submitted: 0, revised: 0 };

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  const { db } = h.t;
  const ws = await db.workspace.update({ where: { slug: 'demo-kaltim' }, data: { name: WORKSPACE } });
  const opd = await db.opd.update({ where: { workspaceId_code: { workspaceId: ws.id, code: 'bappeda' } }, data: { name: OPD } });
  const person = await db.person.update({ where: { telegramId: BigInt(budi.id) }, data: { displayName: BUDI, privateChatAt: clock } });
  const evaluation = await db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id } });
  const base = { workspaceId: ws.id, evaluationId: evaluation.id, opdId: opd.id, indicatorId: null, stage: null, level: null, assigneeId: person.id };
  const submitted = await createItem(db, { ...base, title: TITLE, description: DESCRIPTION, dueDate: '2024-10-03' }, CLI_ACTOR, clock);
  await db.evidence.create({ data: { itemId: submitted.id, kind: 'document', telegramFileId: 'f1', fileName: FILE, addedById: person.id } });
  await db.checklistItem.update({ where: { id: submitted.id }, data: { status: 'diajukan' } });
  const revised = await createItem(db, { ...base, title: `${TITLE} (2)`, description: DESCRIPTION, dueDate: '2024-10-03' }, CLI_ACTOR, clock);
  await db.checklistItem.update({ where: { id: revised.id }, data: { status: 'revisi', revisionReason: REASON } });
  ids.submitted = submitted.id;
  ids.revised = revised.id;
});
afterAll(() => h.stop());

/** The message as Telegram stored it (rendered text and entities); fails on a 400. */
function shown(call: FakeCall): { text: string; entities: TgEntity[] } {
  expect(call.response, `${call.method}: ${JSON.stringify(call.response)}`).toMatchObject({ ok: true });
  const message = (call.response as { ok: true; result: TgMessage }).result;
  return { text: message.text ?? message.caption ?? '', entities: message.entities ?? message.caption_entities ?? [] };
}

function expectNoLink(message: { entities: TgEntity[] }) {
  expect(message.entities.filter((e) => e.type === 'text_link')).toEqual([]);
}

const SENDS = ['sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText'];

/** Pushes an update and waits until the bot has handled it; its messages, in order. */
async function act(push: () => void): Promise<FakeCall[]> {
  let id = -1;
  h.api.once('update', (update) => { id = update.update_id; });
  const after = h.api.calls.length;
  push();
  await h.next((c) => c.method === 'getUpdates' && Number(c.params.offset) > id, after);
  return h.api.calls.slice(after).filter((c) => SENDS.includes(c.method) && !c.fault);
}

/** The bot's first message in `chat` answering `text`. */
async function say(from: Person, chat: number, text: string): Promise<FakeCall> {
  const sent = await act(() => h.api.pushText({ chatId: chat, from, text }));
  const reply = sent.find((c) => Number(c.params.chat_id) === chat);
  expect(reply, `no answer to ${text.slice(0, 60)}`).toBeDefined();
  return reply!;
}

/** Every message a press on a button of `call` caused. */
function pressAll(from: Person, chat: number, call: FakeCall, data: string): Promise<FakeCall[]> {
  return act(() => h.api.pushCallback({ chatId: chat, from, messageId: messageIdOf(call), data }));
}

async function press(from: Person, chat: number, call: FakeCall, data: string): Promise<FakeCall> {
  const sent = (await pressAll(from, chat, call, data)).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chat);
  expect(sent.length, `no message after pressing ${data}`).toBeGreaterThan(0);
  return sent[0]!;
}

describe('an item whose imported text holds < & and a link', () => {
  it('opens from /ceklis: title, OPD, assignee, description and file name shown as written, no link', async () => {
    const list = await say(rina, GROUP, '/ceklis bappeda');
    expect(shown(list).text).toContain(TITLE);
    expect(shown(list).text).toContain(OPD);
    const detail = shown(await press(rina, GROUP, list, `it:${ids.submitted}`));
    for (const part of [TITLE, OPD, BUDI, DESCRIPTION, FILE]) expect(detail.text).toContain(part);
    expectNoLink(detail);
  });

  it('shows the reason it was sent back as text', async () => {
    const list = await say(pic, GROUP, '/ceklis');
    const detail = shown(await press(pic, GROUP, list, `it:${ids.revised}`));
    expect(detail.text).toContain(REASON);
    expectNoLink(detail);
  });

  it("the reminder reaches its assignee and its 📋 Buka butir opens the item", async () => {
    clock = new Date('2024-09-30T01:00:00Z'); // Monday 09.00 WITA: H-3 of the item, and the weekly digests
    const after = h.api.calls.length;
    const notifier = createNotifier(h.bot.telegram, () => 'spbe_test_bot');
    await deliverDueReminders({ db: h.t.db, notifier, logger: silentLogger }, () => clock);
    const sent = h.api.calls.slice(after).filter((c) => c.method === 'sendMessage');
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expectNoLink(shown(call));
    const reminder = sent.find((c) => buttonsOf(c).some(([label]) => label === '📋 Buka butir'));
    expect(reminder, 'the item reminder').toBeDefined();
    expect(shown(reminder!).text).toContain(TITLE);
    expect(shown(reminder!).text).toContain(OPD);
    const open = buttonsOf(reminder!).find(([label]) => label === '📋 Buka butir')![1];
    expect(open).toBe(`it:${ids.revised}`);
    const detail = shown(await press(pic, budi.id, reminder!, open));
    expect(detail.text).toContain(DESCRIPTION);
    expectNoLink(detail);
  });

  it('a reason typed when sending it back is echoed and notified as text', async () => {
    const list = await say(rina, GROUP, '/ceklis bappeda');
    const detail = await press(rina, GROUP, list, `it:${ids.submitted}`);
    const ask = await press(rina, GROUP, detail, `mv:${ids.submitted}:kembalikan`);
    expect(shown(ask).text).toContain('alasan');
    const notices = await act(() => h.api.pushText({ chatId: GROUP, from: rina, text: `baru ${REASON}` }));
    for (const call of notices) expectNoLink(shown(call));
    expect(notices.some((c) => shown(c).text.includes(`Item #${ids.submitted} sekarang`))).toBe(true);
    const notice = notices.find((c) => Number(c.params.chat_id) === budi.id);
    expect(shown(notice!).text).toContain(`baru ${REASON}`);
    expect(shown(notice!).text).toContain(TITLE);
    const again = shown(await press(rina, GROUP, list, `it:${ids.submitted}`));
    expect(again.text).toContain(`baru ${REASON}`);
  });

  it('a link attached as evidence is shown as text', async () => {
    const list = await say(pic, GROUP, '/ceklis');
    const detail = await press(pic, GROUP, list, `it:${ids.revised}`);
    await press(pic, GROUP, detail, `ev:${ids.revised}`);
    const url = 'https://x.example/a?b=<c>&d=1';
    expect(shown(await say(pic, GROUP, `bukti ${url}`)).text).toContain('Bukti dukung tersimpan');
    const again = shown(await press(pic, GROUP, list, `it:${ids.revised}`));
    expect(again.text).toContain(url);
    expectNoLink(again);
  });

  it('/tugas, /progres, /indeks, /tahapan, /pengingat, /bantuan and /skor with a note carry the names as text', async () => {
    expect(shown(await say(pic, GROUP, '/tugas')).text).toContain(TITLE);
    expect(shown(await say(rina, GROUP, '/progres')).text).toContain(WORKSPACE);
    expect(shown(await say(rina, GROUP, '/indeks')).text).toContain(WORKSPACE);
    expect(shown(await say(rina, GROUP, '/tahapan')).text).toContain(WORKSPACE);
    expect(shown(await say(rina, GROUP, '/pengingat')).text).toContain(WORKSPACE);
    expect(shown(await say(rina, GROUP, '/bantuan')).text).toContain(WORKSPACE);
    const note = `cek < 5 & ${LINK}`;
    expect(shown(await say(rina, GROUP, `/nilai 12 4 dokumen ${note}`)).text).toContain('Tercatat');
    const detail = shown(await say(rina, GROUP, '/skor 12'));
    expect(detail.text).toContain(note);
    expectNoLink(detail);
  });
});

describe('bad input quoted back', () => {
  it('a 4 088-character argument comes back as one short message quoting 60 characters', async () => {
    const sent = await act(() => h.api.pushText({ chatId: GROUP, from: rina, text: `/skor ${'9'.repeat(4088)}` }));
    expect(sent).toHaveLength(1);
    const reply = shown(sent[0]!);
    expect(reply.text).toContain(`"${'9'.repeat(60)}…"`);
    expect(reply.text.length).toBeLessThan(400);
  });

  it('< & and tags typed as arguments are shown as typed', async () => {
    expect(shown(await say(rina, GROUP, '/ceklis <b>&amp;')).text).toContain('OPD "<b>&amp;" tidak ada');
    expect(shown(await say(rina, GROUP, '/jadwal dokumen <i>&')).text).toContain('Tanggal "<i>&" tidak valid');
    expect(shown(await say(rina, rina.id, `/undang ${LINK}`)).text).toContain('Peran "<a" tidak dikenal');
  });

  it('the /tugaskan flow quotes a bad indicator and date as text', async () => {
    const start = await say(rina, GROUP, '/tugaskan');
    const opd = buttonsOf(start).find(([label]) => label === OPD)![1];
    await press(rina, GROUP, start, opd);
    expect(shown(await say(rina, GROUP, '<99> & x')).text).toContain('Nomor indikator "<99> & x" tidak ada');
    await say(rina, GROUP, '-');
    await say(rina, GROUP, 'Judul uji');
    expect(shown(await say(rina, GROUP, '<30-09-2024>')).text).toContain('Tanggal "<30-09-2024>" tidak valid');
    expect(shown(await say(rina, GROUP, '/batal')).text).toBe('Dibatalkan.');
  });

  it('an import with a 1 MB cell and tags in cells is refused in one message quoting excerpts', async () => {
    const csv = `opd,judul,tenggat\n<x>&,Judul,${'7'.repeat(1_000_000)}\nbappeda,<b>Judul</b>,<i>\n`;
    // The file is checked beside the update (a large one takes seconds): its answer comes after.
    const after = h.api.calls.length;
    h.api.pushDocument({ chatId: rina.id, from: rina, fileName: 'ceklis <1>.csv', mimeType: 'text/csv', data: Buffer.from(csv) });
    const answer = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === rina.id, after);
    expect(h.api.calls.slice(after).filter((c) => SENDS.includes(c.method) && !c.fault)).toEqual([answer]);
    const reply = shown(answer);
    expect(reply.text).toContain('Impor ceklis ditolak');
    expect(reply.text).toContain('OPD "<x>&" tidak dikenal');
    expect(reply.text).toContain(`tenggat "${'7'.repeat(60)}…"`);
    expect(reply.text).toContain('tenggat "<i>"');
    expect(reply.text.length).toBeLessThan(1000);
  });

  it('nothing the bot sent in this file was refused by Telegram, and no apology went out', () => {
    const sends = h.api.calls.filter((c) => ['sendMessage', 'editMessageText', 'sendDocument', 'sendPhoto'].includes(c.method) && !c.fault);
    expect(sends.filter((c) => !c.response?.ok).map((c) => c.response)).toEqual([]);
    const apology = texts.error('X').split('<code>')[0]!;
    expect(sends.filter((c) => textOf(c).startsWith(apology))).toEqual([]);
  });
});
