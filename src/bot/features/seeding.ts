// /siapkan: a coordinator fills a new evaluation's checklist from each indicator's evidence
// example and the indicator→OPD map, or carries last year's unfinished items over.
import { Composer } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { ChecklistSeedError } from '../../db/checklist-seeding.ts';
import { carryOverChecklist, generateChecklistItems } from '../../db/checklist-transfer.ts';
import { findEvaluation } from '../../db/evaluations.ts';
import { parseYearText } from '../../domain/workspace-rules.ts';
import { words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { seedTexts as t, texts } from '../texts.ts';

export function seedingFeature() {
  const composer = new Composer<BotContext>();
  composer.command('siapkan', guarded('siapkan', async (ctx, access, spec) => {
    const args = words(ctx.payload);
    const evaluation = await findEvaluation(ctx.deps.db, access.workspace.id);
    if (!evaluation) return void (await reply(ctx, t.refused('workspace ini belum memiliki evaluasi.')));
    const actor = botActor(access.personId);
    try {
      if (args.length === 0) {
        const done = await generateChecklistItems(ctx.deps.db, { workspaceId: access.workspace.id, evaluationId: evaluation.id, actor, now: ctx.deps.clock.now() });
        return void (await reply(ctx, t.generated(done.created, done.existing, done.unassigned)));
      }
      const year = args[0]?.toLowerCase() === 'lanjutan' && args.length === 2 ? parseYearText(args[1]!) : null;
      if (year === null || year >= evaluation.year) return void (await reply(ctx, texts.usage(spec)));
      const done = await carryOverChecklist(ctx.deps.db, { workspaceId: access.workspace.id, fromYear: year, toEvaluationId: evaluation.id, actor, now: ctx.deps.clock.now() });
      await reply(ctx, t.carried(done.created, year, done.alreadyCarried + done.alreadyPresent));
    } catch (error) {
      if (!(error instanceof ChecklistSeedError)) throw error;
      await reply(ctx, t.refused(error.message));
    }
  }));
  return composer;
}
