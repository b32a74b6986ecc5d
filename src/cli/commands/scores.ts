import { CLI_KOORDINATOR } from '../../app/actors.ts';
import type { RecordValueOutcome } from '../../app/scores.ts';
import { NOTE_MAX_LENGTH, recordIndicatorValue } from '../../app/scores.ts';
import { valueWithBand } from '../../domain/value-labels.ts';
import { formatValue } from '../../domain/values.ts';
import { formatDateTimeId } from '../../domain/dates.ts';
import { checkScoreTable, parseWholeNumber } from '../../domain/score-import.ts';
import type { Stage } from '../../domain/stages.ts';
import { parseStage, STAGE_LABELS, STAGES } from '../../domain/stages.ts';
import { CLI_ACTOR } from '../../db/audit.ts';
import { applyScoreImport, listScoreChanges, planScoreImport } from '../../db/scores.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { readTableOption } from '../table-file.ts';
import { CliError, UsageError } from '../io.ts';
import { renderTable } from '../table.ts';
import { requireEvaluation, requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- scores import --workspace <slug> --file <nilai.csv|nilai.xlsx> [--stage final] [--year <tahun>] [--dry-run]';

export function parseStageOption(text: string | undefined, fallback: Stage): Stage {
  if (text === undefined) return fallback;
  const stage = parseStage(text);
  if (!stage) throw new CliError(`tahap "${text}" tidak dikenal; pilihan: ${STAGES.join(', ')}.`);
  return stage;
}

export async function scoresCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'history') return scoresHistory(ctx, rest);
  if (sub === 'set') return scoresSet(ctx, rest);
  if (sub !== 'import') throw new UsageError(`perintah scores "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}\n           ${HISTORY_USAGE}\n           ${SET_USAGE}`);
  const o = parseOptions(rest, {
    workspace: { type: 'string' }, file: { type: 'string' }, stage: { type: 'string' },
    year: { type: 'string' }, 'dry-run': { type: 'boolean' },
  }, ['workspace', 'file'], USAGE);
  const stage = parseStageOption(o.stage, 'final');
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const { evaluation, framework } = await requireEvaluation(ctx, workspace.id, year);

  const table = await readTableOption(ctx, o.file!);
  const checked = checkScoreTable(table, framework.def);
  if (!checked.ok) {
    throw new CliError(`Impor dibatalkan, tidak ada yang disimpan (${checked.errors.length} kesalahan):\n${checked.errors.join('\n')}`);
  }
  const input = {
    evaluationId: evaluation.id, workspaceId: workspace.id, stage,
    indicatorIds: framework.indicatorIds, rows: checked.rows,
  };
  const where = `${workspace.slug} ${evaluation.year}, tahap ${STAGE_LABELS[stage]}`;
  if (o['dry-run']) {
    const plan = await planScoreImport(ctx.db, input);
    ctx.io.out(`Uji coba untuk ${where} (tidak ada yang disimpan): ${checked.rows.length} baris sah; ` +
      `${plan.created} baru, ${plan.changed} berubah, ${plan.unchanged} sama${plan.external ? `; ${plan.external} nilai indeks instansi lain` : ''}.`);
    return;
  }
  const done = await applyScoreImport(ctx.db, input, CLI_ACTOR);
  ctx.io.out(`Nilai diimpor untuk ${where}: ${done.created} baru, ${done.changed} berubah, ${done.unchanged} sama${done.external ? `; ${done.external} nilai indeks instansi lain` : ''}.`);
}

const HISTORY_USAGE = 'npm run cli -- scores history --workspace <slug> [--indicator <no>] [--year <tahun>]';

/** Every recorded change of a level, oldest first: when, stage, indicator, from → to, by whom. */
export async function scoresHistory(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' }, indicator: { type: 'string' }, year: { type: 'string' } },
    ['workspace'], HISTORY_USAGE);
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const { evaluation, framework } = await requireEvaluation(ctx, workspace.id, year);
  const indicatorNo = o.indicator === undefined ? undefined : parseWholeNumber(o.indicator);
  if (indicatorNo === null || (indicatorNo !== undefined && !framework.indicatorIds.has(indicatorNo))) {
    throw new CliError(`indikator "${o.indicator}" tidak dikenal (nomor 1–${framework.def.indicators.length}).`);
  }
  const changes = (await listScoreChanges(ctx.db, evaluation.id))
    .filter((c) => indicatorNo === undefined || c.indicator.no === indicatorNo);
  if (changes.length === 0) {
    ctx.io.out(`Belum ada perubahan nilai untuk ${workspace.slug} ${evaluation.year}.`);
    return;
  }
  ctx.io.out(renderTable(['Waktu', 'Tahap', 'Indikator', 'Dari', 'Ke', 'Oleh', 'Catatan'], changes.map((c) => [
    formatDateTimeId(c.createdAt, workspace.timeZone), c.stage, String(c.indicator.no),
    c.oldValue === null ? '–' : formatValue(framework.def, c.oldValue), formatValue(framework.def, c.newValue),
    c.author?.displayName ?? (c.source === 'bot' ? '?' : 'CLI admin'), c.note ?? '',
  ]), [2, 3, 4]));
}

