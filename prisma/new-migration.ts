// Creates a migration from the difference between the migrations and the schema, the offline way
// (`prisma migrate dev` needs a downloaded engine): `npm run db:new-migration -- name`. It makes
// two, with the same folder name: SQLite (prisma/migrations, diffed against the migrations
// themselves) and PostgreSQL (prisma/postgresql/migrations, diffed against
// prisma/postgresql/migrated.prisma, the schema its newest migration builds, since the
// shadow-database diff does not work for PostgreSQL here). Data moves are written by hand, in both.
import { execFileSync } from 'node:child_process';
import { copyFileSync as copy, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { postgresqlSchema } from './postgresql-schema.ts';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}
const diff = (databaseUrl: string, ...args: string[]) => execFileSync('npx', ['prisma', 'migrate', 'diff', ...args, '--script'],
  { encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } }).replace(/^Loaded Prisma config.*\n/m, '');
const changes = (sql: string) => /\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql);

writeFileSync('prisma/postgresql/schema.prisma', postgresqlSchema(readFileSync('prisma/schema.prisma', 'utf8')));
const sqlite = diff(process.env.DATABASE_URL?.startsWith('file:') ? process.env.DATABASE_URL : 'file:./spbe-bot.db',
  '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma');
// The adapter connects even for a diff of two files: any reachable server will do, nothing is written.
const postgres = diff(process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test',
  '--from-schema-datamodel', 'prisma/postgresql/migrated.prisma', '--to-schema-datamodel', 'prisma/postgresql/schema.prisma');
if (!changes(sqlite) && !changes(postgres)) {
  console.error('schema.prisma and the migrations already agree: nothing to do');
  process.exit(1);
}
// UTC timestamp like Prisma's own: the folder order is the order migrations are applied in.
// A folder named before the newest one would be applied out of order: never go backwards.
const newest = [...readdirSync('prisma/migrations'), ...readdirSync('prisma/postgresql/migrations')]
  .filter((f) => /^\d{14}_/.test(f)).sort().at(-1)?.slice(0, 14) ?? '0';
const now = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const stamp = now > newest ? now : String(BigInt(newest) + 1n);
// Write the folders only after the diffs: an empty migration folder breaks the diff itself.
for (const [root, sql] of [['prisma/migrations', sqlite], ['prisma/postgresql/migrations', postgres]] as const) {
  if (!changes(sql)) continue;
  const dir = `${root}/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, sql);
  console.log(`created ${dir}/migration.sql`);
}
copy('prisma/postgresql/schema.prisma', 'prisma/postgresql/migrated.prisma');
