import { parseArgs } from 'node:util';
import { formatIsoDate, parseDateInput, parseTimeInput } from '../domain/dates.ts';
import { parseYearText } from '../domain/workspace-rules.ts';
import { CliError, UsageError } from './io.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `opsi ${quoted} tidak dikenal`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return `opsi ${quoted.split(' ')[0]} perlu nilai`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': return `argumen "${quoted}" tidak dikenal`;
    default: return error.message;
  }
}

/** node:util parseArgs with Indonesian messages and required options. */
export function parseOptions<T extends OptionSpec>(args: string[], spec: T, required: (keyof T & string)[], usage: string) {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options: spec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${describeParseError(error as Error & { code?: string })}\nPemakaian: ${usage}`);
  }
  const missing = required.filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length > 0) {
    throw new UsageError(`opsi wajib tidak ada: ${missing.map((m) => `--${m}`).join(', ')}\nPemakaian: ${usage}`);
  }
  return values as { [K in keyof T]: T[K]['type'] extends 'boolean' ? boolean | undefined : string | undefined };
}

/** --year: four digits within the range the evaluations have existed (SPBE since 2018). */
export function parseYearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = parseYearText(text);
  if (year === null) throw new CliError(`tahun "${text}" tidak sah (mis. 2024).`);
  return year;
}

/** --date as people type it (2026-05-20, 20-05-2026, 20 Mei 2026), kept as 'YYYY-MM-DD'. */
export function parseDateOption(text: string, option = '--date'): string {
  const date = parseDateInput(text);
  if (!date) throw new CliError(`${option} "${text}" bukan tanggal yang sah; tulis mis. 2026-05-20 atau 20-05-2026.`);
  return formatIsoDate(date);
}

/** --time 14:00 or 14.00, kept as 'HH:MM'. */
export function parseTimeOption(text: string): string {
  const time = parseTimeInput(text);
  if (!time) throw new CliError(`--time "${text}" bukan jam yang sah; tulis mis. 14:00 atau 14.00.`);
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
