// /laporan end to end: the real bot polling the fake Bot API over HTTP, on the demo workspace
// (Pemprov Kaltim 2024: mandiri 4,35 → dokumen 3,28 → interviu 3,79). What the users get is
// opened as they would open it: the album's PNGs, the PDF's text, the workbook's cells.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTexts } from '../../src/bot/texts-reports.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness } from '../support/bot-harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { budi, GROUP, rina, sekda, startHarness, tamu, textOf } from '../support/bot-harness.ts';

type Upload = { data: Buffer; filename: string };

let h: Harness;
beforeAll(async () => { h = await startHarness({ now: () => new Date('2024-10-20T01:00:00Z') }); });
afterAll(() => h.stop());


/** Everything the bot sent for one /laporan, up to its last message. */
async function report(from: typeof sekda, chat: number, text = '/laporan') {
  const after = h.api.calls.length;
  const first = await h.say(from, chat, text);
  const album = await h.next((c) => c.method === 'sendMediaGroup' && !c.fault, after);
  const pdf = await h.next((c) => c.method === 'sendDocument' && Number(c.params.chat_id) === chat && String((c.params.document as Upload).filename).endsWith('.pdf'), after);
  return { first, album, pdf, after };
}

function albumFiles(call: FakeCall): Buffer[] {
  const media = call.params.media as { type: string; media: string }[];
  return media.map((m) => (call.params[m.media.replace('attach://', '')] as Upload).data);
}

describe('/laporan in the group', () => {
  it('sends the four charts as one album, the PDF summary, and the XLSX to the asker privately', async () => {
    const { first, album, pdf, after } = await report(sekda, GROUP);
    expect(textOf(first)).toBe(reportTexts.working);

    expect(Number(album.params.chat_id)).toBe(GROUP);
    const photos = albumFiles(album);
    expect(photos).toHaveLength(4);
    for (const png of photos) {
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1000);
      expect(png.length).toBeGreaterThan(10_000);
    }
    const firstItem = (album.params.media as { caption?: string }[])[0]!;
    expect(firstItem.caption).toContain('Indeks SPBE 2024');
    expect(firstItem.caption).toContain('Domain terhadap target');
    const messages = (album.response as { ok: true; result: { media_group_id: string }[] }).result;
    expect(new Set(messages.map((m) => m.media_group_id)).size).toBe(1);

    const pdfUpload = pdf.params.document as Upload;
    expect(pdfUpload.filename).toBe('laporan-spbe-2024-demo-kaltim.pdf');
    expect(textOf(pdf)).toContain('Indeks 3,79 (Sangat Baik), Penilaian Interviu, sementara.');
    const { pages, text } = await pdfText(pdfUpload.data);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('3,79');
    expect(text).toContain('Sangat Baik');

    const xlsx = await h.next((c) => c.method === 'sendDocument' && Number(c.params.chat_id) === sekda.id, after);
    const upload = xlsx.params.document as Upload;
    expect(upload.filename).toBe('laporan-spbe-2024-demo-kaltim.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(upload.data as unknown as ArrayBuffer);
    const stages = workbook.getWorksheet('Indeks per Tahap')!;
    expect(stages.getRow(2).values).toEqual([undefined, 'Tingkat', 'No', 'Nama', 'Bobot (%)', 'Penilaian Mandiri', 'Penilaian Dokumen', 'Penilaian Interviu']);
    const totals = [5, 6, 7].map((c) => Math.round(Number(stages.getCell(3, c).value) * 100) / 100);
    expect(totals).toEqual([4.35, 3.28, 3.79]);

    const notice = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === GROUP && c.index > xlsx.index, after);
    expect(textOf(notice)).toBe(reportTexts.xlsxSentPrivately);
    // no workbook with names in the group
    const groupDocs = h.api.calls.slice(after).filter((c) => c.method === 'sendDocument' && Number(c.params.chat_id) === GROUP);
    expect(groupDocs).toHaveLength(1);
  });

  it('tells the asker to open a private chat when the bot cannot write there, and keeps the group free of the XLSX', async () => {
    h.api.failNext('sendDocument', { kind: '403-blocked' }, 1, rina.id);
    const { after } = await report(rina, GROUP);
    const notice = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === GROUP && textOf(c).includes('chat pribadi'), after);
    expect(textOf(notice)).toBe(reportTexts.xlsxPrivateBlocked('@spbe_test_bot'));
    const docs = h.api.calls.slice(after).filter((c) => c.method === 'sendDocument');
    expect(docs.map((c) => [Number(c.params.chat_id), Boolean(c.fault)])).toEqual([[GROUP, false], [rina.id, true]]);
  });
});

describe('/laporan in a private chat', () => {
  it('sends the workbook right there', async () => {
    const { after } = await report(sekda, sekda.id);
    const xlsx = await h.next((c) => c.method === 'sendDocument' && String((c.params.document as Upload).filename).endsWith('.xlsx'), after);
    expect(Number(xlsx.params.chat_id)).toBe(sekda.id);
  });
});

describe('/laporan refusals change nothing', () => {
  it('refuses a PIC and a stranger', async () => {
    const after = h.api.calls.length;
    expect(textOf(await h.say(budi, GROUP, '/laporan'))).toContain('Anda tidak memiliki akses');
    expect(textOf(await h.say(tamu, GROUP, '/laporan'))).toContain('belum terdaftar');
    expect(h.api.calls.slice(after).filter((c) => ['sendDocument', 'sendMediaGroup'].includes(c.method))).toHaveLength(0);
  });

  it('answers a bad year with the form, and a year without an evaluation plainly', async () => {
    const bad = textOf(await h.say(sekda, GROUP, '/laporan tahun-lalu'));
    expect(bad).toContain('Tahun "tahun-lalu" tidak valid');
    expect(bad).toContain('Format: <code>/laporan [tahun]</code>');
    expect(textOf(await h.say(sekda, GROUP, '/laporan 2019'))).toContain('Tidak ada evaluasi tahun 2019.');
  });
});
