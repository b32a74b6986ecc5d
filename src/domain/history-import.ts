// Past official yearly results (the trend over years), checked before anything is written: one
// entry typed at the command line or a table of them (header `tahun,indeks[,predikat,kerangka,
// sumber,domain_1..domain_4]`). Every fault is an Indonesian sentence naming the row and column
// (or the option), and a table with any bad row is refused whole.
import { formatDecimal, parseDecimal } from './decimal.ts';
import type { FrameworkDef, IndexUnits, PredicateBand } from './framework-types.ts';
import { INDEX_SCALE } from './framework-types.ts';
import { predicateOf } from './index-calculation.ts';
import { roundHalfUp } from './numbers.ts';
import { bandsOfYear } from './report.ts';
import type { Table } from './score-import.ts';

export interface PastResultInput {
  year: number;
  indexUnits: IndexUnits;
  /** as published (the framework's own spelling); null = not given, the report derives it */
  predicate: string | null;
  /** as given; null = the framework in force that year */
  frameworkCode: string | null;
  source: string | null;
  domains: { no: number; units: IndexUnits }[];
}

export interface HistoryRow extends PastResultInput {
  rowNo: number;
}

/** The text of one entry, as typed or read from a table row; empty text = not given. */
export interface PastResultFields {
  year: string;
  index: string;
  predicate: string;
  framework: string;
  source: string;
  /** domain number → text */
  domains: ReadonlyMap<number, string>;
}

export type HistoryField = 'tahun' | 'indeks' | 'predikat' | 'kerangka' | 'sumber' | `domain_${number}`;

/** Names where a value came from: "Baris 3, kolom indeks" or "opsi --index". */
export type Place = (field: HistoryField) => string;

export interface PastResultCheck {
  result: PastResultInput | null;
  errors: string[];
  /** accepted, but worth a look (saved anyway) */
  warnings: string[];
}

