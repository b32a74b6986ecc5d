// Builds one template database from the real migrations (through Prisma's `migrate deploy`,
// as production does) and the shipped framework files; every test file copies it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-template-'));
  const path = join(dir, 'template.db');
  const db = createDb(`file:${path}`);
  await prepareDatabase(db, `file:${path}`);
  await db.$disconnect();
  project.provide('templateDbPath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
