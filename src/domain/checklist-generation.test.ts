import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedFramework } from '../../tests/support/frameworks.ts';
import type { OwnershipFileResult } from './checklist-generation.ts';
import { CRITERIA_NOTE, GENERIC_DESCRIPTION, generateChecklist, parseOwnershipFile, SHORT_NAME_MAX, shortIndicatorName } from './checklist-generation.ts';

const SPBE = shippedFramework('spbe-2020');
const PEMDI = shippedFramework('pemdi-2026');
const DEMO_OPDS = new Set(['diskominfo', 'bappeda', 'bpkad', 'bkd', 'inspektorat', 'dpmptsp', 'biro-hukum', 'biro-organisasi', 'dinkes', 'rsud']);
const readJson = (code: string): unknown => JSON.parse(readFileSync(new URL(`../../prisma/data/ownership/${code}.json`, import.meta.url), 'utf8'));
const shippedMap = readJson('spbe-2020');

function ownersOf(result: OwnershipFileResult): Map<number, string[]> {
  if (!result.ok) throw new Error(`expected a map, got ${result.errors.join('\n')}`);
  return result.owners;
}

function errorsOf(result: OwnershipFileResult): string[] {
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

describe('the shipped SPBE ownership map', () => {
  it('names an owner from the demo OPDs for each of the 47 indicators', () => {
    const owners = ownersOf(parseOwnershipFile(shippedMap, SPBE));
    expect([...owners.keys()].sort((a, b) => a - b)).toEqual(SPBE.indicators.map((i) => i.no));
    for (const [no, codes] of owners) {
      expect(codes.length, `indikator ${no}`).toBeGreaterThan(0);
      for (const code of codes) expect(DEMO_OPDS.has(code), `${no}: ${code}`).toBe(true);
    }
    expect(owners.get(1)).toEqual(['diskominfo', 'biro-hukum']);
    expect(owners.get(13)).toEqual(['bappeda', 'bpkad']);
    expect(owners.get(36)).toEqual(['bkd']);
    expect(owners.get(39)).toEqual(['inspektorat']);
    expect(owners.get(44)).toEqual(['biro-hukum']);
    expect([45, 46, 47].map((no) => owners.get(no))).toEqual([['dpmptsp'], ['dinkes'], ['rsud']]);
  });
});

describe('generateChecklist', () => {
  const owners = ownersOf(parseOwnershipFile(shippedMap, SPBE));

  it('makes one item per indicator and owning OPD, with the evidence example as description', () => {
    const { items, unassigned } = generateChecklist(SPBE, owners, DEMO_OPDS, 'diskominfo');
    expect(unassigned).toEqual([]);
    expect(items).toHaveLength([...owners.values()].reduce((n, codes) => n + codes.length, 0));
    expect(items.filter((i) => i.indicatorNo === 13)).toEqual([
      expect.objectContaining({ opdCode: 'bappeda', title: 'Bukti dukung indikator 13: Keterpaduan Rencana dan Anggaran SPBE', stage: 'dokumen' }),
      expect.objectContaining({ opdCode: 'bpkad', title: 'Bukti dukung indikator 13: Keterpaduan Rencana dan Anggaran SPBE' }),
    ]);
    const twelve = items.find((i) => i.indicatorNo === 12)!;
    expect(twelve.title).toBe('Bukti dukung indikator 12: Peta Rencana SPBE');
    expect(twelve.description).toBe(SPBE.indicators[11]!.evidenceExample);
    expect(items.map((i) => i.indicatorNo)).toEqual([...items.map((i) => i.indicatorNo)].sort((a, b) => a - b));
  });

  it('sends an owner the workspace lacks to the fallback OPD, once per indicator', () => {
    const known = new Set(['diskominfo', 'bappeda']);
    const { items, unassigned } = generateChecklist(SPBE, owners, known, 'diskominfo');
    expect(unassigned).toEqual([]);
    expect(items.filter((i) => i.indicatorNo === 1).map((i) => i.opdCode)).toEqual(['diskominfo']);
    expect(items.filter((i) => i.indicatorNo === 13).map((i) => i.opdCode)).toEqual(['bappeda', 'diskominfo']);
    expect(items.filter((i) => i.indicatorNo === 44).map((i) => i.opdCode)).toEqual(['diskominfo']);
  });

  it('leaves an indicator unassigned when neither an owner nor the fallback is in the workspace', () => {
    const { items, unassigned } = generateChecklist(SPBE, owners, new Set(['bappeda']), 'diskominfo');
    expect(items.every((i) => i.opdCode === 'bappeda')).toBe(true);
    expect(items.map((i) => i.indicatorNo)).toEqual([11, 12, 13, 14, 32, 40]);
    expect(unassigned).toHaveLength(41);
    expect(generateChecklist(SPBE, owners, new Set(['bappeda']), null).unassigned).toEqual(unassigned);
  });

  it('gives an indicator the map does not name to the fallback, with a generic description when the framework has no example', () => {
    const bare = { ...SPBE, indicators: SPBE.indicators.map((i) => ({ ...i, evidenceExample: null })) };
    const { items, unassigned } = generateChecklist(bare, new Map(), new Set(['diskominfo']), 'diskominfo');
    expect(unassigned).toEqual([]);
    expect(items).toHaveLength(47);
    expect(items[0]).toEqual({
      indicatorNo: 1, opdCode: 'diskominfo', stage: 'dokumen', level: null,
      title: 'Bukti dukung indikator 1: Kebijakan Internal Arsitektur SPBE', description: GENERIC_DESCRIPTION,
    });
    expect(generateChecklist(PEMDI, new Map(), new Set(), 'diskominfo')).toEqual({
      items: [], owners: new Map(), unassigned: PEMDI.indicators.map((i) => i.no),
    });
  });

  it('makes one Pemdi item per indicator and level from the criteria, for the lead OPD, naming the others', () => {
    const pemdiOwners = ownersOf(parseOwnershipFile(readJson('pemdi-2026'), PEMDI));
    const { items, owners: resolved } = generateChecklist(PEMDI, pemdiOwners, DEMO_OPDS, 'diskominfo');
    expect(items).toHaveLength(100);
    const three = items.filter((i) => i.indicatorNo === 3);
    expect(three.map((i) => i.level)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(three.map((i) => i.opdCode)).size).toBe(1);
    expect(three[1]!.title).toBe('Indikator 3 tingkat 2 (Membangun): Sumber Daya Manusia Pemdi');
    expect(three[1]!.description).toContain(PEMDI.indicators[2]!.criteria[1]!);
    expect(three[1]!.description).toContain(CRITERIA_NOTE);
    const shared = [...resolved].find(([, codes]) => codes.length > 1)!;
    expect(items.find((i) => i.indicatorNo === shared[0])!.description).toContain(`Bersama OPD: ${shared[1].slice(1).join(', ')}.`);
  });
});

describe('shortIndicatorName', () => {
  it('drops the words every SPBE name shares', () => {
    expect(shortIndicatorName('Tingkat Kematangan Penggunaan Sistem Penghubung Layanan Instansi Pusat/Pemerintah Daerah'))
      .toBe('Penggunaan Sistem Penghubung Layanan');
    expect(shortIndicatorName('Tingkat Kematangan Layanan Kinerja Pegawai')).toBe('Layanan Kinerja Pegawai');
  });
  it(`cuts a long name at a word, within ${SHORT_NAME_MAX} characters`, () => {
    const short = shortIndicatorName(`Tingkat Kematangan ${'Layanan Publik Sektoral '.repeat(6)}`);
    expect(short.length).toBeLessThanOrEqual(SHORT_NAME_MAX);
    expect(short).toMatch(/^Layanan Publik Sektoral .*Sektoral…$/);
    for (const i of SPBE.indicators) expect(shortIndicatorName(i.name).length).toBeLessThanOrEqual(SHORT_NAME_MAX);
  });
});

describe('parseOwnershipFile refusals', () => {
  it('refuses what is not a map object', () => {
    expect(errorsOf(parseOwnershipFile([], SPBE))[0]).toContain('harus berupa objek JSON');
    expect(errorsOf(parseOwnershipFile({ framework: 'spbe-2020' }, SPBE))).toEqual([
      '"owners" harus berupa objek: nomor indikator → daftar kode OPD, mis. { "12": ["bappeda"] }.',
    ]);
  });

  it('lists every fault: framework, keys, unknown indicators, values that are not lists, bad or repeated codes', () => {
    const errors = errorsOf(parseOwnershipFile({
      framework: 'pemdi-2026',
      owner: {},
      owners: { 1: ['diskominfo'], 48: ['bappeda'], abc: ['bappeda'], 12: 'bappeda', 13: ['Bappeda', 7], 14: ['bkd', 'bkd'], '01': ['bkd'] },
    }, SPBE));
    expect(errors).toEqual([
      'kunci "owner" tidak dikenal (yang sah: framework, note, why, owners).',
      'kerangka "pemdi-2026" tidak cocok dengan kerangka evaluasi (spbe-2020).',
      'indikator 12: harus berupa daftar kode OPD, mis. ["bappeda"].',
      'indikator 13: kode OPD "Bappeda" tidak sah (huruf kecil, angka, tanda minus).',
      'indikator 13: kode OPD 7 tidak sah (huruf kecil, angka, tanda minus).',
      'indikator 14: OPD "bkd" disebut lebih dari sekali.',
      'indikator "48" tidak ada di kerangka spbe-2020 (nomor 1–47).',
      'indikator "abc" tidak ada di kerangka spbe-2020 (nomor 1–47).',
      'indikator 1 disebut lebih dari sekali.',
    ]);
  });

  it('accepts a partial map with a note and reasons, and an empty owner list', () => {
    const owners = ownersOf(parseOwnershipFile({ framework: 'spbe-2020', note: 'x', why: { '1': 'y' }, owners: { 1: [], 2: ['bappeda'] } }, SPBE));
    expect([...owners]).toEqual([[1, []], [2, ['bappeda']]]);
  });
});
