// Turns a framework's evidence examples and an indicator→OPD ownership map into the first
// checklist of a new evaluation ("OPD X must deliver document Y for indicator Z before the
// document stage", docs/domain.md). The map is data (prisma/data/ownership/<framework>.json),
// checked here so a typo in a code or an indicator number is refused before anything is written.
// A framework with per-level criteria (Pemdi 8/2026) gets one item per indicator and level, as
// its assessors judge evidence level by level; it goes to the indicator's lead OPD (the first
// owner) and names the others, so a level is one thing to verify, not one per office.
import type { FrameworkDef, IndicatorDef } from './framework-types.ts';

export interface GeneratedItem {
  indicatorNo: number;
  opdCode: string;
  title: string;
  description: string;
  /** evidence has to be in before the assessors verify documents */
  stage: 'dokumen';
  /** the level whose criterion the item evidences (Pemdi); null for one item per indicator (SPBE) */
  level: number | null;
}

export interface GeneratedChecklist {
  items: GeneratedItem[];
  /** indicator number → the workspace OPDs that own it, as resolved (the map the workspace keeps) */
  owners: Map<number, string[]>;
  /** indicators no OPD of the workspace could take (no owner, no fallback) */
  unassigned: number[];
}

export type OwnershipFileResult =
  | { ok: true; owners: Map<number, string[]> }
  | { ok: false; errors: string[] };

export const OPD_CODE = /^[a-z0-9][a-z0-9-]{0,30}$/;
export const SHORT_NAME_MAX = 80;
export const GENERIC_DESCRIPTION =
  'Siapkan bukti dukung (dokumen, tangkapan layar atau tautan) yang menunjukkan tingkat kematangan indikator ini sesuai pedoman evaluasi.';

/**
 * "Tingkat Kematangan Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah" → "Peta Rencana SPBE":
 * every SPBE name opens with the same words and the 59/2020 names cover both central and regional
 * bodies, which a regional team does not need to read in every title.
 */
