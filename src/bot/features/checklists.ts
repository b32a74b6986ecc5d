// /ceklis: an OPD's items with buttons; an item's detail; moving it (re-checked on the server
// by the domain's state machine); evidence and reasons captured through a stored flow.
import { Composer, Markup } from 'telegraf';
import { memberActor } from '../../app/actors.ts';
import { moveChecklistItem } from '../../app/checklists.ts';
import { attachItemEvidence } from '../../app/evidence.ts';
import type { NewEvidence } from '../../app/evidence.ts';
import { findItem, listOpdItems } from '../../db/checklists.ts';
import { findEvaluation } from '../../db/evaluations.ts';
import { clearFlow, getFlow, setFlow } from '../../db/flows.ts';
import { findOpdsByIds, listOpds } from '../../db/opds.ts';
import { listStages } from '../../db/stages.ts';
import type { ItemAction, ItemStatus } from '../../domain/checklists.ts';
import { evidenceLinkIn } from '../../domain/evidence-link.ts';
import { allowedActions, canAttachEvidence, effectiveDueDate, moveItem, REASON_MAX_LENGTH, STATUS_ICONS, STATUS_LABELS } from '../../domain/checklists.ts';
import { words } from '../args.ts';
import type { BotContext } from '../context.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { guarded, requireAccess } from '../guard.ts';
import { reply } from '../reply.ts';
import { checklistTexts as t, texts } from '../texts.ts';
import { flowTexts } from '../texts-imports.ts';
import { dueShown, itemButtons, itemDetailText, notifyPerson, workspaceToday } from './checklist-views.ts';

const PER_PAGE = 8;
const FLOW_MINUTES = 30;
const chatIdOf = (ctx: BotContext) => BigInt(ctx.chat!.id);

async function stageDues(ctx: BotContext, evaluationId: number) {
  const stages = await listStages(ctx.deps.db, evaluationId);
  return new Map(stages.map((s) => [s.kind, s.dueDate]));
}

type Evaluation = Awaited<ReturnType<typeof findEvaluation>>;

/** `known`: the evaluation when the caller already read it (alongside its own lookups). */
async function showPage(ctx: BotContext, access: WorkspaceAccess, opd: { id: number; name: string }, page: number, edit: boolean, known?: Evaluation) {
  const evaluation = known === undefined ? await findEvaluation(ctx.deps.db, access.workspace.id) : known;
  if (!evaluation) return void (await reply(ctx, t.listEmpty(opd.name)));
  const { total, items } = await listOpdItems(ctx.deps.db, access.workspace.id, evaluation.id, opd.id, page, PER_PAGE);
  const today = workspaceToday(ctx, access.workspace.timeZone);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const text = total === 0 ? t.listEmpty(opd.name) : [
    t.listTitle(opd.name, total, page + 1, pages),
    ...items.map((i) => t.listLine(STATUS_ICONS[i.status as ItemStatus], i.id, i.title, i.indicator?.no ?? null,
      dueShown(i.due, i.status, today), i.assignee?.displayName ?? null)),
  ].join('\n');
  const open = items.map((i) => Markup.button.callback(t.openButton(i.id), `it:${i.id}`));
  const nav = [
    ...(page > 0 ? [Markup.button.callback(t.prev, `ck:${opd.id}:${page - 1}`)] : []),
    ...(page + 1 < pages ? [Markup.button.callback(t.next, `ck:${opd.id}:${page + 1}`)] : []),
  ];
  const rows = [...Array.from({ length: Math.ceil(open.length / 4) }, (_, r) => open.slice(r * 4, r * 4 + 4)), ...(nav.length ? [nav] : [])];
  const markup = Markup.inlineKeyboard(rows);
  if (edit) await ctx.editMessageText(text, { parse_mode: 'HTML', ...markup }).catch(() => undefined);
  else await reply(ctx, text, markup);
}

async function showItem(ctx: BotContext, access: WorkspaceAccess, itemId: number) {
  const item = await findItem(ctx.deps.db, access.workspace.id, itemId);
  if (!item) return void (await reply(ctx, t.moveStale));
  const dues = item.evaluationId ? await stageDues(ctx, item.evaluationId) : new Map<string, string | null>();
  const state = { status: item.status as ItemStatus, opdId: item.opdId, assigneeId: item.assignee?.id ?? null, evidenceCount: item.evidence.length };
  const actions = allowedActions(state, memberActor(access));
  const canAttach = canAttachEvidence(state, memberActor(access));
  await reply(ctx, itemDetailText(item, effectiveDueDate(item.dueDate, item.stage ? dues.get(item.stage) ?? null : null), workspaceToday(ctx, access.workspace.timeZone)),
    itemButtons(item.id, actions.filter((a) => a !== 'ajukan' || state.evidenceCount > 0), canAttach));
}

