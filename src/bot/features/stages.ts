// Stages (tahapan): dates and days left, and coordinators setting them.
import { Composer } from 'telegraf';
import { memberActor } from '../../app/actors.ts';
import type { ScheduleOutcome } from '../../app/stages.ts';
import { scheduleStage } from '../../app/stages.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { listStages } from '../../db/stages.ts';
import { daysLeftText, formatDateId, parseIsoDate, toLocalDate } from '../../domain/dates.ts';
import { STAGE_LABELS, STAGES } from '../../domain/stages.ts';
import { formatTimeId } from '../../domain/dates.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { stageTexts as t, texts } from '../texts.ts';
import { reportTexts } from '../texts-reports.ts';

function timeText(hhmm: string | null, tz: string): string | null {
  if (!hhmm) return null;
  const [hour, minute] = hhmm.split(':').map(Number);
  return formatTimeId({ hour: hour!, minute: minute! }, tz);
}

function jadwalRefusal(outcome: Exclude<ScheduleOutcome, { ok: true }>, dateWord: string): string {
  switch (outcome.problem) {
    case 'out-of-range': return t.dateOutOfRange(dateWord, outcome.year, formatDateId(outcome.range.first), formatDateId(outcome.range.last));
    case 'no-evaluation': return reportTexts.noEvaluation(outcome.reason);
    case 'refused': return texts.problem(outcome.reason);
    // The command's own parser wrote the date and time: a malformed one is a bug, for bot.catch.
    case 'malformed': throw new Error('jadwal: a parsed date or time was refused as malformed');
  }
}

export function stagesFeature() {
  const composer = new Composer<BotContext>();

  composer.command('tahapan', guarded('tahapan', async (ctx, access) => {
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const rows = await listStages(ctx.deps.db, ev.evaluation.id);
    const tz = access.workspace.timeZone;
    const today = toLocalDate(ctx.deps.clock.now(), tz);
    const lines = [t.title(ev.framework.def.name, ev.evaluation.year, access.workspace.name)];
    for (const stage of STAGES) {
      const row = rows.find((r) => r.kind === stage);
      const due = row?.dueDate ? parseIsoDate(row.dueDate) : null;
      lines.push(t.line(STAGE_LABELS[stage], due && formatDateId(due), timeText(row?.dueTime ?? null, tz), due && daysLeftText(today, due)));
    }
    lines.push('', t.hint);
    await reply(ctx, lines.join('\n'));
  }));

  composer.command('jadwal', guarded('jadwal', async (ctx, access, spec) => {
    const [stageWord, dateWord, timeWord, extra] = words(ctx.payload);
    const stage = parseWith(arg.stage, stageWord ?? '');
    const date = parseWith(arg.date, dateWord ?? '');
    const time = timeWord ? parseWith(arg.time, timeWord) : null;
    if (!stage.ok || !date.ok || (time && !time.ok) || extra) {
      const problem = stageWord && !stage.ok ? stage.problem : dateWord && !date.ok ? date.problem : time && !time.ok ? time.problem : undefined;
      return void (await reply(ctx, texts.usage(spec, problem)));
    }
    const outcome = await scheduleStage(ctx.deps.db, {
      workspaceId: access.workspace.id, actor: memberActor(access), stage: stage.value, date: date.value,
      time: time?.ok ? time.value : null, now: ctx.deps.clock.now(),
    });
    if (!outcome.ok) return void (await reply(ctx, jadwalRefusal(outcome, dateWord!)));
    const scheduled = t.scheduled(STAGE_LABELS[outcome.stage], formatDateId(parseIsoDate(outcome.date)!), timeText(outcome.time, access.workspace.timeZone));
    const others = outcome.outOfOrder.map((o) => `${STAGE_LABELS[o.kind]} ${formatDateId(parseIsoDate(o.dueDate)!)}`);
    await reply(ctx, others.length === 0 ? scheduled : `${scheduled}\n${t.outOfOrder(STAGE_LABELS[outcome.stage], others)}`);
  }));

  return composer;
}
