// Routes what a person types or sends while a guided flow of theirs waits in this chat. Commands
// are never captured (a command ends nothing by itself; /batal does). A flow started in another
// workspace than the chat's now is refused before any step runs (src/bot/flow-workspace.ts).
import { Composer } from 'telegraf';
import { getFlow } from '../../db/flows.ts';
import { resolveAccess } from '../access.ts';
import type { BotContext } from '../context.ts';
import { refusedElsewhere } from '../flow-workspace.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { handleAssignFlow } from './assign.ts';
import { handleChecklistFlow } from './checklists.ts';

export function flowsFeature() {
  const composer = new Composer<BotContext>();
  composer.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : '';
    if (text.startsWith('/') || !ctx.from) return next();
    const access = await resolveAccess(ctx);
    if (!access.workspace || access.problem) return next();
    const flow = await getFlow(ctx.deps.db, access.personId, BigInt(ctx.chat.id), ctx.deps.clock.now());
    // The import waits for a button, not for a message: a document sent meanwhile is a new file.
    if (!flow || flow.kind === 'impor') return next();
    if (await refusedElsewhere(ctx, access as WorkspaceAccess, flow)) return;
    const handled = flow.kind === 'tugaskan'
      ? await handleAssignFlow(ctx, access as WorkspaceAccess, flow)
      : await handleChecklistFlow(ctx, access as WorkspaceAccess, flow);
    if (!handled) return next();
  });
  return composer;
}
