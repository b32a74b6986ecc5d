// /tugaskan: a coordinator creates and assigns an item in a short guided flow (OPD → indicator →
// title → due date → assignee). Each step is stored with the workspace it was started in, so a
// restart mid-flow loses nothing and a switch to another workspace cannot mix the two.
import { Composer, Markup } from 'telegraf';
import { memberActor } from '../../app/actors.ts';
import type { AssignOutcome } from '../../app/assignments.ts';
import { assignNewItem } from '../../app/assignments.ts';
import { listPicsOfOpd } from '../../db/checklists.ts';
import { findEvaluation } from '../../db/evaluations.ts';
import { findFrameworkById } from '../../db/frameworks.ts';
import { clearFlow, getFlow, setFlow } from '../../db/flows.ts';
import { findOpdsByIds, listOpds } from '../../db/opds.ts';
import { listStages } from '../../db/stages.ts';
import { TITLE_LENGTH } from '../../domain/checklists.ts';
import { addDays, evaluationDateRange, formatDateId, formatIsoDate, isDateInRange, parseIsoDate } from '../../domain/dates.ts';
import type { Stage } from '../../domain/stages.ts';
import { currentWorkStage } from '../../domain/stages.ts';
import { arg, parseWith } from '../args.ts';
import type { BotContext } from '../context.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { guarded, requireAccess } from '../guard.ts';
import { reply } from '../reply.ts';
import { checklistTexts as t, texts } from '../texts.ts';
import { refusedElsewhere } from '../flow-workspace.ts';
import { dueText, notifyPerson, workspaceToday } from './checklist-views.ts';

const FLOW_MINUTES = 30;
const ask = Markup.forceReply().selective();

async function save(ctx: BotContext, access: WorkspaceAccess, step: string, data: Record<string, unknown>) {
  await setFlow(ctx.deps.db, access.personId, BigInt(ctx.chat!.id), { kind: 'tugaskan', step, workspaceId: access.workspace.id, data },
    new Date(ctx.deps.clock.now().getTime() + FLOW_MINUTES * 60_000));
}

export function assignFeature() {
  const composer = new Composer<BotContext>();

  composer.command('tugaskan', guarded('tugaskan', async (ctx, access) => {
    const opds = await listOpds(ctx.deps.db, access.workspace.id);
    if (opds.length === 0) return void (await reply(ctx, t.noOpds));
    await save(ctx, access, 'opd', {});
    await reply(ctx, t.assignStart, Markup.inlineKeyboard(opds.map((o) => Markup.button.callback(o.name, `tg-opd:${o.id}`)), { columns: 2 }));
  }));

  composer.action(/^tg-opd:(\d+)$/, async (ctx) => {
    const access = await requireAccess(ctx, { name: 'tugaskan', audience: ['koordinator'] });
    if (!access) return;
    const flow = await getFlow(ctx.deps.db, access.personId, BigInt(ctx.chat!.id), ctx.deps.clock.now());
    if (flow?.kind === 'tugaskan' && await refusedElsewhere(ctx, access, flow)) return;
    const [opd] = await findOpdsByIds(ctx.deps.db, access.workspace.id, [Number(ctx.match[1])]);
    if (!flow || flow.kind !== 'tugaskan' || !opd) return void (await ctx.answerCbQuery(flow ? texts.staleButton : t.flowExpired));
    await ctx.answerCbQuery();
    await save(ctx, access, 'indikator', { opdId: opd.id, opdName: opd.name });
    await reply(ctx, t.assignIndicator(opd.name), ask);
  });

  composer.action(/^tg-who:(\d+)$/, async (ctx) => {
    const access = await requireAccess(ctx, { name: 'tugaskan', audience: ['koordinator'] });
    if (!access) return;
    const flow = await getFlow(ctx.deps.db, access.personId, BigInt(ctx.chat!.id), ctx.deps.clock.now());
    if (!flow || flow.kind !== 'tugaskan' || flow.step !== 'pic') return void (await ctx.answerCbQuery(t.flowExpired));
    if (await refusedElsewhere(ctx, access, flow)) return;
    const chosen = Number(ctx.match[1]);
    // Only a PIC of that OPD (re-checked by the use case now) or nobody.
    await finish(ctx, access, flow.data as Draft, chosen === 0 ? null : chosen);
  });

  return composer;
}

type Draft = { opdId: number; opdName: string; indicatorId: number | null; title: string; dueDate: string | null; evaluationId: number; stage: string | null };

/**
 * Creates the item through the use case and answers. From a button (`callback`), a chosen person
 * who is no PIC of the OPD now is refused on the button and the flow waits for another press.
 */
