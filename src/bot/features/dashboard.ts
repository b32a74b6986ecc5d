// /dasbor: the button that opens the dashboard (Mini App). A private chat gets a web_app button
// (Telegram signs the person in); a group, where Telegram allows no web_app button, gets a link:
// the Mini App's t.me link when one is registered with @BotFather, else the private chat with
// `/start dasbor`, which answers with the web_app button.
import { Composer, Markup } from 'telegraf';
import type { BotContext } from '../context.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { dashboardChatTexts as t } from '../texts-dashboard.ts';

/** The dashboard's address for this workspace (a member of several opens the one they asked in). */
function addressFor(url: string, access: WorkspaceAccess): string {
  const address = new URL(url);
  address.searchParams.set('ws', access.workspace.slug);
  return address.href;
}

export async function sendDashboardButton(ctx: BotContext, access: WorkspaceAccess): Promise<void> {
  const dashboard = ctx.deps.dashboard;
  if (!dashboard) return void (await reply(ctx, t.notSetUp));
  if (ctx.chat?.type === 'private') {
    return void (await reply(ctx, t.privateIntro(access.workspace.name),
      Markup.inlineKeyboard([Markup.button.webApp(t.button, addressFor(dashboard.url, access))])));
  }
  const link = dashboard.appLink ?? `https://t.me/${ctx.botInfo.username}?start=dasbor`;
  await reply(ctx, t.groupIntro(access.workspace.name), Markup.inlineKeyboard([Markup.button.url(t.groupButton, link)]));
}

export function dashboardFeature() {
  const composer = new Composer<BotContext>();
  composer.command('dasbor', guarded('dasbor', async (ctx, access) => sendDashboardButton(ctx, access)));
  return composer;
}
