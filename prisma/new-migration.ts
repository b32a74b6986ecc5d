// Creates a migration from the difference between prisma/migrations and schema.prisma, the
// offline way (`prisma migrate dev` needs a downloaded engine): `npm run db:new-migration -- name`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'file:./.tmp/diff.db' };
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', '--from-migrations', 'prisma/migrations',
    '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { env, encoding: 'utf8' },
);
if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
  console.error('schema.prisma and prisma/migrations already agree: nothing to do');
  process.exit(1);
}
// UTC timestamp like Prisma's own: the folder order is the order migrations are applied in.
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = `prisma/migrations/${stamp}_${name}`;
// Write the folder only after the diff: an empty migration folder breaks the diff itself.
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/migration.sql`, sql);
console.log(`created ${dir}/migration.sql`);
