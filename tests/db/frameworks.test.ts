import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFrameworkById, findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { FRAMEWORKS_DIR, syncFrameworkFiles } from '../../src/db/framework-files.ts';
import { shippedFramework } from '../support/frameworks.ts';
import { computeIndex } from '../../src/domain/index-calculation.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
let dir: string;
beforeAll(() => {
  t = createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'spbe-bot-fw-'));
  cpSync(FRAMEWORKS_DIR, dir, { recursive: true });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const tableCounts = () => Promise.all([t.db.framework.count(), t.db.domain.count(), t.db.aspect.count(),
  t.db.indicator.count(), t.db.levelName.count(), t.db.predicateBand.count()]);

describe('loading framework files into the database', () => {
  it('loads both shipped frameworks as a consistent tree, and a reload changes nothing', async () => {
    expect(await tableCounts()).toEqual([2, 4, 15, 67, 15, 10]);
    const ids = await t.db.indicator.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    expect(await syncFrameworkFiles(t.db, dir)).toEqual({ 'spbe-2020': 'unchanged', 'pemdi-2026': 'unchanged' });
    expect(await tableCounts()).toEqual([2, 4, 15, 67, 15, 10]);
    expect(await t.db.indicator.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).toEqual(ids);
  });

  it('reads back exactly what the file says', async () => {
    const fw = (await findFrameworkById(t.db, (await findFrameworkIdByCode(t.db, 'spbe-2020'))!))!;
    expect(fw.def.domains.map((d) => d.weight)).toEqual([1300, 2500, 1650, 4550]);
    expect(fw.def.indicators.find((i) => i.no === 42)).toMatchObject({ weight: 300, scale: 'layanan', aspectNo: 8 });
    expect(fw.def.levelScales.find((s) => s.code === 'proses')!.names[3]).toBe('Terpadu dan Terukur');
    expect(fw.def.predicates.map((p) => [p.name, p.min])).toEqual([
      ['Kurang', 10_000], ['Cukup', 18_000], ['Baik', 26_000], ['Sangat Baik', 35_000], ['Memuaskan', 42_000]]);
    const all3 = new Map(fw.def.indicators.map((i) => [i.no, 300]));
    expect(computeIndex(fw.def, all3).totalUnits).toBe(30_000);
  });

  it('keeps everything the Pemdi file says: decimals, criteria, agencies, external indices, band inclusivity, citation', async () => {
    const fw = (await findFrameworkById(t.db, (await findFrameworkIdByCode(t.db, 'pemdi-2026'))!))!;
    expect(fw.def).toEqual(shippedFramework('pemdi-2026'));
    expect(fw.def.predicates[1]).toMatchObject({ name: 'Cukup', alias: 'Membangun', minInclusive: false, maxInclusive: true });
  });

  it('updates a changed file in place, keeping indicator ids (and so every score) intact', async () => {
    const path = join(dir, 'pemdi-2026.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const before = await t.db.indicator.findFirst({ where: { framework: { code: 'pemdi-2026' }, no: 20 } });
    file.indicators.find((i: { no: number }) => i.no === 20).name = 'Pengelolaan Kepuasan Pengguna (revisi)';
    writeFileSync(path, JSON.stringify(file));
    expect((await syncFrameworkFiles(t.db, dir))['pemdi-2026']).toBe('updated');
    const after = await t.db.indicator.findFirst({ where: { framework: { code: 'pemdi-2026' }, no: 20 } });
    expect(after).toMatchObject({ id: before!.id, name: 'Pengelolaan Kepuasan Pengguna (revisi)' });
  });

  it('refuses a directory with a broken file and writes nothing of any file', async () => {
    const broken = JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'spbe-2020.json'), 'utf8'));
    broken.code = 'spbe-2099';
    broken.predicates.find((p: { name: string }) => p.name === 'Baik').min = 2.7;
    writeFileSync(join(dir, 'spbe-2099.json'), JSON.stringify(broken));
    const counts = await tableCounts();
    await expect(syncFrameworkFiles(t.db, dir)).rejects.toThrow(/spbe-2099\.json: celah antara predikat "Cukup".*"Baik"/s);
    expect(await tableCounts()).toEqual(counts);
    rmSync(join(dir, 'spbe-2099.json'));
  });

  it('refuses two files with the same framework code', async () => {
    cpSync(join(dir, 'spbe-2020.json'), join(dir, 'spbe-copy.json'));
    await expect(syncFrameworkFiles(t.db, dir)).rejects.toThrow(/kode kerangka "spbe-2020" dipakai oleh lebih dari satu berkas/);
    rmSync(join(dir, 'spbe-copy.json'));
  });
});
