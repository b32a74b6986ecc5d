// /tugas (my open items, nearest deadline first) and /progres (every OPD's bar, the overdue
// list, the indicators least ready, and other agencies' index values still awaited).
import { Composer, Markup } from 'telegraf';
import { countItemsByIndicator, countItemsByOpd, listOpenItemsOf, listOverdueItems } from '../../db/checklists.ts';
import { loadEvaluationHead } from '../../db/evaluations.ts';
import { listExternalValues } from '../../db/external-values.ts';
import { listOpds } from '../../db/opds.ts';
import { listStages } from '../../db/stages.ts';
import type { ItemStatus } from '../../domain/checklists.ts';
import { byDueDate, effectiveDueDate, progressBar, STATUS_ICONS } from '../../domain/checklists.ts';
import { missingExternalIndices, waitingText } from '../../domain/external-indices.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { checklistTexts as t, fileTexts, scoreTexts } from '../texts.ts';
import { dueShown, dueText, workspaceToday } from './checklist-views.ts';

export function tasksFeature() {
  const composer = new Composer<BotContext>();

  composer.command('tugas', guarded('tugas', async (ctx, access) => {
    const items = await listOpenItemsOf(ctx.deps.db, access.workspace.id, access.personId);
    if (items.length === 0) return void (await reply(ctx, t.tasksEmpty));
    const evaluationIds = [...new Set(items.map((i) => i.evaluationId).filter((id): id is number => id !== null))];
    const stageRows = await Promise.all(evaluationIds.map((id) => listStages(ctx.deps.db, id)));
    const stages = new Map(evaluationIds.map((id, k) => [id, new Map(stageRows[k]!.map((s) => [s.kind, s.dueDate]))]));
    const withDue = items.map((i) => ({ item: i, id: i.id, due: effectiveDueDate(i.dueDate, i.stage && i.evaluationId ? stages.get(i.evaluationId)?.get(i.stage) ?? null : null) }));
    withDue.sort(byDueDate);
    const today = workspaceToday(ctx, access.workspace.timeZone);
    await reply(ctx, [t.tasksTitle(items.length), ...withDue.map(({ item, due }) =>
      t.taskLine(STATUS_ICONS[item.status as ItemStatus], item.id, item.title, item.opd.name, dueShown(due, item.status, today)))].join('\n'));
  }));

  composer.command('progres', guarded('progres', async (ctx, access) => {
    const { db } = ctx.deps;
    const head = await loadEvaluationHead(db, access.workspace.id);
    if (!head) return void (await reply(ctx, t.progressEmpty));
    const { evaluation, framework: fw } = head;
    // Everything after the evaluation in one round (in parallel on PostgreSQL, where each round
    // trip is about a millisecond of the reply). Two groupings rather than one by OPD and
    // indicator: that one returns a row for nearly every item, and mapping rows costs most here.
    const today = workspaceToday(ctx, access.workspace.timeZone);
    const [counts, byIndicatorRows, opds, overdue, external] = await Promise.all([
      countItemsByOpd(db, access.workspace.id, evaluation.id),
      countItemsByIndicator(db, access.workspace.id, evaluation.id),
      listOpds(db, access.workspace.id),
      listOverdueItems(db, access.workspace.id, evaluation.id, today),
      listExternalValues(db, evaluation.id),
    ]);
    if (counts.length === 0) return void (await reply(ctx, t.progressEmpty));
    const tally = (rows: { status: string; _count: { _all: number } }[]) => ({
      done: rows.filter((r) => r.status === 'selesai').reduce((s, r) => s + r._count._all, 0),
      total: rows.filter((r) => r.status !== 'dibatalkan').reduce((s, r) => s + r._count._all, 0),
    });
    const lines = [t.progressTitle(access.workspace.name, evaluation.year)];
    const byOpd = groupRows(counts, (c) => c.opdId);
    const perOpd = opds.map((o) => ({ opd: o, ...tally(byOpd.get(o.id) ?? []) })).filter((p) => p.total > 0);
    perOpd.sort((a, b) => a.done / a.total - b.done / b.total || a.opd.code.localeCompare(b.opd.code));
    for (const p of perOpd) lines.push(t.progressLine(p.opd.name, progressBar(p.done, p.total), p.done, p.total));
    if (overdue.total === 0) lines.push(t.overdueNone);
    else {
      lines.push(t.overdueTitle(overdue.total, overdue.items.length));
      const opdNames = new Map(opds.map((o) => [o.id, o.name]));
      for (const i of overdue.items) lines.push(t.overdueLine(i.id, i.title, opdNames.get(i.opdId) ?? '–', dueText(i.due) ?? '–'));
    }
    const indicators = new Map([...fw.indicatorIds].map(([no, id]) => [id, no]));
    const byIndicator = groupRows(byIndicatorRows, (c) => c.indicatorId!);
    const readiness = [...byIndicator]
      .map(([id, rows]) => ({ no: indicators.get(id) ?? 0, ...tally(rows) }))
      .filter((r) => r.total > 0)
      .sort((a, b) => a.done / a.total - b.done / b.total || a.no - b.no)
      .slice(0, 5);
    if (readiness.length > 0) lines.push(t.readinessTitle, ...readiness.map((r) => t.readinessLine(r.no, r.done, r.total)));
    const waiting = fw.def.indicators.some((i) => i.externalIndex)
      ? missingExternalIndices(fw.def, new Set(external.keys())) : [];
    if (waiting.length > 0) lines.push(scoreTexts.externalWaiting(waiting.map(waitingText)));
    await reply(ctx, lines.join('\n'), Markup.inlineKeyboard([Markup.button.callback(fileTexts.exportButton, 'exp:xlsx')]));
  }));

  return composer;
}

/** Rows by key, in first-seen order (Map.groupBy arrives with Node 21). */
function groupRows<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
