// Every Indonesian word of the leadership PDF, and the sentences it builds from the report model.
// The model has already computed each figure; this file only rounds and words them (decimal
// comma, "15 Oktober 2024 09.30 WITA"), so report-pdf.ts is left with layout alone.
import { formatDateId, formatDateTimeId, parseIsoDate } from '../domain/dates.ts';
import type { IndexUnits } from '../domain/framework-types.ts';
import { INDEX_SCALE } from '../domain/framework-types.ts';
import { formatFraction, formatSignedFraction } from '../domain/numbers.ts';
import type { IndicatorRow, OpdRow, ReportModel } from '../domain/report.ts';
import { simulateTarget } from '../domain/simulation.ts';
import { STAGE_LABELS } from '../domain/stages.ts';
import { formatValue } from '../domain/values.ts';

export const PDF_TEXTS = {
  author: 'Bot Koordinasi SPBE',
  title: (indexName: string, year: number, workspace: string) => `Ringkasan ${indexName} ${year} — ${workspace}`,
  heading: (indexName: string, year: number) => `Ringkasan ${indexName} ${year}`,
  generated: (when: string) => `Dibuat ${when} oleh Bot Koordinasi SPBE`,
  footer: (workspace: string, page: number, pages: number) => `${workspace} · Halaman ${page} dari ${pages}`,

  headlineLabel: (indexName: string, stage: string) => `${indexName} · ${stage}`,
  provisional: 'sementara',
  noScore: 'Belum ada nilai',
  noScoreDetail: 'Belum ada indikator yang dinilai pada tahap mana pun.',
  incomplete: (missing: number, total: number, stage: string) =>
    `${missing} dari ${total} indikator belum dinilai pada tahap ${stage}.`,
  versusStage: (stage: string, value: string, change: string) => `${change} dibanding ${stage} (${value})`,
  versusYear: (year: number, value: string, predicate: string | null, change: string) =>
    `${change} dibanding ${year} (${value}${predicate ? `\u00a0${predicate}` : ''})`,
  targetShort: (target: string, gap: string) => `Target ${target}: kurang ${gap}`,
  targetRaises: (count: number) => `paling sedikit ${count} kenaikan satu tingkat`,
  targetMet: (target: string, over: string) => `Target ${target} tercapai (lebih ${over})`,
  targetUnreachable: (target: string) => `Target ${target} tidak tercapai walau semua indikator di tingkat 5`,
  targetOnly: (target: string) => `Target ${target}`,
  noTarget: 'Target belum ditetapkan',

  raisesHeading: 'Lima kenaikan yang paling menambah indeks',
  raisesIntro: 'Indikator berbobot terbesar yang masih bisa naik satu tingkat.',
  raisesAll: (value: string) => `Bila kelimanya naik satu tingkat, indeks menjadi ${value}.`,
  raisesNone: 'Tidak ada indikator yang masih bisa dinaikkan.',
  raisesColumns: { no: 'No.', name: 'Indikator', level: 'Tingkat', gain: 'Tambahan', owners: 'Penanggung jawab' },
  levelStep: (from: string, to: string) => `${from} → ${to}`,
  externalWaiting: (what: string) => `Menunggu nilai indeks instansi lain: ${what}.`,
  noOwner: 'belum ditetapkan',

  opdsHeading: 'OPD dengan butir terlambat terbanyak',
  opdsIntro: (date: string, overdue: number, opds: number) => `Per ${date}: ${overdue} butir terlambat di ${opds} OPD.`,
  opdsMore: (count: number) => `Ditambah ${count} OPD lain yang juga punya butir terlambat.`,
  noOverdue: 'Tidak ada butir yang terlambat.',
  noItems: 'Belum ada butir checklist.',
  opdsColumns: { name: 'OPD', overdue: 'Terlambat', open: 'Terbuka', progress: 'Progres' },
  percent: (value: number) => `${value}%`,
  noPercent: '–',
} as const;

const fromUnits = (units: IndexUnits) => ({ num: units, den: INDEX_SCALE });
export const indexText = (units: IndexUnits): string => formatFraction(fromUnits(units));
export const gainText = (units: IndexUnits): string => formatSignedFraction(fromUnits(units));

export interface HeadlineText {
  label: string;
  /** "3,27", or "Belum ada nilai" */
  value: string;
  scored: boolean;
  predicate: string | null;
  lines: string[];
}

function targetLine(model: ReportModel, total: IndexUnits | null): string {
  if (model.targetUnits === null) return PDF_TEXTS.noTarget;
  const target = indexText(model.targetUnits);
  if (total === null) return PDF_TEXTS.targetOnly(target);
  if (total >= model.targetUnits) return PDF_TEXTS.targetMet(target, indexText(total - model.targetUnits));
  const values = new Map(model.indicators.flatMap((r) => (r.value === null ? [] : [[r.no, r.value] as const])));
  const plan = simulateTarget(model.framework, values, model.targetUnits);
  if (plan.kind === 'unreachable') return PDF_TEXTS.targetUnreachable(target);
  const short = PDF_TEXTS.targetShort(target, indexText(model.targetUnits - total));
  return plan.kind === 'plan' ? `${short} (${PDF_TEXTS.targetRaises(plan.raises.length)})` : short;
}

