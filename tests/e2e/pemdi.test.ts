// The framework in force now: a 2026 Pemdi evaluation (7 aspects, no domains, decimal values,
// other agencies' indices) in Telegram, through the real bot and the fake Bot API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import type { StoredFramework } from '../../src/db/frameworks.ts';
import { findFrameworkById, findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { applyScoreImport } from '../../src/db/scores.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
let fw: StoredFramework;
let evaluationId: number;
const ani: Person = { id: 620_001, first_name: 'Ani' };

beforeAll(async () => {
  h = await startHarness();
  fw = (await findFrameworkById(h.t.db, (await findFrameworkIdByCode(h.t.db, 'pemdi-2026'))!))!;
  const { workspace, evaluation } = await createWorkspace(h.t.db, {
    slug: 'aceh-tengah', name: 'Kab. Aceh Tengah', timeZone: 'Asia/Jakarta', targetUnits: 25_000, frameworkId: fw.id, year: 2026,
    admin: { telegramId: BigInt(ani.id), displayName: 'Ani' },
  }, CLI_ACTOR);
  evaluationId = evaluation.id;
  // The first admin is koordinator too (workspace create --admin), so Ani records values at once.
  expect((await h.t.db.memberRole.findMany({ where: { member: { workspaceId: workspace.id } } })).map((r) => r.role).sort()).toEqual(['admin', 'koordinator']);
  // Every indicator at 3,00, aspect 7 (Kepuasan Pengguna, 25 %) at 2,00, indicator 3 (5 %) at
  // 1,00: 30 000 − 2 500 − 1 000 = 26 500 units.
  await applyScoreImport(h.t.db, {
    evaluationId: evaluation.id, workspaceId: workspace.id, stage: 'dokumen', indicatorIds: fw.indicatorIds,
    rows: fw.def.indicators.map((i) => ({
      rowNo: i.no + 1, indicatorNo: i.no, value: i.no === 3 ? 100 : i.aspectNo === 7 ? 200 : 300, note: null, external: null,
    })),
  }, CLI_ACTOR);
});
afterAll(() => h.stop());

const indicatorId = (no: number) => fw.indicatorIds.get(no)!;

describe('a Pemdi 2026 evaluation', () => {
  it('/indeks gives the index from the 7 aspects, with Pemdi bands, and names the other agencies\' values it waits for', async () => {
    const text = textOf(await h.say(ani, ani.id, '/indeks'));
    expect(text).toContain('<b>Indeks Pemerintah Digital 2026 — Kab. Aceh Tengah</b>');
    expect(text).toContain('Indeks: <b>2,65</b> (Baik)');
    expect(text).toContain('Target 2,50: tercapai (+0,15)');
    expect(text).not.toContain('<b>Domain</b>');
    expect(text).toContain('7. Kepuasan Pengguna Layanan Digital Pemerintah: 2,00');
    expect(text).toContain('⏳ Indeks instansi lain: menunggu nilai SDI dari Bappenas (indikator 5); menunggu nilai SJIG dari BIG (indikator 6)');
  });

  it('/nilai 3 1,26 dokumen raises the index by exactly 0,05 × 0,26, keeping the value, its history and the audit', async () => {
    const text = textOf(await h.say(ani, ani.id, '/nilai 3 1,26 dokumen'));
    expect(text).toContain('Tercatat: indikator 3, tahap Penilaian Dokumen, nilai <b>1,26 (Merintis · Kurang)</b>, sebelumnya 1,00.');
    expect(text).toContain('Indeks tahap ini sekarang: <b>2,66</b> (+0,013).');
    const score = await h.t.db.score.findFirstOrThrow({ where: { evaluationId, stage: 'dokumen', indicatorId: indicatorId(3) } });
    expect(score.value).toBe(126);
    const change = await h.t.db.scoreChange.findFirstOrThrow({ where: { evaluationId, indicatorId: indicatorId(3), source: 'bot' } });
    expect(change).toMatchObject({ oldValue: 100, newValue: 126 });
    const audit = await h.t.db.auditEntry.findFirstOrThrow({ where: { action: 'score.set', via: 'bot' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(audit.detail)).toMatchObject({ indikator: 3, dari: '1,00', ke: '1,26' });
    expect(textOf(await h.say(ani, ani.id, '/indeks'))).toContain('Indeks: <b>2,66</b> (Baik)');
  });

  it.each([
    ['/nilai 3 0,9', 'Nilai "0,9" tidak sah: tulis angka 1,00 sampai 5,00 dengan paling banyak dua desimal, mis. 1,26.'],
    ['/nilai 3 5,01', 'Nilai "5,01" tidak sah'],
    ['/nilai 3 1,265', 'Nilai "1,265" tidak sah'],
    ['/nilai 21 2', 'Nomor indikator "21" tidak ada (1–20).'],
    ['/nilai 1 sdi 50', 'Indikator 1 tidak memakai nilai SDI; tulis nilainya'],
    ['/nilai 6 sdi 50', 'Indikator 6 tidak memakai nilai SDI, melainkan SJIG'],
    ['/nilai 5 sdi 120', 'Nilai SDI "120" tidak sah: tulis angka 0 sampai 100'],
  ])('%s is refused with a clear message and changes nothing', async (command, problem) => {
    const before = [await h.t.db.scoreChange.count(), await h.t.db.externalValue.count()];
    const text = textOf(await h.say(ani, ani.id, command));
    expect(text).toContain(problem);
    expect([await h.t.db.scoreChange.count(), await h.t.db.externalValue.count()]).toEqual(before);
  });

  it('shows the usage in Pemdi terms', async () => {
    const text = textOf(await h.say(ani, ani.id, '/nilai 3'));
    expect(text).toContain('Format: <code>/nilai &lt;no&gt; &lt;nilai 1,00–5,00&gt; [tahap] [catatan] · /nilai &lt;no&gt; &lt;sdi|…&gt; &lt;nilai indeks&gt; [tahap]</code>');
    expect(text).toContain('Contoh: <code>/nilai 3 1,26 dokumen</code>');
  });

  it('/nilai 5 sdi 58,3 keeps the SDI value and records the value the regulation\'s table gives (level 3 → 3,00)', async () => {
    await h.say(ani, ani.id, '/nilai 5 2,10 dokumen');
    const text = textOf(await h.say(ani, ani.id, '/nilai 5 sdi 58,3 dokumen'));
    expect(text).toContain('Tercatat: nilai SDI <b>58,30</b> untuk indikator 5.');
    expect(text).toContain('Nilai indikator 5 tahap Penilaian Dokumen menurut tabel peraturan: <b>3,00 (Berkembang · Baik)</b>.');
    expect(text).toContain('(+0,045)');
    const ext = await h.t.db.externalValue.findFirstOrThrow({ where: { evaluationId, indicatorId: indicatorId(5) } });
    expect(ext).toMatchObject({ source: 'SDI', rawValue: 5_830, derivedValue: 300 });
    const score = await h.t.db.score.findFirstOrThrow({ where: { evaluationId, stage: 'dokumen', indicatorId: indicatorId(5) } });
    expect(score).toMatchObject({ value: 300, note: 'dari SDI 58,30' });
    const skor = textOf(await h.say(ani, ani.id, '/skor 5'));
    expect(skor).toContain('Nilai SDI (Bappenas): <b>58,3</b> → nilai indikator 3,00 (Berkembang · Baik).');
    expect(textOf(await h.say(ani, ani.id, '/indeks'))).not.toContain('menunggu nilai SDI');
  });

  it('IKASANDI is recorded as a reference: the indicator value stays the assessors\'', async () => {
    const text = textOf(await h.say(ani, ani.id, '/nilai 10 ikasandi 72,5'));
    expect(text).toContain('IKASANDI hanya rujukan: nilai indikator 10 tetap dicatat dari penilaian asesor.');
    const score = await h.t.db.score.findFirstOrThrow({ where: { evaluationId, stage: 'dokumen', indicatorId: indicatorId(10) } });
    expect(score.value).toBe(300);
    expect(await h.t.db.externalValue.count({ where: { evaluationId, source: 'IKASANDI' } })).toBe(1);
  });

  it('/skor 3 shows each value with its band and predicate, what the next level needs, and who guides it', async () => {
    const skor = textOf(await h.say(ani, ani.id, '/skor 3'));
    expect(skor).toContain('<b>Indikator 3</b> — Tingkat Kematangan Sumber Daya Manusia Pemdi');
    expect(skor).toContain('• Penilaian Dokumen: 1,26 (Merintis · Kurang)');
    expect(skor).toContain('• Penilaian Interviu: 1,26 (Merintis · Kurang) ↩');
    const criteria = fw.def.indicators[2]!.criteria;
    expect(skor).toContain(`Kriteria tingkat 1 (Merintis): ${criteria[0]!.replace(/&/g, '&amp;')}`);
    expect(skor).toContain(`Untuk naik ke tingkat 2 (Membangun): ${criteria[1]!.replace(/&/g, '&amp;')}`);
    expect(skor).toContain(`Instansi pembina: ${fw.def.indicators[2]!.guidingAgencies.join(', ')}`);
    expect(skor).toContain('Fungsi pemilik di instansi: ');
  });

  it('/skor shows the evidence-backed value as an estimate beside the recorded one', async () => {
    const opd = await h.t.db.opd.create({ data: { workspaceId: (await h.t.db.workspace.findFirstOrThrow({ where: { slug: 'aceh-tengah' } })).id, code: 'bkd', name: 'BKD' } });
    await h.t.db.checklistItem.createMany({
      data: [1, 2].map((level) => ({
        workspaceId: opd.workspaceId, evaluationId, opdId: opd.id, indicatorId: indicatorId(3), level, title: `SDM tingkat ${level}`, status: 'selesai',
      })),
    });
    const skor = textOf(await h.say(ani, ani.id, '/skor 3'));
    expect(skor).toContain('Perkiraan dari item ceklis terverifikasi: <b>2,00 (Membangun · Cukup)</b>');
  });

  it('/domain reads its number as an aspect and lists decimal values', async () => {
    const aspect = textOf(await h.say(ani, ani.id, '/domain 2'));
    expect(aspect).toContain('tidak memakai domain');
    expect(aspect).toMatch(/\n3\. .* — 1,26 \(bobot 5%\)/);
    expect(textOf(await h.say(ani, ani.id, '/domain 8'))).toContain('Nomor "8" tidak ada (1–7).');
  });

  it('/simulasi raises decimals to the next whole value and says so', async () => {
    const text = textOf(await h.say(ani, ani.id, '/simulasi 2,8'));
    // 2,6630 now (26 500 + 130 for indicator 3; indicator 5 back at 3,00 from SDI); the heaviest
    // raise is indicator 20 (15 %) 2,00 → 3,00: +1 500 → 2,8130.
    expect(text).toContain('Dari 2,66 ke target 2,80: paling sedikit <b>1</b> kenaikan satu tingkat, hasilnya 2,81.');
    expect(text).toContain('• indikator 20: 2,00 → 3,00: +0,15');
    expect(text).toContain('naik satu tingkat dihitung sampai nilai bulat berikutnya (1,26 → 2,00');
  });
});
