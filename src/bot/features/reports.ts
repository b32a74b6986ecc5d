// /laporan: the leadership report in the chat. The four charts go as one album, the PDF summary
// as a document; the XLSX lists people by name (assignees, who changed a score), so in a group it
// goes to the asker's private chat instead, as the reminders keep names out of groups too.
import { Composer, TelegramError } from 'telegraf';
import type { InputMediaPhoto } from 'telegraf/types';
import { EvaluationNotFoundError } from '../../db/evaluations.ts';
import { loadReportInput } from '../../db/report-data.ts';
import { formatFraction } from '../../domain/numbers.ts';
import { buildReport } from '../../domain/report.ts';
import type { ReportModel } from '../../domain/report.ts';
import { STAGE_LABELS } from '../../domain/stages.ts';
import { buildReportFiles, reportFileName } from '../../files/report.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { texts } from '../texts.ts';
import { reportTexts as t } from '../texts-reports.ts';

function headline(model: ReportModel): string {
  const total = model.headline?.totalUnits;
  if (total == null || !model.headlineStage) return t.noScores;
  return t.headline(formatFraction({ num: total, den: 10_000 }), model.headline!.predicate ?? '', STAGE_LABELS[model.headlineStage], model.headlineStage !== 'final');
}

/** Telegram refuses a private message to someone who never opened the bot (400) or blocked it (403). */
function isUnreachable(error: unknown): boolean {
  return error instanceof TelegramError && (error.code === 403 || (error.code === 400 && /chat not found/i.test(error.description)));
}

export function reportsFeature() {
  const composer = new Composer<BotContext>();

  composer.command('laporan', guarded('laporan', async (ctx, access, spec) => {
    const args = words(ctx.payload);
    const year = args[0] === undefined ? undefined : parseWith(arg.year, args[0]);
    if ((year && !year.ok) || args.length > 1) return void (await reply(ctx, texts.usage(spec, year && !year.ok ? year.problem : undefined)));

    let input;
    try {
      input = await loadReportInput(ctx.deps.db, access.workspace.id, ctx.deps.clock.now(), year?.value);
    } catch (error) {
      if (error instanceof EvaluationNotFoundError) return void (await reply(ctx, t.noEvaluation(error.message)));
      throw error;
    }
    await reply(ctx, t.working);
    const model = buildReport(input);
    const files = await buildReportFiles(model);
    const name = (format: 'pdf' | 'xlsx') => reportFileName(model, access.workspace.slug, format);

    const album: InputMediaPhoto[] = (['domains', 'stages', 'trend', 'opds'] as const).map((key, i) => ({
      type: 'photo',
      media: { source: files.charts[key], filename: `${key}.png` },
      ...(i === 0 ? { caption: t.chartsCaption(model.workspaceName, model.framework.name, model.year, model.framework.domains.length === 0), parse_mode: 'HTML' as const } : {}),
    }));
    await ctx.replyWithMediaGroup(album);
    await ctx.replyWithDocument({ source: files.pdf, filename: name('pdf') }, { caption: t.pdfCaption(headline(model)), parse_mode: 'HTML' });

    const xlsx = { source: files.xlsx, filename: name('xlsx') };
    if (ctx.chat.type === 'private') {
      await ctx.replyWithDocument(xlsx, { caption: t.xlsxCaption, parse_mode: 'HTML' });
      return;
    }
    try {
      await ctx.telegram.sendDocument(ctx.from.id, xlsx, { caption: t.xlsxCaption, parse_mode: 'HTML' });
      await reply(ctx, t.xlsxSentPrivately);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      await reply(ctx, t.xlsxPrivateBlocked(`@${ctx.botInfo.username}`));
    }
  }));

  return composer;
}
