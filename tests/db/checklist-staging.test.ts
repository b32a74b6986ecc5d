// The staged checklist import against a real database: rows staged in batches with a pause between
// them, then moved in by one transaction that writes only the planned fields (a change made by
// someone else meanwhile stays), refuses rows made stale meanwhile, and leaves nothing staged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botActor, CLI_ACTOR } from '../../src/db/audit.ts';
import { applyChecklistImport, applyChecklistPlan, ChecklistImportError, planChecklistImport } from '../../src/db/checklist-transfer.ts';
import type { ChecklistImportInput } from '../../src/db/checklist-transfer.ts';
import { STAGE_BATCH } from '../../src/db/checklist-staging.ts';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import type { ChecklistImportRow } from '../../src/domain/checklist-import.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb, TEST_PROVIDER } from '../support/db.ts';

let t: TestDb;
let workspaceId = 0;
let evaluationId = 0;
let bappeda = 0;
let budi = 0;
const NOW = new Date('2024-09-20T01:00:00Z');
const EARLIER = new Date('2024-09-01T01:00:00Z');

beforeAll(async () => {
  t = createTestDb();
  workspaceId = await seedDemoWorkspace(t.db);
  evaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspaceId } })).id;
  bappeda = (await t.db.opd.findFirstOrThrow({ where: { workspaceId, code: 'bappeda' } })).id;
  budi = (await t.db.person.findUniqueOrThrow({ where: { telegramId: 900_002n } })).id;
});
afterAll(() => t.close());

const staged = async () => (await t.db.checklistImport.count()) + (await t.db.checklistImportRow.count());
const input = (rows: ChecklistImportRow[]): ChecklistImportInput => ({ workspaceId, evaluationId, rows });
const item = (data: { title: string; status?: string; description?: string | null; revisionReason?: string | null; assigneeId?: number | null }) =>
  t.db.checklistItem.create({ data: { workspaceId, evaluationId, opdId: bappeda, statusAt: EARLIER, ...data } });

