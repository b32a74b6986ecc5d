// The checklist as a spreadsheet in Telegram: a coordinator sends an .xlsx/.csv (a dry run with
// row-level errors, then an all-or-nothing apply behind a button) and downloads the export.
// Checking and applying a large file take seconds: they run beside the update that asked for
// them (telegraf's polling waits for every update of a batch before fetching the next, so an
// awaited import would hold everyone's commands), one per workspace at a time, with progress
// edited into one message.
import { randomBytes } from 'node:crypto';
import { Composer, Markup, TelegramError } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { applyChecklistPlan, ChecklistImportError, checkChecklistTableFor, exportChecklist, planChecklistImport } from '../../db/checklist-transfer.ts';
import type { ChecklistImportInput, ChecklistImportPlan } from '../../db/checklist-transfer.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { clearFlow, getFlow, setFlow } from '../../db/flows.ts';
import { writeChecklistXlsx } from '../../files/checklist-workbook.ts';
import { readTableFile, TableFileError } from '../../files/tables.ts';
import { resolveAccess } from '../access.ts';
import type { BotContext } from '../context.ts';
import { refusedElsewhere } from '../flow-workspace.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { requireAccess } from '../guard.ts';
import { reply } from '../reply.ts';
import { fileTexts as t, texts } from '../texts.ts';
import { importTexts as it } from '../texts-imports.ts';

/** Telegram lets a bot download files up to 20 MB; a 50 000-row CSV is about 15 MB. */
const MAX_BYTES = 20 * 1024 * 1024;
const SHOWN_ERRORS = 25;
const IMPORTERS = { name: 'tugaskan', audience: ['koordinator'] } as const;
/** At most this many progress edits per import (Telegram limits edits too). */
const PROGRESS_EDITS = 10;

/**
 * The file's bytes. A network error is tried once more: a kept-alive connection the file server
 * already closed fails the first request on it (undici's "fetch failed"), the second one works.
 */
async function download(link: URL): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(link);
      if (!response.ok) throw new Error(String(response.status));
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (attempt >= 2 || !(error instanceof TypeError)) throw error;
    }
  }
}

type Planned =
  | { ok: true; input: ChecklistImportInput; plan: ChecklistImportPlan; evaluationId: number }
  | { ok: false; message: string };

/** Reads and checks the file: the plan, or the message saying why not. */
async function planFrom(ctx: BotContext, access: WorkspaceAccess, fileId: string, fileName: string): Promise<Planned> {
  // The link carries the bot token: it is used here and never stored or logged.
  const link = await ctx.telegram.getFileLink(fileId);
  let data: Buffer;
  try {
    data = await download(link);
  } catch (error) {
    // Rethrown without the URL, so no log line can ever carry the token; hence no `cause` either.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`file download failed (${error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, '…') : 'unknown'})`);
  }
  let table;
  try {
    table = await readTableFile(fileName, data);
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    return { ok: false, message: t.unreadable(error.message) };
  }
  const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
  const checked = await checkChecklistTableFor(ctx.deps.db, access.workspace.id,
    { year: ev.evaluation.year, indicatorNos: ev.framework.def.indicators.map((i) => i.no) }, table);
  const errors = checked.ok ? [] : checked.errors;
  const input = { workspaceId: access.workspace.id, evaluationId: ev.evaluation.id, rows: checked.ok ? checked.rows : [] };
  const plan = checked.ok ? await planChecklistImport(ctx.deps.db, input) : null;
  const all = [...errors, ...(plan?.errors ?? [])];
  if (all.length > 0) return { ok: false, message: t.rejected(all.length, all.slice(0, SHOWN_ERRORS)) };
  return { ok: true, input, plan: plan!, evaluationId: ev.evaluation.id };
}

/**
 * Runs `work` without holding the update, for a workspace the caller claimed in `running`. The
 * work frees the workspace (`release`) before its last message, so whoever reads that message
 * may send the next file at once; an unexpected error frees it and gets the answer bot.catch
 * gives, logged with a reference code.
 */
