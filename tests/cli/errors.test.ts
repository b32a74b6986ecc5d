// Every CLI error path: a message on stderr (never a stack trace), nothing on stdout, a non-zero
// exit code, and no change in the database.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
let counts: () => Promise<number[]>;

beforeAll(async () => {
  t = createTestDb();
  counts = async () => Promise.all([
    t.db.workspace.count(), t.db.score.count(), t.db.scoreChange.count(), t.db.auditEntry.count(),
    t.db.framework.count(), t.db.indicator.count(), t.db.person.count(),
  ]);
  const made = await cli(t.db, ['workspace', 'create', '--slug', 'kaltim', '--name', 'Pemprov Kaltim', '--tz', 'WITA', '--year', '2024']);
  expect(made.code).toBe(0);
});
afterAll(() => t.close());

function file(name: string, text: string): string {
  const path = join(t.dir, name);
  writeFileSync(path, text);
  return path;
}

async function expectRefused(argv: string[], code: number, ...messages: (string | RegExp)[]) {
  const before = await counts();
  const run = await cli(t.db, argv);
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  for (const m of messages) expect(run.stderr).toMatch(m);
  expect(run.stderr).not.toMatch(/at .*\.ts:\d+|Error:/);
  expect(await counts()).toEqual(before);
  return run;
}

describe('usage errors (exit 2)', () => {
  it.each([
    [['bogus'], /Perintah "bogus" tidak dikenal/],
    [['workspace', 'delete'], /perintah workspace "delete" tidak dikenal/],
    [['scores', 'export'], /perintah scores "export" tidak dikenal/],
    [['frameworks'], /perintah frameworks "" tidak dikenal/],
    [['members', 'purge'], /perintah members "purge" tidak dikenal/],
    [['members', 'remove', '--workspace', 'kaltim'], /opsi wajib tidak ada: --user/],
    [['invites', 'show'], /perintah invites "show" tidak dikenal/],
    [['index', '--workspace', 'kaltim', '--format', 'pdf'], /opsi --format tidak dikenal/],
    [['index', '--workspace'], /opsi --workspace perlu nilai/],
    [['index', 'kaltim'], /argumen "kaltim" tidak dikenal/],
    [['index'], /opsi wajib tidak ada: --workspace/],
    [['workspace', 'create', '--slug', 'x'], /opsi wajib tidak ada: --name, --tz/],
    [['scores', 'import', '--workspace', 'kaltim'], /opsi wajib tidak ada: --file/],
  ])('%j', async (argv, message) => {
    const run = await expectRefused(argv, 2, message);
    if (argv[0] !== 'bogus') expect(run.stderr).toContain('Pemakaian: npm run cli --');
  });

  it('prints the help without a command, with exit 2', async () => {
    const run = await cli(t.db, []);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('npm run cli -- workspace create');
  });
});

describe('workspace create refusals (exit 1)', () => {
  const base = ['workspace', 'create', '--slug', 'baru', '--name', 'Kab. Baru', '--tz', 'WIB', '--year', '2024'];
  const withOpt = (name: string, value: string) => {
    const argv = [...base];
    const at = argv.indexOf(name);
    if (at >= 0) argv[at + 1] = value;
    else argv.push(name, value);
    return argv;
  };
  it.each([
    ['--slug', 'Kal Tim!', /slug "Kal Tim!" tidak sah/],
    ['--tz', 'GMT+8', /zona waktu "GMT\+8" tidak dikenal/],
    ['--year', '24', /tahun "24" tidak sah/],
    ['--year', '1999', /tahun "1999" tidak sah/],
    ['--target', '5,5', /target "5,5" tidak sah/],
    ['--target', 'tinggi', /target "tinggi" tidak sah/],
    ['--admin', '12x', /id Telegram admin "12x" tidak sah/],
    ['--admin', '0', /id Telegram admin "0" tidak sah/],
    ['--framework', 'spbe-2018', /kerangka "spbe-2018" tidak dikenal; pilihan: spbe-2020, pemdi-2026/],
    ['--year', '2019', /tidak ada kerangka evaluasi yang berlaku untuk tahun 2019/],
    ['--slug', 'kaltim', /Workspace "kaltim" sudah ada/],
    ['--name', 'x'.repeat(101), /paling banyak 100 karakter/],
    ['--name', '   ', /nama instansi tidak boleh kosong/],
  ])('%s %s', async (opt, value, message) => {
    await expectRefused(withOpt(opt, value), 1, message);
  });
});

