// stages set: the CLI side of /jadwal, through the same use case (src/app/stages.ts): the date
// within the evaluation's years, the write audited as the CLI's, the reminders replanned.
import { CLI_KOORDINATOR } from '../../app/actors.ts';
import type { ScheduleOutcome } from '../../app/stages.ts';
import { scheduleStage } from '../../app/stages.ts';
import { formatDateId, formatTimeId, parseIsoDate } from '../../domain/dates.ts';
import { STAGE_LABELS } from '../../domain/stages.ts';
import { parseDateOption, parseOptions, parseTimeOption, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { requireWorkspace } from './lookup.ts';
import { parseStageOption } from './scores.ts';

const USAGE = 'npm run cli -- stages set --workspace <slug> --stage <tahap> --date <tanggal> [--time <jam>] [--year <tahun>]';

function refusal(outcome: Exclude<ScheduleOutcome, { ok: true }>, typed: string): string {
  switch (outcome.problem) {
    case 'out-of-range':
      return `tanggal ${typed} di luar masa evaluasi ${outcome.year}: pilih antara ${formatDateId(outcome.range.first)} dan ${formatDateId(outcome.range.last)}. Jadwal tidak diubah.`;
    case 'no-evaluation': case 'refused': return outcome.reason;
    // parseDateOption and parseTimeOption wrote both: a bug if reached
    case 'malformed': return 'tanggal atau jam tidak sah.';
  }
}

export async function stagesCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'set') throw new UsageError(`perintah stages "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, {
    workspace: { type: 'string' }, stage: { type: 'string' }, date: { type: 'string' }, time: { type: 'string' }, year: { type: 'string' },
  }, ['workspace', 'stage', 'date'], USAGE);
  const stage = parseStageOption(o.stage, 'mandiri');
  const date = parseDateOption(o.date!);
  const time = o.time === undefined ? null : parseTimeOption(o.time);
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const outcome = await scheduleStage(ctx.db, { workspaceId: workspace.id, actor: CLI_KOORDINATOR, stage, date, time, year, now: ctx.now });
  if (!outcome.ok) throw new CliError(refusal(outcome, o.date!));
  const at = outcome.time === null ? '' : ` pukul ${formatTimeId({ hour: Number(outcome.time.slice(0, 2)), minute: Number(outcome.time.slice(3)) }, workspace.timeZone)}`;
  ctx.io.out(`Jadwal ${STAGE_LABELS[outcome.stage]} ${workspace.slug} ${outcome.year}: ${formatDateId(parseIsoDate(outcome.date)!)}${at}. Pengingat dijadwalkan ulang.`);
  if (outcome.outOfOrder.length > 0) {
    ctx.io.err(`Perhatian: urutan tahap tidak lazim, ${STAGE_LABELS[outcome.stage]} kini tidak di antara tahap sebelum dan sesudahnya (` +
      `${outcome.outOfOrder.map((o) => `${STAGE_LABELS[o.kind]} ${formatDateId(parseIsoDate(o.dueDate)!)}`).join('; ')}).`);
  }
}
