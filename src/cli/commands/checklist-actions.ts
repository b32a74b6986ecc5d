// checklist assign and checklist move: the CLI side of /tugaskan and of an item's buttons, through
// the same use cases (src/app/assignments.ts, src/app/checklists.ts), acting with a koordinator's
// authority and audited as the CLI's. The CLI cannot message anyone: whom the chat would have told
// is printed, so the admin tells them another way (the item's reminders are planned as usual).
import { CLI_KOORDINATOR } from '../../app/actors.ts';
import type { AssignOutcome } from '../../app/assignments.ts';
import { assignNewItem } from '../../app/assignments.ts';
import type { NoticePerson } from '../../app/checklists.ts';
import { moveChecklistItem } from '../../app/checklists.ts';
import { listPicsOfOpd } from '../../db/checklists.ts';
import { findOpdByCode } from '../../db/opds.ts';
import { listStages } from '../../db/stages.ts';
import type { ItemAction } from '../../domain/checklists.ts';
import { ITEM_ACTIONS, STATUS_LABELS } from '../../domain/checklists.ts';
import { formatDateId, formatIsoDate, parseIsoDate, toLocalDate } from '../../domain/dates.ts';
import { currentWorkStage } from '../../domain/stages.ts';
import { parseWholeNumber } from '../../domain/score-import.ts';
import { parseDateOption, parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError } from '../io.ts';
import { requireEvaluation, requirePerson, requireWorkspace } from './lookup.ts';

export const ACTION_USAGE = {
  assign: 'npm run cli -- checklist assign --workspace <slug> --opd <kode> --title "<judul>" [--indicator <no>] [--due <tanggal>] [--pic <telegram-id|@username>] [--year <tahun>]',
  move: `npm run cli -- checklist move --workspace <slug> --item <id> --action <${ITEM_ACTIONS.join('|')}> [--reason "<alasan>"]`,
};

/** The line that says the bot did not tell this person (the chat would have, privately). */
function untold(person: NoticePerson): string {
  return `${person.displayName} (${person.telegramId}) tidak diberi tahu lewat Telegram; beri tahu langsung.`;
}

const dateText = (iso: string | null) => (iso === null ? null : formatDateId(parseIsoDate(iso)!));

export async function checklistAssign(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, opd: { type: 'string' }, title: { type: 'string' }, indicator: { type: 'string' },
    due: { type: 'string' }, pic: { type: 'string' }, year: { type: 'string' },
  }, ['workspace', 'opd', 'title'], ACTION_USAGE.assign);
  const dueDate = o.due === undefined ? null : parseDateOption(o.due, '--due');
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const { evaluation, framework } = await requireEvaluation(ctx, workspace.id, year);
  const opd = await findOpdByCode(ctx.db, workspace.id, o.opd!);
  if (!opd) throw new CliError(`OPD "${o.opd}" tidak ada di ${workspace.name}.`);
  let indicatorId: number | null = null;
  if (o.indicator !== undefined) {
    const no = parseWholeNumber(o.indicator);
    indicatorId = no === null ? null : framework.indicatorIds.get(no) ?? null;
    if (indicatorId === null) throw new CliError(`indikator "${o.indicator}" tidak dikenal (nomor 1–${framework.def.indicators.length}).`);
  }
  const pic = o.pic === undefined ? null : await requirePerson(ctx.db, workspace.id, o.pic);
  if (o.pic !== undefined && !pic) throw new CliError(`"${o.pic}" belum dikenal bot di ${workspace.name}.`);
  // As the chat's /tugaskan: the item belongs to the stage still ahead, whose deadline it falls back on.
  const stage = currentWorkStage(await listStages(ctx.db, evaluation.id), formatIsoDate(toLocalDate(ctx.now, workspace.timeZone)));
  const outcome = await assignNewItem(ctx.db, {
    workspaceId: workspace.id, actor: CLI_KOORDINATOR, evaluationId: evaluation.id, opdId: opd.id, indicatorId, stage,
    title: o.title!, dueDate, assigneeId: pic?.id ?? null, now: ctx.now,
  });
  if (!outcome.ok) throw new CliError(await assignRefusal(ctx, outcome, { workspaceId: workspace.id, opd, pic: o.pic ?? '', due: o.due ?? '' }));
  const due = dateText(outcome.due);
  ctx.io.out([
    `Butir #${outcome.item.id} dibuat: ${outcome.item.title} — ${outcome.opd.name}` +
      `${outcome.assignee ? ` — ${outcome.assignee.displayName}` : ' — tanpa penanggung jawab'}${due ? ` — tenggat ${due}` : ''}.`,
    ...(outcome.notice ? [untold(outcome.notice.person)] : []),
  ].join('\n'));
}

async function assignRefusal(ctx: CliContext, outcome: Exclude<AssignOutcome, { ok: true }>,
  typed: { workspaceId: number; opd: { id: number; code: string }; pic: string; due: string }): Promise<string> {
  switch (outcome.problem) {
    case 'not-pic': {
      const pics = await listPicsOfOpd(ctx.db, typed.workspaceId, typed.opd.id);
      return `"${typed.pic}" bukan PIC OPD ${typed.opd.code}; ` +
        (pics.length ? `PIC-nya: ${pics.map((p) => `${p.displayName} (${p.telegramId})`).join(', ')}.` : 'OPD ini belum memiliki PIC; tugaskan tanpa --pic.');
    }
    case 'title': return '--title harus 3–200 karakter.';
    case 'due-out-of-range':
      return `--due ${typed.due} di luar masa evaluasi ${outcome.year}: pilih antara ${formatDateId(outcome.range.first)} dan ${formatDateId(outcome.range.last)}.`;
    case 'refused': return outcome.reason;
    // The lookups above found each of these in this workspace a moment ago.
    case 'stale': case 'malformed-due': return 'data berubah selagi perintah berjalan; coba lagi.';
  }
}

export async function checklistMove(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, item: { type: 'string' }, action: { type: 'string' }, reason: { type: 'string' },
  }, ['workspace', 'item', 'action'], ACTION_USAGE.move);
  // Item ids grow past the four digits an indicator number has: digits only, as /ceklis shows them (#12).
  const typedId = /^#?(\d{1,9})$/.exec(o.item!.trim())?.[1];
  const itemId = typedId === undefined ? null : Number(typedId);
  if (itemId === null) throw new CliError(`--item "${o.item}" bukan nomor butir (mis. 12).`);
  const action = o.action!.trim().toLowerCase();
  if (!(ITEM_ACTIONS as readonly string[]).includes(action)) throw new CliError(`--action "${o.action}" tidak dikenal; pilihan: ${ITEM_ACTIONS.join(', ')}.`);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const outcome = await moveChecklistItem(ctx.db, {
    workspaceId: workspace.id, actor: CLI_KOORDINATOR, itemId, action: action as ItemAction, reason: o.reason?.trim() || null, now: ctx.now,
  });
  if (!outcome.ok) {
    throw new CliError(outcome.problem === 'stale' ? `butir #${itemId} tidak ada di ${workspace.name}, atau baru saja diubah orang lain; periksa lagi.` : outcome.reason);
  }
  ctx.io.out([
    `Butir #${outcome.item.id} ${outcome.item.title}: kini ${STATUS_LABELS[outcome.to]}.`,
    ...(outcome.notice ? [untold(outcome.notice.person)] : []),
  ].join('\n'));
}
