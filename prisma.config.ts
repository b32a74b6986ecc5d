// Prisma CLI configuration: every migrate/db command runs on the WASM engine through a driver
// adapter, because nothing may download a native engine here (docs/toolchain.md in the shared
// docs explains the pins). DATABASE_URL picks the provider: `file:` is SQLite
// (prisma/schema.prisma, prisma/migrations), `postgresql://` is PostgreSQL
// (prisma/postgresql/schema.prisma, generated from the SQLite one, and its own migrations).
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

type ShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connectToShadowDb']>>;

// `migrate diff --from-migrations` replays each migration on a shadow database through
// executeRaw, and better-sqlite3 runs only the first statement of a multi-statement string;
// scripts without parameters must go through executeScript so every statement runs.
function runWholeScripts(adapter: ShadowAdapter): ShadowAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgIo = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };

// prisma/orm#27403: the schema engine reads catalog columns of type `name` (oid 19), which
// adapter-pg refuses to deserialise; they are text, so they are reported as text (oid 25).
function nameColumnsAsText(adapter: PgAdapter): PgAdapter {
  const io = adapter as unknown as PgIo;
  const performIO = io.performIO.bind(adapter);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === 19) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

// Without DATABASE_URL, Prisma 6.19 falls back to its native engines and tries to download one:
// give every CLI call (generate at install time, the CI schema check) the app's default.
process.env.DATABASE_URL ??= 'file:./spbe-bot.db';
const url = process.env.DATABASE_URL;
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgresql/migrations' : 'prisma/migrations' },
  async adapter() {
    if (postgres) {
      const factory = new PrismaPg({ connectionString: url });
      const connect = factory.connect.bind(factory);
      factory.connect = async () => nameColumnsAsText(await connect());
      return factory;
    }
    const factory = new PrismaBetterSQLite3({ url });
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => runWholeScripts(await connectToShadowDb());
    return factory;
  },
});
