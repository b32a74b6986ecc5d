// `npm run db:check`, PostgreSQL half: do prisma/postgresql/migrations build exactly the schema
// prisma/postgresql/schema.prisma describes? Prisma's own check (`migrate diff
// --from-migrations`) needs a shadow database that does not work through the driver adapter
// here (docs/toolchain.md), so the check is made on the server: one database migrated with
// `migrate deploy`, one made from the schema in one script, and their `pg_dump --schema-only`
// compared. Both are dropped afterwards. Without a reachable server it says so and passes,
// unless REQUIRE_POSTGRES=1 (CI).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const urlOf = (name: string) => Object.assign(new URL(SERVER), { pathname: `/${name}` }).toString();
const psql = (url: string, ...args: string[]) =>
  execFileSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const prisma = (url: string, ...args: string[]) =>
  execFileSync('npx', ['prisma', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });

/** The schema as pg_dump writes it, without comments, blank lines and Prisma's own table. */
function dump(url: string): string {
  const text = execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '--exclude-table=_prisma_migrations', url], { encoding: 'utf8' });
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('--') && !line.startsWith('\\') && !line.startsWith('SET ') && !line.startsWith('SELECT pg_catalog')).join('\n');
}

try {
  psql(SERVER, '-c', 'SELECT 1');
} catch {
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(`PostgreSQL is not reachable at ${new URL(SERVER).host}: cannot check prisma/postgresql/migrations.`);
    process.exit(1);
  }
  console.log('PostgreSQL not reachable (TEST_POSTGRES_URL): prisma/postgresql/migrations not checked.');
  process.exit(0);
}

const suffix = randomBytes(4).toString('hex');
const [migrated, fromSchema] = [`spbe_check_migrated_${suffix}`, `spbe_check_schema_${suffix}`];
try {
  for (const name of [migrated, fromSchema]) psql(SERVER, '-c', `CREATE DATABASE "${name}"`);
  prisma(urlOf(migrated), 'migrate', 'deploy');
  const script = prisma(urlOf(fromSchema), 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/postgresql/schema.prisma', '--script');
  execFileSync('psql', [urlOf(fromSchema), '-Xq', '-v', 'ON_ERROR_STOP=1'], { input: script, stdio: ['pipe', 'ignore', 'pipe'] });
  const [a, b] = [dump(urlOf(migrated)), dump(urlOf(fromSchema))];
  if (a !== b) {
    const aLines = new Set(a.split('\n'));
    const bLines = new Set(b.split('\n'));
    console.error('prisma/postgresql/migrations do not build prisma/postgresql/schema.prisma: create one with npm run db:new-migration -- <name>');
    for (const line of a.split('\n').filter((l) => !bLines.has(l))) console.error(`- ${line}`);
    for (const line of b.split('\n').filter((l) => !aLines.has(l))) console.error(`+ ${line}`);
    process.exitCode = 1;
  } else {
    console.log('prisma/postgresql/migrations build prisma/postgresql/schema.prisma.');
  }
} finally {
  for (const name of [migrated, fromSchema]) psql(SERVER, '-c', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
