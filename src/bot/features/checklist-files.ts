// The checklist as a spreadsheet in Telegram: a coordinator sends an .xlsx/.csv (a dry run with
// row-level errors, then an all-or-nothing apply behind a button) and downloads the export.
import { Composer, Markup } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { applyChecklistImport, ChecklistImportError, checkChecklistTableFor, exportChecklist, planChecklistImport } from '../../db/checklist-transfer.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { clearFlow, getFlow, setFlow } from '../../db/flows.ts';
import { writeChecklistXlsx } from '../../files/checklist-workbook.ts';
import { readTableFile, TableFileError } from '../../files/tables.ts';
import { resolveAccess } from '../access.ts';
import type { BotContext } from '../context.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { requireAccess } from '../guard.ts';
import { reply } from '../reply.ts';
import { fileTexts as t } from '../texts.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_ERRORS = 25;
const IMPORTERS = { name: 'tugaskan', audience: ['koordinator'] } as const;

/** Reads and checks the file: the plan, or a reply already sent explaining why not. */
async function planFrom(ctx: BotContext, access: WorkspaceAccess, fileId: string, fileName: string) {
  // The link carries the bot token: it is used here and never stored or logged.
  const link = await ctx.telegram.getFileLink(fileId);
  let data: Buffer;
  try {
    const response = await fetch(link);
    if (!response.ok) throw new Error(String(response.status));
    data = Buffer.from(await response.arrayBuffer());
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
    await reply(ctx, t.unreadable(error.message));
    return null;
  }
  const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
  const checked = await checkChecklistTableFor(ctx.deps.db, access.workspace.id, ev.framework.def.indicators.map((i) => i.no), table);
  const errors = checked.ok ? [] : checked.errors;
  const input = { workspaceId: access.workspace.id, evaluationId: ev.evaluation.id, rows: checked.ok ? checked.rows : [] };
  const plan = checked.ok ? await planChecklistImport(ctx.deps.db, input) : null;
  const all = [...errors, ...(plan?.errors ?? [])];
  if (all.length > 0) {
    await reply(ctx, t.rejected(all.length, all.slice(0, SHOWN_ERRORS)));
    return null;
  }
  return { input, plan: plan!, ev };
}

export function checklistFilesFeature() {
  const composer = new Composer<BotContext>();

  composer.on('document', async (ctx, next) => {
    const access = await resolveAccess(ctx);
    if (!access.workspace || access.problem) return next();
    const { file_id: fileId, file_name: fileName = 'berkas', file_size: size = 0 } = ctx.message.document;
    if (!/\.(xlsx|csv)$/i.test(fileName)) return void (await reply(ctx, t.evidenceHint));
    if (!access.roles.includes('koordinator')) return void (await reply(ctx, t.evidenceHint));
    if (size > MAX_BYTES) return void (await reply(ctx, t.tooLarge));
    const planned = await planFrom(ctx, access as WorkspaceAccess, fileId, fileName);
    if (!planned) return;
    await setFlow(ctx.deps.db, access.personId, BigInt(ctx.chat.id), { kind: 'impor', step: 'konfirmasi', data: { fileId, fileName } },
      new Date(ctx.deps.clock.now().getTime() + 30 * 60_000));
    const { plan } = planned;
    await reply(ctx, t.dryRun(fileName, plan.creates.length, plan.updates.length, plan.unchanged),
      Markup.inlineKeyboard([Markup.button.callback(t.apply, 'imp:ok'), Markup.button.callback(t.cancel, 'imp:no')]));
  });

  composer.action(/^imp:(ok|no)$/, async (ctx) => {
    const access = await requireAccess(ctx, IMPORTERS);
    if (!access) return;
    const chatId = BigInt(ctx.chat!.id);
    const flow = await getFlow(ctx.deps.db, access.personId, chatId, ctx.deps.clock.now());
    await ctx.answerCbQuery();
    await clearFlow(ctx.deps.db, access.personId, chatId);
    if (!flow || flow.kind !== 'impor' || ctx.match[1] === 'no') return void (await reply(ctx, t.cancelled));
    // Checked again at apply time: the data may have changed since the dry run.
    const planned = await planFrom(ctx, access, String(flow.data.fileId), String(flow.data.fileName));
    if (!planned) return;
    try {
      const done = await applyChecklistImport(ctx.deps.db, planned.input, botActor(access.personId), ctx.deps.clock.now());
      await reply(ctx, t.applied(done.created, done.updated));
    } catch (error) {
      if (!(error instanceof ChecklistImportError)) throw error;
      await reply(ctx, t.rejected(error.errors.length, error.errors.slice(0, SHOWN_ERRORS)));
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
    await ctx.replyWithDocument({ source: data, filename: `ceklis-${access.workspace.slug}-${ev.evaluation.year}.xlsx` },
      { caption: t.exportCaption(access.workspace.name, ev.evaluation.year), parse_mode: 'HTML' });
  });

  return composer;
}