function runBeside(ctx: BotContext, running: Set<number>, workspaceId: number, work: (release: () => void) => Promise<void>) {
  const release = () => running.delete(workspaceId);
  void work(release)
    .catch(async (error: unknown) => {
      release();
      const ref = randomBytes(3).toString('hex').toUpperCase();
      ctx.deps.logger.error({ ref, updateId: ctx.update.update_id, err: error }, 'checklist import failed');
      await reply(ctx, it.failed(ref)).catch(() => undefined);
    })
    .finally(release);
}

/** One message edited as the import goes: at most PROGRESS_EDITS times, never two edits in flight. */
function progressMessage(ctx: BotContext, chatId: number, messageId: number) {
  let inFlight: Promise<unknown> | null = null;
  let shownAt = 0;
  const edit = (text: string) => ctx.telegram.editMessageText(chatId, messageId, undefined, text, { parse_mode: 'HTML' }).catch(() => undefined);
  return {
    update(done: number, total: number) {
      if (inFlight || done - shownAt < total / PROGRESS_EDITS || done === total) return;
      shownAt = done;
      inFlight = edit(it.progress(done, total)).finally(() => { inFlight = null; });
    },
    async finish(text: string) {
      await inFlight;
      await edit(text);
    },
  };
}

/** Telegram refuses a private message to someone who never opened the bot (400) or blocked it (403). */
function isUnreachable(error: unknown): boolean {
  return error instanceof TelegramError && (error.code === 403 || (error.code === 400 && /chat not found/i.test(error.description)));
}

