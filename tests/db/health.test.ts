// /healthz's report on a real database: reachable and who sends the reminders; a database that
// cannot be reached reports so (503 from the server), without throwing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { acquireLease } from '../../src/db/leases.ts';
import { healthReport } from '../../src/jobs/health.ts';
import { JOBS_LEASE } from '../../src/jobs/leader.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb, TEST_PROVIDER } from '../support/db.ts';

let t: TestDb;
beforeAll(() => { t = createTestDb(); });
afterAll(() => t.close());

describe('healthReport', () => {
  it('says the database is reachable and which process sends the reminders', async () => {
    const now = new Date('2026-12-03T08:00:00Z');
    expect(await healthReport(t.db, 'host:1:aa', now)).toEqual({ ok: true, database: 'ok', process: 'host:1:aa', reminders: null });
    await acquireLease(t.db, JOBS_LEASE, 'host:2:bb', now, 40_000);
    expect(await healthReport(t.db, 'host:1:aa', now)).toMatchObject({ ok: true, reminders: 'host:2:bb' });
  });

  it('reports a database it cannot reach, without throwing', async () => {
    const url = TEST_PROVIDER === 'postgresql' ? 'postgresql://postgres@127.0.0.1:1/none' : 'file:/nonexistent-dir/none.db';
    const away = createDb(url);
    expect(await healthReport(away, 'host:1:aa', new Date())).toEqual({ ok: false, database: 'tidak terjangkau', process: 'host:1:aa', reminders: null });
    await away.$disconnect().catch(() => undefined);
  });
});
