// scores set: the CLI side of /nilai through the same use case (src/app/scores.ts), on a real
// database: an SPBE level and a Pemdi decimal, another agency's index value with the indicator
// value derived from it, each kept in the history and the audit as the CLI's; the index figure
// it prints is the one `index` reports; a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
let demoEvaluationId: number;
const DEMO = ['--workspace', 'demo-kaltim'];
const ACEH = ['--workspace', 'aceh'];

beforeAll(async () => {
  t = createTestDb();
  const workspaceId = await seedDemoWorkspace(t.db);
  demoEvaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspaceId, year: 2024 } })).id;
  const created = await cli(t.db, ['workspace', 'create', '--slug', 'aceh', '--name', 'Kab. Aceh Tengah', '--tz', 'WIB', '--framework', 'pemdi-2026', '--year', '2026']);
  expect(created.code).toBe(0);
});
afterAll(() => t.close());

const scoreOf = (evaluationId: number, no: number, stage: string) =>
  t.db.score.findFirst({ where: { evaluationId, stage, indicator: { no } } });
const counts = async () => [await t.db.score.count(), await t.db.scoreChange.count(), await t.db.externalValue.count(), await t.db.auditEntry.count()];

describe('scores set on SPBE (whole levels)', () => {
  it('records a level with its note, history row and audit entry as the CLI, and prints the index `index` shows', async () => {
    const old = (await scoreOf(demoEvaluationId, 12, 'dokumen'))!.value;
    const run = await cli(t.db, ['scores', 'set', ...DEMO, '--indicator', '12', '--value', '5', '--stage', 'dokumen', '--note', 'SK sudah terbit']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [recorded, indexLine] = run.stdout.split('\n');
    expect(recorded).toBe(`Tercatat untuk demo-kaltim 2024, tahap Penilaian Dokumen: indikator 12, nilai 5 (Optimum), sebelumnya ${old / 100}.`);
    const shown = /^Indeks tahap ini sekarang: (\d,\d\d) \(\+\d,\d+\)\.$/.exec(indexLine ?? '');
    expect(shown).not.toBeNull();
    const report = await cli(t.db, ['index', ...DEMO, '--stage', 'dokumen']);
    expect(report.stdout).toContain(`Indeks: ${shown![1]} (`);

    expect(await scoreOf(demoEvaluationId, 12, 'dokumen')).toMatchObject({ value: 500, note: 'SK sudah terbit', authorId: null });
    const change = await t.db.scoreChange.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(change).toMatchObject({ stage: 'dokumen', oldValue: old, newValue: 500, source: 'cli', authorId: null });
    const audit = await t.db.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ action: 'score.set', via: 'cli', actorId: null, entityId: `${demoEvaluationId}:dokumen:12` });
  });

  it('says when the value did not change, and without --stage takes the latest stage with values', async () => {
    const run = await cli(t.db, ['scores', 'set', ...DEMO, '--indicator', '12', '--value', '5', '--stage', 'dokumen']);
    expect(run.stdout.split('\n')[0]).toBe('Tercatat untuk demo-kaltim 2024, tahap Penilaian Dokumen: indikator 12, nilai 5 (Optimum) (tidak berubah).');
    const latest = await cli(t.db, ['scores', 'set', ...DEMO, '--indicator', '3', '--value', '2']);
    expect(latest.stdout).toMatch(/^Tercatat untuk demo-kaltim 2024, tahap Penilaian Interviu: indikator 3, nilai 2 /);
  });

  it.each([
    [['--indicator', '99', '--value', '3'], /indikator "99" tidak dikenal \(nomor 1–47\)\./],
    [['--indicator', 'dua belas', '--value', '3'], /indikator "dua belas" tidak dikenal/],
    [['--indicator', '12', '--value', '3,5'], /Tingkat "3,5" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5\./],
    [['--indicator', '12', '--value', '3', '--external', 'sdi'], /--external "sdi" bukan kode indeks instansi lain; pilihan: \(tidak ada di kerangka ini\)\./],
    [['--indicator', '12', '--value', '3', '--note', 'x'.repeat(501)], /--note paling banyak 500 karakter\./],
    [['--indicator', '12', '--value', '3', '--stage', 'pleno'], /tahap "pleno" tidak dikenal/],
    [['--indicator', '12', '--value', '3', '--year', '2023'], /Tidak ada evaluasi tahun 2023\./],
  ])('refuses %j with exit 1 and writes nothing', async (args, message) => {
    const before = await counts();
    const run = await cli(t.db, ['scores', 'set', ...DEMO, ...args]);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});

describe('scores set on Pemdi (decimals and other agencies\' indices)', () => {
  it('records a decimal value', async () => {
    const run = await cli(t.db, ['scores', 'set', ...ACEH, '--indicator', '3', '--value', '1,26', '--stage', 'mandiri']);
    expect(run.stdout).toMatch(/^Tercatat untuk aceh 2026, tahap Penilaian Mandiri: indikator 3, nilai 1,26 \(/);
    const evaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspace: { slug: 'aceh' } } })).id;
    expect((await scoreOf(evaluationId, 3, 'mandiri'))!.value).toBe(126);
  });

  it('keeps an SDI value and records the level its table gives; a reference-only index derives nothing', async () => {
    const evaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspace: { slug: 'aceh' } } })).id;
    const sdi = await cli(t.db, ['scores', 'set', ...ACEH, '--indicator', '5', '--external', 'SDI', '--value', '58,3', '--stage', 'mandiri']);
    expect(sdi.stdout.split('\n').slice(0, 2)).toEqual([
      'Tercatat untuk aceh 2026, tahap Penilaian Mandiri: nilai SDI 58,30 untuk indikator 5.',
      expect.stringMatching(/^Nilai indikator 5 menurut tabel peraturan: 3,00 \(/),
    ]);
    expect(await t.db.externalValue.findFirst({ where: { evaluationId, source: 'SDI' } })).toMatchObject({ rawValue: 5830, derivedValue: 300 });
    expect((await scoreOf(evaluationId, 5, 'mandiri'))!.value).toBe(300);
    const ikasandi = await cli(t.db, ['scores', 'set', ...ACEH, '--indicator', '10', '--external', 'ikasandi', '--value', '70', '--stage', 'mandiri']);
    expect(ikasandi.stdout).toBe('Tercatat untuk aceh 2026, tahap Penilaian Mandiri: nilai IKASANDI 70,00 untuk indikator 10.\nNilai IKASANDI hanya rujukan: nilai indikator 10 tidak berubah.');
    expect(await scoreOf(evaluationId, 10, 'mandiri')).toBeNull();
  });

  it.each([
    [['--indicator', '6', '--external', 'sdi', '--value', '50'], /indikator 6 tidak memakai nilai SDI, melainkan SJIG \(--external sjig\)\. Nilai SDI untuk indikator 5\./],
    [['--indicator', '3', '--external', 'sdi', '--value', '50'], /indikator 3 tidak memakai nilai SDI; catat nilainya tanpa --external\./],
    [['--indicator', '5', '--external', 'xyz', '--value', '50'], /--external "xyz" bukan kode indeks instansi lain; pilihan: SDI, SJIG, EPSS, IKASANDI\./],
    [['--indicator', '5', '--external', 'sdi', '--value', '150'], /Nilai SDI "150" tidak sah/],
    [['--indicator', '3', '--value', '5,01'], /Nilai "5,01" tidak sah: tulis angka 1,00 sampai 5,00/],
  ])('refuses %j with exit 1 and writes nothing', async (args, message) => {
    const before = await counts();
    const run = await cli(t.db, ['scores', 'set', ...ACEH, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});