export function checklistFilesFeature() {
  const composer = new Composer<BotContext>();
  /** workspaces with a file being checked or applied */
  const running = new Set<number>();

  composer.on('document', async (ctx, next) => {
    const access = await resolveAccess(ctx);
    if (!access.workspace || access.problem) return next();
    const { file_id: fileId, file_name: fileName = 'berkas', file_size: size = 0 } = ctx.message.document;
    if (!/\.(xlsx|csv)$/i.test(fileName)) return void (await reply(ctx, t.evidenceHint));
    if (!access.roles.includes('koordinator')) return void (await reply(ctx, t.evidenceHint));
    if (size > MAX_BYTES) return void (await reply(ctx, t.tooLarge));
    const workspace = access.workspace;
    if (running.has(workspace.id)) return void (await reply(ctx, it.busy));
    running.add(workspace.id);
    runBeside(ctx, running, workspace.id, async (release) => {
      const planned = await planFrom(ctx, access as WorkspaceAccess, fileId, fileName);
      if (!planned.ok) {
        release();
        return void (await reply(ctx, planned.message));
      }
      // The plan is kept with its workspace and evaluation: applied only while the chat answers for them.
      await setFlow(ctx.deps.db, access.personId, BigInt(ctx.chat.id), {
        kind: 'impor', step: 'konfirmasi', workspaceId: workspace.id, data: { fileId, fileName, evaluationId: planned.evaluationId },
      }, new Date(ctx.deps.clock.now().getTime() + 30 * 60_000));
      release();
      const { plan } = planned;
      await reply(ctx, t.dryRun(fileName, plan.creates.length, plan.updates.length, plan.unchanged),
        Markup.inlineKeyboard([Markup.button.callback(t.apply, 'imp:ok'), Markup.button.callback(t.cancel, 'imp:no')]));
    });
  });

  composer.action(/^imp:(ok|no)$/, async (ctx) => {
    const access = await requireAccess(ctx, IMPORTERS);
    if (!access) return;
    const chatId = BigInt(ctx.chat!.id);
    const flow = await getFlow(ctx.deps.db, access.personId, chatId, ctx.deps.clock.now());
    // Pressed again after the plan was taken (applied, cancelled, expired): nothing left to apply.
    if (ctx.match[1] === 'ok' && flow?.kind !== 'impor') return void (await ctx.answerCbQuery(texts.staleButton));
    if (!flow || flow.kind !== 'impor' || ctx.match[1] === 'no') {
      await ctx.answerCbQuery();
      await clearFlow(ctx.deps.db, access.personId, chatId);
      return void (await reply(ctx, t.cancelled));
    }
    // The flow is kept: the person may choose its workspace again and press once more.
    if (await refusedElsewhere(ctx, access, flow, it.otherWorkspace)) return;
    const workspaceId = access.workspace.id;
    if (running.has(workspaceId)) return void (await ctx.answerCbQuery(it.busy, { show_alert: true }));
    // Claimed before the next await, so a second press cannot start the same import twice.
    running.add(workspaceId);
    let started = false;
    try {
      await ctx.answerCbQuery();
      await clearFlow(ctx.deps.db, access.personId, chatId);
      const message = ctx.callbackQuery.message;
      const progress = message ? progressMessage(ctx, message.chat.id, message.message_id) : null;
      await progress?.finish(it.checking);
      runBeside(ctx, running, workspaceId, async (release) => {
        try {
          await applyFile(ctx, access, flow.data, progress, release);
        } catch (error) {
          await progress?.finish(it.stopped);
          throw error;
        }
      });
      started = true;
    } finally {
      if (!started) running.delete(workspaceId);
    }
  });

  composer.action('exp:xlsx', async (ctx) => {
    const access = await requireAccess(ctx, { name: 'progres', audience: ['koordinator', 'pimpinan'] });
    if (!access) return;
    await ctx.answerCbQuery();
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const rows = await exportChecklist(ctx.deps.db, access.workspace.id, ev.evaluation.id);
    const data = await writeChecklistXlsx(rows, {
      workspaceName: access.workspace.name, year: ev.evaluation.year, frameworkName: ev.framework.def.name,
      timeZone: access.workspace.timeZone, exportedAt: ctx.deps.clock.now(),
    });
    const document = { source: data, filename: `ceklis-${access.workspace.slug}-${ev.evaluation.year}.xlsx` };
    const extra = { caption: t.exportCaption(access.workspace.name, ev.evaluation.year), parse_mode: 'HTML' as const };
    // It names assignees: in a group it goes to the asker's private chat, as /laporan's XLSX does.
    if (ctx.chat?.type === 'private') return void (await ctx.replyWithDocument(document, extra));
    try {
      await ctx.telegram.sendDocument(ctx.from.id, document, extra);
      await reply(ctx, it.exportSentPrivately);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      await reply(ctx, it.exportPrivateBlocked(`@${ctx.botInfo.username}`));
    }
  });

  return composer;
}

type Progress = ReturnType<typeof progressMessage> | null;

/** Checks the file again (the data may have changed since the dry run), then applies it. */
async function applyFile(ctx: BotContext, access: WorkspaceAccess, data: Record<string, unknown>, progress: Progress, release: () => void) {
  const finish = async (last: string, message: string) => {
    await progress?.finish(last);
    release();
    await reply(ctx, message);
  };
  const planned = await planFrom(ctx, access, String(data.fileId), String(data.fileName));
  if (!planned.ok) return finish(it.stopped, planned.message);
  if (planned.evaluationId !== data.evaluationId) return finish(it.stopped, it.evaluationChanged);
  const { plan, input } = planned;
  const total = plan.creates.length + plan.updates.length;
  let done;
  try {
    done = await applyChecklistPlan(ctx.deps.db, input, plan, botActor(access.personId), ctx.deps.clock.now(),
      { onProgress: (n, of) => progress?.update(n, of) });
  } catch (error) {
    if (!(error instanceof ChecklistImportError)) throw error;
    return finish(it.stopped, t.rejected(error.errors.length, error.errors.slice(0, SHOWN_ERRORS)));
  }
  await finish(it.progress(total, total), t.applied(done.created, done.updated));
}
