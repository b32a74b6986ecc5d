// Builds one template database from the real migrations (through Prisma's `migrate deploy`, as
// production does) and the shipped framework files; every test file copies it. The
// `postgresql` project gets a template database on the PostgreSQL server instead.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { databaseUrl, dropDatabase, psql } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDbPath: string;
    templatePgDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env?.SPBE_TEST_DB === 'postgresql') {
    const name = `spbe_template_${randomBytes(4).toString('hex')}`;
    psql(`CREATE DATABASE "${name}"`);
    const url = databaseUrl(name);
    const db = createDb(url);
    await prepareDatabase(db, url);
    await db.$disconnect();
    project.provide('templatePgDatabase', name);
    project.provide('templateDbPath', '');
    return () => dropDatabase(name);
  }
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-template-'));
  const path = join(dir, 'template.db');
  const db = createDb(`file:${path}`);
  await prepareDatabase(db, `file:${path}`);
  await db.$disconnect();
  project.provide('templateDbPath', path);
  project.provide('templatePgDatabase', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