const SET_USAGE = 'npm run cli -- scores set --workspace <slug> --indicator <no> --value <nilai> [--external <kode>] [--stage <tahap>] [--note "<catatan>"] [--year <tahun>]';

/** The CLI side of /nilai, through the same use case (src/app/scores.ts): the same checks, figures and audit. */
async function scoresSet(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, indicator: { type: 'string' }, value: { type: 'string' }, external: { type: 'string' },
    stage: { type: 'string' }, note: { type: 'string' }, year: { type: 'string' },
  }, ['workspace', 'indicator', 'value'], SET_USAGE);
  const stage = o.stage === undefined ? null : parseStageOption(o.stage, 'mandiri');
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const context = await requireEvaluation(ctx, workspace.id, year);
  const fw = context.framework.def;
  const indicatorNo = parseWholeNumber(o.indicator!);
  const outcome = await recordIndicatorValue(ctx.db, {
    // 0 is no indicator's number: a word that is not a number is refused as an unknown indicator
    actor: CLI_KOORDINATOR, context, indicatorNo: indicatorNo ?? 0, valueText: o.value!, external: o.external ?? null,
    stage, note: o.note?.trim() || null,
  });
  if (!outcome.ok) throw new CliError(setRefusal(outcome, { no: o.indicator!, external: o.external ?? '' }, fw.indicators.length));
  const where = `${workspace.slug} ${context.evaluation.year}, tahap ${STAGE_LABELS[outcome.stage]}`;
  const index = outcome.index === null ? [] : [`Indeks tahap ini sekarang: ${outcome.index}${outcome.delta === null ? '' : ` (${signed(outcome.delta)})`}.`];
  if (outcome.kind === 'external') {
    ctx.io.out([
      `Tercatat untuk ${where}: nilai ${outcome.source} ${formatValue({ valueDecimals: 2 }, outcome.raw)} untuk indikator ${outcome.indicator.no}.`,
      outcome.derived === null
        ? `Nilai ${outcome.source} hanya rujukan: nilai indikator ${outcome.indicator.no} tidak berubah.`
        : `Nilai indikator ${outcome.indicator.no} menurut tabel peraturan: ${valueWithBand(fw, outcome.indicator, outcome.derived)}.`,
      ...index,
    ].join('\n'));
    return;
  }
  const before = outcome.oldValue === null ? '' : outcome.oldValue === outcome.value ? ' (tidak berubah)' : `, sebelumnya ${formatValue(fw, outcome.oldValue)}`;
  ctx.io.out([`Tercatat untuk ${where}: indikator ${outcome.indicator.no}, nilai ${valueWithBand(fw, outcome.indicator, outcome.value)}${before}.`, ...index].join('\n'));
}

const signed = (delta: string) => (delta.startsWith('-') || delta === '0,00' ? delta : `+${delta}`);

function setRefusal(outcome: Exclude<RecordValueOutcome, { ok: true }>, typed: { no: string; external: string }, count: number): string {
  switch (outcome.problem) {
    case 'indicator': return `indikator "${typed.no}" tidak dikenal (nomor 1–${count}).`;
    case 'unknown-external': return `--external "${typed.external}" bukan kode indeks instansi lain; pilihan: ${outcome.codes.join(', ') || '(tidak ada di kerangka ini)'}.`;
    case 'external-mismatch':
      return `indikator ${outcome.indicatorNo} tidak memakai nilai ${outcome.named}` +
        (outcome.own ? `, melainkan ${outcome.own} (--external ${outcome.own.toLowerCase()}).` : '; catat nilainya tanpa --external.') +
        ` Nilai ${outcome.named} untuk indikator ${outcome.takers.join(', ')}.`;
    case 'value': case 'refused': return outcome.reason;
    case 'note-too-long': return `--note paling banyak ${NOTE_MAX_LENGTH} karakter.`;
  }
}