export type HistoryTableCheck =
  | { ok: true; rows: HistoryRow[]; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

export const YEAR_MIN = 2018;
export const YEAR_MAX = 2100;
const SOURCE_MAX = 300;
/** Official results are published with 2 decimals; units are × 10 000. */
const DECIMALS = 2;
const UNITS_PER_HUNDREDTH = 100;
const INDEX_MIN: IndexUnits = 1 * INDEX_SCALE;
const INDEX_MAX: IndexUnits = 5 * INDEX_SCALE;

const show2 = (units: IndexUnits) => formatDecimal(units, 4, DECIMALS);
const show1 = (units: IndexUnits) => formatDecimal(units, 4, 1);

function parseYear(text: string): number | null {
  // a spreadsheet number cell may arrive as "2023.0"
  const match = /^(\d{4})(?:[.,]0+)?$/.exec(text);
  const year = match ? Number(match[1]) : NaN;
  return year >= YEAR_MIN && year <= YEAR_MAX ? year : null;
}

/** An index value 1,00–5,00 with at most 2 decimals, in units; or the reason it is not one. */
function parseIndexValue(text: string, what: string): { units: IndexUnits } | { error: string } {
  const hundredths = parseDecimal(text, DECIMALS);
  if (hundredths === null) {
    if (parseDecimal(text, 12) !== null) {
      return { error: `${what} "${text}" memiliki lebih dari ${DECIMALS} desimal; hasil resmi diterbitkan dengan ${DECIMALS} desimal (mis. 2,91).` };
    }
    return { error: `${what} "${text}" bukan angka; tulis mis. 2,90 (koma atau titik sebagai desimal).` };
  }
  const units = hundredths * UNITS_PER_HUNDREDTH;
  if (units < INDEX_MIN || units > INDEX_MAX) return { error: `${what} "${text}" di luar rentang 1,00–5,00.` };
  return { units };
}

function describeBand(band: PredicateBand): string {
  return `${band.minInclusive ? '' : '> '}${show1(band.min)} – ${band.maxInclusive ? '' : '< '}${show1(band.max)}`;
}

/**
 * The predicates a published 2-decimal value allows. The predicate is classified on the
 * unrounded index (PermenPANRB 59/2020 Tabel 13): 3,50 printed may be 3,4975 and still "Baik",
 * so any value that rounds half-up to the published one counts.
 */
export function predicatesAllowedFor(bands: readonly PredicateBand[], publishedUnits: IndexUnits): string[] {
  const lowest = Math.max(INDEX_MIN, publishedUnits - UNITS_PER_HUNDREDTH / 2);
  const highest = Math.min(INDEX_MAX, publishedUnits + UNITS_PER_HUNDREDTH / 2 - 1);
  const names = [lowest, publishedUnits, highest].map((u) => predicateOf(bands, u)).filter((n): n is string => n !== null);
  return [...new Set(names)];
}

const normalName = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function isInForce(framework: FrameworkDef, year: number): boolean {
  return framework.validFrom <= year && (framework.validTo === null || year <= framework.validTo);
}

/** The framework whose bands and domains judge the entry, or an error about the kerangka given. */
function frameworkFor(fields: PastResultFields, year: number, frameworks: readonly FrameworkDef[], place: Place):
  { framework: FrameworkDef } | { error: string } {
  const fallback = bandsOfYear(frameworks, year);
  if (fields.framework === '') {
    return fallback ? { framework: fallback } : { error: `${place('tahun')}: belum ada kerangka penilaian yang dimuat untuk tahun ${year}.` };
  }
  const code = fields.framework.trim().toLowerCase();
  const named = frameworks.find((f) => f.code === code);
  if (!named) {
    return { error: `${place('kerangka')}: kerangka "${fields.framework}" tidak dikenal; pilihan: ${frameworks.map((f) => f.code).join(', ')}.` };
  }
  // Years before the earliest framework file (2018–2020, PermenPANRB 5/2018) may name the one the
  // report would use for them anyway.
  if (!isInForce(named, year) && named !== fallback) {
    const period = `${named.validFrom}–${named.validTo ?? 'sekarang'}`;
    return { error: `${place('kerangka')}: kerangka ${named.code} tidak berlaku untuk tahun ${year} (berlaku ${period})${fallback ? `; yang berlaku: ${fallback.code}` : ''}.` };
  }
  return { framework: named };
}

/** Checks one entry against the frameworks; a result only when there is no error. */
export function checkPastResult(fields: PastResultFields, frameworks: readonly FrameworkDef[], place: Place): PastResultCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const year = parseYear(fields.year);
  if (fields.year === '') errors.push(`${place('tahun')}: tahun wajib diisi (mis. 2023).`);
  else if (year === null) errors.push(`${place('tahun')}: tahun "${fields.year}" tidak sah; tulis tahun evaluasi ${YEAR_MIN}–${YEAR_MAX} (mis. 2023).`);

  let indexUnits: IndexUnits | null = null;
  if (fields.index === '') errors.push(`${place('indeks')}: indeks wajib diisi (mis. 2,90).`);
  else {
    const parsed = parseIndexValue(fields.index, 'indeks');
    if ('error' in parsed) errors.push(`${place('indeks')}: ${parsed.error}`);
    else indexUnits = parsed.units;
  }

  if (fields.source.length > SOURCE_MAX) errors.push(`${place('sumber')}: sumber lebih dari ${SOURCE_MAX} karakter.`);

  const domains: { no: number; units: IndexUnits }[] = [];
  for (const [no, text] of [...fields.domains].sort(([a], [b]) => a - b)) {
    if (text === '') continue;
    const parsed = parseIndexValue(text, `nilai domain ${no}`);
    if ('error' in parsed) errors.push(`${place(`domain_${no}`)}: ${parsed.error}`);
    else domains.push({ no, units: parsed.units });
  }

  const chosen = year === null ? null : frameworkFor(fields, year, frameworks, place);
  if (chosen && 'error' in chosen) errors.push(chosen.error);
  const framework = chosen && 'framework' in chosen ? chosen.framework : null;

  let predicate: string | null = null;
  if (framework) {
    for (const d of domains) {
      if (framework.domains.some((fd) => fd.no === d.no)) continue;
      errors.push(framework.domains.length === 0
        ? `${place(`domain_${d.no}`)}: kerangka ${framework.code} tidak memiliki domain; kosongkan nilai domain.`
        : `${place(`domain_${d.no}`)}: kerangka ${framework.code} hanya memiliki domain 1–${framework.domains.length}.`);
    }
    if (fields.predicate !== '') {
      const known = framework.predicates.find((b) => normalName(b.name) === normalName(fields.predicate));
      if (!known) {
        errors.push(`${place('predikat')}: predikat "${fields.predicate}" tidak dikenal dalam kerangka ${framework.code}; pilihan: ${framework.predicates.map((b) => b.name).join(', ')}.`);
      } else if (indexUnits !== null) {
        const allowed = predicatesAllowedFor(framework.predicates, indexUnits);
        const band = framework.predicates.find((b) => b.name === predicateOf(framework.predicates, indexUnits!));
        if (allowed.includes(known.name)) predicate = known.name;
        else {
          errors.push(`${place('predikat')}: predikat "${fields.predicate}" tidak cocok dengan indeks ${show2(indexUnits)}; ` +
            `menurut rentang kerangka ${framework.code} indeks itu berpredikat ${band ? `${band.name} (${describeBand(band)})` : allowed.join(' atau ')}.`);
        }
      }
    }
    const consistency = indexUnits === null ? null : domainMismatch(framework, year!, indexUnits, domains);
    if (consistency) warnings.push(`${place('indeks')}: ${consistency}`);
  }

  if (errors.length > 0 || year === null || indexUnits === null) return { result: null, errors, warnings };
  return {
    result: {
      year, indexUnits, predicate, domains,
      frameworkCode: fields.framework === '' ? null : framework!.code,
      source: fields.source === '' ? null : fields.source,
    },
    errors, warnings,
  };
}