describe('scores import refusals (exit 1, nothing written)', () => {
  const importArgs = (path: string, ...extra: string[]) => ['scores', 'import', '--workspace', 'kaltim', '--file', path, ...extra];

  it('reports every bad row with its row number and applies none of the good ones', async () => {
    const path = file('bad.csv', 'indikator,tingkat\n1,3\n48,2\n2,0\n3,6\n1,4\nabc,3\n4,3,5\n');
    const run = await expectRefused(importArgs(path), 1,
      'Impor dibatalkan, tidak ada yang disimpan',
      'Baris 3: indikator "48" tidak dikenal',
      'Baris 4: Tingkat "0" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5',
      'Baris 5: Tingkat "6" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5',
      'Baris 6: indikator 1 sudah ada di baris 2',
      'Baris 7: indikator "abc" tidak dikenal');
    expect(run.stderr).not.toContain('Baris 2:');
  });

  it.each([
    ['a header without tingkat', 'levels.csv', 'indikator,nilai_akhir\n1,3\n', /kolom tingkat tidak ditemukan/],
    ['an empty file', 'empty.csv', 'indikator,tingkat\n', /tidak berisi baris nilai/],
    ['an unsupported file type', 'nilai.pdf', '%PDF-1.4', /Jenis berkas "nilai.pdf" tidak didukung/],
    ['a corrupt xlsx', 'rusak.xlsx', 'not a zip', /XLSX tidak dapat dibuka/],
  ])('%s', async (_what, name, text, message) => {
    await expectRefused(importArgs(file(name, text)), 1, message);
  });

  it('a file that does not exist', async () => {
    await expectRefused(importArgs(join(t.dir, 'tidak-ada.csv')), 1, /berkas ".*tidak-ada.csv" tidak dapat dibaca/);
  });
  it('an unknown stage', async () => {
    await expectRefused(importArgs(file('ok.csv', 'indikator,tingkat\n1,3\n'), '--stage', 'akhirnya'), 1,
      /tahap "akhirnya" tidak dikenal; pilihan: mandiri, dokumen, interviu, visitasi, final/);
  });
  it('a year without an evaluation', async () => {
    await expectRefused(importArgs(file('ok.csv', 'indikator,tingkat\n1,3\n'), '--year', '2022'), 1, /Tidak ada evaluasi tahun 2022/);
  });
  it('an unknown workspace', async () => {
    await expectRefused(['scores', 'import', '--workspace', 'nowhere', '--file', 'x.csv'], 1, /workspace "nowhere" tidak ditemukan/);
  });
  it('a dry run of a good file changes nothing and says so', async () => {
    const before = await counts();
    const run = await cli(t.db, importArgs(file('good.csv', 'indikator;tingkat;catatan\n012;4;"ada SK, sudah ditandatangani"\n'), '--dry-run'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('tidak ada yang disimpan');
    expect(run.stdout).toContain('1 baru, 0 berubah, 0 sama');
    expect(await counts()).toEqual(before);
  });
});

describe('index and members refusals', () => {
  it.each([
    [['index', '--workspace', 'nowhere'], /workspace "nowhere" tidak ditemukan/],
    [['index', '--workspace', 'kaltim', '--stage', 'tahap9'], /tahap "tahap9" tidak dikenal/],
    [['index', '--workspace', 'kaltim', '--year', '2020'], /Tidak ada evaluasi tahun 2020/],
    [['members', 'list', '--workspace', 'nowhere'], /workspace "nowhere" tidak ditemukan/],
  ])('%j', async (argv, message) => {
    await expectRefused(argv, 1, message);
  });

  it('index of an evaluation without levels lists every missing indicator instead of a number', async () => {
    const run = await cli(t.db, ['index', '--workspace', 'kaltim', '--json']);
    const json = JSON.parse(run.stdout);
    expect(json.index).toBeNull();
    expect(json.predicate).toBeNull();
    expect(json.missing).toHaveLength(47);
    const text = await cli(t.db, ['index', '--workspace', 'kaltim']);
    expect(text.stdout).toContain('Indeks belum dapat dihitung: 47 dari 47 indikator belum bernilai.');
  });
});

describe('frameworks load refusals', () => {
  it('refuses a broken framework file, naming what is wrong, and loads nothing', async () => {
    const broken = JSON.parse(JSON.stringify(await import('../../prisma/data/frameworks/spbe-2020.json', { with: { type: 'json' } }).then((m) => m.default)));
    broken.code = 'spbe-rusak';
    broken.indicators[11].aspect = 9;
    broken.indicators[0].weight = 1.31;
    const run = await expectRefused(['frameworks', 'load', '--file', file('rusak.json', JSON.stringify(broken))], 1,
      'Berkas kerangka ditolak', /indikator 12: aspek 9 tidak ada/);
    expect(run.stderr).toContain('rusak.json');
    expect(await t.db.framework.findUnique({ where: { code: 'spbe-rusak' } })).toBeNull();
  });
  it('refuses a file that is not JSON', async () => {
    await expectRefused(['frameworks', 'load', '--file', file('bukan.json', '{ "code": ')], 1, /bukan\.json: bukan JSON yang sah/);
  });
});
