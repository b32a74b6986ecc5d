// `holidays list` shows what the bot treats as days off; `holidays check` refuses a broken file
// with the file and the fault named, before the bot meets it.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLIDAYS_DIR } from '../../src/db/holidays.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.close());

function copyOfShippedFolder(name: string): string {
  const dir = join(t.dir, name);
  cpSync(HOLIDAYS_DIR, dir, { recursive: true });
  return dir;
}

describe('holidays list', () => {
  it('lists one year with the Indonesian day name, the date, the name and the kind', async () => {
    const run = await cli(t.db, ['holidays', 'list', '--year', '2026']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Hari libur 2026 (17 libur nasional, 8 cuti bersama)');
    expect(lines[1]).toMatch(/^Sumber: SKB .* No\. 1497 Tahun 2025/);
    expect(lines[2]).toMatch(/^Hari +Tanggal +Nama +Jenis$/);
    expect(lines.slice(4)).toHaveLength(25);
    expect(lines[4]).toMatch(/^Kamis +2026-01-01 +Tahun Baru 2026 Masehi +libur nasional$/);
    expect(run.stdout).toMatch(/\nSenin +2026-08-17 +Proklamasi Kemerdekaan +libur nasional\n/);
    expect(run.stdout).toMatch(/\nKamis +2026-12-24 +Cuti Bersama Kelahiran Yesus Kristus +cuti bersama\n/);
    expect(run.stdout).not.toContain('2025-');
  });

  it('lists every year without --year, the provisional one saying so', async () => {
    const run = await cli(t.db, ['holidays', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^Hari libur \d{4} /gm)).toEqual(['Hari libur 2025 ', 'Hari libur 2026 ', 'Hari libur 2027 ']);
    expect(run.stdout).toContain('Hari libur 2025 (17 libur nasional, 11 cuti bersama)');
    expect(run.stdout).toMatch(/\nSenin +2025-08-18 +Cuti Bersama Proklamasi Kemerdekaan \(HUT ke-80 RI\) +cuti bersama\n/);
    expect(run.stdout).toMatch(/Hari libur 2027 \(8 libur nasional, 0 cuti bersama\)\nSumber: SEMENTARA/);
  });

  it('refuses a year without data, naming the years there are', async () => {
    const run = await cli(t.db, ['holidays', 'list', '--year', '2030']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'Galat: tidak ada data hari libur tahun 2030 (tersedia: 2025, 2026, 2027).' });
  });

  it('refuses a year that is not a year', async () => {
    const run = await cli(t.db, ['holidays', 'list', '--year', '26']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('tahun "26" tidak sah');
  });
});

describe('holidays check', () => {
  it('accepts the shipped files, with their counts', async () => {
    const run = await cli(t.db, ['holidays', 'check']);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '2025.json: 17 libur nasional, 11 cuti bersama',
        '2026.json: 17 libur nasional, 8 cuti bersama',
        '2027.json: 8 libur nasional, 0 cuti bersama',
        'Semua berkas hari libur sah (3).',
      ].join('\n'),
    });
  });

  it('resolves --dir against the working folder', async () => {
    const run = await cli(t.db, ['holidays', 'check', '--dir', 'prisma/data/holidays']);
    expect(run.code).toBe(0);
  });

  it('fails with exit 1 and every fault when a file is broken', async () => {
    const dir = copyOfShippedFolder('broken');
    const path = join(dir, '2026.json');
    writeFileSync(path, readFileSync(path, 'utf8')
      .replace('"2026-08-25", "name": "Maulid Nabi Muhammad S.A.W.", "kind": "libur"', '"2026-08-25", "name": "Maulid Nabi Muhammad S.A.W.", "kind": "libur nasional"'));
    writeFileSync(join(dir, '2027.json'), '{ "year": 2027, ');
    const run = await cli(t.db, ['holidays', 'check', '--dir', dir]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr.split('\n')).toEqual([
      'Galat: Berkas hari libur ditolak:',
      '- 2026.json: hari libur ke-23 ("2026-08-25"), kolom kind: harus "libur" atau "cuti-bersama", tertulis "libur nasional"',
      expect.stringMatching(/^- 2027\.json: bukan JSON yang sah \(.+\)$/),
    ]);
    expect((await cli(t.db, ['holidays', 'list', '--dir', dir])).code).toBe(1);

    writeFileSync(path, readFileSync(join(HOLIDAYS_DIR, '2026.json'), 'utf8').replace('"2026-12-25"', '"2026-12-24"'));
    writeFileSync(join(dir, '2027.json'), readFileSync(join(HOLIDAYS_DIR, '2027.json')));
    const again = await cli(t.db, ['holidays', 'check', '--dir', dir]);
    expect(again.stderr).toBe('Galat: Berkas hari libur ditolak:\n- 2026.json: hari libur ke-25 ("2026-12-24"): tanggal ini sudah tercantum');
  });

  it('fails when the folder holds no year file at all', async () => {
    const dir = join(t.dir, 'empty');
    mkdirSync(dir);
    const run = await cli(t.db, ['holidays', 'check', '--dir', dir]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `Galat: tidak ada berkas <tahun>.json di ${dir}.` });
  });

  it('answers an unknown subcommand with the usage (exit 2)', async () => {
    const run = await cli(t.db, ['holidays', 'add']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('perintah holidays "add" tidak dikenal\nPemakaian: npm run cli -- holidays list');
  });
});
