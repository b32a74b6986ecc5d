// Scores and the index, end to end: the real bot polling the fake Bot API over HTTP, on the demo
// workspace (Pemprov Kaltim 2024: mandiri 4,35 → dokumen 3,28 → interviu 3,79).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreTexts, texts } from '../../src/bot/texts.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, buttonsOf, GROUP, messageIdOf, rina, sekda, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness({ now: () => new Date('2024-10-20T01:00:00Z') }); });
afterAll(() => h.stop());

describe('/indeks', () => {
  it('shows the latest stage with its index, predicate, change, target and domains, with a chart button', async () => {
    const reply = await h.say(sekda, GROUP, '/indeks');
    const text = textOf(reply);
    expect(text).toContain('Tahap: Penilaian Interviu');
    expect(text).toContain('Indeks: <b>3,79</b> (Sangat Baik)');
    expect(text).toContain('Dibanding Penilaian Dokumen: +0,51');
    expect(text).toContain('Target 3,50: tercapai (+0,29)');
    expect(text).toContain('1. Kebijakan Internal SPBE: 3,70');
    expect(text).toContain('4. Layanan SPBE: 4,32');
    expect(reply.params.parse_mode).toBe('HTML');
    expect(buttonsOf(reply)).toEqual([[scoreTexts.chartButton, 'chart:interviu']]);
  });

  it('takes a stage in any case, and refuses an unknown one with the right form', async () => {
    expect(textOf(await h.say(budi, GROUP, '/indeks MANDIRI'))).toContain('Indeks: <b>4,35</b> (Memuaskan)');
    expect(textOf(await h.say(budi, GROUP, '/indeks dokumen'))).toContain('Indeks: <b>3,28</b> (Baik)');
    const bad = textOf(await h.say(budi, GROUP, '/indeks tahap9'));
    expect(bad).toContain('Tahap "tahap9" tidak dikenal');
    expect(bad).toContain('Format: <code>/indeks [tahap]</code>');
  });

  it('sends the domain and stage charts as photos when the button is pressed', async () => {
    const reply = await h.say(sekda, GROUP, '/indeks');
    const after = h.api.calls.length;
    await h.press(sekda, GROUP, messageIdOf(reply), 'chart:interviu');
    const photo = await h.next((c) => c.method === 'sendPhoto', after);
    const file = photo.params.photo as { data: Buffer; contentType: string };
    expect(file.data.subarray(1, 4).toString()).toBe('PNG');
    expect(file.data.length).toBeGreaterThan(10_000);
    await h.next((c) => c.method === 'sendPhoto' && c.index > photo.index, after);
  });

  it('a coordinator records a level and /indeks changes, with the history and audit kept', async () => {
    const recorded = textOf(await h.say(rina, GROUP, '/nilai 012 5 interviu SK arsitektur sudah terbit'));
    expect(recorded).toContain('Tercatat: indikator 12, tahap Penilaian Interviu, nilai <b>5 (Optimum)</b>, sebelumnya 4.');
    expect(recorded).toContain('Indeks tahap ini sekarang: <b>3,81</b> (+0,025).');
    expect(textOf(await h.say(sekda, GROUP, '/indeks'))).toContain('Indeks: <b>3,81</b> (Sangat Baik)');
    const change = await h.t.db.scoreChange.findFirst({ where: { indicator: { no: 12, framework: { code: 'spbe-2020' } }, source: 'bot' } });
    expect(change).toMatchObject({ stage: 'interviu', oldValue: 400, newValue: 500, note: 'SK arsitektur sudah terbit' });
    expect(await h.t.db.auditEntry.count({ where: { action: 'score.set', via: 'bot' } })).toBe(1);
  });
});

