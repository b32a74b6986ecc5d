// /siapkan: a coordinator fills a new SPBE evaluation's checklist from the evidence examples and
// the default indicator→OPD map, and carries last year's open items over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTexts, texts } from '../../src/bot/texts.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, GROUP, rina, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // The demo evaluation is 2024; add 2025 (still SPBE 59/2020) as the new evaluation.
  const ws = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const old = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id, year: 2024 } });
  await h.t.db.evaluation.create({ data: { workspaceId: ws.id, frameworkId: old.frameworkId, year: 2025, stages: { create: [{ kind: 'dokumen', dueDate: '2025-09-30' }] } } });
  const opd = await h.t.db.opd.findFirstOrThrow({ where: { workspaceId: ws.id, code: 'inspektorat' } });
  await h.t.db.checklistItem.createMany({ data: [
    { workspaceId: ws.id, evaluationId: old.id, opdId: opd.id, title: 'Laporan audit TIK 2024', status: 'proses' },
    { workspaceId: ws.id, evaluationId: old.id, opdId: opd.id, title: 'Sudah beres', status: 'selesai' },
  ] });
});
afterAll(() => h.stop());

describe('/siapkan', () => {
  it('generates one item per indicator × owning OPD for the new evaluation, once', async () => {
    expect(textOf(await h.say(rina, GROUP, '/siapkan'))).toBe(seedTexts.generated(72, 0, []));
    const items = await h.t.db.checklistItem.findMany({ where: { evaluation: { year: 2025 } }, include: { opd: true, indicator: true } });
    expect(items).toHaveLength(72);
    const audit = items.find((i) => i.indicator?.no === 29)!;
    expect(audit.opd.code).toBe('inspektorat');
    expect(audit.title).toMatch(/^Bukti dukung indikator 29: /);
    expect(audit.description).toContain('Audit Infrastruktur SPBE');
    expect(await h.t.db.indicatorOwner.count()).toBe(72);
    expect(textOf(await h.say(rina, GROUP, '/siapkan'))).toBe(seedTexts.generated(0, 72, []));
  });

  it("carries last year's open items over, and only once", async () => {
    expect(textOf(await h.say(rina, GROUP, '/siapkan lanjutan 2024'))).toBe(seedTexts.carried(1, 2024, 0));
    expect(textOf(await h.say(rina, GROUP, '/siapkan lanjutan 2024'))).toBe(seedTexts.carried(0, 2024, 1));
    const carried = await h.t.db.checklistItem.findFirstOrThrow({ where: { title: 'Laporan audit TIK 2024', evaluation: { year: 2025 } } });
    expect(carried).toMatchObject({ status: 'belum', dueDate: null });
    expect(carried.carriedFromId).not.toBeNull();
  });

  it('is for coordinators, and checks its arguments', async () => {
    expect(textOf(await h.say(budi, GROUP, '/siapkan'))).toBe(texts.noAccess('siapkan', 'koordinator'));
    expect(textOf(await h.say(rina, GROUP, '/siapkan lanjutan 2030'))).toContain('Format: <code>/siapkan [lanjutan &lt;tahun&gt;]</code>');
  });
});
