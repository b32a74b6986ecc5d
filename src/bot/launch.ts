// Serving Telegram: long polling by default, a webhook when WEBHOOK_URL is set (with /healthz
// and the secret-token check), and a stop that lets in-flight updates finish.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { BotContext } from './context.ts';
import { menuCommands } from './create-bot.ts';
import type { Logger } from '../log.ts';

export interface LaunchOptions {
  webhookUrl?: string;
  webhookSecret?: string;
  port: number;
  host?: string;
  logger: Logger;
  /** what GET /healthz reports; `ok: false` answers 503 (a load balancer then sends updates elsewhere) */
  health?: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  /** the bot token: every process behind one webhook derives the same default secret from it */
  token?: string;
  /** the dashboard's https address: every private chat's menu button opens it */
  menuButtonUrl?: string;
  /** more pages on the same server (the dashboard): true when it answered the request */
  http?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface RunningBot {
  /** resolves once polling or the webhook server has stopped and in-flight updates finished */
  stop(reason: string): Promise<void>;
  /** resolves when the bot ends by itself (the sandbox when its user quits) */
  finished?: Promise<void>;
  /** the webhook server's port (tests listen on 0) */
  port?: number;
}

function trackInFlight(bot: Telegraf<BotContext>) {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  bot.use(async (_ctx, next) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  });
  return (timeoutMs: number) => new Promise<void>((resolve) => {
    if (inFlight === 0) return resolve();
    drained = resolve;
    setTimeout(resolve, timeoutMs).unref();
  });
}

/** Start-up calls may fail (Telegram down, a flaky network): log them and keep serving. */
async function announceCommands(bot: Telegraf<BotContext>, logger: Logger, menuButtonUrl: string | undefined) {
  try {
    await bot.telegram.setMyCommands(menuCommands());
  } catch (error) {
    logger.warn({ err: error }, 'setMyCommands failed; continuing');
  }
  if (!menuButtonUrl) return;
  try {
    await bot.telegram.setChatMenuButton({ menuButton: { type: 'web_app', text: 'Dasbor', web_app: { url: menuButtonUrl } } });
  } catch (error) {
    logger.warn({ err: error }, 'setChatMenuButton failed; continuing');
  }
}

export async function launchBot(bot: Telegraf<BotContext>, options: LaunchOptions): Promise<RunningBot> {
  const drain = trackInFlight(bot);
  await announceCommands(bot, options.logger, options.menuButtonUrl);

  if (!options.webhookUrl) {
    const polling = bot.launch({ dropPendingUpdates: false }).catch((error: Error) => {
      options.logger.error({ error: error.message }, 'polling stopped with an error');
    });
    // A load balancer or systemd watchdog asks /healthz in polling mode too (on PORT), and the
    // dashboard is served there.
    const health = options.health || options.http ? await healthServer(options) : null;
    options.logger.info({ mode: 'polling', healthPort: health?.port ?? null }, 'bot started');
    return {
      ...(health ? { port: health.port } : {}),
      async stop(reason) {
        bot.stop(reason);
        await polling;
        await health?.close();
        await drain(10_000);
      },
    };
  }

  const url = new URL(options.webhookUrl);
  // Several processes behind one webhook must agree on the secret Telegram sends: without
  // WEBHOOK_SECRET it is derived from the token (every process computes the same one).
  const secret = options.webhookSecret
    ?? (options.token ? createHash('sha256').update(`spbe-bot webhook secret\n${options.token}`).digest('base64url') : randomBytes(24).toString('base64url'));
  const callback = bot.webhookCallback(url.pathname, { secretToken: secret });
  const server: Server = createServer(guarded(options, (req, res) => {
    if (req.url === '/healthz') {
      void healthz(options, res);
      return;
    }
    if (options.http?.(req, res)) return;
    void callback(req, res);
  }));
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const address = server.address();
  try {
    await bot.telegram.setWebhook(url.href, { secret_token: secret });
  } catch (error) {
    options.logger.warn({ err: error }, 'setWebhook failed; continuing');
  }
  options.logger.info({ mode: 'webhook', path: url.pathname }, 'bot started');
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await drain(10_000);
    },
  };
}

async function healthz(options: LaunchOptions, res: ServerResponse): Promise<void> {
  const report = options.health ? await options.health().catch((error: Error) => ({ ok: false, error: error.message })) : { ok: true };
  res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
}

/**
 * A request handler that cannot take the process down: whatever one request throws is logged
 * and answered 400 (the server's 'request' listener has no catch, so a throw there would end the
 * bot for everyone, as a single malformed request line once did).
 */
function guarded(options: LaunchOptions, handle: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    try {
      handle(req, res);
    } catch (error) {
      options.logger.warn({ err: error, path: String(req.url).slice(0, 200) }, 'request refused');
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Permintaan tidak dapat dibaca.');
    }
  };
}

/** /healthz and the dashboard, for polling mode; a port already taken is logged, not fatal: the bot matters more. */
async function healthServer(options: LaunchOptions): Promise<{ port: number; close(): Promise<void> } | null> {
  const server = createServer(guarded(options, (req, res) => {
    if (req.url === '/healthz') return void healthz(options, res);
    if (options.http?.(req, res)) return;
    res.writeHead(404).end();
  }));
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (error) => {
      options.logger.warn({ err: error, port: options.port }, 'health endpoint not started; continuing');
      resolve(false);
    });
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve(true));
  });
  if (!listening) return null;
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
