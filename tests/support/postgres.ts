// The PostgreSQL server the tests use: TEST_POSTGRES_URL, by default the machine's own
// (127.0.0.1:5432, trust auth, database `test`). Databases are made and dropped with psql, so a
// test file can get its own database synchronously, as it gets its SQLite file.
import { execFileSync } from 'node:child_process';

export const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database; throws with psql's message. */
export function psql(statement: string, timeoutMs = 30_000): string {
  return execFileSync('psql', [SERVER_URL, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', statement], {
    encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** True when the server answers within a few seconds. */
export function serverReachable(): boolean {
  try {
    return psql('SELECT 1', 5_000).trim() === '1';
  } catch {
    return false;
  }
}

export function dropDatabase(name: string): void {
  psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
