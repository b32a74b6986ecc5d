// Brings a database up to date before anything uses it. Migrations are applied by Prisma's own
// `migrate deploy` (the ecosystem's way, and the same SQL CI checks against schema.prisma); we
// only decide whether it is needed and refuse a database that a newer spbe-bot has migrated.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Db, Provider } from './client.ts';
import { dialectOf } from './client.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** A migrations folder per provider: the SQL differs, the models are the same. */
const MIGRATIONS_DIRS: Record<Provider, string> = {
  sqlite: fileURLToPath(new URL('../../prisma/migrations/', import.meta.url)),
  postgresql: fileURLToPath(new URL('../../prisma/postgresql/migrations/', import.meta.url)),
};

export class DatabaseStateError extends Error {}

export function listCodeMigrations(provider: Provider = 'sqlite'): string[] {
  return readdirSync(MIGRATIONS_DIRS[provider], { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

interface AppliedMigration {
  migration_name: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

async function listAppliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const table = await db.$queryRawUnsafe<{ name: string }[]>(dialectOf(db) === 'postgresql'
    ? "SELECT CAST(table_name AS text) AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'"
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
  if (table.length === 0) return [];
  return db.$queryRawUnsafe<AppliedMigration[]>(
    'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations',
  );
}

export interface MigrationPlan {
  pending: string[];
  applied: string[];
}

/** What `migrate deploy` would do, or a refusal when the database is ahead of this code. */
export async function planMigrations(db: Db): Promise<MigrationPlan> {
  const known = listCodeMigrations(dialectOf(db));
  const applied = (await listAppliedMigrations(db)).filter((m) => m.rolled_back_at === null);
  const unknown = applied.filter((m) => !known.includes(m.migration_name));
  if (unknown.length > 0) {
    throw new DatabaseStateError(
      `Basis data ini sudah dimigrasikan oleh versi spbe-bot yang lebih baru ` +
        `(migrasi tidak dikenal: ${unknown.map((m) => m.migration_name).join(', ')}). ` +
        `Perbarui spbe-bot sebelum memakai basis data ini.`,
    );
  }
  const broken = applied.filter((m) => m.finished_at === null);
  if (broken.length > 0) {
    throw new DatabaseStateError(
      `Migrasi ${broken.map((m) => m.migration_name).join(', ')} pernah gagal di tengah jalan; ` +
        `pulihkan basis data dari cadangan lalu coba lagi.`,
    );
  }
  const done = new Set(applied.map((m) => m.migration_name));
  return { pending: known.filter((name) => !done.has(name)), applied: [...done].sort() };
}

const run = promisify(execFile);

async function runMigrateDeploy(databaseUrl: string): Promise<void> {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  try {
    await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  } catch (error) {
    const detail = (error as { stderr?: string; stdout?: string }).stderr ?? String(error);
    if (detail.includes('P3005')) {
      throw new DatabaseStateError(
        'Berkas ini berisi tabel lain tetapi bukan basis data spbe-bot (tidak ada riwayat migrasi); ' +
          'periksa DATABASE_URL atau pakai berkas baru.',
      );
    }
    throw new DatabaseStateError(`Migrasi basis data gagal: ${detail.trim()}`);
  }
}

/** Applies pending migrations (if any) and returns their names. */
export async function migrateDatabase(db: Db, databaseUrl: string): Promise<string[]> {
  const { pending } = await planMigrations(db);
  if (pending.length > 0) await runMigrateDeploy(databaseUrl);
  return pending;
}
