// /jadwal takes dates of the evaluation's year and the next only (the demo evaluation is 2024:
// 1 Januari 2024 … 31 Desember 2025). A year typed wrong used to crash (0001) or be accepted
// (9999: "2911742 hari lagi"); now it is refused naming the range, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageTexts } from '../../src/bot/texts.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, GROUP, rina, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness({ now: () => new Date('2024-10-20T01:00:00Z') }); });
afterAll(() => h.stop());

const outOfRange = (typed: string) => stageTexts.dateOutOfRange(typed, 2024, '1 Januari 2024', '31 Desember 2025');

async function snapshot() {
  const [stages, audits, pending] = await Promise.all([
    h.t.db.stage.findMany({ orderBy: { id: 'asc' }, select: { kind: true, dueDate: true, dueTime: true } }),
    h.t.db.auditEntry.count({ where: { action: 'stage.schedule' } }),
    h.t.db.reminderDelivery.findMany({ where: { state: 'pending' }, orderBy: { id: 'asc' }, select: { key: true, dueAt: true } }),
  ]);
  return { stages, audits, pending };
}

describe('/jadwal date bounds', () => {
  it.each(['01-01-0001', '01-01-9999', '01-01-1900', '31-12-2023', '01-01-2026', '0050-06-15'])(
    'refuses %s naming the allowed range, changing nothing', async (typed) => {
      const before = await snapshot();
      const answer = textOf(await h.say(rina, GROUP, `/jadwal interviu ${typed} 10.00`));
      expect(answer).toBe(outOfRange(typed));
      expect(answer).toContain('1 Januari 2024 dan 31 Desember 2025');
      expect(await snapshot()).toEqual(before);
    });

  it('refuses an impossible date (31-02) and a year 0000 as invalid, changing nothing', async () => {
    const before = await snapshot();
    expect(textOf(await h.say(rina, GROUP, '/jadwal interviu 31-02-2024'))).toContain('Tanggal "31-02-2024" tidak valid');
    expect(textOf(await h.say(rina, GROUP, '/jadwal interviu 31-02-2026'))).toContain('Tanggal "31-02-2026" tidak valid');
    expect(textOf(await h.say(rina, GROUP, '/jadwal interviu 01-01-0000'))).toContain('Tanggal "01-01-0000" tidak valid');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the first and last day of the range and a leap day, and /tahapan shows them', async () => {
    // Before the interview and the documents: accepted (the team may fix the others next), with a warning.
    const visit = textOf(await h.say(rina, GROUP, '/jadwal visitasi 01-01-2024'));
    expect(visit.startsWith(`${stageTexts.scheduled('Visitasi', '1 Januari 2024', null)}\n⚠️ Urutan tahap tidak lazim: Visitasi`)).toBe(true);
    expect(visit).toMatch(/Penilaian Dokumen \d+ \w+ 2024/);
    expect(textOf(await h.say(rina, GROUP, '/jadwal final 31-12-2025'))).toBe(stageTexts.scheduled('Hasil Akhir', '31 Desember 2025', null));
    const documents = textOf(await h.say(rina, GROUP, '/jadwal dokumen 29-02-2024'));
    expect(documents.startsWith(stageTexts.scheduled('Penilaian Dokumen', '29 Februari 2024', null))).toBe(true);
    expect(documents).toContain('(Penilaian Mandiri 31 Agustus 2024; Visitasi 1 Januari 2024)');
    const overview = textOf(await h.say(budi, GROUP, '/tahapan'));
    expect(overview).toContain('• Visitasi: 1 Januari 2024 (lewat 293 hari)');
    expect(overview).toContain('• Hasil Akhir: 31 Desember 2025 (437 hari lagi)');
    expect(overview).toContain('• Penilaian Dokumen: 29 Februari 2024 (lewat 234 hari)');
    expect(await h.t.db.stage.findFirst({ where: { kind: 'final' } })).toMatchObject({ dueDate: '2025-12-31' });
  });
});
