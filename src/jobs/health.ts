// What GET /healthz reports: whether this process reaches the database, its own name, and which
// process sends the reminders (the jobs lease holder), so an operator behind a load balancer
// sees at a glance that exactly one does.
import type { Db } from '../db/client.ts';
import { currentLease } from '../db/leases.ts';
import { JOBS_LEASE } from './leader.ts';

export interface HealthReport extends Record<string, unknown> {
  ok: boolean;
  database: 'ok' | 'tidak terjangkau';
  process: string;
  /** the process sending reminders, or null when none holds the lease now */
  reminders: string | null;
}

const PING_TIMEOUT_MS = 2_000;

export async function healthReport(db: Db, processName: string, now: Date): Promise<HealthReport> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS).unref());
  try {
    const lease = await Promise.race([currentLease(db, JOBS_LEASE, now), timeout]);
    return { ok: true, database: 'ok', process: processName, reminders: lease?.holder ?? null };
  } catch {
    return { ok: false, database: 'tidak terjangkau', process: processName, reminders: null };
  }
}