/**
 * With every domain given, the index is their weighted mean (Σ domain × weight / 100). Each
 * published value is rounded to 2 decimals, so the two may differ by 0,01 at most; more suggests
 * a typing error. Only for years the framework was in force: 2018–2020 had other domains.
 */
function domainMismatch(framework: FrameworkDef, year: number, indexUnits: IndexUnits, domains: { no: number; units: IndexUnits }[]): string | null {
  if (!isInForce(framework, year) || framework.domains.length === 0) return null;
  if (!framework.domains.every((fd) => domains.some((d) => d.no === fd.no))) return null;
  const totalWeight = framework.domains.reduce((s, d) => s + d.weight, 0);
  const num = framework.domains.reduce((s, fd) => s + domains.find((d) => d.no === fd.no)!.units * fd.weight, 0);
  // num / (Σ weights × 10 000) is the combined index itself
  const combined = roundHalfUp({ num, den: totalWeight * INDEX_SCALE }, DECIMALS);
  if (Math.abs(combined - indexUnits / UNITS_PER_HUNDREDTH) <= 1) return null;
  return `indeks ${show2(indexUnits)} tidak sesuai dengan nilai domainnya: menurut bobot domain ${framework.code} ` +
    `hasilnya ${formatDecimal(combined, DECIMALS)}; periksa kembali angka indeks dan domain.`;
}

type PlainField = 'year' | 'index' | 'predicate' | 'framework' | 'source';
type Column = { field: PlainField } | { field: 'domain'; no: number };

const HEADER_NAMES = new Map<string, PlainField>([
  ['tahun', 'year'], ['year', 'year'], ['tahun evaluasi', 'year'],
  ['indeks', 'index'], ['index', 'index'], ['indeks spbe', 'index'], ['indeks pemdi', 'index'], ['nilai indeks', 'index'],
  ['predikat', 'predicate'], ['predicate', 'predicate'], ['kategori', 'predicate'],
  ['kerangka', 'framework'], ['framework', 'framework'],
  ['sumber', 'source'], ['source', 'source'],
]);

