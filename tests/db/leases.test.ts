// The jobs lease on a real database (SQLite, and PostgreSQL in the postgresql project): one
// holder at a time, renewed by its holder, taken over once it has run out, given up on a stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease, currentLease, releaseLease } from '../../src/db/leases.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(() => { t = createTestDb(); });
afterAll(() => t.close());

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 8, 0, seconds));

describe('leases', () => {
  it('one holder at a time; renewed by its holder; taken over only after it ran out; released on a stop', async () => {
    expect(await acquireLease(t.db, 'reminders', 'a', at(0), 40_000)).toBe(true);
    expect(await acquireLease(t.db, 'reminders', 'b', at(1), 40_000)).toBe(false);
    expect(await acquireLease(t.db, 'reminders', 'a', at(10), 40_000)).toBe(true);
    expect(await acquireLease(t.db, 'reminders', 'b', at(49), 40_000)).toBe(false);
    expect(await currentLease(t.db, 'reminders', at(49))).toMatchObject({ holder: 'a', expiresAt: at(50) });
    // a stops renewing (killed): at 50 s its lease has run out and b takes it; a cannot get it back
    expect(await acquireLease(t.db, 'reminders', 'b', at(50), 40_000)).toBe(true);
    expect(await acquireLease(t.db, 'reminders', 'a', at(51), 40_000)).toBe(false);
    expect(await currentLease(t.db, 'reminders', at(51))).toMatchObject({ holder: 'b' });
    await releaseLease(t.db, 'reminders', 'a'); // not a's to give up: nothing changes
    expect(await currentLease(t.db, 'reminders', at(52))).toMatchObject({ holder: 'b' });
    await releaseLease(t.db, 'reminders', 'b');
    expect(await currentLease(t.db, 'reminders', at(52))).toBeNull();
    expect(await acquireLease(t.db, 'reminders', 'a', at(53), 40_000)).toBe(true);
  });

  it('many processes asking at once: exactly one gets it', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireLease(t.db, 'race', `p${i}`, at(0), 40_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const lease = await currentLease(t.db, 'race', at(1));
    expect(lease?.holder).toBe(`p${results.indexOf(true)}`);
  });
});
