// A flow belongs to the workspace it was started in. The chat's workspace may change under it
// (a `ws:` button, pressed or forged, in a private chat of someone in two workspaces): what the
// flow gathered (an OPD, an evaluation, a planned import) then names another workspace's data,
// so the step is refused and nothing is written.
import type { Flow } from '../db/flows.ts';
import { clearFlow } from '../db/flows.ts';
import { findWorkspaceById } from '../db/workspaces.ts';
import type { BotContext } from './context.ts';
import type { WorkspaceAccess } from './guard.ts';
import { reply } from './reply.ts';
import { checklistTexts, texts } from './texts.ts';
import { flowTexts } from './texts-imports.ts';

/** True (after telling the person) when `flow` was started in another workspace than this chat's now. */
export async function refusedElsewhere(ctx: BotContext, access: WorkspaceAccess, flow: Flow,
  message: (started: string, current: string) => string = flowTexts.otherWorkspace): Promise<boolean> {
  if (flow.workspaceId === access.workspace.id) return false;
  if (ctx.callbackQuery) await ctx.answerCbQuery();
  if (flow.workspaceId === null) {
    // Stored before flows carried their workspace: which one it was is unknown, so it starts over.
    await clearFlow(ctx.deps.db, access.personId, BigInt(ctx.chat!.id));
    await reply(ctx, ctx.callbackQuery ? texts.staleButton : checklistTexts.flowExpired);
    return true;
  }
  const started = await findWorkspaceById(ctx.deps.db, flow.workspaceId).catch(() => null);
  await reply(ctx, message(started?.name ?? `#${flow.workspaceId}`, access.workspace.name));
  return true;
}
