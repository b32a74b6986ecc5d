// The evidence-backed level (Pemdi 2026 practice: evidence judged item by item per level) in
// /skor and the projected index with the items that would raise it most in /indeks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/bot-harness.ts';
import { GROUP, sekda, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
let blocking = 0;
beforeAll(async () => {
  h = await startHarness();
  const ws = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id } });
  const indicator = await h.t.db.indicator.findFirstOrThrow({ where: { no: 1, framework: { code: 'spbe-2020' } } });
  const opd = await h.t.db.opd.findFirstOrThrow({ where: { workspaceId: ws.id, code: 'diskominfo' } });
  const base = { workspaceId: ws.id, evaluationId: evaluation.id, opdId: opd.id, indicatorId: indicator.id };
  await h.t.db.checklistItem.create({ data: { ...base, level: 2, status: 'selesai', title: 'Perkada kebijakan internal SPBE' } });
  blocking = (await h.t.db.checklistItem.create({ data: { ...base, level: 3, status: 'revisi', title: 'SOP arsitektur SPBE' } })).id;
  await h.t.db.checklistItem.create({ data: { ...base, level: 4, status: 'selesai', title: 'Reviu berkala kebijakan' } });
});
afterAll(() => h.stop());

describe('evidence-backed level', () => {
  it('/skor shows the items and the level the verified evidence supports (a gap at level 3 stops it at 2)', async () => {
    const text = textOf(await h.say(sekda, GROUP, '/skor 1'));
    expect(text).toContain('• Penilaian Interviu: 4 (Terpadu dan Terukur)');
    expect(text).toContain('Ceklis: 2 selesai, 1 revisi');
    expect(text).toContain(`↩️ #${blocking} SOP arsitektur SPBE [tingkat 3] — diskominfo`);
    expect(text).toContain('Tingkat berbasis bukti (item ceklis terverifikasi): <b>2</b> (Terkelola)');
  });

  it('/indeks shows the projected index and the item that would raise it most', async () => {
    const text = textOf(await h.say(sekda, GROUP, '/indeks'));
    expect(text).toContain('Indeks: <b>3,79</b> (Sangat Baik)');
    // Indicator 1 (weight 1,30 %) projected at 2 instead of 4: 37 860 − 260 = 37 600 units.
    expect(text).toContain('Proyeksi dari bukti terverifikasi: <b>3,76</b> (Sangat Baik)');
    expect(text).toContain(`• #${blocking} SOP arsitektur SPBE (indikator 1 → tingkat 4): +0,03`);
  });
});
