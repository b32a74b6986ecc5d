// `npm run cli -- db copy --to postgresql://…` (move this SQLite deployment to PostgreSQL) and
// `db backup --out <file>` (a consistent copy of the SQLite file while the bot runs).
import { resolve } from 'node:path';
import { backupSqlite, copyDatabase, CopyError } from '../../db/copy.ts';
import { parseOptions } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';

const USAGE = 'npm run cli -- db copy --to postgresql://pengguna:sandi@host:5432/nama | db backup --out cadangan.db';

export async function dbCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'copy') {
      const o = parseOptions(rest, { to: { type: 'string' } }, ['to'], USAGE);
      if (!/^postgres(ql)?:\/\//i.test(o.to!)) throw new UsageError(`--to harus alamat PostgreSQL (postgresql://…)\nPemakaian: ${USAGE}`);
      const summary = await copyDatabase(ctx.db, o.to!, (name, rows) => ctx.io.out(`${name}: ${rows} baris`));
      ctx.io.out(`Selesai: ${summary.rows} baris dari ${summary.tables.length} tabel tersalin, jumlah per tabel sama dengan sumber. ` +
        'Ganti DATABASE_URL ke alamat PostgreSQL itu, lalu jalankan bot.');
      return;
    }
    if (sub === 'backup') {
      const o = parseOptions(rest, { out: { type: 'string' } }, ['out'], USAGE);
      const out = resolve(ctx.cwd, o.out!);
      await backupSqlite(ctx.db, out);
      ctx.io.out(`Cadangan tersimpan: ${out}`);
      return;
    }
  } catch (error) {
    if (error instanceof CopyError) throw new CliError(error.message);
    throw error;
  }
  throw new UsageError(`perintah db "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
}
