// Many rows into one table as a few multi-row INSERT statements. Prisma's createMany spends about
// 0.3 ms of synchronous work per row on SQLite (54 000 reminders held the event loop and the
// database for 19 s); one plain statement of 500 rows takes about 10 ms. Columns are named by
// the caller from the schema, values are always bound parameters.
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './client.ts';
import { executeRaw } from './raw-sql.ts';

/** Rows per statement: SQLite binds at most 32 766 parameters, and a statement this size stays near 10 ms. */
export const INSERT_BATCH = 500;

type Row = Record<string, unknown>;
const quoted = (name: string) => `"${name}"`;

export interface InsertOptions {
  /** a unique column: a row whose value is already stored is skipped, not an error (both SQLite and PostgreSQL) */
  skipExisting?: string;
}

/** One INSERT of `rows` (at most INSERT_BATCH) into `table`; a missing value is NULL. Returns rows written. */
export async function insertRows(db: Db | Prisma.TransactionClient, table: string, columns: readonly string[], rows: readonly Row[],
  options: InsertOptions = {}): Promise<number> {
  if (rows.length === 0) return 0;
  if (rows.length > INSERT_BATCH) throw new Error(`insertRows: ${rows.length} rows, at most ${INSERT_BATCH} per statement`);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return executeRaw(db,
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`
      + (options.skipExisting ? ` ON CONFLICT (${quoted(options.skipExisting)}) DO NOTHING` : ''),
    ...rows.flatMap((row) => columns.map((column) => row[column] ?? null)));
}

/** All of `rows`, INSERT_BATCH per statement, awaiting `between` (if given) after each. */
export async function insertAll(db: Db | Prisma.TransactionClient, table: string, columns: readonly string[], rows: readonly Row[],
  options: InsertOptions & { between?: (done: number) => Promise<void> | void } = {}): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    written += await insertRows(db, table, columns, rows.slice(i, i + INSERT_BATCH), options);
    await options.between?.(Math.min(i + INSERT_BATCH, rows.length));
  }
  return written;
}
