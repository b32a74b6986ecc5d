// The one place a Prisma client is made. DATABASE_URL decides: `file:…` is SQLite through the
// better-sqlite3 driver adapter (zero set-up, the default), `postgresql://…` is PostgreSQL through
// adapter-pg. Both clients are generated from the same models (prisma/schema.prisma and the
// PostgreSQL copy made from it), so the rest of the code sees one type and never asks which.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Prisma } from '../generated/prisma/client.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import { PrismaClient as PgPrismaClient } from '../generated/prisma-pg/client.ts';

export type Db = PrismaClient;

/** A query function that works inside or outside a transaction takes this. */
export type Queryable = Db | Prisma.TransactionClient;

export type Provider = 'sqlite' | 'postgresql';

export function providerOf(databaseUrl: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgresql';
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL harus diawali file: (SQLite) atau postgresql:// (PostgreSQL), bukan "${databaseUrl.split(':')[0]}:…"`);
}

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === 'postgresql') {
    // Same models, same generated API: the PostgreSQL client is used through the one Db type.
    // SQLite runs one write transaction at a time; PostgreSQL runs them side by side, so every
    // transaction is Serializable (two read-modify-writes of one row cannot both win) and one
    // that loses a conflict is run again (retryingTransactions).
    const client = new PgPrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl }),
      transactionOptions: { isolationLevel: 'Serializable' },
    }) as unknown as Db;
    return retryingTransactions(client);
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 }) });
}

/** Which database a client (or a transaction client) talks to: for the few raw statements that differ. */
export function dialectOf(db: Queryable): Provider {
  return (db as unknown as { _activeProvider: string })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** Attempts of a transaction that keeps losing serialization conflicts (P2034) before it fails. */
const TRANSACTION_ATTEMPTS = 8;

function isConflict(error: unknown): boolean {
  return (error as { code?: string })?.code === 'P2034' || /could not serialize|deadlock detected/i.test(String((error as Error)?.message));
}

/**
 * An interactive transaction that PostgreSQL aborts for a conflict (a concurrent transaction
 * read or wrote the same rows) is run again from the start, after a short random pause. The
 * function passed to $transaction only touches the database through its `tx`, so running it
 * again is safe; array transactions are left as they are.
 */
function retryingTransactions(client: Db): Db {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const retrying = async (arg: unknown, options?: unknown) => {
    if (typeof arg !== 'function') return original(arg, options);
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(arg, options);
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  };
  Object.defineProperty(client, '$transaction', { value: retrying, configurable: true, writable: true });
  return client;
}

/**
 * Whether an error means the database server cannot be reached now (refused, timed out, name
 * not found, too many connections, starting up or shutting down), as opposed to a bad query.
 */
export function isUnreachable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? '')}`;
  return /P1001|P1002|P1017|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|DatabaseNotReachable|ConnectionClosed|the database system is (starting up|shutting down)|too many clients|Connection terminated|SocketTimeout/i.test(text);
}

/** A short reason for the log, without the URL (it may carry a password). */
export function describeUnreachable(error: unknown): string {
  return String((error as Error)?.message ?? error).replace(/postgres(ql)?:\/\/\S+/gi, 'postgresql://…').split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 200) ?? '';
}