async function applyMove(ctx: BotContext, access: WorkspaceAccess, itemId: number, action: ItemAction, reason: string | null) {
  const outcome = await moveChecklistItem(ctx.deps.db, { workspaceId: access.workspace.id, actor: memberActor(access), itemId, action, reason, now: ctx.deps.clock.now() });
  if (!outcome.ok) return outcome.problem === 'stale' ? t.moveStale : texts.problem(outcome.reason);
  const { item, notice } = outcome;
  if (notice) await notifyPerson(ctx, notice.person, notice.kind === 'revisi' ? t.notifyRevision(item.id, item.title, notice.reason ?? '') : t.notifyVerified(item.id, item.title));
  return t.moved(item.id, STATUS_LABELS[outcome.to]);
}

const NEEDS_REASON: ItemAction[] = ['kembalikan'];

export function checklistsFeature() {
  const composer = new Composer<BotContext>();

  composer.command('ceklis', guarded('ceklis', async (ctx, access) => {
    const code = words(ctx.payload)[0];
    // The OPDs and the evaluation in one round: each round trip is about a millisecond on PostgreSQL.
    const [opds, evaluation] = await Promise.all([listOpds(ctx.deps.db, access.workspace.id), findEvaluation(ctx.deps.db, access.workspace.id)]);
    if (opds.length === 0) return void (await reply(ctx, t.noOpds));
    if (code) {
      const opd = opds.find((o) => o.code === code.trim().toLowerCase());
      if (!opd) return void (await reply(ctx, t.unknownOpd(code, opds.map((o) => o.code))));
      return showPage(ctx, access, opd, 0, false, evaluation);
    }
    const own = opds.find((o) => access.opdIds.includes(o.id));
    if (own) return showPage(ctx, access, own, 0, false, evaluation);
    await reply(ctx, t.chooseOpd, Markup.inlineKeyboard(opds.map((o) => Markup.button.callback(o.name, `ck:${o.id}:0`)), { columns: 2 }));
  }));

  composer.action(/^ck:(\d+):(\d+)$/, async (ctx) => {
    const access = await requireAccess(ctx, { name: 'ceklis', audience: 'member' });
    if (!access) return;
    const [opd] = await findOpdsByIds(ctx.deps.db, access.workspace.id, [Number(ctx.match[1])]);
    if (!opd) return void (await ctx.answerCbQuery(texts.staleButton));
    await ctx.answerCbQuery();
    const fromList = ctx.callbackQuery.message && 'text' in ctx.callbackQuery.message && ctx.callbackQuery.message.text.startsWith('Ceklis');
    await showPage(ctx, access, opd, Number(ctx.match[2]), Boolean(fromList));
  });

  composer.action(/^it:(\d+)$/, async (ctx) => {
    const access = await requireAccess(ctx, { name: 'ceklis', audience: 'member' });
    if (!access) return;
    await ctx.answerCbQuery();
    await showItem(ctx, access, Number(ctx.match[1]));
  });

  composer.action(/^mv:(\d+):([a-z]+)$/, async (ctx) => {
    const access = await requireAccess(ctx, { name: 'ceklis', audience: 'member' });
    if (!access) return;
    const itemId = Number(ctx.match[1]);
    const action = ctx.match[2] as ItemAction;
    if (NEEDS_REASON.includes(action)) {
      const item = await findItem(ctx.deps.db, access.workspace.id, itemId);
      const check = item && moveItem({ status: item.status as ItemStatus, opdId: item.opdId, assigneeId: item.assignee?.id ?? null, evidenceCount: item.evidence.length },
        action, memberActor(access), 'alasan');
      if (!check || !check.ok) return void (await ctx.answerCbQuery(check ? check.reason : t.moveStale, { show_alert: true }));
      await setFlow(ctx.deps.db, access.personId, chatIdOf(ctx), { kind: 'alasan', step: 'alasan', workspaceId: access.workspace.id, data: { itemId, action } },
        new Date(ctx.deps.clock.now().getTime() + FLOW_MINUTES * 60_000));
      await ctx.answerCbQuery();
      return void (await reply(ctx, t.askReason(itemId), Markup.forceReply().selective()));
    }
    const outcome = await applyMove(ctx, access, itemId, action, null);
    await ctx.answerCbQuery(outcome.slice(0, 200), { show_alert: !outcome.startsWith('Item #') });
  });

  composer.action(/^ev:(\d+)$/, async (ctx) => {
    const access = await requireAccess(ctx, { name: 'ceklis', audience: 'member' });
    if (!access) return;
    const itemId = Number(ctx.match[1]);
    const item = await findItem(ctx.deps.db, access.workspace.id, itemId);
    const state = item && { status: item.status as ItemStatus, opdId: item.opdId, assigneeId: item.assignee?.id ?? null, evidenceCount: 1 };
    if (!state || !canAttachEvidence(state, memberActor(access))) {
      const why = state ? moveItem({ ...state, status: 'proses' }, 'ajukan', memberActor(access)) : null;
      return void (await ctx.answerCbQuery(why && !why.ok ? why.reason : t.moveStale, { show_alert: true }));
    }
    await setFlow(ctx.deps.db, access.personId, chatIdOf(ctx), { kind: 'bukti', step: 'bukti', workspaceId: access.workspace.id, data: { itemId } },
      new Date(ctx.deps.clock.now().getTime() + FLOW_MINUTES * 60_000));
    await ctx.answerCbQuery();
    await reply(ctx, t.askEvidence(itemId), Markup.forceReply().selective());
  });

  composer.command('batal', guarded('batal', async (ctx, access) => {
    const flow = await getFlow(ctx.deps.db, access.personId, chatIdOf(ctx), ctx.deps.clock.now());
    await clearFlow(ctx.deps.db, access.personId, chatIdOf(ctx));
    await reply(ctx, flow ? t.flowCancelled : t.nothingToCancel);
  }));

  return composer;
}

