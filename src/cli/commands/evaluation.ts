// evaluation create: a new year's evaluation for a workspace that already runs (the yearly
// campaign starts again: 2026 → 2027). Without it only `workspace create` made an evaluation, so
// a team could not move on to the next year. The framework is the one in force that year.
import { CLI_ACTOR } from '../../db/audit.ts';
import { createEvaluation, EvaluationExistsError, findEvaluation } from '../../db/evaluations.ts';
import { listFrameworks } from '../../db/frameworks.ts';
import { toLocalDate } from '../../domain/dates.ts';
import { frameworkForYear } from '../../domain/workspace-rules.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- evaluation create --workspace <slug> [--year <tahun>] [--framework spbe-2020|pemdi-2026]';

export async function evaluationCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(`perintah evaluation "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, { workspace: { type: 'string' }, year: { type: 'string' }, framework: { type: 'string' } }, ['workspace'], USAGE);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const year = parseYearOption(o.year) ?? toLocalDate(ctx.now, workspace.timeZone).year;
  const frameworks = await listFrameworks(ctx.db);
  const framework = o.framework === undefined ? frameworkForYear(frameworks, year) : (frameworks.find((f) => f.code === o.framework) ?? null);
  if (!framework) {
    const known = frameworks.map((f) => f.code).join(', ');
    throw new CliError(o.framework === undefined
      ? `tidak ada kerangka evaluasi yang berlaku untuk tahun ${year}; pilih dengan --framework (${known}).`
      : `kerangka "${o.framework}" tidak dikenal; pilihan: ${known}.`);
  }
  const latest = await findEvaluation(ctx.db, workspace.id);
  try {
    await createEvaluation(ctx.db, { workspaceId: workspace.id, frameworkId: framework.id, year, now: ctx.now }, CLI_ACTOR);
  } catch (error) {
    if (error instanceof EvaluationExistsError) throw new CliError(`${error.message} di ${workspace.name}; tidak ada yang diubah.`);
    throw error;
  }
  const active = latest === null || year > latest.year;
  ctx.io.out([
    `Evaluasi ${year} dibuat di ${workspace.name}: ${framework.name} (${framework.regulation})${framework.provisional ? ' [sementara]' : ''}.`,
    active
      ? 'Kini evaluasi aktif: /indeks, /ceklis, /progres dan pengingat memakai tahun ini.'
      : `Evaluasi aktif tetap ${latest!.year} (tahun terbaru); yang ini dipakai bila tahunnya disebut (--year ${year}, /laporan ${year}).`,
    `Berikutnya: tanggal tahap (/jadwal, atau stages set --workspace ${workspace.slug} --stage mandiri --date …), lalu /siapkan` +
      (latest !== null && active ? ` atau /siapkan lanjutan ${latest.year} untuk membawa item yang belum selesai.` : '.'),
  ].join('\n'));
}
