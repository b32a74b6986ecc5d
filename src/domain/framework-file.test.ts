import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseFrameworkFile } from './framework-file.ts';
import type { FrameworkDef } from './framework-types.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely

function readJson(name: string): Json {
  const url = new URL(`../../prisma/data/frameworks/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

const spbeFile = readJson('spbe-2020.json');
const pemdiFile = readJson('pemdi-2026.json');

function parseOk(raw: unknown): FrameworkDef {
  const result = parseFrameworkFile(raw);
  if (!result.ok) throw new Error(`expected ok, got:\n${result.errors.join('\n')}`);
  return result.framework;
}

/** Deep-copies the shipped file, breaks it with `mutate`, and returns the errors (asserting it was refused). */
function refused(mutate: (file: Json) => void, base: Json = spbeFile): string[] {
  const file = structuredClone(base);
  mutate(file);
  const result = parseFrameworkFile(file);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

const indicator = (file: Json, no: number): Json => file.indicators.find((i: Json) => i.no === no);
const predicate = (file: Json, name: string): Json => file.predicates.find((p: Json) => p.name === name);

describe('shipped framework files', () => {
  it('SPBE 2020 has 4 domains, 8 aspects, 47 indicators with exact weights', () => {
    const f = parseOk(spbeFile);
    expect(f.code).toBe('spbe-2020');
    expect(f.provisional).toBe(false);
    expect([f.validFrom, f.validTo]).toEqual([2021, 2025]);
    expect([f.domains.length, f.aspects.length, f.indicators.length]).toEqual([4, 8, 47]);

    const weightOf = (no: number) => f.indicators.find((i) => i.no === no)?.weight;
    const expected = (no: number) => (no <= 10 ? 130 : no <= 20 ? 250 : no <= 31 ? 150 : no <= 41 ? 275 : 300);
    for (let no = 1; no <= 47; no++) expect(weightOf(no), `indikator ${no}`).toBe(expected(no));
    expect(130 * 10 + 250 * 10 + 150 * 11 + 275 * 10 + 300 * 6).toBe(10_000);
    expect(f.indicators.reduce((sum, i) => sum + i.weight, 0)).toBe(10_000);

    expect(f.domains.map((d) => d.weight)).toEqual([1300, 2500, 1650, 4550]);
    expect(f.aspects.map((a) => a.weight)).toEqual([1300, 1000, 1000, 500, 1200, 450, 2750, 1800]);
    expect(f.aspects.map((a) => a.domainNo)).toEqual([1, 2, 2, 2, 3, 3, 4, 4]);
  });

  it('SPBE 2020 scales, evidence and predicates', () => {
    const f = parseOk(spbeFile);
    const i42 = f.indicators.find((i) => i.no === 42);
    expect(i42).toMatchObject({ weight: 300, scale: 'layanan', aspectNo: 8, externalIndex: null, criteria: [] });
    expect(f.valueDecimals).toBe(0);
    expect(i42?.name).toBe('Tingkat Kematangan Layanan Pengaduan Pelayanan Publik');
    expect(f.indicators.filter((i) => i.scale === 'proses').map((i) => i.no)).toEqual(range(1, 31));
    expect(f.indicators.filter((i) => i.scale === 'layanan').map((i) => i.no)).toEqual(range(32, 47));
    expect(f.indicators.every((i) => typeof i.evidenceExample === 'string' && i.evidenceExample.length > 0)).toBe(true);
    expect(f.indicators.find((i) => i.no === 29)?.evidenceExample).toContain('2 (dua) tahun terakhir');
    expect(f.levelScales).toEqual([
      { code: 'proses', names: ['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum'] },
      { code: 'layanan', names: ['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimum'] },
    ]);
    // Tabel 13: the lower bound is inclusive ("3,5 – < 4,2").
    const band = (name: string, min: number, max: number, maxInclusive = false) => ({ name, alias: null, min, minInclusive: true, max, maxInclusive });
    expect(f.predicates).toEqual([
      band('Kurang', 10_000, 18_000), band('Cukup', 18_000, 26_000), band('Baik', 26_000, 35_000),
      band('Sangat Baik', 35_000, 42_000), band('Memuaskan', 42_000, 50_000, true),
    ]);
  });

  it('Pemdi 2026 is read from the regulation: 7 aspects and 20 indicators without domains, decimal values', () => {
    const f = parseOk(pemdiFile);
    expect(f).toMatchObject({ code: 'pemdi-2026', regulation: 'PermenPANRB No. 8 Tahun 2026', provisional: false, valueDecimals: 2 });
    expect([f.validFrom, f.validTo]).toEqual([2026, null]);
    expect(f.domains).toEqual([]);
    expect(f.aspects.map((a) => a.weight)).toEqual([1000, 1000, 1500, 1500, 1000, 1500, 2500]);
    expect(f.aspects.every((a) => a.domainNo === null)).toBe(true);
    expect(f.indicators).toHaveLength(20);
    expect(f.indicators.map((i) => i.weight)).toEqual([
      500, 500, 500, 500, 500, 300, 300, 400, 400, 400, 300, 400, 500, 500, 400, 400, 400, 300, 1000, 1500,
    ]);
    expect(f.indicators.every((i) => i.scale === 'pemdi' && i.criteria.length === 5)).toBe(true);
    expect(f.levelScales).toEqual([{ code: 'pemdi', names: ['Merintis', 'Membangun', 'Berkembang', 'Melembaga', 'Unggul'] }]);
    expect(Object.fromEntries(f.indicators.filter((i) => i.externalIndex).map((i) => [i.no, i.externalIndex!.agency]))).toEqual({
      5: 'Bappenas', 6: 'BIG', 7: 'BPS', 10: 'BSSN', 11: 'BSSN', 12: 'BSSN',
    });
    expect(f.indicators[4]!.externalIndex).toEqual({
      code: 'SDI', name: 'Indeks Satu Data Indonesia', agency: 'Bappenas', min: 0, max: 10_000,
      thresholds: [1_250, 3_750, 6_250, 7_500], thresholdRule: 'lower-inclusive', derive: 'level',
    });
    // Upper-inclusive (1,50 is Kurang), as the 2026 assessors read Tabel 4.
    expect(f.predicates).toEqual([
      { name: 'Kurang', alias: 'Merintis', min: 10_000, minInclusive: true, max: 15_000, maxInclusive: true },
      { name: 'Cukup', alias: 'Membangun', min: 15_000, minInclusive: false, max: 25_000, maxInclusive: true },
      { name: 'Baik', alias: 'Berkembang', min: 25_000, minInclusive: false, max: 35_000, maxInclusive: true },
      { name: 'Sangat Baik', alias: 'Melembaga', min: 35_000, minInclusive: false, max: 40_000, maxInclusive: true },
      { name: 'Memuaskan', alias: 'Unggul', min: 40_000, minInclusive: false, max: 50_000, maxInclusive: true },
    ]);
  });

  it('labels errors with the file name', () => {
    const result = parseFrameworkFile({ ...structuredClone(spbeFile), code: 'SPBE 2020' }, 'spbe-2020.json');
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^spbe-2020\.json: kode "SPBE 2020" tidak valid/)] });
  });

  it('sorts items by number and predicates by min whatever the file order', () => {
    const file = structuredClone(spbeFile);
    file.indicators.reverse();
    file.aspects.reverse();
    file.predicates.reverse();
    const f = parseOk(file);
    expect(f.indicators.map((i) => i.no)).toEqual(range(1, 47));
    expect(f.aspects.map((a) => a.no)).toEqual(range(1, 8));
    expect(f.predicates.map((p) => p.name)).toEqual(['Kurang', 'Cukup', 'Baik', 'Sangat Baik', 'Memuaskan']);
  });
});

describe('refusals', () => {
  it('never throws on input that is not a framework', () => {
    for (const raw of [null, undefined, 'x', 42, [], {}]) {
      const result = parseFrameworkFile(raw);
      expect(result.ok).toBe(false);
    }
    expect(parseFrameworkFile({})).toMatchObject({ ok: false, errors: expect.arrayContaining(['kolom code: wajib diisi']) });
  });

  it('structural errors name the item and the field', () => {
    const errors = refused((f) => {
      indicator(f, 12).weight = '2,5';
      indicator(f, 13).no = 13.5;
      indicator(f, 14).evidenceExampel = 'typo';
      delete f.source;
    });
    expect(errors).toContain('indikator 12, kolom weight: harus berupa angka, tertulis "2,5"');
    expect(errors).toContainEqual(expect.stringMatching(/^indikator 13\.5, kolom no: harus berupa bilangan bulat/));
    expect(errors).toContain('indikator 14: kunci tidak dikenal: "evidenceExampel"');
    expect(errors).toContain('kolom source: wajib diisi');
  });

  it('duplicate indicator number', () => {
    expect(refused((f) => (indicator(f, 12).no = 11))).toContain('nomor indikator 11 dipakai lebih dari sekali');
  });

  it('duplicate aspect and domain numbers', () => {
    const errors = refused((f) => {
      f.aspects[1].no = 1;
      f.domains[1].no = 1;
    });
    expect(errors).toContain('nomor aspek 1 dipakai lebih dari sekali');
    expect(errors).toContain('nomor domain 1 dipakai lebih dari sekali');
  });

  it('indicator naming an aspect that does not exist', () => {
    expect(refused((f) => (indicator(f, 12).aspect = 9))).toContain('indikator 12: aspek 9 tidak ada');
  });

  it('aspect naming a domain that does not exist, or none', () => {
    expect(refused((f) => (f.aspects[2].domain = 7))).toContain('aspek 3: domain 7 tidak ada');
    expect(refused((f) => delete f.aspects[2].domain)).toContain(
      'aspek 3: domain wajib diisi karena kerangka ini memakai domain',
    );
    expect(refused((f) => (f.aspects[2].domain = 1), pemdiFile)).toContain(
      'aspek 3: domain 1 tidak ada (kerangka ini tanpa domain)',
    );
  });

  it('domain without aspects and aspect without indicators', () => {
    const errors = refused((f) => {
      f.domains.push({ no: 5, name: 'Domain Kosong', weight: 1 });
      f.aspects.push({ no: 9, name: 'Aspek Kosong', domain: 4, weight: 1 });
    });
    expect(errors).toContain('domain 5 tidak memiliki aspek');
    expect(errors).toContain('aspek 9 tidak memiliki indikator');
  });

  it('indicator weights summing to 99,99%', () => {
    const errors = refused((f) => (indicator(f, 1).weight = 1.29));
    expect(errors).toContain('jumlah bobot seluruh indikator 99,99%, seharusnya 100%');
    expect(errors).toContain('bobot indikator aspek 1 berjumlah 12,99%, seharusnya 13%');
  });

  it('indicator weights not matching their aspect', () => {
    const errors = refused((f) => (indicator(f, 15).weight = 2));
    expect(errors).toContain('bobot indikator aspek 3 berjumlah 9,50%, seharusnya 10%');
  });

  it('aspect weights not matching their domain, domain weights not summing to 100%', () => {
    const errors = refused((f) => {
      f.aspects[5].weight = 4; // aspek 6 belongs to domain 3 (16,5)
      f.domains[3].weight = 45;
    });
    expect(errors).toContain('bobot aspek domain 3 berjumlah 16%, seharusnya 16,50%');
    expect(errors).toContain('jumlah bobot domain 99,50%, seharusnya 100%');
  });

  it('weight with 3 decimals, zero or negative', () => {
    const errors = refused((f) => {
      indicator(f, 5).weight = 1.305;
      indicator(f, 6).weight = 0;
      f.domains[0].weight = -13;
    });
    expect(errors).toContain('indikator 5: bobot 1,305 tidak valid, paling banyak 2 desimal');
    expect(errors).toContain('indikator 6: bobot harus lebih dari 0, tertulis 0');
    expect(errors).toContain('domain 1: bobot harus lebih dari 0, tertulis -13');
    // an invalid weight is reported once, not again in every sum it belongs to
    expect(errors.filter((e) => e.includes('berjumlah') || e.includes('jumlah bobot'))).toEqual([]);
  });

  it('level scale with a missing or empty level name', () => {
    expect(refused((f) => f.levelScales[1].names.pop())).toContain(
      'skala "layanan": harus tepat 5 nama tingkat (tingkat 1 sampai 5), ada 4',
    );
    expect(refused((f) => (f.levelScales[0].names[2] = ' '))).toContain('skala "proses": nama tingkat 3 kosong');
  });

  it('a broken scale is reported once, not again for every indicator using it', () => {
    const errors = refused((f) => f.levelScales[0].names.pop());
    expect(errors).toEqual(['skala "proses": harus tepat 5 nama tingkat (tingkat 1 sampai 5), ada 4']);
  });

  it('duplicate scale code and indicator naming an unknown scale', () => {
    expect(refused((f) => (f.levelScales[1].code = 'proses'))).toContain('kode skala "proses" dipakai lebih dari sekali');
    expect(refused((f) => (indicator(f, 40).scale = 'layan'))).toContain('indikator 40: skala "layan" tidak ada');
  });

  it('predicate gap', () => {
    expect(refused((f) => (predicate(f, 'Baik').min = 2.7))).toContain(
      'celah antara predikat "Cukup" (sampai < 2,6) dan "Baik" (mulai 2,7): nilai di antaranya tidak punya predikat',
    );
  });

  it('predicate overlap', () => {
    expect(refused((f) => (predicate(f, 'Cukup').maxExclusive = 2.8))).toContain(
      'predikat "Cukup" (sampai < 2,8) tumpang tindih dengan predikat "Baik" (mulai 2,6)',
    );
  });

  it('top predicate not reaching 5,0 inclusive', () => {
    expect(refused((f) => (predicate(f, 'Memuaskan').max = 4.9))).toContain(
      'predikat teratas "Memuaskan" harus berakhir tepat di 5,0 inklusif (max: 5), tertulis max 4,9',
    );
    expect(
      refused((f) => {
        delete predicate(f, 'Memuaskan').max;
        predicate(f, 'Memuaskan').maxExclusive = 5;
      }),
    ).toContainEqual(expect.stringMatching(/^predikat teratas "Memuaskan" .* tertulis maxExclusive 5,0$/));
  });

  it('lowest predicate starting above 1,0', () => {
    expect(refused((f) => (predicate(f, 'Kurang').min = 1.2), pemdiFile)).toContain(
      'predikat terendah "Kurang" baru mulai dari 1,2: nilai 1,0 sampai < 1,2 tidak punya predikat',
    );
  });

  it('predicate band with both, or neither, upper bound; inclusive bound below the top', () => {
    expect(refused((f) => (predicate(f, 'Baik').max = 3.5))).toContain(
      'predikat "Baik": isi salah satu dari max (inklusif) atau maxExclusive, bukan keduanya',
    );
    expect(refused((f) => delete predicate(f, 'Baik').maxExclusive)).toContain(
      'predikat "Baik": batas atas wajib diisi, max (inklusif) atau maxExclusive',
    );
    expect(
      refused((f) => {
        delete predicate(f, 'Baik').maxExclusive;
        predicate(f, 'Baik').max = 3.5;
      }),
    ).toContain('nilai 3,5 masuk ke predikat "Baik" dan "Sangat Baik" sekaligus: salah satu batas harus eksklusif');
  });

  it('a cut point both bands exclude, and both lower bounds at once', () => {
    expect(refused((f) => {
      delete predicate(f, 'Sangat Baik').min;
      predicate(f, 'Sangat Baik').minExclusive = 3.5;
    })).toContain('nilai 3,5 tidak masuk predikat mana pun: "Baik" berakhir sebelum 3,5 dan "Sangat Baik" mulai sesudahnya');
    expect(refused((f) => (predicate(f, 'Baik').minExclusive = 2.6))).toContain(
      'predikat "Baik": isi salah satu dari min (inklusif) atau minExclusive, bukan keduanya',
    );
  });

  it('a decimal-valued framework needs whole-percent weights, five bands and five criteria each', () => {
    expect(refused((f) => {
      indicator(f, 1).weight = 4.5;
      indicator(f, 2).weight = 5.5;
    }, pemdiFile)).toContain('indikator 1: bobot 4,5 harus bilangan bulat persen karena nilai indikator berdesimal');
    expect(refused((f) => indicator(f, 3).criteria.pop(), pemdiFile)).toContain('indikator 3: criteria harus tepat 5 (tingkat 1 sampai 5), ada 4');
  });

  it('an external index with cut points outside its scale or half a rule', () => {
    expect(refused((f) => (indicator(f, 5).externalIndex.thresholds = [12.5, 37.5, 62.5, 120]), pemdiFile)).toContain(
      'indikator 5: externalIndex.thresholds harus naik dan berada di antara min dan max',
    );
    expect(refused((f) => (indicator(f, 5).externalIndex.derive = null), pemdiFile)).toContain(
      'indikator 5: externalIndex tanpa thresholds juga tanpa thresholdRule dan derive (hanya rujukan), dan sebaliknya',
    );
  });

  it('predicate bound with more than 4 decimals, empty band, second open-ended band, duplicate name', () => {
    expect(refused((f) => (predicate(f, 'Baik').min = 2.60001))).toContain(
      'predikat "Baik": min 2,60001 tidak valid, paling banyak 4 desimal',
    );
    expect(refused((f) => (predicate(f, 'Baik').min = 3.5))).toContain(
      'predikat "Baik": batas bawah 3,5 harus lebih kecil dari batas atas 3,5',
    );
    expect(refused((f) => (predicate(f, 'Cukup').min = null))).toContain(
      'predikat "Cukup": min kosong (dari bawah) hanya boleh untuk predikat terendah',
    );
    expect(refused((f) => (predicate(f, 'Cukup').name = 'Baik'))).toContain('nama predikat "Baik" dipakai lebih dari sekali');
  });

  it('code that is not a slug, validFrom after validTo', () => {
    const errors = refused((f) => {
      f.code = 'Spbe_2020';
      f.validFrom = 2026;
    });
    expect(errors).toContain(
      'kode "Spbe_2020" tidak valid: pakai huruf kecil, angka dan tanda hubung (contoh: spbe-2020)',
    );
    expect(errors).toContain('validFrom 2026 lebih besar dari validTo 2025');
  });

  it('collects every error, not just the first', () => {
    const errors = refused((f) => {
      indicator(f, 12).aspect = 9;
      indicator(f, 20).no = 19;
      predicate(f, 'Baik').min = 2.7;
      f.levelScales[0].names.pop();
    });
    expect(errors.length).toBeGreaterThanOrEqual(4);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