async function finish(ctx: BotContext, access: WorkspaceAccess, d: Draft, assigneeId: number | null) {
  const outcome = await assignNewItem(ctx.deps.db, {
    workspaceId: access.workspace.id, actor: memberActor(access), evaluationId: d.evaluationId, opdId: d.opdId, indicatorId: d.indicatorId,
    stage: d.stage as Stage | null, title: d.title, dueDate: d.dueDate, assigneeId, now: ctx.deps.clock.now(),
  });
  const callback = Boolean(ctx.callbackQuery);
  if (!outcome.ok && outcome.problem === 'not-pic' && callback) return void (await ctx.answerCbQuery(texts.buttonNoAccess));
  if (callback) await ctx.answerCbQuery();
  await clearFlow(ctx.deps.db, access.personId, BigInt(ctx.chat!.id));
  if (!outcome.ok) return void (await reply(ctx, assignRefusal(outcome, d.dueDate)));
  const due = dueText(outcome.due);
  await reply(ctx, t.assignDone(outcome.item.id, outcome.item.title, outcome.opd.name, outcome.assignee?.displayName ?? null, due));
  if (outcome.notice) await notifyPerson(ctx, outcome.notice.person, t.notifyAssigned(outcome.item.id, outcome.item.title, outcome.opd.name, due));
}

/** The flow checked each step as it was typed: these answer only a change made meanwhile. */
function assignRefusal(outcome: Exclude<AssignOutcome, { ok: true }>, dueDate: string | null): string {
  switch (outcome.problem) {
    case 'refused': return texts.problem(outcome.reason);
    case 'title': return t.titleInvalid;
    case 'due-out-of-range': return t.dueOutOfRange(dueDate ?? '', outcome.year, formatDateId(outcome.range.first), formatDateId(outcome.range.last));
    case 'stale': case 'not-pic': case 'malformed-due': return t.flowExpired;
  }
}

/** A due date to show as the example: two weeks from today, as people type it (DD-MM-YYYY). */
function dueExample(ctx: BotContext, access: WorkspaceAccess): string {
  const [y, m, d] = formatIsoDate(addDays(parseIsoDate(workspaceToday(ctx, access.workspace.timeZone))!, 14)).split('-');
  return `${d}-${m}-${y}`;
}

/** The typed steps of the flow: indicator, title, due date. */
export async function handleAssignFlow(ctx: BotContext, access: WorkspaceAccess, flow: { step: string; data: Record<string, unknown> }): Promise<boolean> {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : '';
  if (!text) return false;
  const { db } = ctx.deps;
  const evaluation = await findEvaluation(db, access.workspace.id);
  if (!evaluation) return false;
  if (flow.step === 'indikator') {
    let indicatorId: number | null = null;
    if (text !== '-') {
      const fw = await findFrameworkById(db, evaluation.frameworkId);
      const no = parseWith(arg.indicatorNo(fw!.def.indicators.length), text);
      if (!no.ok) {
        await reply(ctx, `${texts.problem(no.problem ?? '')}\n${t.assignIndicator(String(flow.data.opdName))}`, ask);
        return true;
      }
      indicatorId = fw!.indicatorIds.get(no.value)!;
    }
    // The stage still ahead (the interview once the documents are in), so the item is not born overdue.
    const stage = currentWorkStage(await listStages(db, evaluation.id), workspaceToday(ctx, access.workspace.timeZone));
    await save(ctx, access, 'judul', { ...flow.data, indicatorId, evaluationId: evaluation.id, stage });
    await reply(ctx, t.assignTitle, ask);
    return true;
  }
  if (flow.step === 'judul') {
    if (text.length < TITLE_LENGTH.min || text.length > TITLE_LENGTH.max) {
      await reply(ctx, t.titleInvalid, ask);
      return true;
    }
    const stageDue = (await listStages(db, evaluation.id)).find((s) => s.kind === (flow.data.stage ?? 'dokumen'))?.dueDate ?? null;
    await save(ctx, access, 'tenggat', { ...flow.data, title: text });
    await reply(ctx, t.assignDue(dueText(stageDue), dueExample(ctx, access)), ask);
    return true;
  }
  if (flow.step === 'tenggat') {
    let dueDate: string | null = null;
    if (text !== '-') {
      const date = parseWith(arg.date, text);
      if (!date.ok) {
        await reply(ctx, date.problem ? texts.problem(date.problem) : t.assignDue(null, dueExample(ctx, access)), ask);
        return true;
      }
      // Within the evaluation's year and the next, as /jadwal: a year typed wrong would mislead the reminders.
      const range = evaluationDateRange(evaluation.year);
      if (!isDateInRange(parseIsoDate(date.value)!, range)) {
        await reply(ctx, `${t.dueOutOfRange(text, evaluation.year, formatDateId(range.first), formatDateId(range.last))}\n${t.assignDue(null, dueExample(ctx, access))}`, ask);
        return true;
      }
      // A new item due before today would be overdue the moment it is made.
      if (date.value < workspaceToday(ctx, access.workspace.timeZone)) {
        await reply(ctx, `${t.duePast(formatDateId(parseIsoDate(date.value)!))}\n${t.assignDue(null, dueExample(ctx, access))}`, ask);
        return true;
      }
      dueDate = date.value;
    }
    const data = { ...flow.data, dueDate } as Draft;
    const pics = await listPicsOfOpd(db, access.workspace.id, data.opdId);
    if (pics.length === 0) {
      await reply(ctx, t.assignNoPics);
      await finish(ctx, access, data, null);
      return true;
    }
    await save(ctx, access, 'pic', data);
    await reply(ctx, t.assignWho, Markup.inlineKeyboard([
      ...pics.map((p) => Markup.button.callback(p.displayName, `tg-who:${p.id}`)),
      Markup.button.callback(t.assignNobody, 'tg-who:0'),
    ], { columns: 1 }));
    return true;
  }
  return false;
}
