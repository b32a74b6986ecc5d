import type { Db } from '../db/client.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  db: Db;
  io: CliIo;
  /** the clock, read once by the entry point */
  now: Date;
  /** where relative --file paths are resolved */
  cwd: string;
}

/** An expected failure: its message goes to stderr as is, with this exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
