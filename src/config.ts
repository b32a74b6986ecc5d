// The one place settings are read: parseConfig(env, cwd) is pure so tests can feed it values;
// loadConfig() is what the entry points call.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1).default('file:./spbe-bot.db'),
  BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  WEBHOOK_URL: z.url().optional(),
  // Telegram's rule for secret_token; anything else makes setWebhook fail, and the bot then runs
  // receiving nothing. The message never repeats the value: it is a secret.
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/,
    'harus 1–256 karakter, hanya huruf A–Z/a–z, angka 0–9, garis bawah (_) dan tanda hubung (-), syarat Telegram').optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // A rehearsal (and the multi-process tests): the process's clock starts at this instant and runs
  // on in real time, so reminders due on a chosen working morning go out now. Never in production.
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  // Readable log lines for a developer's terminal; production keeps JSON for log tools.
  LOG_PRETTY: z.enum(['0', '1']).default('0'),
  // The dashboard (Mini App) as Telegram opens it: an https address of this server's /dasbor.
  // Without it, a webhook's https origin + /dasbor.
  DASHBOARD_URL: z.url({ protocol: /^https$/, error: 'harus alamat https:// (syarat Telegram untuk Mini App)' }).optional(),
  // The Mini App's t.me link, once registered with @BotFather (/newapp): groups get it as a button.
  DASHBOARD_APP_LINK: z.url({ hostname: /^t\.me$/, error: 'harus tautan https://t.me/<bot>/<nama-app> dari @BotFather' }).optional(),
});

export interface Config {
  databaseUrl: string;
  botToken: string | undefined;
  telegramApiRoot: string | undefined;
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  logPretty: boolean;
  /** the instant the process's clock starts at, when rehearsing a date */
  clockStart: Date | undefined;
  /** where Telegram opens the dashboard (https), when it can */
  dashboardUrl: string | undefined;
  /** the Mini App's t.me link, when registered with @BotFather */
  dashboardAppLink: string | undefined;
}

/** DASHBOARD_URL, or the webhook's origin + /dasbor when that is https (Telegram opens only https). */
function dashboardUrlOf(explicit: string | undefined, webhookUrl: string | undefined): string | undefined {
  if (explicit) return explicit;
  if (!webhookUrl) return undefined;
  const url = new URL(webhookUrl);
  return url.protocol === 'https:' ? `${url.origin}/dasbor` : undefined;
}

export class ConfigError extends Error {}

/**
 * The database: `postgresql://…` as given (its password is never echoed back), or a SQLite file
 * whose relative path is made absolute so every tool (Prisma CLI included) opens one file.
 */
export function normalizeDatabaseUrl(url: string, cwd: string): string {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname || parsed.pathname.length <= 1) throw new Error('no host or database');
    } catch {
      throw new ConfigError('DATABASE_URL PostgreSQL tidak valid: tulis postgresql://pengguna:sandi@host:5432/nama_basis_data');
    }
    return url;
  }
  if (!url.startsWith('file:')) {
    throw new ConfigError(`DATABASE_URL harus berupa file SQLite (file:…) atau PostgreSQL (postgresql://…), bukan "${url.split(':')[0]}:…"`);
  }
  const path = url.slice('file:'.length);
  return `file:${isAbsolute(path) ? path : resolve(cwd, path)}`;
}

export function parseConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Pengaturan tidak valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: normalizeDatabaseUrl(c.DATABASE_URL, cwd),
    botToken: c.BOT_TOKEN,
    telegramApiRoot: c.TELEGRAM_API_ROOT,
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    logPretty: c.LOG_PRETTY === '1',
    clockStart: c.CLOCK_START ? new Date(c.CLOCK_START) : undefined,
    dashboardUrl: dashboardUrlOf(c.DASHBOARD_URL, c.WEBHOOK_URL),
    dashboardAppLink: c.DASHBOARD_APP_LINK,
  };
}

/** The process's settings: a `.env` file in the working folder first, the environment winning. */
export function loadConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig(process.env, process.cwd());
}
