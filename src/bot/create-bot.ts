// createBot(deps): the whole Telegram side, wired once. Order matters: errors are caught from
// the first middleware, a repeated update stops before any work, the sender is installed before
// any reply, and commands are rate-limited per user before they touch the database.
import { randomBytes } from 'node:crypto';
import type { Telegraf as TelegrafType } from 'telegraf';
import { Telegraf } from 'telegraf';
import { markUnreachable, moveChatId } from '../db/chats.ts';
import { claimUpdate } from '../db/updates.ts';
import { prefetchAccess } from './access.ts';
import { RateLimiter } from '../domain/rate-limit.ts';
import type { BotContext, BotDeps } from './context.ts';
import { assignFeature } from './features/assign.ts';
import { chatMigrationFeature } from './features/chat-migration.ts';
import { checklistFilesFeature } from './features/checklist-files.ts';
import { checklistsFeature } from './features/checklists.ts';
import { flowsFeature } from './features/flows.ts';
import { helpFeature, unknownCommandFeature } from './features/help.ts';
import { membersFeature } from './features/members.ts';
import { reminderSettingsFeature } from './features/reminder-settings.ts';
import { remindersFeature } from './features/reminders.ts';
import { reportsFeature } from './features/reports.ts';
import { scoreRecordFeature } from './features/score-record.ts';
import { scoresFeature } from './features/scores.ts';
import { seedingFeature } from './features/seeding.ts';
import { stagesFeature } from './features/stages.ts';
import { startFeature } from './features/start.ts';
import { tasksFeature } from './features/tasks.ts';
import { workspaceFeature } from './features/workspace.ts';
import { COMMANDS } from './registry.ts';
import { SendLimiter, TELEGRAM_LIMITS } from './limiter.ts';
import { SharedSendLimiter } from './shared-limiter.ts';
import { dashboardFeature } from './features/dashboard.ts';
import type { SenderHooks } from './sender.ts';
import { DEFAULT_RETRY, installSender } from './sender.ts';
import { texts } from './texts.ts';
import { commandOf, logUpdates } from './update-log.ts';

export interface CreateBotOptions {
  token: string;
  apiRoot?: string;
}

export function createBot(deps: BotDeps, options: CreateBotOptions): TelegrafType<BotContext> {
  const bot = new Telegraf<BotContext>(options.token, {
    // Replies go out as their own calls (not in the webhook's HTTP answer) so the sender's
    // retries and error handling cover them too.
    telegram: { apiRoot: options.apiRoot ?? 'https://api.telegram.org', webhookReply: false },
    handlerTimeout: 60_000,
  });
  bot.context.deps = deps;
  const hooks: SenderHooks = {
    logger: deps.logger,
    async onMigrate(from, to) {
      deps.logger.info({ from, to }, 'chat migrated to a supergroup');
      await moveChatId(deps.db, BigInt(from), BigInt(to), deps.clock.now());
    },
    async onUnreachable(chatId, description) {
      deps.logger.warn({ chatId, description }, 'chat unreachable');
      await markUnreachable(deps.db, BigInt(chatId), deps.clock.now());
    },
  };
  // With other processes alive, every message books a slot in the budget they all share (so they
  // keep Telegram's limits as one bot), after this process's own limiter; alone, the latter suffices.
  const limits = deps.sendLimits ?? TELEGRAM_LIMITS;
  const local = new SendLimiter(limits);
  const shared = deps.sharedSendBudget ?? true;
  const sendLimiter = shared === false ? local
    : new SharedSendLimiter(deps.db, local, limits, deps.logger, typeof shared === 'function' ? shared : () => true);
  installSender(bot.telegram, DEFAULT_RETRY, hooks, sendLimiter);

  bot.catch(async (error, ctx) => {
    const ref = randomBytes(3).toString('hex').toUpperCase();
    // Minimal fields only: never the update (a bot made admin sees group chatter) or the token.
    deps.logger.error({ ref, updateId: ctx.update.update_id, command: commandOf(ctx), err: error }, 'update failed');
    if (ctx.chat) {
      await ctx.reply(texts.error(ref), { parse_mode: 'HTML' }).catch(() => undefined);
    }
  });

  bot.use(async (ctx, next) => {
    installSender(ctx.telegram, DEFAULT_RETRY, hooks, sendLimiter);
    prefetchAccess(ctx);
    if (!(await claimUpdate(deps.db, ctx.update.update_id))) {
      deps.logger.info({ updateId: ctx.update.update_id }, 'repeated update skipped');
      return;
    }
    return next();
  });
  bot.use(logUpdates(deps.logger));

  // People type /Indeks on phones that capitalise; telegraf matches commands case-sensitively.
  // And a lone UTF-16 surrogate (valid JSON from a client, not valid Unicode) becomes U+FFFD here:
  // passed on, it made the database driver fail the query (found by the command fuzz test).
  bot.use((ctx, next) => {
    const message = ctx.message;
    if (message && 'text' in message && !message.text.isWellFormed()) (message as { text: string }).text = message.text.toWellFormed();
    if (message && 'caption' in message && message.caption && !message.caption.isWellFormed()) (message as { caption: string }).caption = message.caption.toWellFormed();
    const entity = message && 'entities' in message ? message.entities?.[0] : undefined;
    if (message && 'text' in message && entity?.type === 'bot_command' && entity.offset === 0) {
      const mutable = message as { text: string };
      mutable.text = mutable.text.slice(0, entity.length).toLowerCase() + mutable.text.slice(entity.length);
    }
    return next();
  });

  const limiter = new RateLimiter(deps.rateLimit ?? { capacity: 10, refillPerMinute: 30 });
  const warned = new Set<number>();
  bot.use(async (ctx, next) => {
    const isCommand = commandOf(ctx) !== null || ctx.callbackQuery !== undefined;
    if (!isCommand || !ctx.from) return next();
    if (limiter.take(String(ctx.from.id), deps.clock.now().getTime())) {
      warned.delete(ctx.from.id);
      return next();
    }
    if (ctx.callbackQuery) return ctx.answerCbQuery(texts.rateLimited).then(() => undefined);
    // Say it once per burst; answering every extra message would itself flood the chat.
    if (!warned.has(ctx.from.id)) {
      warned.add(ctx.from.id);
      await ctx.reply(texts.rateLimited);
    }
  });

  // Service messages first: a group's upgrade to a supergroup is nobody's command.
  bot.use(chatMigrationFeature(), startFeature(), helpFeature(), workspaceFeature(), scoresFeature(), scoreRecordFeature(), stagesFeature(),
    checklistsFeature(), tasksFeature(), assignFeature(), seedingFeature(), flowsFeature(), checklistFilesFeature(), reminderSettingsFeature(), remindersFeature(), reportsFeature(), membersFeature(), dashboardFeature(),
    unknownCommandFeature());
  return bot;
}

/** The menu: every command with its Indonesian description (setMyCommands). */
export function menuCommands() {
  return COMMANDS.map((c) => ({ command: c.name, description: c.description }));
}
