// stages set: the CLI side of /jadwal through the same use case (src/app/stages.ts), on a real
// database: the date and hour written, the change audited as the CLI's with the value it replaced,
// the reminders replanned for the new date; a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const W = ['--workspace', 'demo-kaltim'];
let t: TestDb;
let evaluationId: number;

beforeAll(async () => {
  t = createTestDb();
  const workspaceId = await seedDemoWorkspace(t.db);
  evaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspaceId, year: 2024 } })).id;
});
afterAll(() => t.close());

const stage = (kind: string) => t.db.stage.findUniqueOrThrow({ where: { evaluationId_kind: { evaluationId, kind } } });
const snapshot = async () => [await t.db.stage.findMany({ orderBy: { id: 'asc' } }), await t.db.auditEntry.count(), await t.db.reminderDelivery.count()];

describe('stages set', () => {
  it('sets the date and hour, audited as the CLI with the value it replaced, and plans the reminders of the new date', async () => {
    const before = await stage('visitasi');
    // The CLI's clock (tests/support/cli.ts) is 23 November 2024: a visit on 10 December is ahead.
    const run = await cli(t.db, ['stages', 'set', ...W, '--stage', 'visitasi', '--date', '10-12-2024', '--time', '9.30']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Jadwal Visitasi demo-kaltim 2024: 10 Desember 2024 pukul 09.30 WITA. Pengingat dijadwalkan ulang.');
    expect(await stage('visitasi')).toMatchObject({ dueDate: '2024-12-10', dueTime: '09:30' });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'stage.schedule' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ via: 'cli', actorId: null, entity: 'stage', entityId: `${evaluationId}:visitasi` });
    expect(JSON.parse(audit.detail)).toEqual({ dari: { tanggal: before.dueDate, jam: before.dueTime }, ke: { tanggal: '2024-12-10', jam: '09:30' } });
    const planned = await t.db.reminderDelivery.count({ where: { state: 'pending', key: { startsWith: `stage:${evaluationId}:visitasi:2024-12-10:` } } });
    expect(planned).toBeGreaterThan(0);
  });

  it('warns on stderr, and still sets it, when the date breaks the stages\' order', async () => {
    const run = await cli(t.db, ['stages', 'set', ...W, '--stage', 'mandiri', '--date', '2025-12-30']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Jadwal Penilaian Mandiri demo-kaltim 2024: 30 Desember 2025.');
    expect(run.stderr).toMatch(/^Perhatian: urutan tahap tidak lazim, Penilaian Mandiri kini tidak di antara tahap sebelum dan sesudahnya \(Penilaian Dokumen /);
    expect(await stage('mandiri')).toMatchObject({ dueDate: '2025-12-30' });
  });

  it('takes the year of another evaluation with --year and leaves the hour empty without --time', async () => {
    const run = await cli(t.db, ['stages', 'set', ...W, '--stage', 'final', '--date', '2025-01-15', '--year', '2024']);
    expect(run.stdout).toBe('Jadwal Hasil Akhir demo-kaltim 2024: 15 Januari 2025. Pengingat dijadwalkan ulang.');
    expect(await stage('final')).toMatchObject({ dueDate: '2025-01-15', dueTime: null });
  });

  it.each([
    [['--stage', 'dokumen', '--date', '2030-01-01'], /tanggal 2030-01-01 di luar masa evaluasi 2024: pilih antara 1 Januari 2024 dan 31 Desember 2025\. Jadwal tidak diubah\./],
    [['--stage', 'dokumen', '--date', '31-02-2024'], /--date "31-02-2024" bukan tanggal yang sah/],
    [['--stage', 'dokumen', '--date', '2024-10-01', '--time', '25.00'], /--time "25.00" bukan jam yang sah/],
    [['--stage', 'pleno', '--date', '2024-10-01'], /tahap "pleno" tidak dikenal; pilihan: mandiri, dokumen/],
    [['--stage', 'dokumen', '--date', '2024-10-01', '--year', '2023'], /Tidak ada evaluasi tahun 2023\./],
  ])('refuses %j with exit 1 and writes nothing', async (args, message) => {
    const before = await snapshot();
    const run = await cli(t.db, ['stages', 'set', ...W, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing option and an unknown workspace', async () => {
    const missing = await cli(t.db, ['stages', 'set', ...W, '--stage', 'dokumen']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('opsi wajib tidak ada: --date');
    const unknown = await cli(t.db, ['stages', 'set', '--workspace', 'entah', '--stage', 'dokumen', '--date', '2024-10-01']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('workspace "entah" tidak ditemukan')]);
    expect((await cli(t.db, ['stages', 'hapus'])).stderr).toContain('perintah stages "hapus" tidak dikenal');
  });
});