describe('/nilai refusals change nothing', () => {
  it.each([
    ['/nilai', undefined],
    ['/nilai 48 3', 'Nomor indikator "48" tidak ada (1–47).'],
    ['/nilai 12 6', 'Tingkat "6" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
    ['/nilai 12 tiga', 'Tingkat "tiga" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
    // SPBE levels are whole: a Pemdi-style decimal is refused
    ['/nilai 12 1,26', 'Tingkat "1,26" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
    ['/nilai 12 sdi 58', 'Tingkat "sdi" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
    ['/nilai abc 3', 'Nomor indikator "abc" tidak ada (1–47).'],
  ])('%s', async (command, problem) => {
    const before = await h.t.db.scoreChange.count();
    const text = textOf(await h.say(rina, GROUP, command));
    if (problem) expect(text).toContain(problem);
    expect(text).toContain('Format: <code>/nilai &lt;no&gt; &lt;tingkat 1–5&gt; [tahap] [catatan]</code>');
    expect(text).toContain('Contoh: <code>/nilai 12 4 dokumen SK sudah terbit</code>');
    expect(await h.t.db.scoreChange.count()).toBe(before);
  });

  it('a PIC and a pimpinan have no access, and nothing changes', async () => {
    const before = await h.t.db.score.findMany({ orderBy: { id: 'asc' } });
    expect(textOf(await h.say(budi, GROUP, '/nilai 1 5'))).toBe(texts.noAccess('nilai', 'koordinator'));
    expect(textOf(await h.say(sekda, GROUP, '/nilai 1 5 final'))).toBe(texts.noAccess('nilai', 'koordinator'));
    expect(textOf(await h.say(sekda, GROUP, '/jadwal final 10-12-2024'))).toBe(texts.noAccess('jadwal', 'koordinator'));
    expect(await h.t.db.score.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('/skor, /domain, /simulasi, /tahapan, /jadwal', () => {
  it('/skor shows an indicator per stage with level names, carried levels and its evidence example', async () => {
    const text = textOf(await h.say(budi, GROUP, '/skor 42'));
    expect(text).toContain('<b>Indikator 42</b>');
    expect(text).toContain('Bobot: 3%');
    expect(text).toContain('• Penilaian Mandiri: 4 (Kolaborasi)');
    expect(text).toContain('• Penilaian Dokumen: 4 (Kolaborasi)');
    expect(text).toContain('• Penilaian Interviu: 5 (Optimum)');
    expect(text).toContain('• Hasil Akhir: 5 (Optimum) ↩');
    expect(text).toContain('Contoh bukti dukung:');
    expect(textOf(await h.say(budi, GROUP, '/skor 0'))).toContain('Nomor indikator "0" tidak ada (1–47).');
    expect(textOf(await h.say(budi, GROUP, '/skor'))).toContain('Format: <code>/skor &lt;no&gt;</code>');
  });

  it('/domain lists the aspects and indicators of a domain with their levels', async () => {
    const text = textOf(await h.say(budi, GROUP, '/domain 4'));
    expect(text).toContain('<b>Domain 4 — Layanan SPBE</b>: 4,32 (tahap Penilaian Interviu)');
    expect(text).toContain('<b>Aspek 8. Layanan Publik Berbasis Elektronik</b>');
    expect(text).toMatch(/\n42\. .* — 5 \(bobot 3%\)/);
    expect(textOf(await h.say(budi, GROUP, '/domain 5'))).toContain('Nomor "5" tidak ada (1–4).');
  });

  it('/simulasi gives the fewest raises with their gains, or says it is reached or unreachable', async () => {
    const plan = textOf(await h.say(sekda, GROUP, '/simulasi 4'));
    expect(plan).toMatch(/Dari 3,81 ke target 4,00: paling sedikit <b>\d+<\/b> kenaikan satu tingkat/);
    expect(plan).toMatch(/• indikator \d+: \d → \d: \+0,03/);
    expect(plan).not.toContain('nilai bulat berikutnya');
    expect(textOf(await h.say(sekda, GROUP, '/simulasi'))).toContain('Indeks 3,81 sudah mencapai target 3,50.');
    expect(textOf(await h.say(sekda, GROUP, '/simulasi 5,01'))).toContain('Target "5,01" harus angka 1–5');
    expect(textOf(await h.say(sekda, GROUP, '/simulasi 5'))).toMatch(/paling sedikit <b>\d+<\/b>/);
  });

  it('/tahapan shows dates, the interview hour in WITA and days left; /jadwal changes them', async () => {
    const text = textOf(await h.say(budi, GROUP, '/tahapan'));
    expect(text).toContain('• Penilaian Interviu: 29 Oktober 2024 pukul 14.00 WITA (9 hari lagi)');
    expect(text).toContain('• Penilaian Dokumen: 30 September 2024 (lewat 20 hari)');
    expect(text).toContain('• Visitasi: belum dijadwalkan');
    const set = textOf(await h.say(rina, GROUP, '/jadwal visitasi 2024-11-05 9.30'));
    expect(set).toBe('Jadwal Visitasi: 5 November 2024 pukul 09.30 WITA.');
    expect(textOf(await h.say(budi, GROUP, '/tahapan'))).toContain('• Visitasi: 5 November 2024 pukul 09.30 WITA (16 hari lagi)');
    expect(textOf(await h.say(rina, GROUP, '/jadwal visitasi 31-02-2024'))).toContain('Tanggal "31-02-2024" tidak valid');
    expect(textOf(await h.say(rina, GROUP, '/jadwal rapat 01-11-2024'))).toContain('Tahap "rapat" tidak dikenal');
    expect(textOf(await h.say(rina, GROUP, '/jadwal final 01-12-2024 25.00'))).toContain('Jam "25.00" tidak valid');
    expect(await h.t.db.auditEntry.count({ where: { action: 'stage.schedule' } })).toBe(1);
  });
});
