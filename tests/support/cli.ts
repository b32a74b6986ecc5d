// Runs the admin CLI in-process against a test database and captures what a terminal would show.
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.ts';
import type { Db } from '../../src/db/client.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(db: Db, argv: string[], now = new Date('2024-11-23T03:00:00Z')): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli({ db, now, cwd: REPO_ROOT, io: { out: (t) => out.push(t), err: (t) => err.push(t) } }, argv);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
