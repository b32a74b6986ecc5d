// The framework in force now: a 2026 Pemdi evaluation (7 aspects, no domains) in Telegram.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkById, findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { applyScoreImport } from '../../src/db/scores.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
const ani: Person = { id: 620_001, first_name: 'Ani' };

beforeAll(async () => {
  h = await startHarness();
  const fw = (await findFrameworkById(h.t.db, (await findFrameworkIdByCode(h.t.db, 'pemdi-2026'))!))!;
  const { workspace, evaluation } = await createWorkspace(h.t.db, {
    slug: 'aceh-tengah', name: 'Kab. Aceh Tengah', timeZone: 'Asia/Jakarta', targetUnits: 25_000, frameworkId: fw.id, year: 2026,
    admin: { telegramId: BigInt(ani.id), displayName: 'Ani' },
  }, CLI_ACTOR);
  await h.t.db.memberRole.create({ data: { memberId: (await h.t.db.member.findFirstOrThrow({ where: { workspaceId: workspace.id } })).id, role: 'koordinator' } });
  // Every indicator at 3, aspect 7 (Kepuasan Pengguna, 25 %) at 2: 30 000 − 2 500 = 27 500 units.
  await applyScoreImport(h.t.db, {
    evaluationId: evaluation.id, workspaceId: workspace.id, stage: 'dokumen', indicatorIds: fw.indicatorIds,
    rows: fw.def.indicators.map((i) => ({ rowNo: i.no + 1, indicatorNo: i.no, level: i.aspectNo === 7 ? 2 : 3, note: null })),
  }, CLI_ACTOR);
});
afterAll(() => h.stop());

describe('a Pemdi 2026 evaluation', () => {
  it('/indeks gives the index from the 7 aspects, with Pemdi predicate bands and no domain section', async () => {
    const text = textOf(await h.say(ani, ani.id, '/indeks'));
    expect(text).toContain('<b>Indeks Pemerintah Digital 2026 — Kab. Aceh Tengah</b>');
    expect(text).toContain('Indeks: <b>2,75</b> (Baik)');
    expect(text).toContain('Target 2,50: tercapai (+0,25)');
    expect(text).not.toContain('<b>Domain</b>');
    expect(text).toContain('7. Kepuasan Pengguna Layanan Digital Pemerintah: 2,00');
  });

  it('/domain reads its number as an aspect, and /skor uses Pemdi level names', async () => {
    const aspect = textOf(await h.say(ani, ani.id, '/domain 7'));
    expect(aspect).toContain('tidak memakai domain');
    expect(aspect).toContain('<b>Aspek 7 — Kepuasan Pengguna Layanan Digital Pemerintah</b>: 2,00');
    expect(aspect).toMatch(/\n20\. .* — 2 \(bobot 15%\)/);
    expect(textOf(await h.say(ani, ani.id, '/domain 8'))).toContain('Nomor "8" tidak ada (1–7).');
    const skor = textOf(await h.say(ani, ani.id, '/skor 6'));
    expect(skor).toContain('• Penilaian Dokumen: 3 (Berkembang)');
    expect(skor).toContain('Nilai diambil dari indeks instansi lain: BIG.');
  });

  it('/simulasi finds the raises to 3,00 with Pemdi weights (indicator 20 weighs most)', async () => {
    const text = textOf(await h.say(ani, ani.id, '/simulasi 3'));
    expect(text).toContain('Dari 2,75 ke target 3,00: paling sedikit <b>2</b> kenaikan satu tingkat');
    // Two raises of indicator 20 (+0,30) beat 20 and 19 (+0,25): the tie-break is the larger gain.
    expect(text).toContain('• indikator 20 naik ke tingkat 3: +0,15\n• indikator 20 naik ke tingkat 4: +0,15');
    expect(text).toContain('hasilnya 3,05');
  });
});
