// evaluation create: the next year's campaign for a workspace that already runs, on a real
// database: the evaluation with its five stages under the framework in force that year, audited
// as the CLI's, and from then on the active one; a year that exists, an unknown framework or
// workspace is refused and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { findEvaluation } from '../../src/db/evaluations.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const W = ['--workspace', 'demo-kaltim'];
let t: TestDb;
let workspaceId: number;

beforeAll(async () => {
  t = createTestDb();
  workspaceId = await seedDemoWorkspace(t.db);
});
afterAll(() => t.close());

const snapshot = async () => [await t.db.evaluation.count(), await t.db.stage.count(), await t.db.auditEntry.count()];

describe('evaluation create', () => {
  it('starts the next year under the framework in force, with its five stages, audited, and makes it the active one', async () => {
    expect((await findEvaluation(t.db, workspaceId))?.year).toBe(2024);
    const run = await cli(t.db, ['evaluation', 'create', ...W, '--year', '2026']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Evaluasi 2026 dibuat di Pemprov Kaltim (demo): Indeks Pemerintah Digital');
    expect(run.stdout).toContain('Kini evaluasi aktif');
    expect(run.stdout).toContain('/siapkan lanjutan 2024');
    const evaluation = (await findEvaluation(t.db, workspaceId))!;
    expect(evaluation.year).toBe(2026);
    const framework = await t.db.framework.findUniqueOrThrow({ where: { id: evaluation.frameworkId } });
    expect(framework.code).toBe('pemdi-2026');
    const stages = await t.db.stage.findMany({ where: { evaluationId: evaluation.id }, orderBy: { id: 'asc' } });
    expect(stages.map((s) => [s.kind, s.dueDate])).toEqual([['mandiri', null], ['dokumen', null], ['interviu', null], ['visitasi', null], ['final', null]]);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'evaluation.create' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ via: 'cli', actorId: null, entityId: String(evaluation.id), workspaceId });
  });

  it('an earlier year is made but the latest stays active; SPBE is chosen for it', async () => {
    const run = await cli(t.db, ['evaluation', 'create', ...W, '--year', '2025']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Evaluasi 2025 dibuat di Pemprov Kaltim (demo): Indeks SPBE');
    expect(run.stdout).toContain('Evaluasi aktif tetap 2026');
    expect((await findEvaluation(t.db, workspaceId))?.year).toBe(2026);
  });

  it.each([
    [['evaluation', 'create', ...W, '--year', '2026'], /Evaluasi 2026 sudah ada di Pemprov Kaltim \(demo\); tidak ada yang diubah\./],
    [['evaluation', 'create', ...W, '--year', '2027', '--framework', 'cobit'], /kerangka "cobit" tidak dikenal; pilihan: /],
    [['evaluation', 'create', '--workspace', 'tidak-ada', '--year', '2027'], /workspace "tidak-ada" tidak ditemukan/],
    [['evaluation', 'create', ...W, '--year', '20x7'], /tahun "20x7" tidak sah/],
    [['evaluation', 'hapus', ...W], /perintah evaluation "hapus" tidak dikenal/],
  ])('%j is refused with a message and writes nothing', async (args, message) => {
    const before = await snapshot();
    const run = await cli(t.db, args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});
