import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Table } from '../domain/score-import.ts';
import { readTableFile, TableFileError } from '../files/tables.ts';
import type { CliContext } from './io.ts';
import { CliError } from './io.ts';

/** The table in --file (CSV or XLSX, relative to where the admin ran the command). */
export async function readTableOption(ctx: CliContext, file: string): Promise<Table> {
  const path = resolve(ctx.cwd, file);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    throw new CliError(`berkas "${file}" tidak dapat dibaca.`);
  }
  try {
    return await readTableFile(basename(path), data);
  } catch (error) {
    if (error instanceof TableFileError) throw new CliError(error.message);
    throw error;
  }
}
