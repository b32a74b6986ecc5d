// The few raw statements (bulk inserts, set-based moves) are written once, with `?` placeholders
// and SQL both databases accept (ON CONFLICT, UPDATE … FROM, RETURNING, `(x & bit) <> 0`);
// PostgreSQL numbers its placeholders ($1, $2 …), so they are numbered here when it is the one.
import type { Queryable } from './client.ts';
import { dialectOf } from './client.ts';

/** `sql` with its `?` placeholders as the database wants them. No `?` may appear inside a literal. */
export function placeholders(db: Queryable, sql: string): string {
  if (dialectOf(db) === 'sqlite') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function executeRaw(db: Queryable, sql: string, ...args: unknown[]): Promise<number> {
  return db.$executeRawUnsafe(placeholders(db, sql), ...args);
}

export function queryRaw<T>(db: Queryable, sql: string, ...args: unknown[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(placeholders(db, sql), ...args);
}

/**
 * Runs the steps one after another and gives their results in order: inside a transaction, where
 * PostgreSQL has one connection, queries must not overlap (pg warns now and refuses from pg@9).
 */
export async function sequence<T extends readonly (() => Promise<unknown>)[]>(steps: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
