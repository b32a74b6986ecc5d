// The role check of every command and every button press, on the server, from the update.
import { Markup } from 'telegraf';
import { ANONYMOUS_SENDERS, membershipsOf, resolveAccess } from './access.ts';
import type { Access, BotContext } from './context.ts';
import type { Audience, CommandSpec } from './registry.ts';
import { allows, findCommand } from './registry.ts';
import { roleName, texts } from './texts.ts';
import { reply } from './reply.ts';


export function audienceText(audience: Audience): string {
  if (audience === 'anyone') return 'siapa saja';
  if (audience === 'member') return 'anggota workspace';
  return audience.map(roleName).join(' dan ');
}

/** A refusal goes where the user acted: a reply to a command, a short notice on a button. */
async function tell(ctx: BotContext, html: string, extra?: Parameters<typeof reply>[2]) {
  if (ctx.callbackQuery) {
    const plain = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    await ctx.answerCbQuery(plain.slice(0, 200), { show_alert: true });
    return;
  }
  await reply(ctx, html, extra);
}

/** Access with a workspace, or null after telling the user why not. */
export async function requireAccess(ctx: BotContext, spec: Pick<CommandSpec, 'name' | 'audience'>): Promise<WorkspaceAccess | null> {
  if (!ctx.from || ANONYMOUS_SENDERS.has(ctx.from.id)) {
    await tell(ctx, texts.anonymousAdmin);
    return null;
  }
  const access = await resolveAccess(ctx);
  if (access.problem === 'choose-workspace') {
    const options = await membershipsOf(ctx);
    await tell(ctx, texts.chooseWorkspace, Markup.inlineKeyboard(
      options.map((m) => [Markup.button.callback(m.workspaceName, `ws:${m.workspaceId}`)])));
    return null;
  }
  if (access.problem === 'group-not-linked') {
    await tell(ctx, texts.groupNotLinked);
    return null;
  }
  if (access.problem === 'no-workspace') {
    await tell(ctx, texts.noWorkspace);
    return null;
  }
  if (!access.workspace) return null;
  if (access.problem === 'not-member') {
    await tell(ctx, texts.notMember(access.workspace.name));
    return null;
  }
  if (!allows(spec.audience, access.roles, true)) {
    await tell(ctx, texts.noAccess(spec.name, audienceText(spec.audience)));
    return null;
  }
  return access as WorkspaceAccess;
}

export type WorkspaceAccess = Access & { workspace: NonNullable<Access['workspace']> };

/** A registered command run only for those its audience allows, with their workspace. */
export function guarded<C extends BotContext>(name: string, handler: (ctx: C, access: WorkspaceAccess, spec: CommandSpec) => Promise<void>) {
  const spec = findCommand(name);
  if (!spec) throw new Error(`command /${name} is not in the registry`);
  return async (ctx: C) => {
    const access = await requireAccess(ctx, spec);
    if (access) await handler(ctx, access, spec);
  };
}
