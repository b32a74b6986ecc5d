// Moving a deployment from SQLite to PostgreSQL (`npm run cli -- db copy --to postgresql://…`):
// every table, row for row with its ids, in foreign-key order, in one transaction on the target
// (all or nothing), counts checked before it commits; the target must be empty (its migrations
// are applied first). And the SQLite online backup (`db backup`).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './client.ts';
import { createDb, describeUnreachable, dialectOf, isUnreachable } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { queryRaw } from './raw-sql.ts';

export class CopyError extends Error {}

interface Table {
  name: string;
  /** the Prisma delegate (`checklistItem` for ChecklistItem) */
  delegate: string;
  primaryKey: string[];
  references: string[];
}

const PAGE = 2_000;

type Delegate = {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};
const delegateOf = (db: unknown, table: Table) => (db as Record<string, Delegate>)[table.delegate]!;

/** The source's tables in an order where every table comes after those it references (SQLite's catalogue). */
async function tablesOf(source: Db): Promise<Table[]> {
  const models = Object.keys((source as unknown as { _runtimeDataModel: { models: Record<string, unknown> } })._runtimeDataModel.models);
  const tables: Table[] = [];
  for (const name of models) {
    const columns = await queryRaw<{ name: string; pk: number | bigint }>(source, `SELECT "name", "pk" FROM pragma_table_info('${name}')`);
    const keys = await queryRaw<{ table: string }>(source, `SELECT "table" FROM pragma_foreign_key_list('${name}')`);
    tables.push({
      name, delegate: name[0]!.toLowerCase() + name.slice(1),
      primaryKey: columns.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => c.name),
      references: [...new Set(keys.map((k) => k.table))].filter((t) => t !== name),
    });
  }
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && t.references.every((r) => placed.has(r)));
    if (ready.length === 0) throw new CopyError(`urutan tabel tidak dapat ditentukan (rujukan melingkar): ${tables.filter((t) => !placed.has(t.name)).map((t) => t.name).join(', ')}`);
    for (const t of ready) { ordered.push(t); placed.add(t.name); }
  }
  return ordered;
}

export interface CopySummary {
  tables: { name: string; rows: number }[];
  rows: number;
}

/**
 * Copies everything from the SQLite `source` into the PostgreSQL database at `targetUrl`.
 * The bot should be stopped meanwhile: rows written to the source during the copy are not copied.
 */
export async function copyDatabase(source: Db, targetUrl: string, onTable: (name: string, rows: number) => void = () => {}): Promise<CopySummary> {
  if (dialectOf(source) !== 'sqlite') throw new CopyError('db copy memindahkan dari SQLite (DATABASE_URL file:…) ke PostgreSQL.');
  const target = createDb(targetUrl);
  if (dialectOf(target) !== 'postgresql') throw new CopyError('tujuan --to harus PostgreSQL (postgresql://…).');
  try {
    try {
      await migrateDatabase(target, targetUrl);
    } catch (error) {
      // Said in the operator's words: the usual mistakes are a server that is down or a database not created yet.
      if (isUnreachable(error) || /P1003|does not exist/i.test(String((error as Error)?.message))) throw new CopyError(`basis data tujuan tidak dapat dihubungi (${describeUnreachable(error)}); periksa alamat --to, dan buat dulu basis data kosongnya.`);
      throw error;
    }
    const tables = await tablesOf(source);
    for (const table of tables) {
      const rows = await delegateOf(target, table).count();
      if (rows > 0) throw new CopyError(`basis data tujuan tidak kosong (${table.name}: ${rows} baris); pakai basis data baru yang kosong.`);
    }
    const summary: CopySummary = { tables: [], rows: 0 };
    await target.$transaction(async (tx) => {
      for (const table of tables) {
        const rows = await copyTable(source, tx, table);
        const [want, got] = [await delegateOf(source, table).count(), await delegateOf(tx, table).count()];
        if (want !== got || rows !== got) throw new CopyError(`${table.name}: ${got} baris tersalin, sumber ${want}; tidak ada yang disimpan.`);
        summary.tables.push({ name: table.name, rows });
        summary.rows += rows;
        onTable(table.name, rows);
      }
      await resetSequences(tx, tables);
    }, { timeout: 60 * 60_000, maxWait: 60_000 });
    return summary;
  } finally {
    await target.$disconnect();
  }
}

/** One table, page by page in primary-key order (keyset paging on a single `id`). */
async function copyTable(source: Db, tx: unknown, table: Table): Promise<number> {
  const from = delegateOf(source, table);
  const into = delegateOf(tx, table);
  const orderBy = table.primaryKey.map((k) => ({ [k]: 'asc' }));
  const keyset = table.primaryKey.length === 1 && table.primaryKey[0] === 'id';
  let copied = 0;
  let after: unknown = null;
  for (;;) {
    const rows = keyset
      ? await from.findMany({ orderBy, take: PAGE, ...(after === null ? {} : { where: { id: { gt: after } } }) })
      : await from.findMany({ orderBy, take: PAGE, skip: copied });
    if (rows.length === 0) return copied;
    await into.createMany({ data: rows });
    copied += rows.length;
    after = rows.at(-1)!.id;
  }
}

/** Explicit ids do not move PostgreSQL's sequences: each is set past the highest id copied. */
async function resetSequences(tx: unknown, tables: Table[]): Promise<void> {
  const db = tx as Db;
  for (const table of tables.filter((t) => t.primaryKey.length === 1 && t.primaryKey[0] === 'id')) {
    const [sequence] = await queryRaw<{ name: string | null }>(db, `SELECT CAST(pg_get_serial_sequence('"${table.name}"', 'id') AS text) AS "name"`);
    if (!sequence?.name) continue;
    await queryRaw(db, `SELECT setval('${sequence.name}', COALESCE((SELECT MAX("id") FROM "${table.name}"), 1), (SELECT COUNT(*) FROM "${table.name}") > 0)`);
  }
}

/**
 * A consistent copy of the SQLite database at `out` while the bot runs: VACUUM INTO reads one
 * snapshot (WAL lets the bot go on writing) and writes a compact, complete database file.
 */
export async function backupSqlite(db: Db, out: string): Promise<void> {
  if (dialectOf(db) !== 'sqlite') throw new CopyError('db backup untuk SQLite; untuk PostgreSQL pakai pg_dump (lihat README, bagian Production).');
  if (existsSync(out)) throw new CopyError(`berkas ${out} sudah ada; pilih nama lain (cadangan tidak menimpa).`);
  if (!existsSync(dirname(out))) throw new CopyError(`folder ${dirname(out)} tidak ada; buat dulu atau pilih folder lain.`);
  await db.$executeRawUnsafe('VACUUM INTO ?', out);
}
