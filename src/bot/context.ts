import type { Context } from 'telegraf';
import type { Db } from '../db/client.ts';
import type { Role } from '../domain/roles.ts';
import type { Logger } from '../log.ts';
import type { SendLimits } from './limiter.ts';

export interface Clock {
  now(): Date;
}

export interface ChartRenderer {
  domains(input: { title: string; bars: { label: string; value: number | null }[]; target: number | null }): Promise<Buffer>;
  stages(input: { title: string; stages: { label: string; value: number | null }[]; target: number | null; bands?: { name: string; min: number; max: number }[] }): Promise<Buffer>;
}

export interface BotDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  charts: ChartRenderer;
  /** per-user command budget; defaults in rate-limit.ts */
  rateLimit?: { capacity: number; refillPerMinute: number };
  /** outgoing message limits; Telegram's own by default (tests and benchmarks raise them) */
  sendLimits?: SendLimits;
  /**
   * Whether messages also book the budget all processes share (Telegram's limits for the bot as a
   * whole): always by default; `npm start` asks its jobs whether another process is alive; false:
   * this process's limiter alone.
   */
  sharedSendBudget?: boolean | (() => boolean);
  /** the dashboard: its https address (the web_app button) and its t.me Mini App link, if any */
  dashboard?: { url: string; appLink: string | null };
}

/** Who is asking, and for which workspace: resolved from the update itself, never from its text. */
export interface Access {
  personId: number;
  workspace: { id: number; name: string; slug: string; timeZone: string; targetUnits: number | null } | null;
  roles: Role[];
  opdIds: number[];
  /** why there is no workspace, when there is none */
  problem: 'group-not-linked' | 'not-member' | 'no-workspace' | 'choose-workspace' | null;
}

export interface BotContext extends Context {
  deps: BotDeps;
  access?: Access;
}
