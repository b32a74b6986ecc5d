// Two bot processes on one database, as two job runners with their own senders: only the lease
// holder sends; when it dies (stops renewing, as after kill -9) the other takes over once the
// lease has run out, recovers what was in flight and sends the rest: every reminder once.
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { setStageDate } from '../../src/db/stages.ts';
import type { ReminderMessage } from '../../src/domain/reminder-messages.ts';
import { TTL_MS } from '../../src/jobs/leader.ts';
import type { RunningJobs } from '../../src/jobs/schedule.ts';
import { startJobs } from '../../src/jobs/schedule.ts';
import { silentLogger } from '../support/bot-harness.ts';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb | undefined;
const running: RunningJobs[] = [];
afterEach(async () => {
  for (const jobs of running.splice(0)) await jobs.stop();
  await t?.close();
  t = undefined;
});

/** A process's sender: records what it sent (chat, kind, content). */
function notifier(sent: string[]) {
  return {
    async send(chatId: bigint, message: ReminderMessage) {
      sent.push(`${chatId}:${message.kind}:${JSON.stringify(message)}`);
      return { ok: true as const };
    },
    botUsername: () => 'spbe_test_bot',
  };
}

describe('several processes', () => {
  it('each knows whether another is alive: alone, two together, alone again after one stops or dies', async () => {
    t = createTestDb();
    let clock = new Date('2026-09-07T00:30:00Z');
    const options = { db: t.db, logger: silentLogger, clock: { now: () => clock }, notifier: notifier([]), leaseTimer: false };
    const a = await startJobs({ ...options, holder: 'A' });
    running.push(a);
    expect(a.leadership.hasPeers()).toBe(false);
    const b = await startJobs({ ...options, holder: 'B' });
    running.push(b);
    expect(b.leadership.hasPeers()).toBe(true);
    await a.leadership.check();
    expect(a.leadership.hasPeers()).toBe(true);
    // B stops cleanly: its presence goes at once.
    await b.stop();
    running.splice(running.indexOf(b), 1);
    await a.leadership.check();
    expect(a.leadership.hasPeers()).toBe(false);
    // C dies without a word (kill -9): after its presence runs out, A is alone again.
    const c = await startJobs({ ...options, holder: 'C' });
    running.push(c);
    await a.leadership.check();
    expect(a.leadership.hasPeers()).toBe(true);
    clock = new Date(clock.getTime() + TTL_MS + 1_000);
    await a.leadership.check();
    expect(a.leadership.hasPeers()).toBe(false);
  });

  it('only the lease holder sends; after it dies another takes over within the lease and nothing goes twice', async () => {
    t = createTestDb();
    const db = t.db;
    let clock = new Date('2026-09-07T00:30:00Z'); // Monday 08.30 WITA
    const now = () => clock;
    const workspaceId = await seedDemoWorkspace(db);
    const evaluation = await db.evaluation.findFirstOrThrow({ where: { workspaceId } });
    await db.evaluation.update({ where: { id: evaluation.id }, data: { year: 2026 } });
    // Stage deadlines two weeks out: H-7 (14 Sep), H-3, H-1 and the day reach the demo group.
    await setStageDate(db, { evaluationId: evaluation.id, workspaceId, stage: 'dokumen', dueDate: '2026-09-21', dueTime: null }, CLI_ACTOR, clock);

    const sentA: string[] = [];
    const sentB: string[] = [];
    const a = await startJobs({ db, logger: silentLogger, clock: { now }, notifier: notifier(sentA), holder: 'A', leaseTimer: false });
    running.push(a);
    const b = await startJobs({ db, logger: silentLogger, clock: { now }, notifier: notifier(sentB), holder: 'B', leaseTimer: false });
    running.push(b);
    expect([a.leadership.isLeader(), b.leadership.isLeader()]).toEqual([true, false]);

    clock = new Date('2026-09-14T00:05:00Z'); // H-7, 08.05
    await a.tick();
    await b.tick();
    expect(sentA.length).toBeGreaterThan(0);
    expect(sentB).toEqual([]);
    const afterFirst = sentA.length;

    // A is killed: it never renews again. Until its lease runs out B still does nothing.
    clock = new Date('2026-09-18T00:05:00Z'); // H-3
    await b.leadership.check();
    expect(b.leadership.isLeader()).toBe(true); // A's lease (taken at 00:30 on the 7th) ran out long ago
    await b.tick();
    expect(sentB.length).toBeGreaterThan(0);
    expect(sentA).toHaveLength(afterFirst);
    // A, were it alive again, could not send: its lease is B's now.
    await a.tick();
    expect(sentA).toHaveLength(afterFirst);

    const all = [...sentA, ...sentB];
    expect(new Set(all).size).toBe(all.length);
    const rows = await db.reminderDelivery.findMany({ where: { state: 'sent' } });
    expect(rows).toHaveLength(all.length);
  });

  it('a holder killed mid-lease is replaced only after the lease has run out', async () => {
    t = createTestDb();
    let clock = new Date('2026-09-07T00:30:00Z');
    const now = () => clock;
    await seedDemoWorkspace(t.db);
    const a = await startJobs({ db: t.db, logger: silentLogger, clock: { now }, notifier: notifier([]), holder: 'A', leaseTimer: false });
    running.push(a);
    const b = await startJobs({ db: t.db, logger: silentLogger, clock: { now }, notifier: notifier([]), holder: 'B', leaseTimer: false });
    running.push(b);
    clock = new Date(clock.getTime() + TTL_MS - 1);
    expect(await b.leadership.check()).toBe(false);
    clock = new Date(clock.getTime() + 1);
    expect(await b.leadership.check()).toBe(true);
    expect(await a.leadership.check()).toBe(false);
  });
});
