// Command arguments, parsed with zod into domain values. Accepts what people type ("012",
// "Dokumen", "29-10-2024", "14.00"); a failure carries an Indonesian reason for the reply, plain
// text quoting at most an excerpt of what was typed (the reply escapes it).
import { z } from 'zod';
import { formatIsoDate, parseDateInput, parseTimeInput } from '../domain/dates.ts';
import { excerpt } from '../domain/excerpt.ts';
import { parseRole } from '../domain/roles.ts';
import { parseWholeNumber } from '../domain/score-import.ts';
import { parseStage, STAGES } from '../domain/stages.ts';
import { parseTargetIndex } from '../domain/workspace-rules.ts';

const custom = <T>(parse: (s: string) => T | null, message: (s: string) => string) =>
  z.string().transform((s, ctx) => {
    const value = parse(s);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: message(excerpt(s)) });
      return z.NEVER;
    }
    return value;
  });

export const arg = {
  indicatorNo: (max: number) => custom(
    (s) => { const n = parseWholeNumber(s); return n !== null && n >= 1 && n <= max ? n : null; },
    (s) => `Nomor indikator "${s}" tidak ada (1–${max}).`),
  level: custom(
    (s) => { const n = parseWholeNumber(s); return n !== null && n >= 1 && n <= 5 ? n : null; },
    (s) => `Tingkat "${s}" harus bilangan bulat 1–5.`),
  stage: custom(parseStage, (s) => `Tahap "${s}" tidak dikenal; pilihan: ${STAGES.join(', ')}.`),
  date: custom((s) => { const d = parseDateInput(s); return d && formatIsoDate(d); },
    (s) => `Tanggal "${s}" tidak valid; tulis mis. 29-10-2024 atau 2024-10-29.`),
  time: custom((s) => { const t = parseTimeInput(s); return t && `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`; },
    (s) => `Jam "${s}" tidak valid; tulis mis. 14.00 atau 14:00.`),
  year: custom(
    (s) => { const n = parseWholeNumber(s); return n !== null && n >= 2018 && n <= 2100 ? n : null; },
    (s) => `Tahun "${s}" tidak valid; tulis mis. 2024.`),
  target: custom(parseTargetIndex, (s) => `Target "${s}" harus angka 1–5, mis. 3,5.`),
  role: custom(parseRole, (s) => `Peran "${s}" tidak dikenal; pilihan: admin, koordinator, pic, pimpinan.`),
  number: (max: number) => custom(
    (s) => { const n = parseWholeNumber(s); return n !== null && n >= 1 && n <= max ? n : null; },
    (s) => `Nomor "${s}" tidak ada (1–${max}).`),
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string | undefined };

/** Splits the text after a command into words (collapsing spaces). */
export function words(payload: string): string[] {
  return payload.trim().split(/\s+/).filter(Boolean);
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const custom = result.error.issues.find((i) => i.code === 'custom');
  return { ok: false, problem: custom?.message };
}
