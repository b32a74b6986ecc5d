// The checklist as a spreadsheet through Telegram: export from /progres, edit, send back as a
// document; a dry run with row errors changes nothing; the apply button writes all rows.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTexts } from '../../src/bot/texts.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { generateChecklistItems } from '../../src/db/checklist-transfer.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const ws = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id } });
  await generateChecklistItems(h.t.db, { workspaceId: ws.id, evaluationId: evaluation.id, actor: CLI_ACTOR, now: new Date() });
});
afterAll(() => h.stop());

async function sendFile(fileName: string, data: Buffer, from = rina) {
  const after = h.api.calls.length;
  h.api.pushDocument({ chatId: from.id, from, fileName, mimeType: 'application/octet-stream', data });
  return h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === from.id, after);
}

describe('checklist XLSX round trip through the bot', () => {
  let exported: Buffer;

  it('/progres offers the export, which arrives as an .xlsx document', async () => {
    const progress = await h.say(rina, GROUP, '/progres');
    expect(buttonsOf(progress)).toEqual([[fileTexts.exportButton, 'exp:xlsx']]);
    const after = h.api.calls.length;
    await h.press(rina, GROUP, messageIdOf(progress), 'exp:xlsx');
    const doc = await h.next((c) => c.method === 'sendDocument', after);
    const file = doc.params.document as { filename: string; data: Buffer };
    expect(file.filename).toBe('ceklis-demo-kaltim-2024.xlsx');
    exported = file.data;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    expect(book.getWorksheet('Ceklis')!.actualRowCount).toBe(73);
  });

  it('an edited file gets a dry run, then the apply button writes it', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Ceklis')!;
    const header = (sheet.getRow(1).values as string[]).map((v) => String(v ?? ''));
    sheet.getRow(2).getCell(header.indexOf('judul')).value = 'Judul yang diperbaiki';
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const dry = await sendFile('ceklis.xlsx', data);
    expect(textOf(dry)).toBe(fileTexts.dryRun('ceklis.xlsx', 0, 1, 71));
    expect(await h.t.db.checklistItem.count({ where: { title: 'Judul yang diperbaiki' } })).toBe(0);
    const after = h.api.calls.length;
    await h.press(rina, rina.id, messageIdOf(dry), 'imp:ok');
    const done = await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Impor ceklis selesai'), after);
    expect(textOf(done)).toBe(fileTexts.applied(0, 1));
    expect(await h.t.db.checklistItem.count({ where: { title: 'Judul yang diperbaiki' } })).toBe(1);
  });

  it('a file with bad rows is refused with each row named, and nothing changes', async () => {
    const csv = 'opd;judul;tenggat;penanggung_jawab\nbappeda;Item baik;30-09-2024;\ndinas-x;Item salah;31-02-2024;@tidakada\n';
    const before = await h.t.db.checklistItem.count();
    const refused = textOf(await sendFile('ceklis.csv', Buffer.from(csv)));
    expect(refused).toContain('Impor ceklis ditolak, tidak ada yang disimpan');
    expect(refused).toMatch(/Baris 3: .*OPD/);
    expect(refused).toMatch(/Baris 3: .*tanggal|Baris 3: .*tenggat/i);
    expect(await h.t.db.checklistItem.count()).toBe(before);
  });

  it('a PIC sending a spreadsheet is pointed to evidence, not to an import', async () => {
    expect(textOf(await sendFile('ceklis.xlsx', Buffer.from('x'), budi))).toBe(fileTexts.evidenceHint);
  });
});
