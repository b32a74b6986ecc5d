import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { Prisma } from '../generated/prisma/client.ts';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;

/** The one place a Prisma client is made: SQLite through the better-sqlite3 driver adapter. */
export function createDb(databaseUrl: string): Db {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** A query function that works inside or outside a transaction takes this. */
export type Queryable = Db | Prisma.TransactionClient;