/** What a person sends while a flow waits for a reason or evidence (commands pass through). */
export async function handleChecklistFlow(ctx: BotContext, access: WorkspaceAccess, flow: { kind: string; data: Record<string, unknown> }): Promise<boolean> {
  const message = ctx.message!;
  const itemId = Number(flow.data.itemId);
  if (flow.kind === 'alasan') {
    const reason = 'text' in message ? message.text.trim() : '';
    if (!reason) return false;
    // Too long: said, and the flow still waits, so a shorter reason can simply be typed.
    const length = [...reason].length;
    if (length > REASON_MAX_LENGTH) {
      await reply(ctx, `${flowTexts.reasonTooLong(REASON_MAX_LENGTH, length)}\n${t.askReason(itemId)}`, Markup.forceReply().selective());
      return true;
    }
    await clearFlow(ctx.deps.db, access.personId, chatIdOf(ctx));
    await reply(ctx, await applyMove(ctx, access, itemId, flow.data.action as ItemAction, reason));
    return true;
  }
  if (flow.kind !== 'bukti') return false;
  const evidence = evidenceOf(message);
  if (!evidence) {
    await reply(ctx, t.evidenceNeedsFile);
    return true;
  }
  const outcome = await attachItemEvidence(ctx.deps.db, { workspaceId: access.workspace.id, actor: memberActor(access), itemId, evidence, now: ctx.deps.clock.now() });
  if (!outcome.ok && outcome.problem === 'stale') {
    await reply(ctx, t.moveStale);
    return true;
  }
  // Saved or refused, this flow is over: a refusal (role lost, item closed) would not change on a retry.
  await clearFlow(ctx.deps.db, access.personId, chatIdOf(ctx));
  await reply(ctx, outcome.ok ? t.evidenceSaved(itemId, STATUS_LABELS[outcome.to]) : texts.problem(outcome.reason));
  return true;
}

type Message = NonNullable<BotContext['message']>;

/** A document or photo by file id (never a getFile URL: it carries the token), or a link. */
function evidenceOf(message: Message): NewEvidence | null {
  const none = { telegramFileId: null, telegramFileUnique: null, fileName: null, fileSize: null, mimeType: null, url: null };
  if ('document' in message) {
    const d = message.document;
    return { ...none, kind: 'document', telegramFileId: d.file_id, telegramFileUnique: d.file_unique_id, fileName: d.file_name ?? 'dokumen', fileSize: d.file_size ?? null, mimeType: d.mime_type ?? null };
  }
  if ('photo' in message) {
    const p = message.photo.at(-1)!;
    return { ...none, kind: 'photo', telegramFileId: p.file_id, telegramFileUnique: p.file_unique_id, fileName: 'foto', fileSize: p.file_size ?? null, mimeType: 'image/jpeg' };
  }
  const link = 'text' in message ? evidenceLinkIn(message.text) : null;
  return link ? { ...none, kind: 'link', url: link.url, fileName: link.name } : null;
}