export function shortIndicatorName(name: string): string {
  const short = name
    .replace(/^tingkat kematangan\s+/i, '')
    .replace(/\s*instansi pusat\s*\/\s*pemerintah daerah\s*/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (short.length <= SHORT_NAME_MAX) return short;
  const cut = short.slice(0, SHORT_NAME_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_NAME_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function generatedTitle(indicatorNo: number, indicatorName: string): string {
  return `Bukti dukung indikator ${indicatorNo}: ${shortIndicatorName(indicatorName)}`;
}

export const CRITERIA_NOTE =
  'Butir disusun dari kriteria tingkat dalam PermenPANRB 8/2026 (diringkas dengan kata-kata sendiri); ' +
  'daftar butir resmi aplikasi evaluasi tidak dipublikasikan, jadi sesuaikan dengan modul indikator.';

/** One item per level 1–5 from the criteria, for the lead OPD; the other owners are named. */
function criteriaItems(framework: FrameworkDef, indicator: IndicatorDef, codes: string[]): GeneratedItem[] {
  const [lead, ...others] = codes;
  const names = framework.levelScales.find((sc) => sc.code === indicator.scale)?.names;
  return indicator.criteria.map((criterion, i) => ({
    indicatorNo: indicator.no,
    opdCode: lead!,
    title: `Indikator ${indicator.no} tingkat ${i + 1}${names ? ` (${names[i]})` : ''}: ${shortIndicatorName(indicator.name)}`,
    description: [criterion, others.length > 0 ? `Bersama OPD: ${others.join(', ')}.` : null, CRITERIA_NOTE].filter(Boolean).join('\n'),
    stage: 'dokumen' as const,
    level: i + 1,
  }));
}

/**
 * One item per indicator × owning OPD of the workspace (per indicator × level with criteria). An owner the workspace does not have
 * goes to the fallback (the coordinating Diskominfo), so no indicator silently lacks an item;
 * an indicator the map does not name goes there too.
 */
export function generateChecklist(
  framework: FrameworkDef,
  owners: ReadonlyMap<number, string[]>,
  knownOpds: ReadonlySet<string>,
  fallbackOpd: string | null,
): GeneratedChecklist {
  const fallback = fallbackOpd !== null && knownOpds.has(fallbackOpd) ? fallbackOpd : null;
  const items: GeneratedItem[] = [];
  const resolved = new Map<number, string[]>();
  const unassigned: number[] = [];
  for (const indicator of [...framework.indicators].sort((a, b) => a.no - b.no)) {
    const codes = new Set<string>();
    for (const code of owners.get(indicator.no) ?? []) {
      const resolved = knownOpds.has(code) ? code : fallback;
      if (resolved !== null) codes.add(resolved);
    }
    if (codes.size === 0 && fallback !== null) codes.add(fallback);
    if (codes.size === 0) {
      unassigned.push(indicator.no);
      continue;
    }
    resolved.set(indicator.no, [...codes]);
    if (indicator.criteria.length === 5) {
      items.push(...criteriaItems(framework, indicator, [...codes]));
      continue;
    }
    const title = generatedTitle(indicator.no, indicator.name);
    const description = indicator.evidenceExample?.trim() || GENERIC_DESCRIPTION;
    for (const opdCode of codes) items.push({ indicatorNo: indicator.no, opdCode, title, description, stage: 'dokumen', level: null });
  }
  return { items, owners: resolved, unassigned };
}

const FILE_KEYS = new Set(['framework', 'note', 'why', 'owners']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks `{ framework, note?, why?, owners: { "12": ["bappeda"], … } }` against the framework. */
export function parseOwnershipFile(raw: unknown, framework: FrameworkDef): OwnershipFileResult {
  if (!isRecord(raw)) return { ok: false, errors: ['berkas kepemilikan harus berupa objek JSON { "framework", "owners" }.'] };
  const errors: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!FILE_KEYS.has(key)) errors.push(`kunci "${key}" tidak dikenal (yang sah: framework, note, why, owners).`);
  }
  if (raw.framework !== framework.code) {
    errors.push(`kerangka "${String(raw.framework ?? '')}" tidak cocok dengan kerangka evaluasi (${framework.code}).`);
  }
  if (raw.note !== undefined && typeof raw.note !== 'string') errors.push('"note" harus berupa teks.');
  if (raw.why !== undefined && (!isRecord(raw.why) || Object.values(raw.why).some((v) => typeof v !== 'string'))) {
    errors.push('"why" harus berupa objek berisi teks per kelompok indikator.');
  }
  if (!isRecord(raw.owners)) {
    errors.push('"owners" harus berupa objek: nomor indikator → daftar kode OPD, mis. { "12": ["bappeda"] }.');
    return { ok: false, errors };
  }
  const known = new Set(framework.indicators.map((i) => i.no));
  const range = known.size > 0 ? ` (nomor ${Math.min(...known)}–${Math.max(...known)})` : '';
  const owners = new Map<number, string[]>();
  for (const [key, value] of Object.entries(raw.owners)) {
    const no = /^\d{1,4}$/.test(key) ? Number(key) : NaN;
    if (!known.has(no)) {
      errors.push(`indikator "${key}" tidak ada di kerangka ${framework.code}${range}.`);
      continue;
    }
    if (owners.has(no)) {
      errors.push(`indikator ${no} disebut lebih dari sekali.`);
      continue;
    }
    if (!Array.isArray(value)) {
      errors.push(`indikator ${no}: harus berupa daftar kode OPD, mis. ["bappeda"].`);
      continue;
    }
    const codes: string[] = [];
    for (const code of value as unknown[]) {
      if (typeof code !== 'string' || !OPD_CODE.test(code)) {
        errors.push(`indikator ${no}: kode OPD ${JSON.stringify(code)} tidak sah (huruf kecil, angka, tanda minus).`);
      } else if (codes.includes(code)) {
        errors.push(`indikator ${no}: OPD "${code}" disebut lebih dari sekali.`);
      } else {
        codes.push(code);
      }
    }
    owners.set(no, codes);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, owners };
}
