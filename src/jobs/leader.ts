// Which process runs the jobs. With several bot processes on one database (PostgreSQL), every
// process answers updates, but only the holder of the `reminders` lease sends reminders and runs
// the daily replan, so each goes out once. Each process tries to take or renew the lease every
// RENEW_MS; the holder keeps it, a holder killed with -9 stops renewing and after at most TTL_MS
// the next try of another process takes over (well within a minute).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { acquireLease, countLiveLeases, releaseLease } from '../db/leases.ts';
import type { Logger } from '../log.ts';

export const JOBS_LEASE = 'reminders';
/** Every process also holds a lease of its own, `process:<holder>`, renewed with the jobs lease: its presence. */
const PRESENCE = 'process:';
export const TTL_MS = 40_000;
export const RENEW_MS = 10_000;

/** This process's name in leases and /healthz: host, pid and a random part (pids repeat across restarts). */
export function processName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export interface Leadership {
  readonly holder: string;
  /** whether this process held the lease at its last successful check, and that check is still within the lease */
  isLeader(): boolean;
  /** tries to take or renew the lease now; true when held */
  check(): Promise<boolean>;
  /** whether another process was alive on this database at the last check (Telegram's limits are then shared) */
  hasPeers(): boolean;
  /** stops trying and gives the lease up */
  stop(): Promise<void>;
}

export interface LeadershipOptions {
  db: Db;
  logger: Logger;
  clock: { now(): Date };
  holder?: string;
  /** called once each time this process becomes the holder (before isLeader() turns true to callers waiting on it) */
  onGain(): Promise<void>;
  /** start the RENEW_MS timer (tests drive check() themselves) */
  timer?: boolean;
}

export function startLeadership(options: LeadershipOptions): Leadership {
  const { db, logger, clock } = options;
  const holder = options.holder ?? processName();
  let heldUntil = 0;
  let checking: Promise<boolean> | null = null;
  let stopped = false;
  let peers = 0;

  /** This process's presence renewed, and the others' counted; a failure keeps the last count. */
  const presence = async (now: Date) => {
    try {
      await acquireLease(db, PRESENCE + holder, holder, now, TTL_MS);
      const alive = await countLiveLeases(db, PRESENCE, now);
      if ((alive > 1) !== (peers > 0)) logger.info({ processes: alive }, alive > 1 ? 'other bot processes found: Telegram\'s limits are shared' : 'this is the only bot process');
      peers = alive - 1;
    } catch (error) {
      logger.warn({ err: error }, 'process presence not renewed');
    }
  };

  const isLeader = () => !stopped && clock.now().getTime() < heldUntil;
  const attempt = async (): Promise<boolean> => {
    if (stopped) return false;
    const now = clock.now();
    const wasLeader = isLeader();
    await presence(now);
    let held: boolean;
    try {
      held = await acquireLease(db, JOBS_LEASE, holder, now, TTL_MS);
    } catch (error) {
      // The database is away: the lease may run out meanwhile, so isLeader() turns false by itself.
      logger.warn({ err: error }, 'reminder lease not renewed');
      return isLeader();
    }
    if (!held) {
      if (wasLeader) logger.warn({ holder }, 'reminder lease lost to another process');
      heldUntil = 0;
      return false;
    }
    // A margin under the lease: this process stops before another may start.
    const until = now.getTime() + TTL_MS - RENEW_MS;
    if (!wasLeader) {
      logger.info({ holder }, 'this process now sends the reminders');
      heldUntil = until;
      await options.onGain();
    } else {
      heldUntil = until;
    }
    return true;
  };
  const check = () => {
    checking ??= attempt().finally(() => { checking = null; });
    return checking;
  };
  const timer = options.timer === false ? null : setInterval(() => void check(), RENEW_MS);
  timer?.unref();

  return {
    holder,
    isLeader,
    check,
    hasPeers: () => peers > 0,
    async stop() {
      if (timer) clearInterval(timer);
      await checking;
      const wasLeader = isLeader();
      stopped = true;
      if (wasLeader) await releaseLease(db, JOBS_LEASE, holder).catch(() => undefined);
      await releaseLease(db, PRESENCE + holder, holder).catch(() => undefined);
    },
  };
}
