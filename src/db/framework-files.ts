// Frameworks are data: every JSON file in prisma/data/frameworks/ is validated and loaded at
// start-up (idempotently, by content hash). A broken file stops the load with messages that
// name the file and the fault, and nothing of any file is written.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameworkDef } from '../domain/framework-types.ts';
import { parseFrameworkFile } from '../domain/framework-file.ts';
import type { Db } from './client.ts';
import type { SaveOutcome } from './frameworks.ts';
import { saveFramework } from './frameworks.ts';

export const FRAMEWORKS_DIR = fileURLToPath(new URL('../../prisma/data/frameworks/', import.meta.url));

export class FrameworkFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Berkas kerangka ditolak:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

export interface CheckedFrameworkFile {
  file: string;
  framework: FrameworkDef;
  contentHash: string;
}

/** Reads and validates one file; throws FrameworkFileError naming what is wrong. */
export function readFrameworkFile(path: string): CheckedFrameworkFile {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FrameworkFileError([`${file}: berkas tidak dapat dibaca`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FrameworkFileError([`${file}: bukan JSON yang sah (${(error as Error).message})`]);
  }
  const parsed = parseFrameworkFile(raw, file);
  if (!parsed.ok) throw new FrameworkFileError(parsed.errors);
  const contentHash = createHash('sha256').update(JSON.stringify(parsed.framework)).digest('hex');
  return { file, framework: parsed.framework, contentHash };
}

/** Validates every file first, then saves them; returns what happened to each framework. */
export async function syncFrameworkFiles(db: Db, dir = FRAMEWORKS_DIR): Promise<Record<string, SaveOutcome>> {
  const paths = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
  const checked: CheckedFrameworkFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      checked.push(readFrameworkFile(path));
    } catch (error) {
      if (!(error instanceof FrameworkFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  const codes = checked.map((c) => c.framework.code);
  for (const code of new Set(codes)) {
    const files = checked.filter((c) => c.framework.code === code).map((c) => c.file);
    if (files.length > 1) problems.push(`kode kerangka "${code}" dipakai oleh lebih dari satu berkas: ${files.join(', ')}`);
  }
  if (problems.length > 0) throw new FrameworkFileError(problems);
  const outcomes: Record<string, SaveOutcome> = {};
  for (const c of checked) outcomes[c.framework.code] = await saveFramework(db, c.framework, c.contentHash);
  return outcomes;
}