/** "Domain 1", "domain_1", "DOMAIN-1" → domain 1; known names → their field; else null. */
function columnOf(header: string): Column | null {
  const name = header.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  const domain = /^domain ?(\d{1,2})$/.exec(name);
  if (domain) return Number(domain[1]) >= 1 ? { field: 'domain', no: Number(domain[1]) } : null;
  const field = HEADER_NAMES.get(name);
  return field ? { field } : null;
}

const COLUMN_LABEL = { year: 'tahun', index: 'indeks', predicate: 'predikat', framework: 'kerangka', source: 'sumber' } as const;

/** Checks a whole history table; any bad row refuses all of it, and every fault is listed. */
export function checkHistoryTable(table: Table, frameworks: readonly FrameworkDef[]): HistoryTableCheck {
  const at = new Map<string, number>();
  const headerErrors: string[] = [];
  table.header.forEach((text, i) => {
    const column = columnOf(text);
    if (!column) return;
    const key = column.field === 'domain' ? `domain_${column.no}` : column.field;
    if (at.has(key)) headerErrors.push(`Baris judul: kolom "${text.trim()}" muncul lebih dari sekali.`);
    else at.set(key, i);
  });
  const missing = (['year', 'index'] as const).filter((f) => !at.has(f)).map((f) => COLUMN_LABEL[f]);
  if (missing.length > 0) {
    headerErrors.push(`Baris judul: kolom ${missing.join(' dan ')} tidak ditemukan; baris judul harus memuat tahun,indeks ` +
      '(opsional predikat, kerangka, sumber, domain_1 … domain_4).');
  }
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors, warnings: [] };

  const domainColumns = [...at].flatMap(([key, i]) => (key.startsWith('domain_') ? [[Number(key.slice(7)), i] as const] : []));
  const headerText = (field: HistoryField): string => {
    const key = field.startsWith('domain_') ? field
      : (Object.entries(COLUMN_LABEL).find(([, label]) => label === field)?.[0] ?? field);
    const i = at.get(key);
    return i === undefined ? field : (table.header[i]?.trim() || field);
  };

  const errors: string[] = [];
  const warnings: string[] = [];
  const rows: HistoryRow[] = [];
  const seen = new Map<number, number>();
  for (const { rowNo, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (key: string) => {
      const i = at.get(key);
      return i === undefined ? '' : (cells[i]?.trim() ?? '');
    };
    const fields: PastResultFields = {
      year: cell('year'), index: cell('index'), predicate: cell('predicate'), framework: cell('framework'), source: cell('source'),
      domains: new Map(domainColumns.map(([no, i]) => [no, cells[i]?.trim() ?? ''])),
    };
    const place: Place = (field) => `Baris ${rowNo}, kolom ${headerText(field)}`;
    const checked = checkPastResult(fields, frameworks, place);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    const year = checked.result?.year ?? parseYear(fields.year);
    if (year !== null) {
      const first = seen.get(year);
      if (first !== undefined) {
        errors.push(`${place('tahun')}: tahun ${year} sudah ada di baris ${first}; setiap tahun hanya boleh satu baris.`);
        continue;
      }
      seen.set(year, rowNo);
    }
    if (checked.result) rows.push({ rowNo, ...checked.result });
  }
  if (errors.length === 0 && rows.length === 0) return { ok: false, errors: ['Berkas tidak berisi baris riwayat (tahun dan indeks).'], warnings };
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, rows, warnings };
}

/** "3,00/2,60/2,00/3,37" (the --domains option) → domain number → text; "-" or nothing skips one. */
export function splitDomainList(text: string): Map<number, string> {
  return new Map(text.split('/').map((part, i) => [i + 1, part.trim() === '-' ? '' : part.trim()]));
}

/** 29 000 → "2,90" */
export function formatPastIndex(units: IndexUnits): string {
  return show2(units);
}
