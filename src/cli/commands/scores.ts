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
  if (sub !== 'import') throw new UsageError(`perintah scores "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}\n           ${HISTORY_USAGE}`);
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
