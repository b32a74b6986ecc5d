// prisma/schema.prisma (SQLite) is the one schema people edit; prisma/postgresql/schema.prisma is
// made from it here: the same models, the PostgreSQL provider and its own client folder.
// `npm run db:schemas` writes it; `--check` (run by `npm run db:check`) fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const SOURCE = 'prisma/schema.prisma';
const TARGET = 'prisma/postgresql/schema.prisma';
const MIGRATED = 'prisma/postgresql/migrated.prisma';

export function postgresqlSchema(sqlite: string): string {
  const replaced = sqlite
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../src/generated/prisma"', 'output     = "../../src/generated/prisma-pg"');
  if (!replaced.includes('"postgresql"') || !replaced.includes('prisma-pg')) throw new Error(`${SOURCE}: datasource or generator not found`);
  return `// GENERATED from ${SOURCE} by prisma/postgresql-schema.ts (npm run db:schemas): do not edit.\n${replaced}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = postgresqlSchema(readFileSync(SOURCE, 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(TARGET, 'utf8') !== wanted) {
      console.error(`${TARGET} is out of date: run npm run db:schemas (and npm run db:new-migration for a change)`);
      process.exit(1);
    }
    // The PostgreSQL migrations are diffed from this copy (prisma/new-migration.ts): equal means none is missing.
    if (readFileSync(MIGRATED, 'utf8') !== wanted) {
      console.error(`${MIGRATED} differs from ${TARGET}: a PostgreSQL migration is missing; run npm run db:new-migration -- <name>`);
      process.exit(1);
    }
    console.log(`${TARGET} matches ${SOURCE} and its migrations.`);
  } else {
    writeFileSync(TARGET, wanted);
    console.log(`wrote ${TARGET}`);
  }
}