describe('applying a plan', () => {
  beforeEach(async () => {
    await t.db.checklistItem.deleteMany();
  });

  it('stages in batches with a pause between them, reports progress, and leaves nothing staged', async () => {
    const n = STAGE_BATCH * 2 + 7;
    const rows = Array.from({ length: n }, (_, i): ChecklistImportRow => ({
      rowNo: i + 2, id: null, opdCode: 'bappeda', title: `Butir ${i + 1}`, dueDate: '2024-10-01', assigneeId: i % 2 ? budi : null,
    }));
    const progress: number[] = [];
    let pauses = 0;
    const done = await applyChecklistImport(t.db, input(rows), botActor(budi), NOW, {
      onProgress: (d, total) => progress.push(total === n ? d : -1),
      pause: async () => { pauses++; },
    });
    expect(done).toEqual({ created: n, updated: 0, unchanged: 0 });
    expect(progress).toEqual([STAGE_BATCH, STAGE_BATCH * 2, n]);
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(await staged()).toBe(0);
    const made = await t.db.checklistItem.findMany({ orderBy: { id: 'asc' } });
    expect(made.map((m) => m.title)).toEqual(rows.map((r) => r.title));
    expect(made[1]).toMatchObject({ workspaceId, evaluationId, opdId: bappeda, assigneeId: budi, dueDate: '2024-10-01', status: 'belum', createdById: budi });
    expect([made[1]!.statusAt, made[1]!.createdAt, made[1]!.updatedAt]).toEqual([NOW, NOW, NOW]);
  });

  // SQLite keeps dates in a format Prisma chose (text or number); PostgreSQL's timestamp column leaves no choice.
  it.skipIf(TEST_PROVIDER === 'postgresql')('stores dates exactly as Prisma does, so ordering and comparisons still hold', async () => {
    await item({ title: 'Lewat Prisma' });
    await applyChecklistImport(t.db, input([{ rowNo: 2, id: null, opdCode: 'bappeda', title: 'Lewat impor' }]), CLI_ACTOR, NOW);
    const raw = await t.db.$queryRawUnsafe<{ title: string; kind: string; statusAt: string }[]>(
      'SELECT "title", typeof("statusAt") AS "kind", "statusAt" || \'\' AS "statusAt" FROM "ChecklistItem" ORDER BY "id"');
    expect(raw.map((r) => [r.title, r.kind])).toEqual([['Lewat Prisma', 'text'], ['Lewat impor', 'text']]);
    expect(raw[0]!.statusAt.replace(/\d/g, '0')).toBe(raw[1]!.statusAt.replace(/\d/g, '0'));
  });

  it('writes only the fields that changed: a change made by someone else after the plan stays', async () => {
    const a = await item({ title: 'Judul lama', description: 'Keterangan', status: 'proses' });
    const plan = await planChecklistImport(t.db, input([{ rowNo: 2, id: a.id, opdCode: 'bappeda', title: 'Judul baru', description: null }]));
    expect(plan.updates.map((u) => u.fields)).toEqual([['judul', 'deskripsi']]);
    // Meanwhile the PIC submits it.
    await t.db.checklistItem.update({ where: { id: a.id }, data: { status: 'diajukan', statusAt: NOW } });
    const done = await applyChecklistPlan(t.db, input(plan.updates.map((u) => u.row)), plan, CLI_ACTOR, NOW);
    expect(done).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await t.db.checklistItem.findUniqueOrThrow({ where: { id: a.id } }))
      .toMatchObject({ title: 'Judul baru', description: null, status: 'diajukan', statusAt: NOW, opdId: bappeda, updatedAt: NOW });
  });

  it('a new status restarts its clock; a reason stays only with revisi or dibatalkan', async () => {
    const back = await item({ title: 'Dikembalikan', status: 'revisi', revisionReason: 'Kurang tanda tangan' });
    const other = await item({ title: 'Lain', status: 'diajukan', revisionReason: 'Alasan lama' });
    const same = await item({ title: 'Tetap', status: 'belum' });
    const done = await applyChecklistImport(t.db, input([
      { rowNo: 2, id: back.id, opdCode: 'bappeda', title: 'Dikembalikan', status: 'selesai' },
      { rowNo: 3, id: other.id, opdCode: 'bappeda', title: 'Lain', status: 'dibatalkan' },
      { rowNo: 4, id: same.id, opdCode: 'bappeda', title: 'Tetap', status: 'belum' },
    ]), CLI_ACTOR, NOW);
    expect(done).toEqual({ created: 0, updated: 2, unchanged: 1 });
    const byId = async (id: number) => t.db.checklistItem.findUniqueOrThrow({ where: { id } });
    expect(await byId(back.id)).toMatchObject({ status: 'selesai', revisionReason: null, statusAt: NOW });
    expect(await byId(other.id)).toMatchObject({ status: 'dibatalkan', revisionReason: 'Alasan lama', statusAt: NOW });
    expect(await byId(same.id)).toMatchObject({ status: 'belum', statusAt: EARLIER });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'checklist.import' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(audit.detail)).toEqual({ dibuat: [], diubah: [{ id: back.id, kolom: ['status'] }, { id: other.id, kolom: ['status'] }], sama: 1 });
  });

  it('rows made stale between the plan and the write are refused, each named, and nothing is written', async () => {
    const gone = await item({ title: 'Akan dihapus' });
    const plan = await planChecklistImport(t.db, input([
      { rowNo: 2, id: null, opdCode: 'bappeda', title: 'Baru untuk Budi', assigneeId: budi },
      { rowNo: 3, id: gone.id, opdCode: 'bappeda', title: 'Judul diubah' },
      { rowNo: 4, id: null, opdCode: 'bappeda', title: 'Baru tanpa PJ' },
    ]));
    expect(plan.errors).toEqual([]);
    await t.db.checklistItem.delete({ where: { id: gone.id } });
    const member = await t.db.member.findFirstOrThrow({ where: { workspaceId, personId: budi } });
    await t.db.member.update({ where: { id: member.id }, data: { removedAt: NOW } });
    const before = { items: await t.db.checklistItem.count(), audits: await t.db.auditEntry.count() };
    try {
      const error = await applyChecklistPlan(t.db, input(plan.creates.map((c) => c.row)), plan, CLI_ACTOR, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChecklistImportError);
      expect((error as ChecklistImportError).errors).toEqual([
        'Baris 2: penanggung jawabnya bukan lagi anggota workspace ini.',
        `Baris 3: butir ceklis id ${gone.id} sudah tidak ada di evaluasi ini (berubah selama impor).`,
      ]);
      expect({ items: await t.db.checklistItem.count(), audits: await t.db.auditEntry.count() }).toEqual(before);
      expect(await staged()).toBe(0);
    } finally {
      await t.db.member.update({ where: { id: member.id }, data: { removedAt: null } });
    }
  });

  it('an import cut off by a crash an hour ago is cleared by the next one', async () => {
    const old = await t.db.checklistImport.create({ data: { workspaceId, evaluationId, rowCount: 1, createdAt: new Date(NOW.getTime() - 2 * 3_600_000) } });
    await t.db.checklistImportRow.create({ data: { importId: old.id, rowNo: 2, opdId: bappeda, title: 'Sisa', status: 'belum' } });
    await applyChecklistImport(t.db, input([{ rowNo: 2, id: null, opdCode: 'bappeda', title: 'Berikutnya' }]), CLI_ACTOR, NOW);
    expect(await staged()).toBe(0);
    expect(await t.db.checklistItem.count({ where: { title: 'Sisa' } })).toBe(0);
  });
});
