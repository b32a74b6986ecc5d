// Creates a migration from the difference between prisma/migrations and schema.prisma, the
// offline way (`prisma migrate dev` needs a downloaded engine): `npm run db:new-migration -- name`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', '--from-migrations', 'prisma/migrations',
    '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { encoding: 'utf8' },
);
if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
  console.error('schema.prisma and prisma/migrations already agree: nothing to do');
  process.exit(1);
}
// UTC timestamp like Prisma's own: the folder order is the order migrations are applied in.
// A folder named before the newest one would be applied out of order: never go backwards.
const newest = readdirSync('prisma/migrations').filter((f) => /^\d{14}_/.test(f)).sort().at(-1)?.slice(0, 14) ?? '0';
const now = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const stamp = now > newest ? now : String(BigInt(newest) + 1n);
const dir = `prisma/migrations/${stamp}_${name}`;
// Write the folder only after the diff: an empty migration folder breaks the diff itself.
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/migration.sql`, sql);
console.log(`created ${dir}/migration.sql`);
