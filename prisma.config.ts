// Prisma CLI configuration: every migrate/db command runs on the WASM engine through the
// better-sqlite3 driver adapter, because nothing may download a native engine here
// (docs/toolchain.md in the shared docs explains the pins).
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
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

// Without DATABASE_URL, Prisma 6.19 falls back to its native engines and tries to download one:
// give every CLI call (generate at install time, the CI schema check) the app's default.
process.env.DATABASE_URL ??= 'file:./spbe-bot.db';
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    const factory = new PrismaBetterSQLite3({ url });
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => runWholeScripts(await connectToShadowDb());
    return factory;
  },
});