/** The latest official result of an earlier year, for "compared with last year". */
function previousYear(model: ReportModel) {
  return model.trend.filter((p) => p.year < model.year && !p.provisional).at(-1) ?? null;
}

/** Other agencies' index values still awaited (Pemdi 8/2026 Pasal 7), one sentence. */
export function externalLines(model: ReportModel): string[] {
  if (model.externalMissing.length === 0) return [];
  return [PDF_TEXTS.externalWaiting(model.externalMissing.map((m) => `${m.code} (${m.agency}${m.derives ? '' : ', rujukan'})`).join(', '))];
}

export function headlineText(model: ReportModel): HeadlineText {
  const indexName = model.framework.name;
  const stage = model.headlineStage;
  const total = model.headline?.totalUnits ?? null;
  if (stage === null || total === null) {
    const missing = model.headline?.missing.length ?? 0;
    const detail = stage === null ? PDF_TEXTS.noScoreDetail : PDF_TEXTS.incomplete(missing, model.indicators.length, STAGE_LABELS[stage]);
    return { label: indexName, value: PDF_TEXTS.noScore, scored: false, predicate: null, lines: [detail, targetLine(model, null), ...externalLines(model)] };
  }
  const stageWord = stage === 'final' ? STAGE_LABELS.final : `${STAGE_LABELS[stage]} (${PDF_TEXTS.provisional})`;
  const label = PDF_TEXTS.headlineLabel(indexName, stageWord);
  const lines: string[] = [];
  if (model.previous) {
    const { stage: prev, totalUnits } = model.previous;
    lines.push(PDF_TEXTS.versusStage(STAGE_LABELS[prev], indexText(totalUnits), gainText(total - totalUnits)));
  }
  const lastYear = previousYear(model);
  if (lastYear) lines.push(PDF_TEXTS.versusYear(lastYear.year, indexText(lastYear.totalUnits), lastYear.predicate, gainText(total - lastYear.totalUnits)));
  lines.push(targetLine(model, total), ...externalLines(model));
  return { label, value: indexText(total), scored: true, predicate: model.headline?.predicate ?? null, lines };
}

export interface RaiseRowText {
  no: string;
  name: string;
  level: string;
  gain: string;
  owners: string;
}

export function raiseRows(model: ReportModel): RaiseRowText[] {
  const names = new Map(model.opds.map((o) => [o.code, o.name]));
  return model.raises.map((r: IndicatorRow) => ({
    no: String(r.no),
    name: r.name,
    level: r.value !== null && r.nextValue !== null
      ? PDF_TEXTS.levelStep(formatValue(model.framework, r.value), formatValue(model.framework, r.nextValue)) : '',
    gain: gainText(r.gainUnits),
    owners: r.owners.length > 0 ? r.owners.map((code) => names.get(code) ?? code).join(', ') : PDF_TEXTS.noOwner,
  }));
}

/** "Bila kelimanya naik…": only when the index itself is known. */
export function raisesSummary(model: ReportModel): string | null {
  const total = model.headline?.totalUnits;
  if (total == null || model.raises.length === 0) return null;
  return PDF_TEXTS.raisesAll(indexText(total + model.raises.reduce((s, r) => s + r.gainUnits, 0)));
}

export const TOP_OVERDUE_OPDS = 5;

export interface OpdRowText {
  name: string;
  overdue: string;
  open: string;
  progress: string;
  /** done / total, 0–1, for the small bar; null without items */
  share: number | null;
}

/** Like the bot's progress bar: rounded down, so 100% means every item is done. */
function percentOf(row: OpdRow): number | null {
  return row.total > 0 ? Math.floor((row.done * 100) / row.total) : null;
}

export interface OpdSection {
  intro: string | null;
  rows: OpdRowText[];
  /** "Tidak ada butir yang terlambat." and the like, when there is no table */
  empty: string | null;
  more: string | null;
}

export function opdSection(model: ReportModel): OpdSection {
  const late = model.opds.filter((o) => o.overdue > 0);
  if (late.length === 0) {
    const empty = model.items.length === 0 ? `${PDF_TEXTS.noOverdue} ${PDF_TEXTS.noItems}` : PDF_TEXTS.noOverdue;
    return { intro: null, rows: [], empty, more: null };
  }
  const today = parseIsoDate(model.today);
  const date = today ? formatDateId(today) : model.today;
  const overdue = late.reduce((s, o) => s + o.overdue, 0);
  const rows = late.slice(0, TOP_OVERDUE_OPDS).map((o) => {
    const percent = percentOf(o);
    return {
      name: o.name,
      overdue: String(o.overdue),
      open: String(o.open),
      progress: percent === null ? PDF_TEXTS.noPercent : PDF_TEXTS.percent(percent),
      share: percent === null ? null : o.done / o.total,
    };
  });
  const rest = late.length - rows.length;
  return { intro: PDF_TEXTS.opdsIntro(date, overdue, late.length), rows, empty: null, more: rest > 0 ? PDF_TEXTS.opdsMore(rest) : null };
}

export function documentTitle(model: ReportModel): string {
  return PDF_TEXTS.title(model.framework.name, model.year, model.workspaceName);
}

export function documentHeading(model: ReportModel): string {
  return PDF_TEXTS.heading(model.framework.name, model.year);
}

export function generatedText(model: ReportModel): string {
  return PDF_TEXTS.generated(formatDateTimeId(model.generatedAt, model.timeZone));
}
