// Stages (tahapan): dates and days left, and coordinators setting them.
import { Composer } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { listStages, setStageDate } from '../../db/stages.ts';
import { daysLeftText, evaluationDateRange, formatDateId, isDateInRange, parseIsoDate, toLocalDate } from '../../domain/dates.ts';
import { STAGE_LABELS, STAGES } from '../../domain/stages.ts';
import { formatTimeId } from '../../domain/dates.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { stageTexts as t, texts } from '../texts.ts';

function timeText(hhmm: string | null, tz: string): string | null {
  if (!hhmm) return null;
  const [hour, minute] = hhmm.split(':').map(Number);
  return formatTimeId({ hour: hour!, minute: minute! }, tz);
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
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const range = evaluationDateRange(ev.evaluation.year);
    if (!isDateInRange(parseIsoDate(date.value)!, range)) {
      return void (await reply(ctx, t.dateOutOfRange(dateWord!, ev.evaluation.year, formatDateId(range.first), formatDateId(range.last))));
    }
    const dueTime = time?.ok ? time.value : null;
    await setStageDate(ctx.deps.db, {
      evaluationId: ev.evaluation.id, workspaceId: access.workspace.id, stage: stage.value, dueDate: date.value, dueTime,
    }, botActor(access.personId), ctx.deps.clock.now());
    await reply(ctx, t.scheduled(STAGE_LABELS[stage.value], formatDateId(parseIsoDate(date.value)!), timeText(dueTime, access.workspace.timeZone)));
  }));

  return composer;
}
